"""The incident map, drawn on the server as SVG from bundled country shapes.

The shapes are world-atlas' TopoJSON of Natural Earth's 1:110m countries (vendored under
static/vendor/world-atlas with its licence). No tile server, no script: the map is an
<svg> of country outlines in plain longitude/latitude (equirectangular), zoomed to the
incidents shown, with one linked dot per incident, so it works offline and without JS.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reckon.web.deps import STATIC_DIR

__all__ = ["IncidentMap", "countries_svg", "incident_map"]

ATLAS = STATIC_DIR / "vendor" / "world-atlas" / "countries-110m.json"
# Degrees of margin around the incidents, and the smallest span shown: one village
# should not fill the whole map.
MARGIN, MIN_SPAN = 4.0, 24.0


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentMap:
    view_box: str
    points: tuple[dict[str, Any], ...]  # id, x, y, r, label
    stroke: float


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantised and delta-encoded
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


@lru_cache(maxsize=1)
def country_paths() -> tuple[str, ...]:
    """Every country's outline as SVG path data (computed once per process)."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(geometry.get("type"), [])
        parts = []
        for polygon in polygons:
            for ring in polygon:
                points = _ring(arcs, ring)
                if len(points) > 2:
                    parts.append("M" + "L".join(f"{x:.2f},{-y:.2f}" for x, y in points) + "Z")
        if parts:
            paths.append("".join(parts))
    return tuple(paths)


@lru_cache(maxsize=1)
def countries_svg() -> str:
    """The world's countries as one SVG in degrees (viewBox -180 -90 360 180). Pages place
    it as an <image> under their dots, so the outlines are fetched once and cached."""
    paths = "".join(f'<path d="{d}"/>' for d in country_paths())
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180">'
        '<rect x="-180" y="-90" width="360" height="180" fill="#dfe8ee"/>'
        f'<g fill="#f6f3ea" stroke="#9aa5ad" stroke-width="0.08">{paths}</g></svg>'
    )


def incident_map(points: list[dict[str, Any]]) -> IncidentMap | None:
    """A map of the incidents that have coordinates; None when none has."""
    located = [p for p in points if p.get("latitude") is not None and p.get("longitude") is not None]
    if not located:
        return None
    lons = [p["longitude"] for p in located]
    lats = [p["latitude"] for p in located]
    west, east = min(lons) - MARGIN, max(lons) + MARGIN
    south, north = min(lats) - MARGIN, max(lats) + MARGIN
    # At least MIN_SPAN degrees wide, and no flatter than 2:1 (a phone shows it too).
    width = max(east - west, MIN_SPAN, (north - south) * 1.2)
    height = max(north - south, width / 2)
    centre_x, centre_y = (west + east) / 2, (south + north) / 2
    west, north = max(-180.0, centre_x - width / 2), min(90.0, centre_y + height / 2)
    radius = width / 160
    dots = tuple(
        {
            "id": p["id"],
            "x": round(p["longitude"], 4),
            "y": round(-p["latitude"], 4),
            "r": round(radius, 4),
            "label": ", ".join(str(v) for v in (p.get("place"), p.get("country"), p.get("date")) if v),
        }
        for p in located
    )
    return IncidentMap(
        view_box=f"{west:.3f} {-north:.3f} {width:.3f} {height:.3f}",
        points=dots,
        stroke=round(width / 900, 4),
    )
