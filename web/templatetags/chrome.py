"""The parts of the layout every page repeats (the brand, the menus, the footer).

For an anonymous visitor they depend on nothing but the language and the settings, yet their
links, translations and includes cost about a millisecond a page: each is rendered once per
language in each process and kept. A signed-in person's menus name their own links (and carry
a CSRF token): rendered each time. A template used with `{% chrome %}` must show nothing else
to an anonymous visitor; the footer's follow box, say, is never filled with a typed code.
"""

from django import template
from django.core.signals import setting_changed
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

_kept: dict[tuple[str, str], SafeString] = {}


@register.simple_tag(takes_context=True)
def chrome(context, template_name: str) -> SafeString:
    part = context.template.engine.get_template(template_name)
    user = context.get("user")
    if user is not None and user.is_authenticated:
        return part.render(context)
    key = (template_name, get_language())
    html = _kept.get(key)
    if html is None:
        html = _kept[key] = mark_safe(part.render(context))  # noqa: S308 - a rendered template
    return html


def _forget(**kwargs) -> None:
    # A setting a part shows (the contact address) changed: tests that override it.
    _kept.clear()


setting_changed.connect(_forget, dispatch_uid="chrome-forget")
