from django import template
from django.utils.translation import get_language

from recommendations.rendering import groups, rows, timeline
from recommendations.rendering import matrix as matrix_rendering
from recommendations.rendering.labels import GLYPHS, Labels
from recommendations.selectors.commitments import commitment_timeline
from recommendations.selectors.my_work import WorkItem, commitment_signal
from recommendations.state.levels import Level
from recommendations.state.rounding import half_up

register = template.Library()


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


@register.simple_tag
def commitment_rows(commitments, show_body=False, show_recommendation=False):
    """The rows of a commitment list (recommendations.rendering.rows)."""
    return rows.commitment_rows(
        commitments,
        language=get_language(),
        show_body=show_body,
        show_recommendation=show_recommendation,
    )


@register.simple_tag
def rows_by_commune(commitments):
    """A recommendation's rows grouped under their communes (rendering.groups)."""
    return groups.by_commune(commitments, language=get_language())


@register.simple_tag
def rows_by_recommendation(commitments):
    """A commune's rows grouped under their recommendations (rendering.groups)."""
    return groups.by_recommendation(commitments, language=get_language())


@register.simple_tag
def matrix_rows(matrix):
    return matrix_rendering.matrix_rows(matrix, language=get_language())


@register.simple_tag
def timeline_entries(entries):
    return timeline.timeline_entries(entries, language=get_language())


@register.simple_tag
def timeline_page(ids, commitment):
    """A page of a commitment's timeline, given the ids of its entries."""
    return timeline.timeline_entries_by_id(
        ids,
        language=get_language(),
        load=lambda wanted: commitment_timeline(commitment=commitment).filter(pk__in=wanted),
    )


@register.simple_tag
def progress_figure(value):
    """A whole percentage and its bar (an en dash when there is nothing to measure)."""
    return rows.figure_html(value)


@register.simple_tag
def counts(tally):
    """ "12 active commitments · 3 withdrawn": what a figure counts, said with it."""
    return rows.counts_html(tally)


@register.simple_tag
def commitment_progress(commitment):
    """Its progress and bar, or for a withdrawn one the figure it stopped at."""
    return rows.progress_html(commitment.level, commitment.progress, Labels.current())


@register.inclusion_tag("recommendations/partials/signal_line.html")
def commitment_signal_line(commitment):
    """What is late about this commitment, precisely (or what is due soon), in one line."""
    return {"item": WorkItem(commitment, commitment_signal(commitment))}
