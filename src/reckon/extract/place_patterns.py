"""Sites and settlements named by their kind word, listed in no table.

"X Square", "Camp X", "X refugee camp", "Lycée communal de X", "School No. 3", "the town of
X", "the district headquarters, X", "X, a farming village in ...", "X, six kilometres north
of Y", "the X area of Y": the words around a name say what kind of place it is. A match is
then looked up as a listed site, and otherwise placed by the town it is named after or the
country the text gives it.
"""

from __future__ import annotations

import re

from reckon.extract.actors import load_alias_table
from reckon.extract.place_country import apposition_country, chain_country, section_country
from reckon.extract.place_tables import (
    BIG_CITY,
    HOME_TOWN,
    PlaceMention,
    Row,
    base_place,
    country_table,
    fold,
    fuzzy_key,
    gazetteer_rows,
    place_stopwords,
    site_row,
    site_table,
)
from reckon.extract.place_words import NAME
from reckon.model import Span


# Site kinds by the word that follows the name ("X Square") ...
_SUFFIX_KINDS = [
    ("square", r"Square|square|Roundabout|roundabout"),
    ("camp", r"(?:(?:[Rr]efugee|IDP|[Dd]isplacement|[Tt]ransit|[Pp]rotection)[ ])?(?:[Cc]amp|[Ss]ettlement)\b(?![ ][A-Z])"
             r"|(?:IDP|[Dd]isplacement|[Rr]efugee)[ ][Ss]ite\b|[Ll]and[ ][Oo]ccupation\b"),
    ("station", r"(?:(?:Integrated|Central|Main)[ ])?(?:Bus|Railway|Train|Police|Ferry)[ ](?:Terminal|Station|Depot)"
                r"|[Bb]order[ ](?:[Pp]ost|[Cc]rossing)|[Pp]olice[ ][Pp]ost|[Aa]rmy[ ](?:[Pp]ost|[Dd]etachment)"),
    ("university", r"(?:University|Polytechnic)(?:[ ]College)?|College|Institute"),
    # "the X education centre", "a tutoring centre": where students are taught, written in lower case too
    ("school", r"(?:(?:Primary|Secondary|High|Elementary|Middle|Girls'?|Boys'?|Grammar|Public|Islamic|Model|Science)[ ])*School"
               r"|(?:[Ee]ducation(?:al)?|[Tt]utoring|[Tt]uition|[Ll]earning|[Cc]oaching)[ ][Cc]ent(?:re|er)"),
    ("prison", r"[Pp]rison|[Jj]ail|[Gg]aol|[Pp]enitentiary|[Dd]etention[ ](?:[Cc]ent(?:re|er)|[Ff]acility|[Cc]amp)|Custodial[ ]Centre"),
    ("hospital", r"(?:(?:Trauma|Medical|Health|Teaching|General|Specialist|Referral|Children's|Maternity|Military|Regional"
                 r"|District|Provincial|Civil|Emergency)[ ])*(?:Hospital|Clinic|Infirmary)|(?:Trauma|Medical|Health)[ ](?:Centre|Center)"
                 r"|health[ ](?:centre|center|post)"),
    ("mosque", r"(?:(?:Grand|Central|Great)[ ])?(?:Mosque|mosque|Islamic[ ]Cent(?:re|er)|Masjid)"),
    ("church", r"Church|church|Cathedral|Chapel"),
    ("synagogue", r"Synagogue|synagogue"),
    ("temple", r"Temple|Shrine|shrine"),
    # "the X gold mining site", "the X artisanal mine"
    ("mine", r"(?:(?:[Gg]old|[Aa]rtisanal|[Cc]opper|[Dd]iamond)[ ])*(?:[Mm]ines?|[Mm]ining[ ](?:[Ss]ite|[Cc]amp))"),
    ("market", r"(?:(?:night|weekly|central|main|cattle|livestock|fish|vegetable)[ ])?[Mm]arket"),
    ("mall", r"[Mm]all|Shopping[ ]Cent(?:re|er)"),
    ("hotel", r"Hotel"),
    ("airport", r"(?:International[ ])?Airport"),
    ("base", r"Air[ ]Base|Airbase|Barracks|[Mm]ilitary[ ]base"),
    # "the Karlitepe Gendarmerie Outpost", "the Osk outpost": a post of troops or gendarmes is a target
    ("outpost", r"(?:(?:[Gg]endarmerie|[Mm]ilitary|[Aa]rmy|[Pp]olice|[Bb]order|[Ss]ecurity)[ ])?[Oo]utpost"
                r"|[Gg]endarmerie[ ](?:[Pp]ost|[Ss]tation|[Bb]rigade)"),
    ("stadium", r"Stadium"),
    # "the X Curling Club", "the X nightclub": a club's hall is a site where people gather
    ("club", r"(?:Curling|Golf|Country|Social|Sports|Yacht|Tennis|Bowling|Rowing|Cricket|Rugby|Boat|Night)[ ]Club"
             r"|[Nn]ightclub|[Nn]ight[ ]club"),
    ("region", r"(?:State|[Pp]rovince|[Gg]overnorate|[Rr]egion|County|Oblast)\b(?![ ][A-Z])"),
    # "Dogiyai Regency" (an Indonesian district), "Kpendjal prefecture"
    ("district", r"(?:[Dd]istrict|LGA|[Mm]unicipality|neighbou?rhood|quarter|[Ss]ub-prefecture|[Pp]refecture|Regency|territory"
                 r"|sub-county)\b(?![ ][A-Z])"),
    # "in the Talaka area": the area is named by its name alone, as "the Talaka area of X" is
    ("area", r"area\b(?![ ][A-Z])"),
    # "in Karandi town", "Ngoro village": a name the next word calls a settlement
    # "on Osk-Rugo hill": where hills are the unit of rural settlement (the Great Lakes), a named hill is one
    ("settlement", r"(?:town|village|hamlet|hill)\b(?![ ](?:of|council|hall|square|centre|center)\b)"
     # "Chitsanga Business Centre", "the Nkoma trading centre", "X growth point": the small rural
     # towns of East and Southern Africa, named by their trade
                   r"|[Bb]usiness[ ][Cc]ent(?:re|er)|[Tt]rading[ ][Cc]ent(?:re|er)|[Gg]rowth[ ][Pp]oint"),
    # "near the X water point", "at the X checkpoint": a named spot on the land
    ("site", r"[Ww]ater[ ]point|[Ww]aterhole|[Bb]orehole|[Cc]heckpoint|[Cc]rossroads|[Jj]unction"),
    # "a landmine on the Osk road", "an ambush on the Osk-Dari highway": a road named by the towns it joins
    ("road", r"(?:road|highway)\b(?![ ][A-Z])"),
    # "a camp in the Bajo Osk valley": a named valley is where it happened
    ("valley", r"[Vv]alley\b(?![ ][A-Z])"),
]  # fmt: skip
SUFFIX_SITE = re.compile(
    rf"(?P<x>{NAME})[ ](?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in _SUFFIX_KINDS) + r")\b"
)
# ... by the word before it ("Camp X", "Sitio X"), and by "the town of X".
_PREFIX_SITE = re.compile(
    rf"\b(?:(?P<camp>Camp)|(?P<university>University[ ]of)|(?P<mosque>Masjid)|(?P<village>Sitio|Barangay|Purok)"
    # "in the area of Mount Vohitsara", "clashes on Mt. Elgon": a named mountain is where it happened
    rf"|(?P<mountain>Mount|Mt\.?))"
    rf"[ ](?P<x>{NAME})"
)
# Sites named in French, Spanish or Portuguese, as reports in English keep them: the kind
# word first, an optional adjective, then "de X" ("Lycée communal de Nabouli", "Hospital
# de San Rafael", "Escola Municipal de X").
_ROMANCE_SITE = re.compile(
    r"\b(?:(?P<school>Lyc[ée]e|[ÉE]cole|Coll[èe]ge|Escuela|Colegio|Escola|Col[ée]gio|Liceo|Instituto)"
    r"|(?P<university>Universit[ée]|Universidad|Universidade)|(?P<hospital>H[ôo]pital|Hospital|Clinique|Cl[íi]nica)"
    r"|(?P<market>March[ée]|Mercado)|(?P<mosque>Mosqu[ée]e)|(?P<church>[ÉE]glise|Iglesia|Igreja)"
    r"|(?P<prison>Prison[ ]civile|Maison[ ]d['’]arr[êe]t|C[áa]rcel|Pres[íi]dio))"
    r"(?:[ ][a-zéèêàçíóú]{3,15}){0,2}[ ](?:de[ ]la|de|du|des|del|da|do|dos|das)[ ](?P<x>" + NAME + ")"
)
# "St. Columba's Catholic Church", "Saint Mary's Cathedral", "St Joseph's Parish School": a site named
# for a saint. The abbreviation's full stop and the saint's possessive are part of the name (a
# possessive otherwise marks an owner: "MEK's camp"), and a denomination may sit before the kind word.
_SAINT_SITE = re.compile(
    r"\b(?P<x>(?:St|Ste|Saint|Sainte|Sts|Saints)\.?[ ][A-Z][\w'’-]*(?:[ ](?:and|&)[ ][A-Z][\w'’-]*)?)[ ]"
    r"(?:(?:Roman[ ])?(?:Catholic|Anglican|Methodist|Baptist|Lutheran|Presbyterian|Orthodox|Evangelical|Pentecostal"
    r"|Coptic|Parish|Episcopal|Memorial|Mission)[ ])?"
    r"(?:(?P<church>Church|Cathedral|Chapel|Basilica|Parish|Mission)|(?P<school>(?:Primary|Secondary|High|Grammar)?[ ]?School"
    r"|College|Academy|Seminary)|(?P<hospital>Hospital|Clinic))\b"
)
_NUMBERED_SCHOOL = re.compile(r"\bSchool[ ](?:No\.?|Number)[ ]?(?:\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b")
# "an air strike hit a migrant detention centre ... at the Qasr al-Harsha centre": a report that
# says what kind of centre it speaks of names it then by "the X centre"; the kind is the one its
# own lower-case "detention centre", "health centre" gives (no such phrase: no site)
_NAMED_CENTRE = re.compile(rf"\bthe[ ](?P<x>{NAME})[ ](?:centre|center)\b")
_CENTRE_KIND = re.compile(r"\b(?:(?P<prison>detention|holding|reception|internment)|(?P<hospital>health|medical|trauma|"
                          r"treatment)|(?P<school>education|educational|learning|tutoring)|(?P<camp>transit))"
                          r"(?=[ ]cent(?:re|er)s?\b)")


