"""The tables an import file may hold. A column's key is what the header row must say (in any
case); its explanation goes into the template."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    required: bool
    help: str


@dataclass(frozen=True)
class Table:
    name: str  # the sheet's name in an XLSX file
    title: str
    columns: tuple[Column, ...]

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    @property
    def required(self) -> set[str]:
        return {c.key for c in self.columns if c.required}


COMMITMENTS = Table(
    "commitments",
    _("Commitments"),
    (
        Column("reference", True, _("Your own key for the row, unique: letters, digits, . _ -")),
        Column("recommendation", True, _("The recommendation's number, 1 to 9")),
        Column("commune", False, _("The commune: its name in any language, or its code")),
        Column("body", False, _("The owner body's short name, if not the commune's council")),
        Column("title_ar", True, _("Title in Arabic")),
        Column("title_fr", False, _("Title in French")),
        Column("title_en", False, _("Title in English")),
        Column("start_date", False, _("Start date, e.g. 2026-01-31 (empty: today)")),
        Column("target_date", True, _("Target date, e.g. 2027-12-31")),
        Column("owners", False, _("Usernames of the owner councillors, separated by commas")),
        Column("public", False, _("yes or no (empty: yes)")),
    ),
)
MILESTONES = Table(
    "milestones",
    _("Milestones"),
    (
        Column("commitment", True, _("The reference of the commitment")),
        Column("reference", True, _("Your own key for the row, unique")),
        Column("title_ar", True, _("Title in Arabic")),
        Column("title_fr", False, _("Title in French")),
        Column("title_en", False, _("Title in English")),
        Column("due_date", True, _("Due date")),
        Column("weight", False, _("How much it counts, 1 to 100 (empty: 1)")),
    ),
)
UPDATES = Table(
    "updates",
    _("Progress updates"),
    (
        Column("commitment", True, _("The reference of the commitment")),
        Column("reference", True, _("Your own key for the row, unique")),
        Column("level", True, _("not_started, limited, substantial, complete or withdrawn")),
        Column("progress", False, _("0 to 100; empty where milestones set it")),
        Column("note", True, _("What changed (shown publicly)")),
        Column("evidence_link", False, _("A link to the evidence (needed to raise the level)")),
    ),
)
TABLES = (COMMITMENTS, MILESTONES, UPDATES)
MAX_ROWS = 5000
