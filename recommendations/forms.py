from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from recommendations.state.levels import Level, level_for_progress
from recommendations.state.progress import milestones_progress
from web.forms import DayField, NormalisedCharField, PortalForm


class StatusUpdateForm(PortalForm):
    """Parses what a councillor typed; the service decides whether it may be saved."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    level = forms.ChoiceField(label=_("Completion level"), choices=Level.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("A whole number from 0 to 100."),
    )
    note = NormalisedCharField(
        label=_("What changed"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Required. Shown publicly on the commitment's timeline."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("A PDF or a photo (JPEG, PNG, WebP), at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}
        ),
    )
    evidence_link = forms.URLField(
        label=_("Or a link to the evidence"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )

    # Shown only once "withdrawn" was chosen: withdrawing is a consequential step, confirmed on a
    # second submission (no JavaScript needed).
    confirm_withdrawal = forms.BooleanField(
        label=_("Yes, withdraw this commitment"), required=False
    )

    def __init__(self, *args, commitment=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitment = commitment
        self.asks_withdrawal_confirmation = False
        self.milestones = list(commitment.milestones.all()) if commitment is not None else []
        self.milestone_progress = milestones_progress(self.milestones)
        if self.milestone_progress is not None:
            # The milestones set the progress: no figure to type, and only the level that fits
            # it (or withdrawn) to choose.
            del self.fields["progress"]
            fitting = level_for_progress(self.milestone_progress)
            self.fields["level"].choices = [
                (value, label)
                for value, label in Level.choices
                if value in (fitting, Level.WITHDRAWN)
            ]
        if commitment is not None and not self.is_bound:
            self.initial.update(version=commitment.version, level=commitment.level)
            if self.milestone_progress is None:
                self.initial["progress"] = commitment.progress
            elif commitment.level != Level.WITHDRAWN:
                self.initial["level"] = level_for_progress(self.milestone_progress)

    def clean(self):
        data = super().clean()
        withdrawing = data.get("level") == Level.WITHDRAWN and (
            self.commitment is None or self.commitment.level != Level.WITHDRAWN
        )
        if withdrawing and not data.get("confirm_withdrawal"):
            self.asks_withdrawal_confirmation = True
            self.add_error(
                "confirm_withdrawal",
                _(
                    "Withdrawing ends this commitment: it is counted apart, no longer in the "
                    "averages, and nobody is reminded of it. Tick the box to confirm, or choose "
                    "another level."
                ),
            )
        if "progress" not in self.fields:
            # No field to type it in; a figure sent anyway goes to the service, which refuses it
            # if the milestones say otherwise, rather than being dropped without a word.
            raw = str(self.data.get("progress", "")).strip()
            data["progress"] = int(raw) if raw.isdigit() else None
        return data


class MilestoneDoneForm(PortalForm):
    done_on = DayField(
        label=_("Done on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("Needed when this step raises the level to substantial or complete."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}
        ),
    )
    evidence_link = forms.URLField(
        label=_("Or a link to the evidence"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )
