from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Attendance, Committee, Feedback, Meeting, Member
from consultations.services.feedback_submission import NAME_MAX, TEXT_MAX
from consultations.services.tracking_codes import tracking_code_clean, tracking_code_readings
from recommendations.selectors.commitments import commitments_of_commune
from recommendations.selectors.recommendations import recommendation_list
from territory.selectors import commune_list
from web.forms import DayField, MomentField, NormalisedCharField, PortalForm


class FeedbackForm(PortalForm):
    """What a resident sends. The service checks it all again; this parses and explains."""

    commune = forms.ModelChoiceField(
        label=_("Commune"), queryset=commune_list(), empty_label=_("Choose…")
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Feedback.Kind.choices, widget=forms.RadioSelect
    )
    recommendation = forms.ModelChoiceField(
        label=_("About a recommendation (optional)"),
        queryset=recommendation_list(),
        required=False,
        empty_label=_("None"),
    )
    commitment = forms.IntegerField(widget=forms.HiddenInput, required=False)
    meeting = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = NormalisedCharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        required=False,
        max_length=TEXT_MAX,  # the service's own limit, so the two never drift
        help_text=_(
            "From 10 to 5,000 characters, in Arabic, Tamazight, French or English. You may "
            "leave it empty if you record a voice message."
        ),
    )
    voice = forms.FileField(
        label=_("Or record a voice message (optional)"),
        required=False,
        help_text=_("At most 3 minutes. Only the commune's councillors and the staff hear it."),
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*", "capture": ""}),
    )
    name = NormalisedCharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    contact = NormalisedCharField(
        label=_("Phone or email (optional)"),
        required=False,
        max_length=200,
        help_text=_("Only if you want an answer by phone or email."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "dir": "ltr", "inputmode": "tel"}),
    )
    consent_to_contact = forms.BooleanField(
        label=_("I agree to be contacted about this message."), required=False
    )
    # A field people never see: bots fill every field they find.
    website = NormalisedCharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Your message could not be sent."), code="honeypot")
        return ""


class AnswerForm(PortalForm):
    answer = NormalisedCharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        max_length=TEXT_MAX,
    )


class RejectForm(PortalForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=Feedback.RejectReason.choices)


class InboxFilterForm(PortalForm):
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("All"))] + Feedback.State.choices, required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All"))] + Feedback.Kind.choices, required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    q = NormalisedCharField(label=_("Search"), required=False, max_length=200)
    commune = forms.ModelChoiceField(
        label=_("Commune"),
        queryset=commune_list(),
        required=False,
        empty_label=_("All"),
    )


class CommitteeForm(PortalForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Committee.Kind.choices)
    name_ar = NormalisedCharField(label=_("Name (Arabic)"), max_length=200)
    name_fr = NormalisedCharField(label=_("Name (French)"), max_length=200, required=False)
    name_en = NormalisedCharField(label=_("Name (English)"), max_length=200, required=False)
    mandate_ar = NormalisedCharField(
        label=_("Mandate"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class MemberForm(PortalForm):
    name = NormalisedCharField(label=_("Name"), max_length=150)
    group = forms.ChoiceField(label=_("Group represented"), choices=Member.Group.choices)
    role = forms.ChoiceField(label=_("Role"), choices=Member.Role.choices)
    since = DayField(label=_("Member since"), widget=forms.DateInput(attrs={"type": "date"}))
    contact = NormalisedCharField(label=_("Contact (not public)"), max_length=150, required=False)
    sex = forms.ChoiceField(
        label=_("Sex (optional, not public)"),
        choices=[("", _("Not said")), *Member.Sex.choices],
        required=False,
    )
    age_group = forms.ChoiceField(
        label=_("Age group (optional, not public)"),
        choices=[("", _("Not said")), *Member.AgeGroup.choices],
        required=False,
        help_text=_("Only the shares of women and of young people are published."),
    )


class MeetingScheduleForm(PortalForm):
    starts_at = MomentField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    place = NormalisedCharField(label=_("Place"), max_length=200)
    agenda = NormalisedCharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One item per line."),
    )


class MeetingRecordForm(PortalForm):
    status = forms.ChoiceField(label=_("Status"), choices=Meeting.Status.choices)
    minutes = NormalisedCharField(
        label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    minutes_pdf = forms.FileField(
        label=_("Minutes (PDF, optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args, members=(), attendance=None, guests=None, **kwargs):
        """One choice per member of the committee (present, excused, absent), then the guests
        by group (women, men)."""
        super().__init__(*args, **kwargs)
        attendance, guests = attendance or {}, guests or {}
        self.member_fields, self.guest_fields = [], []
        for member in members:
            name = f"member_{member.pk}"
            self.fields[name] = forms.ChoiceField(
                label=member.name,
                choices=Attendance.Status.choices,
                initial=attendance.get(member.pk, Attendance.Status.PRESENT),
                widget=forms.RadioSelect,
            )
            self.member_fields.append((member, name))
        for group, label in Member.Group.choices:
            women, men = guests.get(group, (0, 0))
            for sex, count, sex_label in (("women", women, _("women")), ("men", men, _("men"))):
                name = f"guests_{group}_{sex}"
                self.fields[name] = forms.IntegerField(
                    label=f"{label} · {sex_label}",
                    min_value=0,
                    max_value=1000,
                    initial=count,
                    required=False,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "count"}),
                )
            self.guest_fields.append((label, f"guests_{group}_women", f"guests_{group}_men"))

    def clean(self):
        data = super().clean()
        data["attendance"] = {
            member.pk: data.pop(name) for member, name in self.member_fields if data.get(name)
        }
        data["guests"] = {
            group: (
                data.pop(f"guests_{group}_women", 0) or 0,
                data.pop(f"guests_{group}_men", 0) or 0,
            )
            for group in Member.Group.values
        }
        return data


class DecisionForm(PortalForm):
    text = NormalisedCharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}))
    commitment = forms.ModelChoiceField(
        label=_("Commitment it concerns (optional)"),
        queryset=commitments_of_commune(commune_id=0),
        required=False,
        empty_label=_("None"),
    )
    milestone_title = NormalisedCharField(
        label=_("Add a milestone to it (optional)"), max_length=250, required=False
    )
    milestone_due = DayField(
        label=_("Milestone due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, commune=None, **kwargs):
        super().__init__(*args, **kwargs)
        if commune is not None:
            # Decisions are public records: only public commitments can be named in them.
            self.fields["commitment"].queryset = commitments_of_commune(
                commune_id=commune.pk, public_only=True
            )


class FollowForm(PortalForm):
    code = NormalisedCharField(
        label=_("Your tracking code"),
        max_length=40,
        help_text=_("Ten letters and digits, as in the message you received, e.g. ABCDE-23456."),
        widget=forms.TextInput(
            attrs={"dir": "ltr", "autocomplete": "off", "autocapitalize": "characters"}
        ),
    )

    def clean_code(self):
        code = tracking_code_clean(self.cleaned_data["code"])
        if not tracking_code_readings(code):
            raise forms.ValidationError(
                _(
                    "A tracking code has ten letters and digits, such as ABCDE-23456: check the "
                    "one in your message."
                ),
                code="code",
            )
        return code


class VerdictForm(PortalForm):
    helped = forms.ChoiceField(
        label=_("Does this answer your feedback?"),
        choices=[
            ("yes", _("Yes, it answers me")),
            ("no", _("No, it does not answer me")),
        ],
        widget=forms.RadioSelect,
    )
    reason = NormalisedCharField(
        label=_("Why not? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
