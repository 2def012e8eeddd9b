import datetime
from dataclasses import asdict, dataclass, field

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from recommendations.selectors.recommendations import recommendation_list
from recommendations.state.levels import Level
from territory.selectors import body_list, commune_list
from web.forms import DayField, PortalForm


@dataclass(frozen=True)
class ReportFilters:
    """What a report covers. Also its record: a published report keeps these."""

    as_of: datetime.date
    period_start: datetime.date | None = None
    communes: tuple[str, ...] = ()  # official codes
    recommendations: tuple[int, ...] = ()  # numbers
    bodies: tuple[str, ...] = ()  # slugs
    levels: tuple[str, ...] = ()
    public_only: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    def as_json(self) -> dict:
        data = asdict(self)
        data.pop("extra")
        data["as_of"] = self.as_of.isoformat()
        data["period_start"] = self.period_start.isoformat() if self.period_start else None
        for key in ("communes", "recommendations", "bodies", "levels"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_json(cls, data: dict) -> "ReportFilters":
        start = data.get("period_start")
        return cls(
            as_of=datetime.date.fromisoformat(data["as_of"]),
            period_start=datetime.date.fromisoformat(start) if start else None,
            communes=tuple(data.get("communes", ())),
            recommendations=tuple(data.get("recommendations", ())),
            bodies=tuple(data.get("bodies", ())),
            levels=tuple(data.get("levels", ())),
            public_only=bool(data.get("public_only", False)),
        )


class ReportFilterForm(PortalForm):
    communes = forms.ModelMultipleChoiceField(
        label=_("Communes"),
        queryset=commune_list(),
        required=False,
        to_field_name="code",
    )
    recommendations = forms.ModelMultipleChoiceField(
        label=_("Recommendations"),
        queryset=recommendation_list(),
        required=False,
        to_field_name="number",
    )
    bodies = forms.ModelMultipleChoiceField(
        label=_("Bodies"),
        queryset=body_list(),
        required=False,
        to_field_name="slug",
    )
    levels = forms.MultipleChoiceField(label=_("Levels"), choices=Level.choices, required=False)
    period_start = DayField(
        label=_("Period from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    as_of = DayField(
        label=_("As of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Figures as they stood at the end of this day. Empty: today."),
    )
    language = forms.ChoiceField(
        label=_("Language of the report"), choices=settings.LANGUAGES, required=False
    )

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        as_of = data.get("as_of") or today
        if as_of > today:
            self.add_error("as_of", _("A report cannot be as of a future day."))
        start = data.get("period_start")
        if start and start > as_of:
            self.add_error("period_start", _("The period must start before the as-of day."))
        # No language chosen: the page's.
        data["language"] = data.get("language") or get_language()
        return data

    def filters(self) -> ReportFilters:
        data = self.cleaned_data
        return ReportFilters(
            as_of=data.get("as_of") or timezone.localdate(),
            period_start=data.get("period_start"),
            communes=tuple(c.code for c in data.get("communes") or ()),
            recommendations=tuple(r.number for r in data.get("recommendations") or ()),
            bodies=tuple(b.slug for b in data.get("bodies") or ()),
            levels=tuple(data.get("levels") or ()),
        )
