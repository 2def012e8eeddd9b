"""Forms that say what to do. A required field left empty is answered with its own name and the
action it needs ("Choose “Commune”", "Fill in “Your message”"), never with a bare "This field is
required" that an error summary could not tell apart from the next one."""

import datetime
import unicodedata

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

_DEFAULT = forms.Field.default_error_messages["required"]


def _required_message(field: forms.Field, label: str) -> str:
    if isinstance(field, forms.BooleanField):
        return _("Tick “%(field)s”.") % {"field": label}
    if isinstance(field, forms.FileField):
        return _("Choose a file for “%(field)s”.") % {"field": label}
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return _("Choose “%(field)s”.") % {"field": label}
    return _("Fill in “%(field)s”.") % {"field": label}


# The days the portal can mean: its history starts with the 2021 consultation, plans run a few
# decades. Outside, a date is a typing mistake (year 1, year 9999), and some would overflow time
# zone arithmetic into a server error.
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2099, 12, 31)


def _check_day(day: datetime.date) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="date_range",
            params={"first": FIRST_DAY.year, "last": LAST_DAY.year},
        )


class DayField(forms.DateField):
    """A date typed in a form (a browser's date picker), within FIRST_DAY..LAST_DAY."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(*args, **kwargs)
        self.validators.append(_check_day)


class MomentField(forms.DateTimeField):
    """A date and time (datetime-local), within the same years."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.DateTimeInput(attrs={"type": "datetime-local"}))
        super().__init__(*args, **kwargs)
        self.validators.append(lambda moment: _check_day(moment.date()))

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:  # made aware in the local zone, a year-1 moment underflows
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class NormalisedCharField(forms.CharField):
    """Text measured as it will be stored: NFC and Windows line ends folded before the length
    is checked (a character such as U+FB2C becomes three under NFC). Controls are left for the
    service to judge (text.cleaning)."""

    def to_python(self, value):
        value = super().to_python(value)
        return unicodedata.normalize("NFC", value).replace("\r\n", "\n") if value else value


class ExplainsRequired:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required and str(field.error_messages.get("required")) == str(_DEFAULT):
                label = str(field.label or "").rstrip(" :*?")
                field.error_messages["required"] = _required_message(field, label)


class PortalForm(ExplainsRequired, forms.Form):
    pass


class PortalModelForm(ExplainsRequired, forms.ModelForm):
    pass


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's validation errors on the form's fields (or on top when not a field)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(NON_FIELD_ERRORS, error)
