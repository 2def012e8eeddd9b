"""The figures of the report's charts, for the page and the PDF alike: bars are SVG shapes,
every label is HTML text around them. Text inside SVG is never used: WeasyPrint draws SVG text
without the bidirectional algorithm, so Arabic labels came out letter by letter mirrored
("ةيصوتلا" for "التوصية"); HTML text is shaped and ordered by Pango like the rest of the page.
Right-to-left bars are mirrored by the stylesheet, not here.
"""

from recommendations.state.levels import Level

LEVEL_COLOURS = {
    Level.NOT_STARTED: "#6c757d",
    Level.LIMITED: "#b35900",
    Level.SUBSTANTIAL: "#1f6fb2",
    Level.COMPLETE: "#0f6b4f",
    Level.WITHDRAWN: "#3d3d3d",
}


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


def coloured_segments(summaries) -> list[tuple[object, list[tuple[str, float, float, int]]]]:
    """The same stacked bars with each level's colour, for the PDF (SVG fills as attributes)."""
    return [
        (s, [(LEVEL_COLOURS[level], start, width, n) for level, start, width, n in segments])
        for s, segments in level_segments(summaries)
    ]