def _centre_kind(text: str) -> str | None:
    """The one kind of centre the text's lower-case phrases speak of ("detention centre": a prison)."""
    kinds = {m.lastgroup for m in _CENTRE_KIND.finditer(text)}
    return kinds.pop() if len(kinds) == 1 else None


_TOWN_OF = re.compile(
    r"\b(?:the|[A-Z][a-z]+['’]s)(?:[ ](?:[a-z]{3,15}|[A-Z][a-z]{2,15})){0,3}?[ ](?P<kw>town|village|city|hamlet|settlement"
    # "the Town of Carrow Bend", "the Township of Elm Flats": a municipality's formal name
    r"|Town|Township|township|Village|City|Municipality"
    r"|district|province|region|state|county|community|suburb|neighbou?rhood|area|island|municipality|vereda|corregimiento"
    # ("the sector of Mata de Caña", "the sector known as Caño Hondo": a rural sector, named either way)
    rf"|commune|locality|ward|quarter|sub-county|department|site|camp|outskirts|sector)(?:[ ]\([a-z]{{3,20}}\))?"
    rf"[ ](?:of|known[ ]as|called)[ ](?P<x>{NAME})"
)
# "the municipal seat, Osk del Río", "the district headquarters, Dunmore": the town an
# administrative seat's apposition names.
_SEAT = re.compile(
    r"\bthe[ ](?:municipal|district|provincial|regional|state|county|departmental|local)[ ]"
    rf"(?:seat|capital|headquarters|town),[ ](?P<x>{NAME})"
)
# "Osk-Kari, a farming village in the Y Department", "X, a town in Haiti's Z department": a
# name the apposition after it calls a settlement, placed somewhere; "Ana, a village elder"
# (the kind word qualifying a person) is no such apposition.
_APPOSED_KIND = re.compile(
    # ("X, a mostly Shi'ite town", "X, a largely Christian village": a creed or a people qualifies it too)
    rf"(?P<x>{NAME}),[ ]an?[ ](?:(?:[a-z]+|[A-Z][a-z]+(?:['’][a-z]+)?)[ ]){{0,2}}?(?P<kw>town|village|hamlet|settlement|city|community|locality|camp)"
    r"(?=[ ](?:in|on|near|outside|of|about|some|close|north|south|east|west|located|where|that|which)\b|[,.;])"
)
# "Osk-Kari, about six kilometres north of Y": a name placed by its distance from another is a
# settlement, though no table knows it
_DISTANCE_APPOSED = re.compile(
    rf"(?P<x>{NAME}),[ ](?:(?:about|some|roughly|around|nearly|just|only)[ ])?(?:\d+|[a-z]+)[ ]"
    r"(?:km|kilometres|kilometers|miles)[ ](?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?[ ]of[ ][A-Z]"
)
# "the Ghundai Sar area of Tarkhel district": the named area inside the district
_AREA_OF = re.compile(rf"\bthe[ ](?P<x>{NAME})[ ](?P<kw>area|neighbou?rhood|locality|suburb|quarter)[ ]of[ ][A-Z]")
_KIND_OF = {"town": "town", "township": "town", "village": "village", "city": "city", "hamlet": "village", "settlement": "village",
            "district": "district", "province": "region", "region": "region", "state": "region", "county": "region",
            "community": "village", "suburb": "district", "neighbourhood": "district", "neighborhood": "district",
            "area": "district", "island": "island", "municipality": "town", "vereda": "village",
            "corregimiento": "village", "commune": "town", "locality": "village", "ward": "district",
            "quarter": "district", "sub-county": "district", "department": "region",
            "site": "camp", "camp": "camp", "outskirts": "town", "sector": "district"}  # fmt: skip


