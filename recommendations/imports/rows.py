"""A row's values parsed and checked, each problem named with its column in the reader's
language. What the services check (a level against its band, a date before the start) they
say themselves when the row is applied (runner)."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from accounts.selectors import councillors_named
from recommendations.state.levels import Level
from territory.selectors import body_by_slug, commune_by_name, council_of_commune
from text.lists import join_words
from web.forms import FIRST_DAY, LAST_DAY

from .columns import COMMITMENTS, MILESTONES, UPDATES, Table

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
REFERENCE = re.compile(r"[A-Za-z0-9._-]{1,64}")
YES = {"yes", "y", "oui", "نعم", "1", "true"}
NO = {"no", "n", "non", "لا", "0", "false"}


@dataclass
class Row:
    table: Table
    sheet: str
    line: int
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return self.values.get("reference", "")

    def error(self, column: str, message: str) -> None:
        self.errors.append(f"{column}: {message}")


def _text(raw) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def _number(row: Row, column: str, raw, *, low: int, high: int, default=None):
    text = _text(raw).translate(_DIGITS)
    if not text:
        if default is None:
            row.error(column, _("a number is needed."))
        return default
    if not re.fullmatch(r"\d{1,6}", text):
        row.error(column, _("“%(value)s” is not a whole number.") % {"value": text[:40]})
        return None
    number = int(text)
    if not low <= number <= high:
        row.error(column, _("give a number from %(low)d to %(high)d.") % {"low": low, "high": high})
        return None
    return number


def _date(row: Row, column: str, raw, *, required: bool) -> datetime.date | None:
    if isinstance(raw, datetime.datetime):
        raw = raw.date()
    if isinstance(raw, datetime.date):
        day = raw
    else:
        text = _text(raw).translate(_DIGITS)
        if not text:
            if required:
                row.error(column, _("a date is needed, e.g. 2027-12-31."))
            return None
        day = _parse_day(text)
        if day is None:
            row.error(
                column,
                _("“%(value)s” is not a date: write it as 2027-12-31.") % {"value": text[:40]},
            )
            return None
    if not FIRST_DAY <= day <= LAST_DAY:
        row.error(column, _("the date must be between 2000 and 2099."))
        return None
    return day


def _parse_day(text: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _reference(row: Row, column: str = "reference") -> str:
    text = _text(row.values.get(column))
    if not REFERENCE.fullmatch(text):
        row.error(column, _("use 1 to 64 letters, digits, dots, dashes or underscores."))
    return text


def commitment_row(row: Row, today: datetime.date) -> None:
    raw = row.values
    values = {"reference": _reference(row)}
    values["recommendation"] = _number(
        row, "recommendation", raw.get("recommendation"), low=1, high=9
    )
    body = None
    if _text(raw.get("body")):
        body = body_by_slug(slug=_text(raw["body"]))
        if body is None:
            row.error(
                "body", _("no body is called “%(value)s”.") % {"value": _text(raw["body"])[:60]}
            )
    elif _text(raw.get("commune")):
        commune = commune_by_name(name=_text(raw["commune"]))
        if commune is None:
            row.error(
                "commune",
                _("no commune, or more than one, is called “%(value)s”.")
                % {"value": _text(raw["commune"])[:60]},
            )
        else:
            body = council_of_commune(commune=commune)
    else:
        row.error("commune", _("give the commune or the owner body."))
    values["body"] = body
    for key in ("title_ar", "title_fr", "title_en"):
        values[key] = _text(raw.get(key))
    if not values["title_ar"]:
        row.error("title_ar", _("the title in Arabic is needed."))
    values["start_date"] = _date(row, "start_date", raw.get("start_date"), required=False) or today
    values["target_date"] = _date(row, "target_date", raw.get("target_date"), required=True)
    public = _text(raw.get("public")).lower()
    if public and public not in YES | NO:
        row.error("public", _("write yes or no."))
    values["is_public"] = public not in NO
    names = [n.strip() for n in _text(raw.get("owners")).split(",") if n.strip()]
    owners = councillors_named(usernames=names)
    if len(owners) != len(set(names)):
        found = {u.username for u in owners}
        row.error(
            "owners",
            _("unknown users: %(names)s.")
            % {"names": join_words([n for n in names if n not in found])},
        )
    values["owners"] = owners
    row.values = values


def milestone_row(row: Row, today: datetime.date) -> None:
    raw = row.values
    values = {"commitment": _reference(row, "commitment"), "reference": _reference(row)}
    for key in ("title_ar", "title_fr", "title_en"):
        values[key] = _text(raw.get(key))
    if not values["title_ar"]:
        row.error("title_ar", _("the title in Arabic is needed."))
    values["due_date"] = _date(row, "due_date", raw.get("due_date"), required=True)
    values["weight"] = _number(row, "weight", raw.get("weight"), low=1, high=100, default=1)
    row.values = values


def update_row(row: Row, today: datetime.date) -> None:
    raw = row.values
    values = {"commitment": _reference(row, "commitment"), "reference": _reference(row)}
    level = _text(raw.get("level")).lower().replace(" ", "_")
    by_label = {str(label).lower(): value for value, label in Level.choices}
    level = by_label.get(level, level)
    if level not in Level.values:
        row.error("level", _("choose one of: %(levels)s.") % {"levels": join_words(Level.values)})
    values["level"] = level
    progress = _text(raw.get("progress"))
    values["progress"] = _number(row, "progress", progress, low=0, high=100) if progress else None
    values["note"] = _text(raw.get("note"))
    values["evidence_link"] = _text(raw.get("evidence_link"))
    row.values = values


PARSERS = {
    COMMITMENTS.name: commitment_row,
    MILESTONES.name: milestone_row,
    UPDATES.name: update_row,
}
