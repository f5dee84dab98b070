"""Make the offline base layer of the workbench map from Natural Earth country outlines.

Input: ``countries-10m.json`` (or ``-50m``) from the npm package ``world-atlas`` (ISC; the data are
Natural Earth, public domain). Fetch it once with ``npm pack world-atlas@2.0.2`` and unpack it.
Output: a small GeoJSON FeatureCollection of the countries inside a box around Korea, clipped to the
box, simplified and rounded, written where the map page loads it from.

    python scripts/make_basemap.py /tmp/package/countries-10m.json

The result is committed; the map never fetches tiles or anything else from outside. Pure standard
library, so it runs anywhere.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "inquiry" / "web" / "static" / "web" / "vendor" / "natural-earth" / "korea-region.json"
# West, south, east, north: the Korean peninsula with the neighbouring coasts of China, Russia and Japan.
BBOX = (117.0, 32.0, 135.0, 46.5)
TOLERANCE = 0.005  # degrees (about 500 m): Douglas–Peucker tolerance
DIGITS = 3  # about 100 m


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute coordinates of every arc (TopoJSON stores quantized, delta-encoded positions)."""
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(p[0], p[1]) for p in arc]
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs) -> list[tuple[float, float]]:
    """Join arcs into one ring; a negative index ~i means arc i reversed."""
    out: list[tuple[float, float]] = []
    for index in indices:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        out.extend(points if not out else points[1:])
    return out


def _clip(ring, box):
    """Sutherland–Hodgman clipping of one ring against the box (correct for a convex clip region)."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    ]
    points = ring[:-1] if ring and ring[0] == ring[-1] else ring
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
            previous = current
        points = result
    if len(points) < 3:
        return []
    return points + [points[0]]


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def _simplify(points, tolerance):
    """Douglas–Peucker on an open polyline (iterative, keeps the ends)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm if norm else math.hypot(px - x1, py - y1)
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _finish(ring):
    if not ring:
        return []
    simplified = _simplify(ring, TOLERANCE)
    rounded = []
    for x, y in simplified:
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) < 4:
        return []
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def _polygons(geometry) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def convert(topo: dict, box=BBOX) -> dict:
    arcs = _decode_arcs(topo)
    features = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = []
        for polygon in _polygons(geometry):
            rings = [_finish(_clip(_ring(r, arcs), box)) for r in polygon]
            if rings and rings[0]:
                polygons.append([r for r in rings if r])
        if polygons:
            features.append({"type": "Feature", "id": geometry.get("id"),
                             "properties": {"name": (geometry.get("properties") or {}).get("name", "")},
                             "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return {"type": "FeatureCollection", "bbox": list(box), "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-10m.json or countries-50m.json from world-atlas")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = convert(json.loads(args.topojson.read_text()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")
    names = ", ".join(sorted(f["properties"]["name"] for f in data["features"]))
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes): {names}")


if __name__ == "__main__":
    main()
