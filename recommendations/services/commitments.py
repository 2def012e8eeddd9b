"""Creating and editing commitments (staff). Their state changes only through the timeline."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from recommendations.models import Commitment
from recommendations.permissions import can_manage_commitments
from taata_portal.text import clean_text

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


def _validate(values: dict) -> None:
    errors = {}
    if not clean_text(values.get("title_ar")):
        errors["title_ar"] = _("Give the commitment a title in Arabic.")
    start, target = values.get("start_date"), values.get("target_date")
    if not isinstance(start, datetime.date):
        errors["start_date"] = _("Enter a valid date.")
    if not isinstance(target, datetime.date):
        errors["target_date"] = _("Enter a valid date.")
    elif isinstance(start, datetime.date) and target < start:
        errors["target_date"] = _("The target date cannot be before the start date.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def commitment_create(*, user, owners=(), is_demo: bool = False, **values) -> Commitment:
    if not can_manage_commitments(user):
        raise PermissionDenied
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    _validate(values)
    for key in values:
        if key.startswith(("title_", "description_")):
            values[key] = clean_text(values[key])
    commitment = Commitment.objects.create(is_demo=is_demo, **values)
    commitment.owners.set(owners)
    return commitment


@transaction.atomic
def commitment_edit(*, user, commitment_id: int, owners=None, **values) -> Commitment:
    if not can_manage_commitments(user):
        raise PermissionDenied
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    commitment = Commitment.objects.select_for_update().get(pk=commitment_id)
    merged = {f: getattr(commitment, f) for f in EDITABLE_FIELDS} | values
    _validate(merged)
    for key, value in values.items():
        is_text = key.startswith(("title_", "description_"))
        setattr(commitment, key, clean_text(value) if is_text else value)
    commitment.save(update_fields=list(values) or None)
    if owners is not None:
        commitment.owners.set(owners)
    return commitment
