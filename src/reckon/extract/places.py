"""Places in text: named sites, populated places, regions and countries.

Four sources, most specific first, each a data file in ``reckon/data``:

- ``places.tsv`` — conflict-related SITES that GeoNames lacks or mis-types (camps,
  prisons, universities, squares, hospitals, mosques, ...), with aliases. A weak
  alias ("~Ashraf") counts only after a locative word ("in Ashraf"). A misspelt name
  ("Ahsraf") is matched with rapidfuzz under a conservative edit bound.
- patterns — sites named by their kind word even when not listed: "X Square",
  "Camp X", "X refugee camp", "X University College", "X prison", "X Trauma Centre",
  "X Mosque", "Sitio X", "Barangay X", "the town of X", "X State"/"X province".
- ``gazetteer.tsv.gz`` — GeoNames populated places (population >= 500) and admin1
  regions (see ``scripts/build_gazetteer.py``). Place names that are also words
  ("Reading", "Police", "Of") are the risk, so a GeoNames match needs one of: a tie
  in the text ("in X", "the town of X", "X, Nigeria", "X State", a dateline "X, date"),
  a population of 100 000 or more, or 5 000 or more in the document's main country;
  and it is refused after another capitalised word ("Justice Cameron"), before
  "said", or when the word is in ``place_stopwords.txt`` without such a tie.
- ``countries.tsv`` — country names, aliases and adjectives ("Nigerian").

Data load once per process (``lru_cache``); the GeoNames index takes ~0.5 s and is
built only when first needed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from reckon.extract.actors import load_alias_table
from reckon.extract.place_country import (
    WEIGHT,
    find_countries,
    home_country,
    is_country_name,
    region_country,
    section_country,
)
from reckon.extract.place_layout import (
    labelled_places,
    regions_of_labels,
    run_in_headings,
    table_places,
)
from reckon.extract.place_matches import token_matches
from reckon.extract.place_patterns import SUFFIX_SITE, pattern_sites
from reckon.extract.place_tables import (
    PlaceMention,
    country_table,
    fold,
    fuzzy_key,
    gazetteer_rows,
    pick,
    place_stopwords,
    site_table,
)
from reckon.extract.place_words import NAME, NOT_PLACE_WORDS, name_spans
from reckon.model import Place, Span

__all__ = ["PlaceMention", "country_of", "find_countries", "find_places", "is_country_name", "lookup_place", "region_country", "section_country"]


_GLUED_LABEL = re.compile(r"(?m)^[ \t]*(?:Location|Place|Site)(?=[A-Z][a-z])")


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in ``text``: sites, pattern sites, GeoNames places, countries.

    Sorted by start, non-overlapping; a longer name wins over a shorter one inside it,
    and at equal length a listed site over a pattern over GeoNames.
    """
    if not text:
        return []
    # "LocationBeslan, Russia": an infobox label run into its value hides the name; blank
    # the label (same length, so every span still indexes the document's text).
    written = text
    text = _GLUED_LABEL.sub(lambda m: " " * len(m.group()), text)
    spans = list(name_spans(text))
    home = home_country(text, spans)
    candidates: list[tuple[int, int, int, PlaceMention]] = []  # (start, -length, priority, mention)
    for mention in pattern_sites(text, home):
        candidates.append((mention.span.start, -len(mention.span), 1, mention))
    for mention in labelled_places(written, home):  # last: any table that knows the name places it better
        candidates.append((mention.span.start, -len(mention.span), 4, mention))
    for mention in table_places(written, home):
        candidates.append((mention.span.start, -len(mention.span), 1, mention))
    for mention in token_matches(text, home, spans):
        priority = {"sites": 0, "fuzzy": 0, "country": 2, "geonames": 3}[mention.source]
        candidates.append((mention.span.start, -len(mention.span), priority, mention))
    chosen: list[PlaceMention] = []
    last_end = -1
    for start, _, _, mention in sorted(candidates, key=lambda c: c[:3]):
        if start >= last_end:
            chosen.append(mention)
            last_end = mention.span.end
    return regions_of_labels(text, _with_short_forms(text, _with_settlement_names(
        text, _with_scenes(text, _with_contained_names(text, chosen), home))))


