"""The report's main place: the place its main incident happened, chosen by a vote of its place mentions.

The most mentioned specific place wins (sites and towns before countries, the headline
counting double, places in the sentences of harm counting more); an infobox's "Location:"
line and a site the text says was attacked ("stormed the X Hotel") weigh heavily, while
destinations ("treated at X Hospital"), where a source sits or spoke ("officials in X") and
datelines cast no vote. A short form folds into the fuller name that holds it, and the place
is returned as the document writes it. This weighs the whole document's mentions at once, so
it lives apart from the place of one figure (``count_place``) and the grouping of figures
(``incidents``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from reckon.extract.count_place import DESTINATION, LIST_GAP, words_before_list
from reckon.extract.place_rank import contains, same_place, specificity, within_town
from reckon.extract.places import PlaceMention
from reckon.model import Span

__all__ = ["care_places", "main_place", "name_only"]


def main_place(mentions: list[PlaceMention], *, headline_end: int, harm_spans: list[Span] = (),
               datelines: list[Span] = (), text: str = "") -> PlaceMention | None:
    scores: Counter[str] = Counter()
    best: dict[str, PlaceMention] = {}
    labelled = _labelled_location(mentions, text)
    headline_site = _headline_site(mentions, headline_end, text) if text else None
    # "treated at X Hospital", "fled to X": where the victims went, not where the harm
    # happened; a hospital named so is the report's place of care wherever else it is named.
    # "a source in X": where a source sits.
    destinations = [m for m in mentions if text and (DESTINATION.search(words_before_list(text, m.span.start))
                                                      or _SOURCE_SITS.search(text[max(0, m.span.start - 60):m.span.start]))]
    # "taken to hospitals in Tillabéri and Niamey": a place joined to a destination is one too.
    for before, after in zip(mentions, mentions[1:]):
        if any(before is d for d in destinations) and text and \
                LIST_GAP.fullmatch(text[before.span.end:after.span.start]):
            destinations.append(after)
    # "died in Toronto hospital", "died at a Toronto trauma centre": a town naming a place of care
    destinations += [m for m in mentions if text and _CARE_NOUN_AFTER.match(text, m.span.end)]
    # "the X Hospital said seven bodies had been brought in": a hospital that speaks is a source.
    destinations += [m for m in mentions if m.kind == "hospital" and text and _SPEAKS_AFTER.match(text, m.span.end)]
    hospitals = {m.name for m in destinations if m.kind == "hospital"} | care_places(mentions, text)
    # (not a hospital, where the wounded go, nor a police station, where rioters "attempted to
    # storm" and suspects are paraded: the town around it stays the place)
    first_attacked = next((m.name for m in sorted(mentions, key=lambda m: m.span.start)
                           if text and specificity(m) == 3 and m.kind not in ("hospital", "station")
                           and not any(d.start <= m.span.start < d.end for d in datelines)
                           and _ATTACKED.search(text, max(0, m.span.start - 80), m.span.start)), None)
    # ... and only when no other town or site is named before it in the sentences of harm: "shelled
    # X's market ... later attacked the village of Y" makes Y a later attack, not the report's site.
    first_scene = next((m for m in sorted(mentions, key=lambda m: m.span.start)
                        if specificity(m) >= 2 and m.kind not in ("hospital", "station")
                        and any(h.start <= m.span.start < h.end for h in harm_spans)
                        and not any(d.start <= m.span.start < d.end for d in datelines)
                        and not any(m is d for d in destinations)), None)
    if first_attacked is not None and first_scene is not None and first_scene.name != first_attacked:
        site = next(m for m in mentions if m.name == first_attacked)
        if first_scene.span.start < site.span.start \
                and not (contains(first_scene, site) or same_place(first_scene, site)):
            first_attacked = None
    # "(Reporting by A in X and B in Y; Editing by C)": where a wire's reporters sit
    # "News | Toronto | Ontario | Canada | World": a site's menu names sections, not the scene
    credits = [m.span() for m in _CREDIT_LINE.finditer(text)] + [m.span() for m in _MENU_LINE.finditer(text)] \
        if text else []
    for mention in mentions:
        key = mention.name
        if any(d.start <= mention.span.start < d.end for d in datelines) or key in hospitals \
                or any(mention is d for d in destinations) or any(a <= mention.span.start < b for a, b in credits):
            continue
        weight = 2 if mention.span.start < headline_end else 1
        # Places named in the very sentences that give a toll or an accusation speak of the event.
        if any(h.start <= mention.span.start < h.end for h in harm_spans):
            weight += 2
        if mention is labelled:
            weight += 6  # an infobox's "Location:" names the event's place, most specific first
        if headline_site is not None and mention.name == headline_site:
            weight += 3
        if text and specificity(mention) == 3 and mention.kind != "hospital" and mention.name == first_attacked \
                and len({m.name for m in mentions if m.kind == mention.kind}) == 1:
            # only a site the text names alone of its kind: "the attacks on two mosques" spread
            # over sites, and "the mosque" could be either; and only the first site the text
            # says was attacked: the report's own event comes before the attacks it recalls
            weight += _site_votes(mention, text)
        elif within_town(mention) and text and _TARGETED_BEFORE.search(text, max(0, mention.span.start - 60),
                                                                               mention.span.start):
            # "surrounded the four-storey X Hotel", "the siege of X": the site the attack was on (a
            # village is a settlement of its own, not a site within the town around it)
            weight += 2
        scores[key] += weight
        current = best.get(key)
        if current is None or specificity(mention) > specificity(current):
            best[key] = mention
    if not scores:
        return None
    # Fold a short form into the fuller name that contains it ("Tarrow" into "Camp Tarrow").
    names = sorted(scores, key=lambda n: -len(n))
    # An infobox's own name for a site is kept, not folded into a longer wording of it.
    for short in [n for n in names if labelled is None or n != labelled.name or specificity(labelled) < 3]:
        for long in names:
            if long != short and long in scores and short in scores and same_place(best[short], best[long]) \
                    and specificity(best[long]) >= specificity(best[short]) and len(long) > len(short):
                scores[long] += scores.pop(short)
                break
    _fold_town_kind_sites(scores, best, mentions, text)
    # The most specific place the text names wins over the admin area that holds it unless
    # the area is named far more often ("in the town of X in Y State": X).
    ranked = sorted(scores, key=lambda n: (specificity(best[n]) > 0,
                                           scores[n] * (0.4 if specificity(best[n]) == 1 else 1.0),
                                           specificity(best[n])), reverse=True)
    voting = [m for m in mentions if not any(d.start <= m.span.start < d.end for d in datelines)]
    winner = best[ranked[0]]
    if text and specificity(winner) == 2:
        # "our children were torn to pieces in the X education centre in Y ... the guards at the
        # gate of the centre": the one site the text places in the winning town, and then calls by
        # its kind alone, is where it happened; the town is named more often only for being wider
        inside = {m.name: m for m in mentions if m.name in scores and within_town(m) and m.kind != "hospital"
                  and text.startswith(f" in {winner.text}", m.span.end)
                  and len({o.name for o in mentions if o.kind == m.kind}) == 1
                  and _head_again(m, text)}
        if len(inside) == 1:
            winner = best[next(iter(inside))]
    return _as_written(winner, voting or mentions)


def _fold_town_kind_sites(scores: Counter[str], best: dict[str, PlaceMention], mentions: list[PlaceMention],
                          text: str) -> None:
    """ "bomb tears through Quillaqhocha market" ... "the Kanchi Pampa market in southern Quillaqhocha":
    a site called by its town and its kind word in lower case is the named site of that kind the
    text places in that town; its votes go to the named site."""
    if not text:
        return
    for short in [n for n in scores if specificity(best[n]) == 3 and len(n.split()) >= 2 and n.split()[-1].islower()]:
        town, kind = " ".join(short.split()[:-1]), best[short].kind
        named = {m.name for m in mentions if m.name in scores and m.name != short and m.kind == kind
                 and re.match(rf"[ ]in[ ](?:(?:the[ ])?(?:north|south|east|west|central)(?:ern)?[ ]|the[ ]centre[ ]of[ ])?"
                              rf"{re.escape(town)}\b", text[m.span.end:m.span.end + len(town) + 30])}
        # (only when the text names no other site of that kind: "Christchurch mosque" over two mosques is either)
        of_kind = {m.name for m in mentions if m.kind == kind and m.name != short and specificity(m) == 3}
        if len(named) == 1 and len(of_kind) == 1:
            scores[named.pop()] += scores.pop(short)


def _head_again(site: PlaceMention, text: str) -> bool:
    """The text calls the site by its kind's word alone after naming it ("the centre")."""
    head = _site_head(site.name)
    return head in _SITE_HEADS and re.search(rf"\b[Tt]he {head}\b", text[site.span.end:]) is not None


