"""Lists of commitment rows in groups: a recommendation's by commune, a commune's by
recommendation. Built as strings like the rows (rendering.rows): a page has up to twenty groups,
and the template engine spent more on each group's heading than on its rows."""

from itertools import groupby

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .labels import Labels
from .rows import commitment_row


def _items(rows, *, language: str, labels: Labels, show_body: bool) -> str:
    words = labels.escaped
    return "".join(
        commitment_row(
            c,
            language=language,
            labels=labels,
            words=words,
            show_body=show_body,
            show_recommendation=False,
        )
        for c in rows
    )


def by_commune(commitments, *, language: str) -> SafeString:
    """A recommendation's rows under their commune's name (its page's link), the provincial,
    regional and other bodies last, each row naming its body."""
    labels = Labels.current()
    others = escape(_("Provincial, regional and other bodies"))
    html = []
    for commune, rows in groupby(commitments, key=lambda c: c.body.commune):
        if commune is None:
            heading = others
        else:
            heading = (
                f'<a href="/{language}/communes/{escape(commune.code)}/">{escape(commune.name)}</a>'
            )
        items = _items(rows, language=language, labels=labels, show_body=True)
        html.append(
            f'<section class="commune-group"><h3>{heading}</h3>'
            f'<ul class="commitment-list">{items}</ul></section>'
        )
    return mark_safe("".join(html))  # noqa: S308 - every text escaped here or in the rows


def by_recommendation(commitments, *, language: str) -> SafeString:
    """A commune's rows under their recommendation's number and title (its page's link; the
    matrix's cells point at these headings)."""
    labels = Labels.current()
    html = []
    for recommendation, rows in groupby(commitments, key=lambda c: c.recommendation):
        number = recommendation.number
        items = _items(rows, language=language, labels=labels, show_body=False)
        html.append(
            f'<h3 id="recommendation-{number}"><a href="/{language}/recommendations/{number}/">'
            f"{number}. {escape(recommendation.title)}</a></h3>"
            f'<ul class="commitment-list">{items}</ul>'
        )
    return mark_safe("".join(html))  # noqa: S308 - every text escaped here or in the rows