def _with_scenes(text: str, chosen: list[PlaceMention], home: str | None) -> list[PlaceMention]:
    """Names found only as the scene of violence or the place of a site, after every table
    and pattern had its say. Their other mentions are not added: a province named once as
    a scene ("the massacre in X") would then outvote the village the report is about."""
    taken = [(m.span.start, m.span.end) for m in chosen]
    found: list[PlaceMention] = []
    # "kills dozens in Ituri" where the text also writes "Ituri province": the region, not a town.
    areas = {fold(m.text.split()[0]) for m in chosen if m.kind in ("region", "country") and m.text}
    for mention in [*run_in_headings(text, home), *_event_scenes(text, home)]:
        start, end = mention.span.start, mention.span.end
        if fold(mention.name) in areas or any(m.text.startswith(mention.name + " ") for m in chosen):
            continue  # "the Oskaro Velde camp ... shot in Oskaro Velde": the short form of that site
        if not any(a < end and start < b for a, b in taken):
            found.append(mention)
            taken.append((start, end))
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen


_SHORT_FORM_KINDS = frozenset({"camp", "school", "university", "hospital", "mosque", "church", "market", "prison",
                               "mall", "hotel", "stadium", "temple", "synagogue"})


def _with_short_forms(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Terra Prometida camp" ... "gunned down in Terra Prometida": a site found by its
    kind word is the same site where the text names it without that word. Only names of
    two words or more, which are not ordinary words or one person's given name."""
    taken = [(m.span.start, m.span.end) for m in chosen]
    found: list[PlaceMention] = []
    seen: set[str] = set()
    for mention in chosen:
        if mention.source != "pattern" or mention.kind not in _SHORT_FORM_KINDS:
            continue
        match = SUFFIX_SITE.fullmatch(mention.text)
        short = match.group("x") if match else None
        if not short or len(short.split()) < 2 or short in seen or fold(short) in country_table()[0]:
            continue
        seen.add(short)
        for hit in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])(?![ ][A-Z])", text):
            start, end = hit.span()
            if not any(a < end and start < b for a, b in taken):
                found.append(replace(mention, span=Span(start=start, end=end), text=hit.group()))
                taken.append((start, end))
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen


# "in Nabouli, in the Gnagna province", "at Tamakoira, in the department of Ouallam",
# "near Kapsiria, Baringo County": a name no table knows, placed by the known place that
# holds it. Small villages are exactly what gazetteers lack, and reports name them so.
_CONTAINED = re.compile(
    rf"\b(?:in|at|near|outside|of)[ ](?P<x>{NAME})(?:,[ ]|[ ]\(|[ ])(?:in[ ]|near[ ])?(?:the[ ])?"
    r"(?:(?:department|province|region|district|state|county|commune|municipality)[ ]of[ ])?"
)


