"""Vendor the statistics page's world map: world-atlas countries-110m as GeoJSON keyed by ISO alpha-2.

    mkdir /tmp/map && cd /tmp/map && npm install world-atlas@2.0.2 topojson-client@3.1.0
    .venv/bin/python scripts/vendor_world_map.py /tmp/map/node_modules

world-atlas (Natural Earth 1:110m, public domain; ISC-licensed packaging) gives
countries by ISO 3166-1 numeric id; topojson-client (ISC) turns the TopoJSON
into GeoJSON in node; pycountry maps numeric to alpha-2, the code our Country
rows use. Features the standard does not know (Kosovo, N. Cyprus, Somaliland)
keep a name of their own and are drawn without data. Coordinates are rounded
to 0.01° (about 1 km, finer than the 110m source) to halve the file.
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
            "geometry": {"type": feature["geometry"]["type"],
                         "coordinates": _round(feature["geometry"]["coordinates"])},
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
