"""Vega-Lite specs for the dashboards and the timeline, built on the server from the table rows.

The specs are plain Vega-Lite 6 JSON (no Python charting dependency): the page draws them with the
vendored vega and vega-lite scripts (web/explore.js), and the same rows fill the data table
under each chart, so a chart can never disagree with its table. Every text (titles, axis titles,
category labels) arrives already translated.
"""

from __future__ import annotations

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier only; never fetched
FONT = 'system-ui, "Noto Sans CJK KR", "Noto Sans CJK JP", sans-serif'
ACCENT = "#0b4f8a"
LIGHT = "#9db8d3"
ROW_HEIGHT = 22
MAX_BARS = 30


def _config() -> dict:
    # aria off: Vega would describe every axis and mark in generated English; the chart's
    # translated ``description`` and the table beside it serve screen readers instead.
    return {"aria": False, "font": FONT, "view": {"stroke": None}, "axis": {"labelFontSize": 12, "titleFontSize": 12},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "labelLimit": 480}}


def bar_chart(rows: list[dict], *, description: str, category_title: str, value_title: str) -> dict:
    """Horizontal bars, one per row ``{"label", "n"}``, in the order given (largest first).

    The section heading names the chart, so the chart has no title of its own."""
    shown = rows[:MAX_BARS]
    return {
        "$schema": SCHEMA,
        "description": description,
        "width": "container",
        "height": max(ROW_HEIGHT * len(shown), ROW_HEIGHT),
        "data": {"values": [{"label": r["label"], "n": r["n"], "rank": i} for i, r in enumerate(shown)]},
        "mark": {"type": "bar", "color": ACCENT, "tooltip": True},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "title": None,
                  "sort": {"field": "rank", "order": "ascending"}, "axis": {"labelLimit": 260}},
            "x": {"field": "n", "type": "quantitative", "title": value_title, "axis": {"format": ",d", "tickMinStep": 1}},
            "tooltip": [{"field": "label", "type": "nominal", "title": category_title},
                        {"field": "n", "type": "quantitative", "title": value_title, "format": ","}],
        },
        "config": _config(),
    }


def year_chart(rows: list[tuple[int, int, int]], *, description: str, year_title: str,
               exact_title: str, possible_title: str, value_title: str) -> dict:
    """Bars of acts dated within each year, with the acts whose multi-year dates may fall in it
    drawn as a line beside them (not stacked: they are not additional acts of that year)."""
    values = []
    for year, exact, possible in rows:
        values.append({"year": year, "series": exact_title, "n": exact})
        values.append({"year": year, "series": possible_title, "n": possible})
    colour = {"field": "series", "type": "nominal", "title": None,
              "scale": {"domain": [exact_title, possible_title], "range": [ACCENT, LIGHT]}}
    x = {"field": "year", "type": "ordinal", "title": year_title, "axis": {"labelAngle": -60, "labelOverlap": True}}
    y = {"field": "n", "type": "quantitative", "title": value_title, "axis": {"format": ",d", "tickMinStep": 1}}
    tooltip = [{"field": "year", "type": "ordinal", "title": year_title},
               {"field": "series", "type": "nominal", "title": None},
               {"field": "n", "type": "quantitative", "title": value_title, "format": ","}]
    return {
        "$schema": SCHEMA,
        "description": description,
        "width": "container",
        "height": 220,
        "data": {"values": values},
        "layer": [
            {"transform": [{"filter": {"field": "series", "equal": exact_title}}],
             "mark": {"type": "bar", "tooltip": True},
             "encoding": {"x": x, "y": y, "color": colour, "tooltip": tooltip}},
            {"transform": [{"filter": {"field": "series", "equal": possible_title}}],
             "mark": {"type": "line", "point": True, "strokeDash": [4, 3], "tooltip": True},
             "encoding": {"x": x, "y": y, "color": colour, "tooltip": tooltip}},
        ],
        "config": _config(),
    }


def range_chart(rows: list[dict], *, description: str, year_title: str, value_title: str,
                range_title: str) -> dict:
    """One horizontal bar per date range ``{"label", "first", "last", "n"}`` spanning its years."""
    shown = rows[:MAX_BARS]
    return {
        "$schema": SCHEMA,
        "description": description,
        "width": "container",
        "height": max(ROW_HEIGHT * len(shown), ROW_HEIGHT),
        "data": {"values": [{**r, "end": r["last"] + 1, "rank": i} for i, r in enumerate(shown)]},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "title": None,
                  "sort": {"field": "rank", "order": "ascending"}},
            "tooltip": [{"field": "label", "type": "nominal", "title": range_title},
                        {"field": "n", "type": "quantitative", "title": value_title, "format": ","}],
        },
        "layer": [
            {"mark": {"type": "bar", "color": LIGHT, "stroke": ACCENT, "tooltip": True},
             "encoding": {"x": {"field": "first", "type": "quantitative", "title": year_title,
                                "scale": {"zero": False}, "axis": {"format": "d"}},
                          "x2": {"field": "end"}}},
            # The number of acts just after the end of each bar.
            {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 11},
             "encoding": {"x": {"field": "end", "type": "quantitative"},
                          "text": {"field": "n", "type": "quantitative", "format": ","}}},
        ],
        "config": _config(),
    }