# (items of one to three words, no figures: a table's rows have dates and tolls in their cells)
_MENU_LINE = re.compile(r"(?m)^[ \t]*[A-Za-z][A-Za-z'’&-]*(?:[ ][A-Za-z'’&-]+){0,2}"
                        r"(?:[ ]?\|[ ]?[A-Za-z][A-Za-z'’&-]*(?:[ ][A-Za-z'’&-]+){0,2}){3,}[ \t]*$")
_CARE_NOUN_AFTER = re.compile(r"[ ]+(?:hospitals?|clinics?|trauma[ ]cent(?:re|er)s?|health[ ]cent(?:re|er)s?|"
                              r"medical[ ]cent(?:re|er)s?|mortuary|morgue)\b")
_CREDIT_LINE = re.compile(r"\((?:Additional[ ])?[Rr]eporting[ ]by[^()\n]{0,300}\)")


def care_places(mentions: list[PlaceMention], text: str) -> set[str]:
    """Hospitals the text never says were attacked: where the wounded were treated or died and
    where doctors speak from ("one died overnight at X General Hospital", "a nurse at X
    Hospital said"), never the scene. A hospital that was struck ("the airstrike on the X
    Trauma Centre", "the hospital was hit") stays a place like any other."""
    if not text:
        return set()
    struck = _HOSPITAL_STRUCK.search(text) is not None
    hospitals = [m for m in mentions if m.kind == "hospital"]
    attacked = {m.name for m in hospitals
                if struck or _ATTACKED.search(text, max(0, m.span.start - 80), m.span.start)
                or _TARGETED_BEFORE.search(text, max(0, m.span.start - 60), m.span.start)
                or _STRUCK_AFTER.match(text, m.span.end)}
    return {m.name for m in hospitals} - attacked