# "MSF-supported", "state-run", "church-owned": a compound adjective before a site's kind word
# says who runs it; it is no name.
_ADJECTIVE_COMPOUND = re.compile(r"[-‑](?:supported|run|backed|funded|owned|managed|operated|based|built|led)$")


_CARE_AFTER = re.compile(r"[ ](?:[Hh]ospital|[Cc]linic|[Hh]ealth[ ](?:[Cc]entre|[Cc]enter))\b")


# Stopwords that still begin real names ("North Caucasus", "New Delhi"): never stripped.
_NAME_WORDS = frozenset(
    "north south east west northern southern eastern western upper lower central new old great grand big "
    "little middle saint united".split()
)


# "the X district of Y", "X district, Y province": a district placed as one, whatever else X names
_ADMIN_NAMED_AFTER = re.compile(r"[ ]+(?:of|in)[ ]+[A-Z]|,[ ]+[A-Z][\w'’-]*[ ](?:[Pp]rovince|[Rr]egion|[Ss]tate)")


def pattern_sites(text: str, home: str | None) -> list[PlaceMention]:
    sites = site_table()[0]
    stop = place_stopwords()
    out = []
    matches = [
        *((m, m.lastgroup or "") for m in SUFFIX_SITE.finditer(text)),
        *((m, next(k for k, v in m.groupdict().items() if v and k != "x")) for m in _PREFIX_SITE.finditer(text)),
        *((m, next(k for k, v in m.groupdict().items() if v and k != "x")) for m in _ROMANCE_SITE.finditer(text)),
        *((m, "school") for m in _NUMBERED_SCHOOL.finditer(text)),
        *((m, next(k for k, v in m.groupdict().items() if v and k != "x")) for m in _SAINT_SITE.finditer(text)),
        *((m, "town") for m in _TOWN_OF.finditer(text)),
        *((m, "town") for m in _SEAT.finditer(text)),
        *((m, "district") for m in _AREA_OF.finditer(text)),
        *((m, "town") for m in _APPOSED_KIND.finditer(text)),
        *((m, "town") for m in _DISTANCE_APPOSED.finditer(text)),
    ]
    centre_kind = _centre_kind(text)
    if centre_kind is not None:
        matches += [(m, centre_kind) for m in _NAMED_CENTRE.finditer(text)]
    for m, kind in matches:
        if kind == "road" and m.start("x") > 0 and text[m.start("x") - 1] in "–—":
            continue  # "blocking the Olmasai–Karandi road": a road between two towns, not at the second
        x = m.groupdict().get("x")
        # "Brazil's northeastern state of X": the mention is "state of X", and "Brazil" stays
        # a mention of its own.
        start = m.start("kw") if m.re is _TOWN_OF else m.start("x") if m.re in (_SEAT, _AREA_OF, _APPOSED_KIND,
                                                                               _DISTANCE_APPOSED) \
            else m.start()
        if x is not None:
            # "Location of Al Noor Mosque", "The US State": drop leading label and
            # descriptor words; nothing left means no name at all
            words = x.split(" ")
            dropped = 0
            while words and fold(words[0]) in stop and fold(words[0]) not in _NAME_WORDS:
                dropped += len(words.pop(0)) + 1
            # "Narathiwat's Khok Mayo district": the province that owns it is no part of its name
            while len(words) > 1 and words[0].endswith(("'s", "’s")):
                dropped += len(words.pop(0)) + 1
            if not words or (x.endswith(("'s", "’s")) and m.re is not _SAINT_SITE):
                continue  # "Secondary School", "MEK's camp": no proper name
            if m.start("x") == start:
                start += dropped
            x = " ".join(words)
            if fold(x) in stop or fold(x) in country_table()[0]:
                continue  # "Islamic State", "Nigerian Army Camp": not a named site
            if _ADJECTIVE_COMPOUND.search(x):
                continue  # "the FCI-supported health centre": who runs the site, not its name
            if kind == "market" and m.re is SUFFIX_SITE and " " not in x and not sites.get(fold(m.group(0))) \
                    and any(r.kind == "region" or r.population >= BIG_CITY for r in gazetteer_rows(fold(x))):
                continue  # "Narathiwat market bombing": a market in a province or a city, not its name
            if (m.groupdict().get("kw") or "").lower() == "ward" and _CARE_AFTER.match(text, m.end()):
                continue  # "the surgical ward of Osk hospital": a hospital's ward, not an administrative one
        end = m.end("x") if m.re in (_AREA_OF, _APPOSED_KIND, _DISTANCE_APPOSED) else m.end()
        surface = text[start:end]
        if surface.startswith("the "):
            start += 4
            surface = surface[4:]
        span = Span(start=start, end=end)
        listed = _listed(sites, surface, x, kind, home)
        if listed is None and len(fold(surface)) >= 5:
            near = fuzzy_key(fold(surface), site_table()[1])  # "Zaatri camp"
            listed = site_row(sites.get(near or "", []), home, locative=False)
        if listed is not None:
            out.append(PlaceMention(span=span, text=surface, name=listed.name, kind=listed.kind,
                                    country=listed.country, admin1=listed.admin1, latitude=listed.latitude,
                                    longitude=listed.longitude, source="sites"))  # fmt: skip
            continue
        if kind == "district" and x is not None and load_alias_table().canonical(x, fuzzy=False) is not None \
                and not _ADMIN_NAMED_AFTER.match(text, m.end()):
            continue  # "the Taliban district commander": an actor's office, not a district
        if kind in ("settlement", "area"):
            if x is None or load_alias_table().canonical(x, fuzzy=False) is not None:
                continue  # "the Boko Haram village raids": an actor, not a place
            # "Osk-Kari village" is as specific as "the village of Osk-Kari"; "X town" stays a town
            kind = ("village" if m.group("settlement") != "town" else "town") if kind == "settlement" else "district"
            span = Span(start=m.start("x") + (len(m.group("x")) - len(x)), end=m.end("x"))
            surface = x
        site_kind = _KIND_OF.get((m.groupdict().get("kw") or "").lower(), kind)
        tie = apposition_country(text, m.end()) or chain_country(text, m.end())
        # "TOGO" heading a digest's section: its entries' villages are in that country
        context = tie or section_country(text, m.start()) or home
        base = base_place(x, context, prefer_city=site_kind != "region") if x else None
        if base is not None and context and base.country != context and base.population < BIG_CITY:
            base = None  # "the village of Korvel, Nigeria" is not the Dutch Korvel
        if base is not None and context is None and (
                base.population < HOME_TOWN
                or len({r.country for r in gazetteer_rows(fold(base.name)) if r.kind == base.kind}) > 1):
            base = None  # with no country in the text, a namesake abroad is no evidence
        country = base.country if base else context
        if kind in ("village",) and surface.split()[0] in ("Sitio", "Barangay", "Purok"):
            country = "PH"
        name = " ".join(surface.split())
        out.append(PlaceMention(span=span, text=surface, name=x or name if kind == "town" or (kind == "village" and m.re is SUFFIX_SITE)
                                else name, kind=site_kind,
                                country=country, admin1=base.admin1 if base else None,
                                latitude=base.latitude if base else None, longitude=base.longitude if base else None,
                                source="pattern"))  # fmt: skip
    return out


def _listed(
    sites: dict[str, list[tuple[Row, bool]]], surface: str, x: str | None, kind: str, home: str | None
) -> Row | None:
    """A listed site the pattern match names: by its full text, or by its name part and kind."""
    whole = site_row(sites.get(fold(surface), []), home, locative=False)
    if whole is not None or not x:
        return whole
    same_kind = [(row, weak) for row, weak in sites.get(fold(x), []) if row.kind == kind]
    return site_row(same_kind, home, locative=False)
