"""A commitment as one row of a list: title, level, progress, target date and what is late."""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from recommendations.state.rounding import half_up
from text.dates import format_day

from .labels import GLYPHS, Labels


def _flags(c, words: dict) -> str:
    """One signal per row, the most urgent (a row with three coloured chips says nothing);
    the commitment's page says how late, and why."""
    flags = []
    if c.is_overdue:
        flags.append(f'<span class="flag flag-overdue">{words["overdue"]}</span>')
    elif c.milestone_overdue:
        flags.append(f'<span class="flag flag-overdue">{words["milestone_overdue"]}</span>')
    elif c.is_stale:
        flags.append(f'<span class="flag flag-stale">{words["stale"]}</span>')
    elif c.milestone_due_soon:
        flags.append(f'<span class="flag flag-soon">{words["due_soon"]}</span>')
    if c.is_demo:
        flags.append(f'<span class="flag flag-demo">{words["sample"]}</span>')
    return "".join(flags)


def progress_html(level: str, progress: int, labels: Labels) -> SafeString:
    if level == "withdrawn":
        return format_html(
            '<span class="withdrawn-at">{}</span>', labels.withdrawn_at % {"progress": progress}
        )
    return figure_html(progress)


def commitment_row(
    c, *, language: str, labels: Labels, words: dict, show_body: bool, show_recommendation: bool
) -> str:
    """One row as text: every word escaped, either here (title, body) or once (labels)."""
    lead = ""
    if show_recommendation:
        number = labels.recommendation % {"number": c.recommendation.number}
        lead += f"<span>{escape(number)}</span> · "
    if show_body:
        lead += f"<span>{escape(c.body.name)}</span> · "
    return (
        f'<li class="commitment level-{c.level}">'
        f'<a href="/{language}/commitments/{c.pk}/" class="commitment-title">{escape(c.title)}</a>'
        f'<p class="meta">{lead}<span class="level-badge level-{c.level}">'
        f'<span aria-hidden="true">{GLYPHS[c.level]}</span> {words["levels"][c.level]}</span>'
        f" · {progress_html(c.level, c.progress, labels)}"
        f' · <span>{words["target"]} <time datetime="{c.target_date.isoformat()}">'
        f"{escape(format_day(c.target_date, language))}</time></span></p>"
        f'<p class="flags">{_flags(c, words)}</p></li>'
    )


def commitment_rows(commitments, *, language: str, **options: bool) -> SafeString:
    labels = Labels.current()
    words = labels.escaped
    rows = [
        commitment_row(c, language=language, labels=labels, words=words, **options)
        for c in commitments
    ]
    return mark_safe("".join(rows))  # noqa: S308 - every text escaped in commitment_row


def figure_html(value: int | None) -> SafeString:
    if value is None:
        return mark_safe('<span class="progress-figure">–</span>')  # noqa: S308 - a constant
    value = half_up(value)
    return mark_safe(  # noqa: S308 - numbers only
        # Isolated: inside Arabic the digits read as Arabic numbers and the sign would move to
        # their left ("%63"); "63%" the same way round on every page (web: `percent`).
        f'<bdi class="progress-figure">{value}%</bdi>'
        f'<progress max="100" value="{value}" aria-hidden="true">{value}%</progress>'
    )


def counts_html(tally) -> SafeString:
    text = ngettext(
        "%(counter)s active commitment", "%(counter)s active commitments", tally.active
    ) % {"counter": tally.active}
    if tally.withdrawn:
        text += " · " + ngettext(
            "%(counter)s withdrawn", "%(counter)s withdrawn", tally.withdrawn
        ) % {"counter": tally.withdrawn}
    return format_html('<span class="counts">{}</span>', text)