# "the hospital was hit", "an airstrike on the clinic", "shelling of the trauma centre"
_HOSPITAL_STRUCK = re.compile(
    r"\b(?:(?:air[ ]?strikes?|strikes?|attacks?|raids?|bombing|shelling|assault|siege)[ ]+(?:on|of)[ ]+(?:the|a|an)[ ]+"
    r"(?:[\w-]+[ ]+){0,3}(?:hospital|clinic|trauma[ ]cent(?:re|er)|health[ ]cent(?:re|er))"
    r"|(?:hospital|clinic|trauma[ ]cent(?:re|er)|health[ ]cent(?:re|er))(?:[ ]building)?[ ]+(?:that[ ]+)?"
    r"(?:was|were|had[ ]been|has[ ]been|is|being|was[ ]being)[ ]+(?:being[ ]+)?"
    r"(?:hit|bombed|attacked|struck|shelled|raided|stormed|targeted|destroyed|set[ ]ablaze|burned|torched))\b",
    re.IGNORECASE)
_STRUCK_AFTER = re.compile(r"[ ]+(?:was|were|had[ ]been|has[ ]been)[ ]+(?:hit|bombed|attacked|struck|shelled|raided|"
                           r"stormed|targeted|destroyed|set[ ]ablaze|burned|torched)\b", re.IGNORECASE)


# A site named as what was attacked ("attacked X Institute", "the attack on X Mosque",
# "stormed a dormitory at X College") is where the event happened, however often the town
# around it is named.
_ATTACKED = re.compile(r"\b(?:attack(?:ed|ing)?|stormed|storming|raided|raiding|bombed|besieged|(?:attack|raid|assault|"
                       r"bombing|siege)[ ]+(?:on|of)"
                       # "the blast tore through the main hall of X", "opened fire inside X"
                       r"|(?:tore|ripped)[ ]+through|opened[ ]+fire[ ]+(?:at|on|in|inside)"
                       r"|blew[ ]+(?:himself|herself|themselves)[ ]+up[ ]+(?:at|in|inside|outside))[ ]+"
                       # ("tore through food stalls at the X": what it hit, then where)
                       r"(?:(?:(?:a|an|the)[ ]+)?[\w'’ -]{0,40}?[ ]+(?:at|of|in)[ ]+)?(?:the[ ]+)?$",
                       re.IGNORECASE)
