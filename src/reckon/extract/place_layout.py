"""Places a document's layout names: record fields, list entries, coded lines, table cells, run-in headings.

"Location: La Esmeralda", "• 14 May – Osk-Bélé (Kambolo sub-prefecture): ...", a dataset's
coded line "22/05/2026 – Ruritania – North – Velmoka", a table row's location cell, a
paragraph opening on a place's name ("Karandi. Police shot ..."), a label's region ("Mali
(Ségou): ..."). The place is where the layout puts it, not what its words say, and it is
often a village no table knows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reckon.extract.actors import load_alias_table
from reckon.extract.place_country import (
    chain_country,
    country_named,
    is_country_name,
    section_country,
)
from reckon.extract.place_tables import (
    PlaceMention,
    base_place,
    country_table,
    fold,
    place_stopwords,
)
from reckon.extract.place_words import NAME, NOT_PLACE_WORDS
from reckon.model import Span


_LABEL_REGION = re.compile(r"(?m)^[ \t]*(?P<c>[A-Z][A-Za-z .'’-]{2,40}?)[ ]?\((?P<r>[^()\n]{2,40})\):[ ]")


def regions_of_labels(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """"Mali (Ségou): ...": the name in an entry label's parentheses is the country's region,
    even where a town of that name exists; it locates the entry, the entry names its scene."""
    regions = [Span(start=m.start("r"), end=m.end("r")) for m in _LABEL_REGION.finditer(text)
               if is_country_name(m.group("c"))]
    if not regions:
        return mentions
    return [replace(m, kind="region") if any(r.start <= m.span.start < r.end for r in regions) and m.kind != "country"
            else m for m in mentions]


# "Karandi. Police shot dead seven people ...": findings listed by location, each paragraph
# opening on the place's name as a run-in heading. Only a list of them (two or more) is read
# so: a lone "Summary. ..." is no place.
# A digest writes the entry's region and date around it: "Kirkuk — Tell Ghazal (10 Nov).",
# "Diyala — road near Umm al-Tin (12 Nov).", "Ayacucho — Chaupiorcco, Huanta province (14 Nov).".
_RUN_IN = re.compile(
    rf"(?:^|(?<=\n\n))(?:{NAME}[ ]+[—–][ ]+)?(?:(?:[a-z]+[ ]){{1,3}}(?:near|outside|of|in|at)[ ])?"
    rf"(?P<x>{NAME})(?:,[ ][^.()\n]{{1,40}})?(?:[ ]\([^()\n]{{1,30}}\))?\.[ ]+(?=[A-Z])"
)


def run_in_headings(text: str, home: str | None = None) -> list[PlaceMention]:
    """The place names that head paragraphs of a by-location list (see ``_RUN_IN``)."""
    stop = place_stopwords()
    countries = country_table()[0]
    actors = load_alias_table()
    found = []
    for m in _RUN_IN.finditer(text):
        name = m.group("x")
        words = [fold(word) for word in name.split()]
        if (words[0] in stop or words[0] in NOT_PLACE_WORDS or len(name) < 4 or name.isupper()
                or fold(name) in countries or actors.canonical(name, fuzzy=False) is not None):
            continue
        found.append(PlaceMention(span=Span(start=m.start("x"), end=m.end("x")), text=name, name=name, kind="town",
                                  country=section_country(text, m.start("x")) or home, source="heading"))
    return found if len(found) >= 2 else []


# A record's or an infobox's place field ("Location: La Esmeralda (vereda)", "Admin2:
# Puerto Lozada", "LocationChibok in Borno State"): the value is a place even when no table
# knows it, which is exactly when it matters (villages, hamlets).
_LABELLED = re.compile(
    rf"(?m)(?:^|\|)[ \t]*(?:[-•*][ \t]*)?(?P<label>Location|Place|Village|Town|Locality|Admin2|Admin3)"
    rf"(?:[ \t]*:[ \t]*|(?=[A-Z][a-z]))(?P<x>{NAME})"
)


# "• 14 May – Osk-Bélé (Kambolo sub-prefecture): armed men killed ...": a list entry opening on
# a place and the area holding it ("Country (Region):" labels are read as countries elsewhere).
_ENTRY_PLACE = re.compile(
    rf"(?m)^[ \t]*(?:[-•*][ \t]*)?(?:\d{{1,2}}[ ][A-Z][a-z]+(?:[ ]\d{{4}})?[ \t]*[-–—|:][ \t]*)?"
    rf"(?P<x>{NAME})(?:[ ]\([^()\n]{{2,40}}\):[ ]"
    # "Velmoka, Mopti region — Gunmen killed ...": the entry's place, its area, a dash
    rf"|,[ ](?:{NAME})[ ](?:region|district|province|state|prefecture|department|county|governorate|regency|"
    rf"Region|District|Province|State|Prefecture|Department|County|Governorate)[ ][—–][ ](?=[A-Z]))"
)


# A dataset's coded entry line: "3. 22/05/2026 – Ruritania – North – Osk district – Velmoka
# bazar", its date, then the location from the country down: the last element is the
# event's place, written as the coder wrote it, in the country the line names.
_CODED_LOCATION = re.compile(
    # ("[1] 27/10/2026 | Ruritania – North – Velmoka": a bracketed number, a bar after the date)
    r"(?m)^[ \t]*(?:(?:\d{1,3}[.)]|\[\d{1,3}\])[ \t]*)?(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d\d-\d\d)[ \t]+[–—|-][ \t]+"
    r"(?P<c>[^–—|\n]{2,40}?)(?:[ \t]+[–—-][ \t]+[^–—|\n]{2,40}?)*[ \t]+[–—-][ \t]+(?P<x>[^–—|\n]{2,40}?)[ \t]*$"
)


def labelled_places(text: str, home: str | None) -> list[PlaceMention]:
    out = []
    stop = place_stopwords()
    for m in _CODED_LOCATION.finditer(text):
        country = country_named(m.group("c").strip())
        x = re.sub(r"[ \t]*\([^()\n]*\)$", "", m.group("x"))  # "Velmoka (update)": a coder's note
        if country is None or not x[:1].isupper() or is_country_name(x):
            continue
        out.append(PlaceMention(span=Span(start=m.start("x"), end=m.start("x") + len(x)), text=x, name=x,
                                kind="village", country=country, source="heading"))
    for m in _ENTRY_PLACE.finditer(text):
        x = m.group("x")
        if is_country_name(x) or fold(x) in stop or len(fold(x)) < 3:
            continue
        dashed = not m.group().rstrip().endswith(":")
        out.append(PlaceMention(span=Span(start=m.start("x"), end=m.end("x")), text=x, name=x, kind="village",
                                country=chain_country(text, m.end("x")) or section_country(text, m.start("x")) or home,
                                # the dash form heads its paragraph as a run-in heading does
                                source="heading" if dashed else "pattern"))
    for m in _LABELLED.finditer(text):
        x = m.group("x")
        key = fold(x)
        if key in stop or key in country_table()[0] or len(key) < 3:
            continue
        kind = "district" if m.group("label").startswith("Admin") else "village"
        base = base_place(x, home, prefer_city=True)
        if base is not None and (base.country != home or fold(base.name) != key):
            base = None  # "La Esmeralda" in a Colombian record is not the Cuban town
        out.append(PlaceMention(span=Span(start=m.start("x"), end=m.end("x")), text=x, name=x, kind=kind,
                                country=base.country if base else home, admin1=base.admin1 if base else None,
                                latitude=base.latitude if base else None, longitude=base.longitude if base else None,
                                source="pattern"))
    return out


def table_places(text: str, home: str | None) -> list[PlaceMention]:
    """"14 January | Velmoka, Osk District, Dunmore | 2 | ...": the first part of a table row's
    location cell is the row's most specific place, known to no table or not."""
    from reckon.extract.tables import find_table_rows, place_cell

    out = []
    for row in find_table_rows(text):
        cell = place_cell(row)
        if cell is None:
            continue
        first = text[cell.start:cell.end].split(",")[0].strip()
        # "Near Oru-Kali", "Outside X": the place is the name after the preposition
        first = re.sub(r"^(?:[Nn]ear|[Oo]utside|[Aa]round|[Bb]etween|[Ii]n|[Aa]t)[ ]+(?=[A-Z])", "", first)
        if len(fold(first)) < 3 or not first[:1].isupper() or fold(first) in country_table()[0]:
            continue
        start = text.index(first, cell.start)
        base = base_place(first, home, prefer_city=True)
        if base is not None and (base.country != home or fold(base.name) != fold(first)):
            base = None
        out.append(PlaceMention(span=Span(start=start, end=start + len(first)), text=first, name=first,
                                kind="village", country=base.country if base else section_country(text, start) or home,
                                admin1=base.admin1 if base else None, latitude=base.latitude if base else None,
                                longitude=base.longitude if base else None, source="pattern"))
    return out