def _with_contained_names(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
    by_start = {m.span.start: m for m in chosen if m.kind != "demonym"}
    taken = [(m.span.start, m.span.end) for m in chosen]
    stop = place_stopwords()
    found: list[PlaceMention] = []
    for match in _CONTAINED.finditer(text):
        holder = by_start.get(match.end())
        if holder is None:
            continue
        start, end = match.span("x")
        name = match.group("x")
        words = name.split()
        if any(a < end and start < b for a, b in taken) or fold(words[0]) in stop or \
                words[0].lower() in NOT_PLACE_WORDS or len(name) < 3 or name.isupper():
            continue
        found.append(PlaceMention(span=Span(start=start, end=end), text=name, name=name, kind="village",
                                  country=holder.country, admin1=holder.admin1 or (holder.name if holder.kind == "region" else None),
                                  source="contained"))  # fmt: skip
        taken.append((start, end))
    # Once placed, the name is a place wherever else the document uses it.
    for mention in list(found):
        for match in re.finditer(rf"(?<![\w-]){re.escape(mention.name)}(?![\w-])", text):
            start, end = match.span()
            if not any(a < end and start < b for a, b in taken):
                found.append(replace(mention, span=Span(start=start, end=end), text=match.group()))
                taken.append((start, end))
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen


def _with_settlement_names(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
    """ "attacked Osk-Rugo village" ... "the clinic in Osk-Rugo" ... "who visited Osk-Rugo": a
    name the text once calls a village is that village wherever else the text writes it alone.
    No table knows most villages, so without this only the one mention with its kind word
    votes, and a town named three times as where the wounded went outvotes the scene."""
    taken = [(m.span.start, m.span.end) for m in chosen]
    stop = place_stopwords()
    found: list[PlaceMention] = []
    seen: set[str] = set()
    for mention in chosen:
        name = mention.name
        if mention.source != "pattern" or mention.kind != "village" or name in seen or name not in mention.text \
                or fold(name) in stop or fold(name) in country_table()[0] or len(name) < 4:
            continue
        seen.add(name)
        # not inside a longer name ("Osk-Rugo Tea Estate", "New Osk-Rugo") nor an owner ("Osk-Rugo's chief")
        for hit in re.finditer(rf"(?<![\w‑-]){re.escape(name)}(?![\w‑-])(?![ ][A-Z])(?!['’]s\b)", text):
            start, end = hit.span()
            before = re.search(r"([A-Z][\w'’‑-]*)[ ]$", text[max(0, start - 40):start])
            if before and fold(before.group(1)) not in stop:
                continue  # "Mount Osk-Rugo": the end of another name
            if not any(a < end and start < b for a, b in taken):
                found.append(replace(mention, span=Span(start=start, end=end), text=hit.group()))
                taken.append((start, end))
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen


def country_of(source: str | Sequence[PlaceMention]) -> str | None:
    """The most-mentioned country of a text (its places and national adjectives) or of mentions.

    A named place inside a country counts 2, the country's name 1, a national
    adjective 0.5 (a story about Kunduz that names the United States often is still
    about Afghanistan); ties go to the country mentioned first.
    """
    if isinstance(source, str):
        places = find_places(source)
        mentions = places + [m for m in find_countries(source) if m.kind == "demonym"]
    else:
        mentions = list(source)
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.country:
            counts[m.country] += WEIGHT.get(m.source, 1.0)
    if not counts:
        return None
    first = {}
    for m in sorted(mentions, key=lambda m: m.span.start):
        if m.country:
            first.setdefault(m.country, m.span.start)
    return max(counts, key=lambda cc: (counts[cc], -first[cc]))


def lookup_place(name: str, *, country: str | None = None) -> Place | None:
    """A canonical Place for a name: listed site, country, GeoNames place, or a near miss."""
    key = fold(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    if not key:
        return None
    sites, fuzzy_keys = site_table()
    row = pick([r for r, _ in sites.get(key, [])], country)
    if row is None:
        code = country_table()[0].get(key)
        if code is not None and code[2] == "name":
            return Place(name=country_table()[1][code[0]], country=code[0], kind="country")
        row = pick(gazetteer_rows(key), country, prefer_city=True)
    if row is None:
        near = fuzzy_key(key, fuzzy_keys)
        row = pick([r for r, _ in sites.get(near, [])], country) if near else None
    if row is None:
        return None
    return Place(name=row.name, country=row.country, latitude=row.latitude, longitude=row.longitude,
                 admin1=row.admin1, kind=row.kind)  # fmt: skip


# "clashes in Omraneya", "the attack at Kessa", "31 in Dokki clashes": what violence
# happened in or at is a place, even one no table knows (a district, a hamlet); "attacks
# of X" is left out ("attacks of Boko Haram" name the attacker).
_EVENT_NOUN = (r"(?i:clashes|fighting|protests?|violence|attacks?|raids?|bombings?|shootings?|massacres?|explosions?|"
               r"blasts?|unrest|riots?|killings?|ambush|airstrikes?|shelling|demonstrations?|sit-ins?)")
# ... and so is where a site of a settlement is: "the weekly market at Tamakoira", "the
# school in Kessa", "the camp of Dorra".
_SITE_NOUN = (r"(?:market|school|camp|mosque|church|hospital|clinic|college|university|prison|mine|village|town|"
              r"tent|checkpoint|funeral|wedding|house|farm|bus)")
_EVENT_SCENE = re.compile(
    rf"\b(?:{_EVENT_NOUN}|the(?:[ ][a-z]+)?[ ]{_SITE_NOUN}"
    # "threw a grenade into a bar in Osk-Rugo": a venue where people gather, in a town
    rf"|(?:into|at|on|inside|stormed|attacked|targeted)[ ](?:a|an|the)(?:[ ][a-z]+)?[ ](?:bar|restaurant|nightclub|"
    rf"cafe|café|tea[ ]shop|video[ ]hall|beer[ ]hall))[ ](?:in|at)[ ](?P<x>{NAME})(?![ ][A-Z])(?![\w'’-])"
    rf"|\bthe(?:[ ][a-z]+)?[ ](?:market|camp)[ ]of[ ](?P<z>{NAME})(?![ ][A-Z])(?![\w'’-])"
    # "the massacre of Osk-Rugo", "the siege of X": an event named by its place ("attacks of X"
    # is left out above: it names the attacker)
    rf"|\b[Tt]he(?:[ ][a-z]+)?[ ](?:massacre|siege|sack|bombing|shelling)[ ]of[ ](?P<s>{NAME})(?![ ][A-Z])(?![\w'’-])"
    rf"|\b(?:in|at)[ ](?P<y>{NAME})[ ]{_EVENT_NOUN}\b"
    # "an overnight raid on Osk-Kisanga": what a raid or an attack fell on
    # "a raid by armed men on Osk-Kisanga": the raiders named between the raid and its target
    rf"|\b(?i:raids?|attacks?|assaults?|air[ ]?strikes?|strikes?|bombardments?|shelling)(?:[ ]by(?:[ ][a-z]+){{1,3}}?)?"
    rf"[ ]on[ ](?:(?:the[ ])?(?:neighbou?ring|nearby)[ ])?(?P<w>{NAME})(?![ ][A-Z])(?![\w'’-])"
    # "The 2019 Osk-Kari attack was ...", "= 2019 Osk-Kari massacre =": an encyclopedia names an
    # event by its year and its place
    rf"|(?:^|(?<=\n)|(?<==[ ])|\b[Tt]he[ ])(?:19|20)\d\d[ ](?P<t>{NAME})[ ](?i:attacks?|massacres?|bombings?|raids?|"
    rf"ambush|shootings?|killings)\b"
    # "The mayor of Osk-Kari gave a higher toll", "residents of Osk-Kari said": a settlement with
    # a mayor or residents of its own, whom a report quotes because the harm happened there
    rf"|\b(?:[Mm]ayor|[Rr]esidents|[Vv]illagers|[Ii]nhabitants|[Pp]eople)[ ]of[ ](?P<u>{NAME})(?![ ][A-Z])(?![\w'’-])"
)
_SITE_THERE = re.compile(r"^the(?:[ ][a-z]+)?[ ](market|school|camp|mosque|church|college|university|prison|mine)[ ]")
_NOT_SCENE_WORDS = frozenset({"ramadan", "eid", "christmas", "easter", "lent", "advent", "english", "arabic", "french",
                              "operation", "hospital", "custody", "captivity", "mass", "parliament", "court"})
# ... and so is where people were killed, wounded or taken, named in the harm's own clause:
# "killed five civilians and wounded three in Kourmey Gorou on Thursday", "abducted a dozen
# people, including the chief, from Tagalel Bangou", "Fighting ... near In-Tessoum killed",
# "In Olmasai, at least three people were killed". Villages and hamlets are what the tables
# lack, and a dataset's or an NGO's list of incidents names them exactly so. The words between
# the harm and the preposition stay inside one clause of the sentence (no full stop, colon,
# semicolon); "from" counts only after taking people ("abducted ... from X"), being elsewhere
# an origin.
_HARM_WORD = (r"(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|shot(?:[ ]dead)?|shooting|beheaded|"
              r"stabbed|hacked|beaten|lynched|slain|slaughtered|murdered|maimed|bombed|shelled|"
              r"ambush(?:ed|es)?|attack(?:ed|s)?|raid(?:ed|s)?|storm(?:ed|s)|struck|died|dead|massacred|executed|fired|"
              r"burn(?:ed|t)|torched|fighting|clashes|bombing|explosion|blast|deaths?)")
_TAKING_WORD = (r"(?:abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|seized|snatched|took|taken"
                # verbs of taking away (taking.py): "carried off 33 villagers from X"
                r"|(?:carried|carrying|dragged|dragging|whisked|whisking|led|leading)[ ](?:off|away)"
                r"|(?:made|making)[ ](?:off|away)[ ]with|herded|herding)")
# "killed in August 2019 in Osk-Kura": a month is no scene, and the scene may follow it
_NOT_MONTH = r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
_HARM_SCENE = re.compile(
    # "fired mortar rounds from the hills east of Osk": a bearing from a place names it too
    rf"\b(?:(?i:{_HARM_WORD})\b(?:[ ,]+[^\s.;:!?]+){{0,10}}?[ ](?:in|near|outside|at|around|between|"
    rf"(?:north|south|east|west)(?:-?(?:east|west))?[ ]of)"
    rf"|{_TAKING_WORD}\b(?:[ ,]+[^\s.;:!?]+){{0,10}}?[ ](?:in|near|outside|at|around|from))"
    rf"[ ]{_NOT_MONTH}(?P<x>{NAME})(?![ ][A-Z])(?![\w'’‑-])"
    # "The attack occurred in August 2019 in Osk-Kura": where the event took place.
    rf"|\b(?:took[ ]place|occurred|happened)\b(?:[ ,]+[^\s.;:!?]+){{0,6}}?[ ](?:in|at|near)"
    rf"[ ]{_NOT_MONTH}(?P<o>{NAME})(?![ ][A-Z])(?![\w'’‑-])"
    # "after militants raided Osk-Kura on Saturday", "gunmen struck X, killing": what was raided,
    # stormed or struck, or what gunmen descended on, is the scene.
    # "returned to strike neighbouring Osk-Kari, where ...": the neighbour struck is a scene too
    rf"|\b(?:raided|stormed|overran|attacked|struck|strike|targeted|besieged|invaded|(?:descended|swooped)[ ]on)[ ]"
    rf"(?:(?:the[ ])?(?:neighbou?ring|nearby|adjacent)[ ])?(?P<v>{NAME})(?![ ][A-Z])(?![\w'’‑-])(?=[ ]+(?:on|in|at|late|early|overnight|last|and)\b|[,.])"
    # "In Olmasai, at least three people were killed": the sentence opens on its scene.
    rf"|(?:^|(?<=[.!?][ ])|(?<=\n))In[ ](?P<y>{NAME}),[ ](?=[^.!?\n]*\b(?:{_HARM_WORD}|{_TAKING_WORD})\b)"
)


# "the raid on X, a settlement west of Y": a bearing in apposition to the place named before it
# only says where that place lies; Y is no scene.
_LOCATING_BEARING = re.compile(r"[A-Z][\w'’-]*,[ ](?:(?:an?|the)[ ](?:[a-z-]+[ ]){1,2})?(?:(?:about|some|roughly|around)[ ])?"
                               r"(?:[\w.]+[ ](?:km|kilometres|kilometers|miles)[ ])?"
                               r"(?:north|south|east|west)(?:-?(?:east|west))?[ ]of[ ]$")


def _event_scenes(text: str, home: str | None) -> list[PlaceMention]:
    out = []
    stop = place_stopwords()
    actors = load_alias_table()
    scenes = [*((m, next(g for g in ("x", "y", "z", "w", "t", "u", "s") if m.group(g))) for m in _EVENT_SCENE.finditer(text)),
              *((m, next(g for g in ("x", "y", "v", "o") if m.group(g))) for m in _HARM_SCENE.finditer(text))]
    for m, group in scenes:
        name = m.group(group)
        owner = re.match(r"(.+?)['’]s[ ]", name)
        if owner and is_country_name(owner.group(1)):
            continue  # "in Nigeria's Zamfara": a region the country's name locates, not a town of that name
        key = fold(name)
        words = [fold(word) for word in name.split()]  # "In-Tessoum" is one word, not "in"
        if (words[0] in stop or words[0] in NOT_PLACE_WORDS or words[0] in _NOT_SCENE_WORDS or key in country_table()[0]
                or len(key) < 4 or name.isupper() or actors.canonical(name, fuzzy=False) is not None
                or text.startswith(("'s", "’s"), m.end(group)) or name.endswith(("'s", "’s"))
                or (m.re is _HARM_SCENE and any(r.kind == "region" for r in gazetteer_rows(key)))):
            continue  # "attacks in March", "in Boko Haram attacks": a time or an actor, not a place
        if m.re is _HARM_SCENE and _LOCATING_BEARING.search(text, m.start(), m.start(group)):
            continue  # "the raid on X, a settlement west of Y": Y only locates X
        # a town or district of unknown size: never more specific than a named site; but "the market
        # at X", "the school in X" name a site there, as specific as a named one
        site = _SITE_THERE.search(m.group(0)) if m.re is _EVENT_SCENE else None
        out.append(PlaceMention(span=Span(start=m.start(group), end=m.end(group)), text=name, name=name,
                                kind=site.group(1).lower() if site else "town",
                                country=section_country(text, m.start(group)) or home,
                                source="pattern"))
    return out