# The head noun of a site's name, which the text then uses alone ("X Technical Institute" ...
# "the institute"): each such mention is a mention of the site.
_SITE_HEADS = frozenset({"institute", "college", "school", "university", "academy", "seminary", "mosque", "church",
                         "cathedral", "chapel", "temple", "market", "camp", "hostel", "dormitory", "centre", "center",
                         "club"})


def _site_votes(mention: PlaceMention, text: str) -> int:
    votes = 4
    head = mention.name.split()[-1].lower() if mention.name.split() else ""
    if head in _SITE_HEADS and len(mention.name.split()) > 1:
        votes += min(3, len(re.findall(rf"\b[Tt]he {head}\b", text)))
    return votes


# An infobox line "Location: Baga, Borno State, Nigeria" (or "LocationBaga, ..." as some
# renderings run the label into its value), a record's "| Location: X" field; "Location
# of X (left)" is a map caption.
_LOCATION_LABEL = re.compile(
    r"(?m)(?:^|\|)[ \t]*(?:[-•*][ \t]*)?(?:Location|Place|Site|Village|Locality)(?:[ \t]*:[ \t]*|(?=[A-Z][a-z]))"
    # "...Fergana ValleyLocationSchool No. 3, X": a flattened infobox's label glued to the value before it
    r"|(?<=[a-z)\]])Location(?=[A-Z][a-z])")
# "a humanitarian source in Bunia", "officials in the capital": where a source sits ("MSF teams in
# X have treated 40": where carers work; "the government in X": its capital); "told a
# press briefing in Kampala", "speaking to reporters in X": where a source spoke.
_SOURCE_SITS = re.compile(
    r"\b(?:sources?|officials?|officers?|investigators?|prosecutors?|spokes(?:man|woman|person)|correspondents?|reporters?|journalists?|workers?|"
    r"leaders?|doctors?|administrators?|analysts?|diplomats?|teams?|staff|medics|government|regime|"
    # "the Interior Ministry in Dushanbe", "the embassy in X": where a body has its seat
    r"[Mm]inistry|[Ee]mbassy|[Hh]eadquarters|[Aa]uthorities|[Pp]residency),?\s+"
    r"(?:based\s+)?(?:in|at)\s+(?:the\s+)?$"
    r"|\b(?:(?:press|news)[ ]+(?:briefing|conference)|briefing|press[ ]+event|speaking|spoke|told[ ]+(?:reporters|"
    r"journalists|the[ ]+press))[ ]+(?:(?:to|with)[ ]+(?:reporters|journalists)[ ]+)?(?:in|at)[ ]+(?:the[ ]+)?$",
    re.IGNORECASE,
)
# A site the attack was on: "stormed the X Hotel", "surrounded the four-storey X", "the siege of X".
_TARGETED_BEFORE = re.compile(
    r"\b(?:attacked|stormed|raided|bombed|shelled|struck|overran|besieged|targeted|invaded|surrounded|seized|"
    r"occupied|cordoned[ ]off|(?:siege|attack|raid|assault|bombing|massacre|storming)[ ]+(?:of|on|at))[ ]+"
    r"(?:the[ ]+)?(?:[\w-]+[ ]+){0,2}$",
    re.IGNORECASE,
)
_SPEAKS_AFTER = re.compile(r"['’]?s?[ ]+(?:(?:has|had|have)[ ]+)?(?:said|says|reported|reports|told|confirmed|stated|"
                           r"announced|recorded|received)\b")


def _labelled_location(mentions: list[PlaceMention], text: str) -> PlaceMention | None:
    """The first place on an infobox "Location" line, if the document has one."""
    for label in _LOCATION_LABEL.finditer(text[:20000]):
        if _MEMO_HEADER.search(text, max(0, label.start() - 300), label.start() + 300):
            continue  # "Location: Geneva" under "Subject:" heads a briefing: where it was given
        line_end = text.find("\n", label.end())
        line_end = len(text) if line_end < 0 else line_end
        on_line = sorted((m for m in mentions if label.end() <= m.span.start < line_end), key=lambda m: m.span.start)
        # Only a town or a site: a line that opens with the region names no place we know in it.
        if on_line and specificity(on_line[0]) >= 2:
            return on_line[0]
    return None


