"""A resident's feedback received: everything checked, then stored with a tracking code."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from consultations.models import Feedback, FeedbackEvent, Meeting
from recommendations.selectors.commitments import commitment_of_commune
from recommendations.selectors.recommendations import recommendation_find
from territory.models import Commune
from text.cleaning import clean_text, has_bidi_controls
from text.search_keys import indexed
from uploads.audio import audio_check

from .contacts import contact_parse
from .public_pages import answers_page_changed
from .resident_messages import resident_tell
from .tracking_codes import tracking_code_new

TEXT_MIN, TEXT_MAX = 10, 5000
NAME_MAX = 120


def _check_text(text: str, errors: dict, *, with_voice: bool) -> str:
    if "\x00" in (text or ""):
        errors["text"] = _("The text contains characters that are not allowed.")
        return ""
    text = clean_text(text)
    if with_voice and not text:
        return text  # the recording says it
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
    voice: UploadedFile | None = None,
    language: str = "ar",
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
    recording = None
    if voice:
        try:
            recording = audio_check(voice)
        except ValidationError as exc:
            errors["voice"] = exc.messages
    text = _check_text(text, errors, with_voice=recording is not None)
    name = _check_name(name, errors)
    parsed = None
    try:
        parsed = contact_parse(contact)
    except ValidationError as exc:
        errors["contact"] = exc.messages
    if parsed and not consent_to_contact:
        errors["consent_to_contact"] = _(
            "Tick the box to agree to be contacted, or leave the contact empty."
        )
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    subject = _check_subject(commune_id, recommendation_id, commitment_id, meeting_id, errors)
    if errors:
        raise ValidationError(errors)

    kind_of_contact, contact_value = (parsed.kind, parsed.value) if parsed else ("", "")
    for _attempt in range(5):
        try:
            with transaction.atomic():
                feedback = Feedback.objects.create(
                    tracking_code=tracking_code_new(),
                    commune_id=commune_id,
                    kind=kind,
                    text=text,
                    search_text=indexed(text),
                    name=name,
                    contact=contact_value,
                    contact_kind=kind_of_contact,
                    consent_to_contact=bool(parsed),
                    language=language,
                    voice=recording.content if recording else "",
                    voice_seconds=recording.seconds if recording else None,
                    is_demo=is_demo,
                    **subject,
                )
                FeedbackEvent.objects.create(
                    feedback=feedback,
                    action=FeedbackEvent.Action.SUBMITTED,
                    state_after=Feedback.State.RECEIVED,
                )
                answers_page_changed()
                resident_tell(feedback, "received")
                return feedback
        except IntegrityError:
            # A tracking code collision (vanishingly rare): draw another.
            continue
    raise RuntimeError("could not draw a unique tracking code")
