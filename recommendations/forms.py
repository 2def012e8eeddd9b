from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from recommendations.state.levels import Level


class StatusUpdateForm(forms.Form):
    """Parses what a councillor typed; the service decides whether it may be saved."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    level = forms.ChoiceField(label=_("Completion level"), choices=Level.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("From 0 to 100. Ignored where milestones set the progress."),
    )
    note = forms.CharField(
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

    def __init__(self, *args, commitment=None, **kwargs):
        super().__init__(*args, **kwargs)
        if commitment is not None and not self.is_bound:
            self.initial.update(
                version=commitment.version, level=commitment.level, progress=commitment.progress
            )


class MilestoneDoneForm(forms.Form):
    done_on = forms.DateField(
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
