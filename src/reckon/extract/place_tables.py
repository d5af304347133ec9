"""The place tables: listed sites, countries, stopwords and the GeoNames gazetteer, and lookups in them.

Every finder of places asks the same tables the same questions: is this folded name a listed
site, a country, a place-name stopword, a GeoNames place or region; which of several rows
with one name is meant (home country first, a region by its own name); which listed site is
one typo away; which town a site is named after. The loading (once per process,
``lru_cache``) and those questions live here, apart from the text patterns that pose them.
``PlaceMention``, the record every finder returns, lives here too, as the one module all of
them import.
"""

from __future__ import annotations

import bisect
import gzip
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import DamerauLevenshtein
from rapidfuzz import process

from reckon.errors import ExtractError
from reckon.model import Place, Span


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMention:
    """A place named in text. ``source`` says which table or rule found it."""

    span: Span
    text: str
    name: str
    kind: str
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    source: str = ""  # "sites", "pattern", "geonames", "country", "demonym", "fuzzy"

    def to_place(self) -> Place:
        return Place(name=self.name, country=self.country, latitude=self.latitude, longitude=self.longitude,
                     admin1=self.admin1, kind=self.kind, span=self.span)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Row:
    """A row of a table: a listed site, a GeoNames place or region, or an extra region."""

    name: str
    kind: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0


# --- normalisation and loading -----------------------------------------------------------
_FOLD = str.maketrans({"-": " ", "–": " ", "'": None, "’": None, "‘": None, "`": None, ".": None, ",": None})


