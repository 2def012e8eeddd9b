"""Charts drawn on the server as inline SVG: no script, readable in the PDF too.

Every label goes through format_html (escaped). In right-to-left languages the charts are
mirrored: bars grow from the right and labels sit on the right.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from recommendations.state.levels import Level

LEVEL_COLOURS = {
    Level.NOT_STARTED: "#6c757d",
    Level.LIMITED: "#b35900",
    Level.SUBSTANTIAL: "#1f6fb2",
    Level.COMPLETE: "#0f6b4f",
    Level.WITHDRAWN: "#3d3d3d",
}
WIDTH = 640
LABEL = 180
BAR = 18
GAP = 8


class _Canvas:
    def __init__(self, rtl: bool):
        self.rtl = rtl

    def x(self, x: float, width: float = 0) -> float:
        """Mirror a horizontal position for right-to-left."""
        return WIDTH - x - width if self.rtl else x

    @property
    def label_anchor(self) -> str:
        return "start" if self.rtl else "end"


def _svg(height: int, title: str, body) -> str:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-label="{t}" class="chart"><title>{t}</title>{b}</svg>',
        w=WIDTH,
        h=height,
        t=title,
        b=body,
    )


def progress_by_recommendation(summaries, rtl: bool) -> str:
    canvas = _Canvas(rtl)
    scale = (WIDTH - LABEL - 60) / 100
    parts = []
    for i, s in enumerate(summaries):
        y = i * (BAR + GAP)
        value = s.progress or 0
        parts.append(
            format_html(
                '<text x="{lx}" y="{ty}" text-anchor="{a}" font-size="13">{label}</text>'
                '<rect x="{bx}" y="{y}" width="{bw}" height="{h}" fill="#0f6b4f"/>'
                '<text x="{vx}" y="{ty}" text-anchor="{va}" font-size="12">{v}</text>',
                lx=canvas.x(LABEL - 8),
                ty=y + BAR - 4,
                a=canvas.label_anchor,
                label=_("Recommendation %(number)s") % {"number": s.label},
                bx=canvas.x(LABEL, value * scale),
                y=y,
                bw=round(value * scale, 1),
                h=BAR,
                vx=canvas.x(LABEL + value * scale + 6),
                va="end" if rtl else "start",
                v=f"{value:g}%" if s.progress is not None else "–",
            )
        )
    height = max(len(summaries), 1) * (BAR + GAP)
    return _svg(height, _("Progress by recommendation"), mark_safe("".join(parts)))  # noqa: S308 - parts are format_html output


def levels_by_commune(summaries, rtl: bool) -> str:
    canvas = _Canvas(rtl)
    usable = WIDTH - LABEL - 20
    parts = []
    for i, s in enumerate(summaries):
        y = i * (BAR + GAP)
        parts.append(
            format_html(
                '<text x="{x}" y="{ty}" text-anchor="{a}" font-size="13">{label}</text>',
                x=canvas.x(LABEL - 8),
                ty=y + BAR - 4,
                a=canvas.label_anchor,
                label=s.label,
            )
        )
        offset = LABEL
        for level in Level.values:
            count = s.levels.get(level, 0)
            if not count:
                continue
            width = usable * count / max(s.commitments, 1)
            parts.append(
                format_html(
                    '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{c}">'
                    "<title>{t}: {n}</title></rect>",
                    x=round(canvas.x(offset, width), 1),
                    y=y,
                    w=round(width, 1),
                    h=BAR,
                    c=LEVEL_COLOURS[level],
                    t=Level(level).label,
                    n=count,
                )
            )
            offset += width
    legend_y = max(len(summaries), 1) * (BAR + GAP) + 6
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
        '<text x="{}" y="{}" font-size="12" text-anchor="{}">{}</text>',
        (
            (
                canvas.x(LABEL + i * 92, 12),
                legend_y,
                LEVEL_COLOURS[lvl],
                canvas.x(LABEL + i * 92 + 16),
                legend_y + 11,
                "end" if rtl else "start",
                Level(lvl).label,
            )
            for i, lvl in enumerate(Level.values)
        ),
    )
    body = mark_safe("".join(parts) + legend)  # noqa: S308 - parts are format_html output
    return _svg(legend_y + 20, _("Levels by commune"), body)


def updates_per_month(counts: list[tuple[str, int]], rtl: bool) -> str:
    canvas = _Canvas(rtl)
    height, bottom = 200, 170
    if not counts:
        return _svg(40, _("Updates per month"), format_html('<text x="10" y="24">–</text>'))
    top = max(n for _m, n in counts) or 1
    step = (WIDTH - 40) / len(counts)
    bars = []
    for i, (month, n) in enumerate(counts):
        h = (bottom - 20) * n / top
        bars.append(
            format_html(
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#1f6fb2">'
                "<title>{m}: {n}</title></rect>",
                x=round(canvas.x(20 + i * step, step * 0.8), 1),
                y=round(bottom - h, 1),
                w=round(step * 0.8, 1),
                h=round(h, 1),
                m=month,
                n=n,
            )
        )
    first, last = counts[0][0], counts[-1][0]
    axis = format_html(
        '<text x="{x1}" y="{y}" font-size="12" text-anchor="middle">{a}</text>'
        '<text x="{x2}" y="{y}" font-size="12" text-anchor="middle">{b}</text>',
        x1=canvas.x(40),
        x2=canvas.x(WIDTH - 40),
        y=bottom + 20,
        a=first,
        b=last,
    )
    return _svg(height, _("Updates per month"), mark_safe("".join(bars) + axis))  # noqa: S308 - parts are format_html output


def month_bars(counts: list[tuple[str, int]]) -> list[tuple[str, int, int, int]]:
    """(month, count, height, top) in hundredths of the chart's height, the busiest month
    filling it: the page's chart of updates, drawn as SVG rectangles."""
    top = max((n for _m, n in counts), default=0) or 1
    return [(month, n, round(100 * n / top), 100 - round(100 * n / top)) for month, n in counts]


def level_segments(summaries) -> list[tuple[object, list[tuple[str, float, float, int]]]]:
    """Per group, its levels as (level, start, width, count) in hundredths of the bar: the page's
    stacked bars, drawn as SVG rectangles (no inline style, which the CSP forbids)."""
    bars = []
    for s in summaries:
        start, segments = 0.0, []
        for level in Level.values:
            count = s.levels.get(level, 0)
            if count:
                width = 100 * count / max(s.commitments, 1)
                segments.append((level, round(start, 2), round(width, 2), count))
                start += width
        bars.append((s, segments))
    return bars
