"""Vendor the statistics page's world map: world-atlas countries-110m as GeoJSON keyed by ISO alpha-2.

    mkdir /tmp/map && cd /tmp/map && npm install world-atlas@2.0.2 topojson-client@3.1.0
    .venv/bin/python scripts/vendor_world_map.py /tmp/map/node_modules

world-atlas (Natural Earth 1:110m, public domain; ISC-licensed packaging) gives
countries by ISO 3166-1 numeric id; topojson-client (ISC) turns the TopoJSON
into GeoJSON in node; pycountry maps numeric to alpha-2, the code our Country
rows use. Features the standard does not know (Kosovo, N. Cyprus, Somaliland)
keep a name of their own and are drawn without data. Coordinates are rounded
to 0.01° (about 1 km, finer than the 110m source) to halve the file. Shapes
that cross ±180° (Fiji, Chukotka) are split in two, or the map shows a line
across the world at their latitude.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "verdex" / "static" / "vendor" / "world-atlas-2.0.2"

NODE = """
const topojson = require(process.argv[1] + "/topojson-client");
const topology = require(process.argv[1] + "/world-atlas/countries-110m.json");
process.stdout.write(JSON.stringify(topojson.feature(topology, topology.objects.countries)));
"""


def _round(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], 2), round(coordinates[1], 2)]
    return [_round(part) for part in coordinates]


def _split_ring(ring):
    """A closed ring that crosses ±180° (Fiji, Chukotka) as one ring per side, or [ring].

    Drawn whole, its jump from -180 to 180 is a line across the whole map.
    Antarctica's ring crosses once, along the map's bottom edge, and stays.
    """
    jumps = [i for i in range(1, len(ring)) if abs(ring[i][0] - ring[i - 1][0]) > 180]
    if len(jumps) != 2:
        return [ring]
    first, second = jumps
    east_or_west = ring[first:second]
    other = ring[second:-1] + ring[:first]
    return [east_or_west + east_or_west[:1], other + other[:1]]


def split_at_antimeridian(geometry):
    """The geometry with each polygon that crosses ±180° split in two (a MultiPolygon then)."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    out = []
    for rings in polygons:
        parts = _split_ring(rings[0])
        out += [rings] if len(parts) == 1 or len(rings) > 1 else [[part] for part in parts]
    if geometry["type"] == "Polygon" and len(out) == 1:
        return geometry
    return {"type": "MultiPolygon", "coordinates": out}


def main(node_modules):
    node_modules = Path(node_modules).resolve()
    collection = json.loads(subprocess.run(["node", "-e", NODE, str(node_modules)],
                                           check=True, capture_output=True, text=True).stdout)
    features = []
    for index, feature in enumerate(collection["features"]):
        country = pycountry.countries.get(numeric=feature.get("id") or "") if feature.get("id") else None
        label = feature["properties"]["name"]
        features.append({
            "type": "Feature",
            "properties": {"name": country.alpha_2 if country else f"unmatched-{index}", "label": label},
            "geometry": split_at_antimeridian({"type": feature["geometry"]["type"],
                                               "coordinates": _round(feature["geometry"]["coordinates"])}),
        })
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "countries-110m.geo.json").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
    shutil.copy(node_modules / "world-atlas" / "LICENSE", TARGET / "LICENSE")
    shutil.copy(node_modules / "topojson-client" / "LICENSE", TARGET / "LICENSE-topojson-client")
    unmatched = [f["properties"]["label"] for f in features if f["properties"]["name"].startswith("unmatched")]
    print(f"{len(features)} countries, unmatched: {unmatched}")


if __name__ == "__main__":
    main(sys.argv[1])
