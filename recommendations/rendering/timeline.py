"""A commitment's timeline entries. Entries never change (append-only), so each one's HTML is
kept in the fragment cache for good, per language, until the site-wide epoch moves."""

from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from recommendations.models import StatusUpdate
from text.dates import format_moment
from text.lists import join_words
from web.fragments import cached_fragments

from .labels import Labels


def _evidence(u: StatusUpdate, language: str, words: dict) -> SafeString:
    """A photo as a thumbnail (lazy, a fixed box: nothing moves as it loads), a PDF as a card
    saying what and how big; both open the file itself."""
    href = f"/{language}/evidence/{u.pk}/"
    if u.evidence_kind == StatusUpdate.EvidenceKind.IMAGE:
        return format_html(
            '<p><a class="evidence-thumb" href="{}"><img src="{}thumbnail/" alt="{}" '
            'loading="lazy" decoding="async" width="160" height="120"></a></p>',
            href,
            href,
            words["photo"],
        )
    try:
        size = filesizeformat(u.evidence_file.size)
    except OSError:  # the file is missing from storage: still say what it was
        size = ""
    return format_html(
        '<p><a class="file-card" href="{}"><span class="file-kind">PDF</span> '
        "<span>{}{}</span></a></p>",
        href,
        u.get_evidence_kind_display(),
        format_html(" · <bdi>{}</bdi>", size) if size else "",
    )


def _entry(u: StatusUpdate, language: str, labels: Labels, words: dict) -> SafeString:
    lines = []
    if u.milestone_id:
        lines.append(format_html("<p>{}: {}</p>", words["milestone"], u.milestone.title))
    if u.level_before != u.level_after:
        lines.append(
            format_html(
                "<p>{}: {} → {}</p>",
                words["level"],
                labels.levels[u.level_before],
                labels.levels[u.level_after],
            )
        )
    if u.progress_before != u.progress_after:
        lines.append(
            format_html(
                "<p>{}: <bdi>{}%</bdi> → <bdi>{}%</bdi></p>",
                words["progress"],
                u.progress_before,
                u.progress_after,
            )
        )
    if u.note:
        # linebreaks escapes the note itself (autoescape) before adding its <p> and <br>.
        note = mark_safe(linebreaks(u.note, autoescape=True))  # noqa: S308
        lines.append(format_html('<div class="note">{}</div>', note))
    if u.evidence_file:
        lines.append(_evidence(u, language, words))
    if u.evidence_link:
        lines.append(
            format_html(
                '<p>{}: <a href="{}" rel="nofollow noopener noreferrer">{}</a></p>',
                words["evidence"],
                u.evidence_link,
                Truncator(u.evidence_link).chars(60),
            )
        )
    if u.source_url:
        lines.append(
            format_html('<p><a href="/{}{}">{}</a></p>', language, u.source_url, words["meeting"])
        )
    author = ""
    if u.author_id:
        body = u.author.body
        author = format_html(
            " · {}",
            join_words([u.author.get_role_display(), *([body.name] if body else [])], language),
        )
    return format_html(
        '<li class="entry entry-{kind}"><p class="entry-head"><strong>{what}</strong> · '
        '<time datetime="{iso}">{when}</time>{author}</p>{lines}</li>',
        kind=u.kind,
        what=u.get_kind_display(),
        iso=u.created_at.isoformat(),
        when=format_moment(u.created_at, language),
        author=author,
        lines=mark_safe("".join(lines)),  # noqa: S308 - format_html output
    )


def _words() -> dict:
    return {
        "milestone": _("Milestone"),
        "level": _("Level"),
        "progress": _("Progress"),
        "evidence": _("Evidence"),
        "photo": _("Photo attached as evidence: open it full size"),
        "meeting": _("See the meeting"),
    }


def timeline_entries(entries, *, language: str) -> SafeString:
    """Entries already loaded (what changed during an edit conflict)."""
    entries = list(entries)
    labels, words = Labels.current(), _words()
    by_pk = {u.pk: u for u in entries}
    html = cached_fragments(
        "timeline-entry",
        [(u.pk, language) for u in entries],
        lambda key: _entry(by_pk[key[0]], language, labels, words),
    )
    return mark_safe("".join(html))  # noqa: S308 - each entry built by format_html


def timeline_entries_by_id(ids, *, language: str, load) -> SafeString:
    """A page of entries named by id: those in the fragment cache cost nothing more, the others
    are loaded in one query (`load(ids)`: the entries, with their authors and milestones)."""
    labels, words = Labels.current(), _words()
    loaded = {}

    def prepare(missing: list) -> None:
        loaded.update((u.pk, u) for u in load([pk for pk, _language in missing]))

    html = cached_fragments(
        "timeline-entry",
        [(pk, language) for pk in ids],
        lambda key: _entry(loaded[key[0]], language, labels, words),
        prepare,
    )
    return mark_safe("".join(html))  # noqa: S308 - each entry built by format_html
