"""Forms that say what to do. A required field left empty is answered with its own name and the
action it needs ("Choose “Commune”", "Fill in “Your message”"), never with a bare "This field is
required" that an error summary could not tell apart from the next one."""

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
