from django import template

from recommendations.state.levels import Level
from recommendations.state.rounding import half_up

register = template.Library()

# A shape per level, so the matrix reads without colour too (the legend repeats them).
GLYPHS = {
    Level.NOT_STARTED: "○",
    Level.LIMITED: "◔",
    Level.SUBSTANTIAL: "◑",
    Level.COMPLETE: "●",
    Level.WITHDRAWN: "✕",
}


@register.filter
def level_glyph(level: str) -> str:
    return GLYPHS.get(level, "")


@register.filter
def level_label(level: str) -> str:
    return Level(level).label if level in Level.values else ""


@register.filter
def percent(value) -> str:
    """A rounded whole percentage, or an en dash when there is nothing to measure."""
    if value is None:
        return "–"
    return f"{half_up(value)}%"


@register.simple_tag
def levels():
    return [(level.value, level.label, GLYPHS[level]) for level in Level]
