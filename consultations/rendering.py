"""The lists of the commune page (meetings, published feedback), built in Python like the
commitment rows: labels translated and escaped once per list, one string per item."""

from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations.models import Committee, Feedback, Meeting
from text.dates import format_day, format_moment
from text.lists import join_words


def meeting_rows(meetings, *, language: str) -> SafeString:
    statuses = {value: escape(label) for value, label in Meeting.Status.choices}
    missing = escape(_("Minutes missing"))
    rows = []
    for m in meetings:
        flag = ""
        if m.status == Meeting.Status.HELD and not m.has_minutes:
            flag = f' · <span class="flag flag-stale">{missing}</span>'
        when = m.starts_at.isoformat()
        rows.append(
            f'<li><a href="/{language}/meetings/{m.pk}/"><time datetime="{when}">'
            f"{escape(format_moment(m.starts_at, language))}</time></a> · "
            f"{escape(m.committee.name)} · {statuses[m.status]}{flag}</li>"
        )
    return mark_safe("".join(rows))  # noqa: S308 - every text escaped above


def feedback_items(items, *, language: str) -> SafeString:
    kinds = {value: escape(label) for value, label in Feedback.Kind.choices}
    states = {value: escape(label) for value, label in Feedback.State.choices}
    answer = escape(_("Answer"))
    html = []
    for item in items:
        reply = ""
        if item.answer:
            text = linebreaks(item.answer, autoescape=True)
            reply = (
                f'<div class="answer"><strong>{answer}:</strong> <div dir="auto">{text}</div></div>'
            )
        html.append(
            f'<article class="feedback-item"><p class="meta">{kinds[item.kind]} · '
            f'<time datetime="{item.created_at.isoformat()}">'
            f"{escape(format_day(item.created_at, language))}</time> · {states[item.state]}</p>"
            f'<div class="note" dir="auto">{linebreaks(item.text, autoescape=True)}</div>'
            f"{reply}</article>"
        )
    return mark_safe("".join(html))  # noqa: S308 - every text escaped above (linebreaks too)


def committee_cards(committees, *, language: str) -> SafeString:
    """A committee's card: its name and kind, and its composition in aggregate (never names)."""
    kinds = {value: escape(label) for value, label in Committee.Kind.choices}
    inactive = escape(_("Inactive"))
    words = {
        group: escape(label)
        for group, label in (
            ("women", _("women")),
            ("youth", _("young people")),
            ("association", _("associations")),
            ("elected", _("elected")),
            ("administration", _("administration")),
            ("other", _("other")),
        )
    }
    cards = []
    for c in committees:
        members = ngettext("%(counter)s member", "%(counter)s members", c.member_count) % {
            "counter": c.member_count
        }
        groups = join_words(
            [f"{word} {getattr(c, f'{group}_count')}" for group, word in words.items()], language
        )
        flag = "" if c.is_active else f' <span class="flag">{inactive}</span>'
        cards.append(
            f'<article class="committee-card"><h3><a href="/{language}/committees/{c.pk}/">'
            f'{escape(c.name)}</a>{flag}</h3><p class="meta">{kinds[c.kind]}</p>'
            f"<p>{escape(members)}: {groups}</p></article>"
        )
    return mark_safe("".join(cards))  # noqa: S308 - every text escaped above
