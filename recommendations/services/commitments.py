"""Creating and editing commitments (staff). Their state changes only through the timeline."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.types import Actor
from recommendations.models import Commitment, Recommendation, StatusUpdate
from recommendations.permissions import can_manage_commitments
from territory.models import Body
from text.cleaning import clean_text
from web.page_cache import pages_changed

from .public_pages import commitment_pages_changed, commitment_scopes
from .rollups import cell_of, rollups_refresh
from .timeline import commitment_lock, timeline_append

EDITABLE_FIELDS = (
    "recommendation",
    "body",
    "title_ar",
    "title_fr",
    "title_en",
    "description_ar",
    "description_fr",
    "description_en",
    "start_date",
    "target_date",
    "is_public",
)
TEXT_FIELDS = {f for f in EDITABLE_FIELDS if f.startswith(("title_", "description_"))}
# Changes the public must be able to see on the timeline (a slipped deadline, a new owner), and
# that a report as of an earlier day rolls back.
RECORDED_FIELDS = ("recommendation", "body", "start_date", "target_date", "is_public")
# What decides which roll-up counts a commitment, and whether it is counted at all.
COUNTED_FIELDS = {"recommendation", "body", "is_public"}
TITLE_MAX = Commitment._meta.get_field("title").max_length


def _validate(values: dict) -> None:
    errors = {}
    title = values.get("title_ar")
    if not isinstance(title, str) or not clean_text(title):
        errors["title_ar"] = _("Give the commitment a title in Arabic.")
    for field in ("title_ar", "title_fr", "title_en"):
        if len(clean_text(values.get(field) or "")) > TITLE_MAX:
            errors[field] = _("The title is too long.")
    if not isinstance(values.get("recommendation"), Recommendation):
        errors["recommendation"] = _("Choose a recommendation.")
    if not isinstance(values.get("body"), Body):
        errors["body"] = _("Choose the body that owns the commitment.")
    start, target = values.get("start_date"), values.get("target_date")
    if type(start) is not datetime.date:
        errors["start_date"] = _("Enter a valid date.")
    if type(target) is not datetime.date:
        errors["target_date"] = _("Enter a valid date.")
    elif type(start) is datetime.date and target < start:
        errors["target_date"] = _("The target date cannot be before the start date.")
    if errors:
        raise ValidationError(errors)


def _check_owners(owners: Iterable[User], body: Body) -> list:
    owners = list(owners)
    strangers = [u for u in owners if u.role != User.Role.COUNCILLOR or u.body_id != body.pk]
    if strangers:
        raise ValidationError(
            {"owners": _("Owners must be councillors of the body that owns the commitment.")}
        )
    return owners


def _plain(value: object) -> object:
    """A JSON value for the record: dates as ISO strings, rows as their primary key."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return getattr(value, "pk", value)


def _cleaned(values: dict) -> dict:
    return {k: clean_text(v) if k in TEXT_FIELDS else v for k, v in values.items()}


@transaction.atomic
def commitment_create(
    *,
    user: Actor,
    owners: Iterable[User] = (),
    is_demo: bool = False,
    reference: str = "",
    **values: object,
) -> Commitment:
    if not can_manage_commitments(user):
        raise PermissionDenied
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    _validate(values)
    owners = _check_owners(owners, values["body"])
    commitment = Commitment.objects.create(is_demo=is_demo, reference=reference, **_cleaned(values))
    commitment.owners.set(owners)
    rollups_refresh(cells=[cell_of(commitment)])
    commitment_pages_changed(commitment)
    return commitment


@transaction.atomic
def commitment_edit(
    *, user: Actor, commitment_id: int, owners: Iterable[User] | None = None, **values: object
) -> Commitment:
    """Edit what staff may edit; changes of owner, dates or visibility go on the timeline."""
    if not can_manage_commitments(user):
        raise PermissionDenied
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    commitment = commitment_lock(commitment_id)
    before = {f: getattr(commitment, f) for f in EDITABLE_FIELDS}
    cell_before = cell_of(commitment)
    scopes_before = commitment_scopes(commitment)
    merged = before | values
    _validate(merged)
    if owners is not None:
        owners = _check_owners(owners, merged["body"])
    values = _cleaned(values)
    changed = [f for f in values if values[f] != before[f]]
    for field in changed:
        setattr(commitment, field, values[field])
    if changed:
        commitment.save(update_fields=changed)
    if owners is not None:
        commitment.owners.set(owners)
    recorded = [f for f in RECORDED_FIELDS if f in changed]
    if recorded:
        note = "; ".join(
            f"{Commitment._meta.get_field(f).verbose_name}: {before[f]} → {values[f]}"
            for f in recorded
        )
        timeline_append(
            commitment_id=commitment.pk,
            expected_version=None,
            kind=StatusUpdate.Kind.EDIT,
            author=user,
            note=note,
            changes={f: [_plain(before[f]), _plain(values[f])] for f in recorded},
        )
    if COUNTED_FIELDS & set(changed):
        # A move or a change of visibility: both cells are counted again.
        rollups_refresh(cells=[cell_before, cell_of(commitment)])
    if changed or owners is not None:
        pages_changed(*scopes_before, *commitment_scopes(commitment))
    return commitment
