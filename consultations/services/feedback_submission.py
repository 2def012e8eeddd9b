"""A resident's feedback received: everything checked, then stored with a tracking code."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from consultations.models import Feedback, FeedbackEvent, Meeting
from recommendations.selectors.commitments import commitment_of_commune
from recommendations.selectors.recommendations import recommendation_find
from territory.models import Commune
from text.arabic import normalise
from text.cleaning import clean_text, has_bidi_controls

from .contacts import contact_parse
from .tracking_codes import tracking_code_new

TEXT_MIN, TEXT_MAX = 10, 5000
NAME_MAX = 120


def _check_text(text: str, errors: dict) -> str:
    if "\x00" in (text or ""):
        errors["text"] = _("The text contains characters that are not allowed.")
        return ""
    text = clean_text(text)
    if len(text) < TEXT_MIN:
        errors["text"] = _("Write at least %(min)d characters.") % {"min": TEXT_MIN}
    elif len(text) > TEXT_MAX:
        errors["text"] = _("Write at most %(max)d characters.") % {"max": TEXT_MAX}
    return text


def _check_name(name: str, errors: dict) -> str:
    if has_bidi_controls(name) or "\x00" in (name or ""):
        errors["name"] = _("The name contains characters that are not allowed.")
        return ""
    name = clean_text(name)
    if len(name) > NAME_MAX:
        errors["name"] = _("The name is too long.")
    return name


def _check_subject(
    commune_id: int,
    recommendation_id: int | None,
    commitment_id: int | None,
    meeting_id: int | None,
    errors: dict,
) -> dict:
    """What the feedback is about must exist, and a commitment or meeting must be the commune's."""
    subject = {}
    if recommendation_id:
        subject["recommendation"] = recommendation_find(recommendation_id=recommendation_id)
        if subject["recommendation"] is None:
            errors["recommendation"] = _("Choose a recommendation from the list.")
    if commitment_id:
        commitment = commitment_of_commune(
            commitment_id=commitment_id, commune_id=commune_id, public_only=True
        )
        if commitment is None:
            errors["commitment"] = _("This commitment is not one of the chosen commune's.")
        subject["commitment"] = commitment
    if meeting_id:
        meeting = Meeting.objects.filter(pk=meeting_id, committee__commune_id=commune_id).first()
        if meeting is None:
            errors["meeting"] = _("This meeting is not one of the chosen commune's.")
        subject["meeting"] = meeting
    return subject


def feedback_submit(
    *,
    commune_id: int,
    kind: str,
    text: str,
    name: str = "",
    contact: str = "",
    consent_to_contact: bool = False,
    recommendation_id: int | None = None,
    commitment_id: int | None = None,
    meeting_id: int | None = None,
    is_demo: bool = False,
) -> Feedback:
    """Validate everything, then store the feedback with a fresh tracking code.

    Raises ValidationError (a dict of field errors in the active language); nothing is stored
    then.
    """
    errors = {}
    if not Commune.objects.filter(pk=commune_id).exists():
        errors["commune"] = _("Choose a commune from the list.")
    if kind not in Feedback.Kind.values:
        errors["kind"] = _("Choose complaint, observation or suggestion.")
    text = _check_text(text, errors)
    name = _check_name(name, errors)
    parsed = contact_parse(contact)
    if (contact or "").strip() and parsed is None:
        errors["contact"] = _(
            "Enter a Moroccan phone number (06…, 07…, +212…) or an email address."
        )
    elif parsed and not consent_to_contact:
        errors["consent_to_contact"] = _(
            "Tick the box to agree to be contacted, or leave the contact empty."
        )
    subject = _check_subject(commune_id, recommendation_id, commitment_id, meeting_id, errors)
    if errors:
        raise ValidationError(errors)

    kind_of_contact, contact_value = parsed or ("", "")
    for _attempt in range(5):
        try:
            with transaction.atomic():
                feedback = Feedback.objects.create(
                    tracking_code=tracking_code_new(),
                    commune_id=commune_id,
                    kind=kind,
                    text=text,
                    search_text=normalise(text),
                    name=name,
                    contact=contact_value,
                    contact_kind=kind_of_contact,
                    consent_to_contact=bool(parsed),
                    is_demo=is_demo,
                    **subject,
                )
                FeedbackEvent.objects.create(
                    feedback=feedback,
                    action=FeedbackEvent.Action.SUBMITTED,
                    state_after=Feedback.State.RECEIVED,
                )
                return feedback
        except IntegrityError:
            # A tracking code collision (vanishingly rare): draw another.
            continue
    raise RuntimeError("could not draw a unique tracking code")
