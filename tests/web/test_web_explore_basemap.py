"""scripts/make_basemap.py: TopoJSON country outlines become a clipped, small GeoJSON base layer."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_basemap.py"


def _module():
    spec = importlib.util.spec_from_file_location("make_basemap", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _topology() -> dict:
    """Two fictional countries: one square straddling the box's east edge, one far outside it.
    Positions are quantized and delta-encoded, as world-atlas ships them."""
    return {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0]], "id": "001", "properties": {"name": "Inside and out"}},
            {"type": "MultiPolygon", "arcs": [[[1]]], "id": "002", "properties": {"name": "Far away"}},
        ]}},
        "arcs": [
            [[5, 5], [10, 0], [0, 10], [-10, 0], [0, -10]],  # square 5..15 × 5..15
            [[50, 50], [1, 0], [0, 1], [-1, 0], [0, -1]],
        ],
    }


def test_outlines_are_clipped_to_the_box_and_countries_outside_it_are_dropped():
    module = _module()
    data = module.convert(_topology(), box=(0.0, 0.0, 10.0, 20.0))
    assert [f["properties"]["name"] for f in data["features"]] == ["Inside and out"]
    ring = data["features"][0]["geometry"]["coordinates"][0][0]
    assert ring[0] == ring[-1], "rings stay closed"
    xs = {x for x, _y in ring}
    assert max(xs) == 10.0 and min(xs) == 5.0, "cut at the east edge of the box"
    assert sorted({tuple(p) for p in ring}) == [(5.0, 5.0), (5.0, 15.0), (10.0, 5.0), (10.0, 15.0)]


def test_simplification_drops_points_on_a_straight_line_but_keeps_corners():
    module = _module()
    line = [(0.0, 0.0), (1.0, 0.0001), (2.0, 0.0), (2.0, 2.0)]
    assert module._simplify(line, 0.01) == [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0)]


def test_the_committed_base_layer_covers_the_korean_peninsula():
    import json

    path = SCRIPT.parents[1] / "src" / "inquiry" / "web" / "static" / "web" / "vendor" / "natural-earth" / "korea-region.json"
    data = json.loads(path.read_text())
    west, south, east, north = data["bbox"]
    assert west <= 124 and east >= 131 and south <= 33 and north >= 43.5, "the DPRK and the ROK fit inside"
    dprk = next(f for f in data["features"] if f["properties"]["name"] == "North Korea")
    points = [p for polygon in dprk["geometry"]["coordinates"] for ring in polygon for p in ring]
    assert all(west <= x <= east and south <= y <= north for x, y in points)
    assert path.stat().st_size < 200_000, "small enough to load on every visit to the map"
