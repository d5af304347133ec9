"""Scenes of violence: a name no table knows is a place where the text says violence happened there.

"clashes in Omraneya", "the weekly market at Tamakoira", "the massacre of X", "killed five
civilians ... in Kourmey Gorou", "militants raided X", "In Olmasai, at least three people
were killed". Added after every table and pattern has had its say, and only where none found
a place; their other mentions are not added, so that a province named once as a scene does
not outvote the village the report is about.
"""

from __future__ import annotations

import re

from reckon.extract.actors import load_alias_table
from reckon.extract.place_country import is_country_name, section_country
from reckon.extract.place_layout import run_in_headings
from reckon.extract.place_tables import (
    PlaceMention,
    country_table,
    fold,
    gazetteer_rows,
    place_stopwords,
)
from reckon.extract.place_words import NAME, NOT_PLACE_WORDS
from reckon.model import Span


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


def with_scenes(text: str, chosen: list[PlaceMention], home: str | None) -> list[PlaceMention]:
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