# A briefing note's or a release's header block ("Spokesperson: ...", "Subject: ...", "Venue: ..."):
# its "Location:" line is where the speaker stood, not where the event happened.
_MEMO_HEADER = re.compile(r"(?im)^[ \t]*(?:Subject|Spokes(?:person|man|woman)(?:[ ]for)?|Speaker|Venue|Briefer|"
                          r"Press[ ]briefing[ ]notes?|Media[ ]contact|Contact)\b[^\n]{0,120}$")


# "School No. 3", "Camp Number 2": a site named by its kind and a number, the kind word first
_NUMBERED_SITE = re.compile(r"([A-Z][a-z]+)[ ](?:No\.?|Number|№)[ ]?(?:\d+|[A-Z][a-z]+)")


def _site_head(name: str) -> str:
    """The kind word of a site's name: its last word ("Al Noor Mosque"), or the first of a
    numbered site ("School No. 3")."""
    numbered = _NUMBERED_SITE.fullmatch(name)
    if numbered:
        return numbered.group(1).lower()
    words = name.split()
    return words[-1].lower() if len(words) > 1 else ""


def _headline_site(mentions: list[PlaceMention], headline_end: int, text: str) -> str | None:
    """ "Gunmen kill worshippers at Sierra Leone church": a headline that names the kind of site
    (church, mosque, school, market) the body names once by name points at that site, however
    often the towns around it are named."""
    headline = text[:headline_end].lower()
    by_head: dict[str, set[str]] = {}
    for m in mentions:
        head = _site_head(m.name)
        if specificity(m) == 3 and m.kind != "hospital" and head in _SITE_HEADS:
            by_head.setdefault(head, set()).add(m.name)
    for head, names in by_head.items():
        # "the Kpetewoma church" is a church of a town, said by its kind; "St. Columba's Church" is its name
        # ("Kalindo-Dheere market bombing": a town's market, said by its kind, points at no named site)
        by_head[head] = {n for n in names if n.split()[-1][:1].isupper() or _NUMBERED_SITE.fullmatch(n)}
    hits = [next(iter(names)) for head, names in by_head.items()
            if len(names) == 1 and re.search(rf"\b{head}(?:es|s)?\b", headline)]
    if len(hits) != 1:
        return None
    # "Christchurch mosque shootings" over the Al Noor Mosque and the Linwood Islamic Centre: two
    # sites of the kind, by whatever head word, leave the headline's kind word to either
    kind = next(m.kind for m in mentions if m.name == hits[0])
    same_kind = {m.name for m in mentions if m.kind == kind and specificity(m) == 3 and m.name.split()[-1][:1].isupper()}
    return hits[0] if len(same_kind) <= 1 else None


def _as_written(chosen: PlaceMention, mentions: list[PlaceMention]) -> PlaceMention:
    """The chosen place with the span of the document's own usual spelling of it.

    The canonical name serves the ledger; the document's output names the place as the
    document writes it ("Rabea al-Adaweya square"), taking its most frequent spelling and,
    among equals, the fullest.
    """
    same = [name_only(m) for m in mentions if m.name == chosen.name]
    spellings = Counter(m.text.casefold() for m in same)
    return max(same, key=lambda m: (spellings[m.text.casefold()], len(m.text), -m.span.start), default=chosen)


def name_only(mention: PlaceMention) -> PlaceMention:
    """"the town of Chibok" written as "Chibok", "the settlement (vereda) of X" as "X": the
    descriptor is not part of the name."""
    head, of, tail = mention.text.rpartition(" of ")
    if of and head.split()[-1].strip("()").lower() in _DESCRIPTORS and tail.casefold() == mention.name.casefold():
        start = mention.span.end - len(tail)
        return replace(mention, text=tail, span=Span(start=start, end=mention.span.end))
    return mention


_DESCRIPTORS = frozenset({"town", "village", "city", "hamlet", "settlement", "district", "province", "region", "state",
                          "county", "community", "suburb", "neighbourhood", "neighborhood", "area", "island",
                          "municipality", "vereda", "corregimiento", "commune", "locality", "ward", "quarter",
                          "sub-county", "site", "camp", "outskirts"})