@lru_cache(maxsize=1 << 16)  # names and their runs of words recur within and across texts
def fold(name: str) -> str:
    """Case-, accent-, hyphen- and apostrophe-insensitive key: "Za'atari" == "zaatari"."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = name.translate(_FOLD).lower()
    return " ".join(key.split()) if "  " in key or key != key.strip() else key


def _data_lines(name: str) -> list[tuple[int, str]]:
    text = resources.files("reckon").joinpath("data", name).read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def site_table() -> tuple[dict[str, list[tuple[Row, bool]]], list[str]]:
    """places.tsv -> {key: [(row, weak)]}, plus the keys fuzzy matching may reach."""
    index: dict[str, list[tuple[Row, bool]]] = {}
    lines = _data_lines("places.tsv")
    for number, line in lines[1:]:  # the first non-comment line is the column header
        cells = line.split("\t")
        if len(cells) != 8:
            raise ExtractError(f"places.tsv line {number}: expected 8 columns, got {len(cells)}", code="R203")
        name, aliases, kind, cc, admin1, lat, lon, _note = cells
        try:
            row = Row(name, kind, cc or None, admin1 or None, float(lat), float(lon))
        except ValueError as error:
            raise ExtractError(f"places.tsv line {number}: bad coordinate ({error})", code="R203") from None
        for alias in [name, *filter(None, aliases.split("|"))]:
            weak = alias.startswith("~") and alias != name
            index.setdefault(fold(alias.lstrip("~")), []).append((row, weak))
    fuzzy_keys = [k for k in index if len(k) >= 5]
    return index, fuzzy_keys


@lru_cache(maxsize=1)
def country_table() -> tuple[dict[str, tuple[str, bool, str]], dict[str, str]]:
    """countries.tsv -> {key: (code, weak, "name" | "adjective")}, {code: name}."""
    index: dict[str, tuple[str, bool, str]] = {}
    names: dict[str, str] = {}
    lines = _data_lines("countries.tsv")
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != 4 or not re.fullmatch(r"[A-Z]{2}", cells[0]):
            raise ExtractError(f"countries.tsv line {number}: expected code, name, aliases, adjectives", code="R203")
        code, name, aliases, adjectives = cells
        names[code] = name.lstrip("~")
        for alias in [name, *filter(None, aliases.split("|"))]:
            index.setdefault(fold(alias.lstrip("~")), (code, alias.startswith("~"), "name"))
        for adjective in filter(None, adjectives.split("|")):
            index.setdefault(fold(adjective), (code, False, "adjective"))
    return index, names


@lru_cache(maxsize=1)
def place_stopwords() -> frozenset[str]:
    return frozenset(fold(line) for _, line in _data_lines("place_stopwords.txt"))


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[str, list[str]]:
    """The GeoNames #rows block (read on demand) and the sorted #index lines.

    The file carries its keys pre-folded and sorted (scripts/build_gazetteer.py), so
    loading is one decompress and one split: no folding or hashing of ~400k names.
    """
    raw = resources.files("reckon").joinpath("data", "gazetteer.tsv.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    rows_at, index_at = text.find("\n#rows\n"), text.find("\n#index\n")
    if rows_at < 0 or index_at < 0:
        raise ExtractError("gazetteer.tsv.gz lacks its #rows/#index sections; rebuild it", code="R203")
    return text[rows_at + 7 : index_at + 1], text[index_at + 8 :].rstrip("\n").split("\n")


# Each name is looked up twice per text (the home country, then the match) and names recur
# across texts: one binary search and row parse per distinct key. Rows are frozen and the
# tuple immutable, so every caller may share them.
# "North Darfur" is the table's "Northern Darfur": a compass word in either form.
_COMPASS = {"north": "northern", "south": "southern", "east": "eastern", "west": "western"}
_COMPASS_JOINED = re.compile(r"\b(north|south)(east|west)\b")
_COMPASS_APART = re.compile(r"\b(north|south) (east|west)\b")


@lru_cache(maxsize=1 << 14)
def gazetteer_rows(key: str) -> tuple[Row, ...]:
    found = _gazetteer_lookup(key)
    if "north" in key or "south" in key:
        # "Northwest" and "North West" / "North-West" are one region's name written two ways:
        # both spellings' rows, so a name several countries use is seen to be shared.
        other = _COMPASS_JOINED.sub(r"\1 \2", key) if _COMPASS_JOINED.search(key) else _COMPASS_APART.sub(r"\1\2", key)
        if other != key:
            found = (*found, *(r for r in _gazetteer_lookup(other) if r not in found))
    first, _, rest = key.partition(" ")
    if not found and rest and first in _COMPASS:
        found = tuple(r for r in _gazetteer_lookup(f"{_COMPASS[first]} {rest}") if r.kind == "region")
    if not any(r.kind == "region" for r in found) and key in _extra_regions():
        # a province newer than the GeoNames snapshot ("Ituri", "Central Papua"): data/regions_extra.tsv
        found = (*found, _extra_regions()[key])
    return found


@lru_cache(maxsize=1)
def _extra_regions() -> dict[str, Row]:
    """data/regions_extra.tsv: first-level regions the GeoNames snapshot lacks, by folded name."""
    out: dict[str, Row] = {}
    for number, line in _data_lines("regions_extra.tsv")[1:]:
        cells = line.split("\t")
        if len(cells) != 3 or not re.fullmatch(r"[A-Z]{2}", cells[1]):
            raise ExtractError(f"regions_extra.tsv line {number}: expected name, country, note", code="R203")
        out[fold(cells[0])] = Row(cells[0], "region", cells[1], cells[0], None, None, 0)
    return out


def _gazetteer_lookup(key: str) -> tuple[Row, ...]:
    rows, index = _gazetteer()
    probe = key + "\t"  # a tab sorts before every character a key holds
    at = bisect.bisect_left(index, probe)
    if at == len(index) or not index[at].startswith(probe):
        return ()
    found = []
    for offset in index[at][len(probe) :].split(","):
        start = int(offset)
        name, cc, admin1, lat, lon, population, kind = rows[start : rows.index("\n", start)].split("\t")
        found.append(Row(name, kind, cc, admin1 or None, float(lat), float(lon), int(population)))
    return tuple(found)


# A GeoNames place this big is a place without a tie in the text; so is one this big in
# the document's own country (see places.py).
BIG_CITY = 100_000
HOME_TOWN = 5_000


# --- choosing among rows -----------------------------------------------------------------


def pick(rows: Sequence[Row], country: str | None, *, prefer_city: bool = False) -> Row | None:
    if not rows:
        return None
    if country:
        same = [r for r in rows if r.country == country]
        rows = same or rows
    # "Maranhão" is the state's own name and only an old alternate name of its capital city
    # (São Luís): a region named so beats a city merely also called so.
    keys = {fold(r.name) for r in rows if r.kind == "region"}
    cities_by_own_name = [r for r in rows if r.kind != "region" and fold(r.name) in keys]
    if prefer_city and keys and not cities_by_own_name:
        own = [r for r in rows if r.kind == "region"]
        if own and all(fold(r.name) != fold(own[0].name) for r in rows if r.kind != "region"):
            rows = own
    return max(rows, key=lambda r: ((r.kind != "region") if prefer_city else 0, r.population))


def site_row(entries: list[tuple[Row, bool]], home: str | None, *, locative: bool) -> Row | None:
    """The listed site a name denotes: weak aliases only after a locative; home country first."""
    rows = [row for row, weak in entries if not weak or locative]
    if not rows:
        return None
    return next((r for r in rows if r.country == home), rows[0])


def fuzzy_key(key: str, keys: list[str]) -> str | None:
    """A listed site name one edit away (two for 9+ letters), same first letter, or None."""
    if len(key) < 5:
        return None
    bound = 1 if len(key) < 9 else 2
    found = process.extractOne(key, keys, scorer=DamerauLevenshtein.distance, score_cutoff=bound)
    if found is None or found[1] == 0:
        return None
    near = found[0]
    return near if near[0] == key[0] and abs(len(near) - len(key)) <= 1 else None


def base_place(x: str, context: str | None, *, prefer_city: bool) -> Row | None:
    """The town a site is named after: "Kunduz" of "Kunduz Regional Hospital"."""
    words = x.split(" ")
    for cut in range(len(words), 0, -1):
        key = fold(" ".join(words[:cut]))
        if cut < len(words) and key in place_stopwords():
            break  # "North" of "North Caucasus" names no town
        row = pick(gazetteer_rows(key), context, prefer_city=prefer_city)
        if row is not None and (cut == len(words) or (row.population >= HOME_TOWN and row.country == context)):
            return row
    return None
