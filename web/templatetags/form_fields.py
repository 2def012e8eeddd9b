from django import template

register = template.Library()


@register.filter
def get_field(form, name: str):
    """A form's bound field by a name computed in the view (one per committee member)."""
    return form[name]


@register.filter
def get_item(mapping, key):
    """A value of a dictionary by a key computed in the template (an indicator's)."""
    return mapping.get(key)
