"""Rows applied through the services, in order (commitments, then milestones, then updates),
each in a savepoint so that one refused row does not hide the next one's problems; all in one
transaction, rolled back for a preview, or when any row failed. So an import is all or
nothing, and everything it writes went through the rules the pages follow."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.types import Actor
from recommendations.models import Commitment, Milestone, Recommendation, StatusUpdate
from recommendations.services.commitments import commitment_create, commitment_edit
from recommendations.services.milestones import milestone_create
from recommendations.services.updates import commitment_record_update

from .columns import COMMITMENTS, MILESTONES, UPDATES
from .reading import read_import_file
from .rows import PARSERS, Row

CREATE, CHANGE, UNCHANGED, ERROR = "create", "change", "unchanged", "error"


@dataclass
class Outcome:
    row: Row
    action: str
    detail: str = ""


@dataclass
class ImportResult:
    outcomes: list[Outcome] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict:
        counts = Counter(o.action for o in self.outcomes)
        return {k: counts.get(k, 0) for k in (CREATE, CHANGE, UNCHANGED, ERROR)}

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.counts[ERROR]


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [f"{k}: {m}" for k, msgs in exc.message_dict.items() for m in msgs]
    return list(exc.messages)


class _Runner:
    def __init__(self, user: Actor, today: datetime.date):
        self.user, self.today = user, today
        self.recommendations = {r.number: r for r in Recommendation.objects.all()}

    def commitment(self, row: Row) -> Outcome:
        v = dict(row.values)
        owners = v.pop("owners")
        reference = v.pop("reference")
        v["recommendation"] = self.recommendations[v["recommendation"]]
        existing = Commitment.objects.filter(reference=reference).first()
        if existing is None:
            if v["target_date"] < self.today:
                return Outcome(row, ERROR, _("target_date: the date is in the past."))
            commitment_create(user=self.user, owners=owners, reference=reference, **v)
            return Outcome(row, CREATE)
        changed = {k: value for k, value in v.items() if getattr(existing, k) != value}
        same_owners = {u.pk for u in owners} == set(existing.owners.values_list("pk", flat=True))
        if not changed and same_owners:
            return Outcome(row, UNCHANGED)
        commitment_edit(
            user=self.user,
            commitment_id=existing.pk,
            owners=None if same_owners else owners,
            **changed,
        )
        return Outcome(row, CHANGE, ", ".join(sorted(changed)) or "owners")

    def _parent(self, row: Row) -> Commitment | None:
        return Commitment.objects.filter(reference=row.values["commitment"]).first()

    def milestone(self, row: Row) -> Outcome:
        v = row.values
        commitment = self._parent(row)
        if commitment is None:
            return Outcome(row, ERROR, self._no_parent(row))
        existing = Milestone.objects.filter(reference=v["reference"]).first()
        if existing is not None:
            same = (
                existing.commitment_id == commitment.pk
                and existing.title_ar == v["title_ar"]
                and existing.due_date == v["due_date"]
                and existing.weight == v["weight"]
            )
            if same:
                return Outcome(row, UNCHANGED)
            return Outcome(
                row,
                ERROR,
                _(
                    "reference: this milestone was imported with other values; change it in "
                    "the admin."
                ),
            )
        milestone_create(
            user=self.user,
            commitment_id=commitment.pk,
            title_ar=v["title_ar"],
            title_fr=v["title_fr"],
            title_en=v["title_en"],
            due_date=v["due_date"],
            weight=v["weight"],
            reference=v["reference"],
        )
        return Outcome(row, CREATE)

    def update(self, row: Row) -> Outcome:
        v = row.values
        commitment = self._parent(row)
        if commitment is None:
            return Outcome(row, ERROR, self._no_parent(row))
        if StatusUpdate.objects.filter(reference=v["reference"]).exists():
            return Outcome(row, UNCHANGED)
        commitment_record_update(
            user=self.user,
            commitment_id=commitment.pk,
            expected_version=commitment.version,
            level=v["level"],
            progress=v["progress"],
            note=v["note"],
            evidence_link=v["evidence_link"],
            reference=v["reference"],
        )
        return Outcome(row, CREATE)

    def _no_parent(self, row: Row) -> str:
        return _(
            "commitment: no commitment has the reference “%(ref)s”, in this file or before."
        ) % {"ref": row.values["commitment"]}


def _parsed_rows(read, today: datetime.date) -> list[Row]:
    rows = []
    for sheet in read.sheets:
        seen: dict[str, int] = {}
        for line, values in sheet.rows:
            row = Row(sheet.table, sheet.label, line, values)
            PARSERS[sheet.table.name](row, today)
            if row.reference and row.reference in seen:
                row.error(
                    "reference",
                    _("“%(ref)s” is already used on line %(line)d.")
                    % {"ref": row.reference, "line": seen[row.reference]},
                )
            seen.setdefault(row.reference, line)
            rows.append(row)
    order = {COMMITMENTS.name: 0, MILESTONES.name: 1, UPDATES.name: 2}
    return sorted(rows, key=lambda r: (order[r.table.name], r.sheet, r.line))


def run_import(
    *, data: bytes, user: Actor, commit: bool, today: datetime.date | None = None
) -> ImportResult:
    """What the file would do (commit=False, nothing kept) or does (commit=True: kept only if
    no row failed)."""
    today = today or timezone.localdate()
    read = read_import_file(data)
    if read.errors:
        return ImportResult(file_errors=read.errors)
    result = ImportResult()
    runner = _Runner(user, today)
    apply = {
        COMMITMENTS.name: runner.commitment,
        MILESTONES.name: runner.milestone,
        UPDATES.name: runner.update,
    }
    with transaction.atomic():
        for row in _parsed_rows(read, today):
            if row.errors:
                result.outcomes.append(Outcome(row, ERROR, " · ".join(row.errors)))
                continue
            try:
                with transaction.atomic():
                    outcome = apply[row.table.name](row)
                    if outcome.action == ERROR:
                        raise _RowRefused(outcome)
            except _RowRefused as refused:
                outcome = refused.outcome
            except ValidationError as exc:
                outcome = Outcome(row, ERROR, " · ".join(_messages(exc)))
            except PermissionDenied:
                outcome = Outcome(row, ERROR, _("you may not make this change."))
            result.outcomes.append(outcome)
        if not commit or not result.ok:
            transaction.set_rollback(True)
    return result


class _RowRefused(Exception):
    """Rolls back a row's savepoint when the runner itself refused it."""

    def __init__(self, outcome: Outcome):
        self.outcome = outcome
