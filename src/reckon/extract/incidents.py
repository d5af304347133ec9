"""Group one document's counts and accusations into the incidents it reports.

Most reports describe one event; some give several sites their own tolls (one square of a
crackdown, an earlier attack recalled with its figure). A count belongs to the place named
nearest to it in its own clause when that place is distinct from the document's main place
(not the same site, not a place that contains it), or to an earlier event when its sentence
is dated in another year; every other count and accusation belongs to the main incident.

The main place is the most mentioned specific place (sites and towns before countries, the
headline counting double); the incident date is chosen by ``event_dates`` from the
sentences that speak of harm.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from reckon.extract.count_place import (
    DESTINATION, LIST_GAP, LOCATES_PREVIOUS, elsewhere, local_place, row_place, scene_before,
)
from reckon.extract.datelines import dateline_town, find_datelines
from reckon.extract.event_dates import date_evidence, pick_date
from reckon.extract.incident_dates import (
    days_later, earlier_sentences, other_days, other_than_title_year, paragraph_date, recalled_sentences, sentence_index,
)
from reckon.extract.perpetrators import incident_perpetrators, local_accusations
from reckon.extract.place_rank import contains, same_place, site_in_town, specificity, within_town
from reckon.extract.places import PlaceMention, region_country
from reckon.extract.tables import find_table_rows
from reckon.model import Accusation, Count, CountKind, Place, ReportedIncident, Span

__all__ = ["assemble_incidents"]

_SAME_DAY = re.compile(r"\b(today|this (?:morning|afternoon|evening)|tonight|earlier today)\b", re.IGNORECASE)


def _main_place(mentions: list[PlaceMention], *, headline_end: int, harm_spans: list[Span] = (),
                datelines: list[Span] = (), text: str = "") -> PlaceMention | None:
    scores: Counter[str] = Counter()
    best: dict[str, PlaceMention] = {}
    labelled = _labelled_location(mentions, text)
    # "treated at X Hospital", "fled to X": where the victims went, not where the harm
    # happened; a hospital named so is the report's place of care wherever else it is named.
    # "a source in X": where a source sits.
    destinations = [m for m in mentions if text and (DESTINATION.search(text[max(0, m.span.start - 60):m.span.start])
                                                      or _SOURCE_SITS.search(text[max(0, m.span.start - 60):m.span.start]))]
    # "taken to hospitals in Tillabéri and Niamey": a place joined to a destination is one too.
    for before, after in zip(mentions, mentions[1:]):
        if any(before is d for d in destinations) and text and \
                LIST_GAP.fullmatch(text[before.span.end:after.span.start]):
            destinations.append(after)
    # "the X Hospital said seven bodies had been brought in": a hospital that speaks is a source.
    destinations += [m for m in mentions if m.kind == "hospital" and text and _SPEAKS_AFTER.match(text, m.span.end)]
    hospitals = {m.name for m in destinations if m.kind == "hospital"}
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
    for mention in mentions:
        key = mention.name
        if any(d.start <= mention.span.start < d.end for d in datelines) or key in hospitals \
                or any(mention is d for d in destinations):
            continue
        weight = 2 if mention.span.start < headline_end else 1
        # Places named in the very sentences that give a toll or an accusation speak of the event.
        if any(h.start <= mention.span.start < h.end for h in harm_spans):
            weight += 2
        if mention is labelled:
            weight += 6  # an infobox's "Location:" names the event's place, most specific first
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
    # The most specific place the text names wins over the admin area that holds it unless
    # the area is named far more often ("in the town of X in Y State": X).
    ranked = sorted(scores, key=lambda n: (specificity(best[n]) > 0,
                                           scores[n] * (0.4 if specificity(best[n]) == 1 else 1.0),
                                           specificity(best[n])), reverse=True)
    voting = [m for m in mentions if not any(d.start <= m.span.start < d.end for d in datelines)]
    return _as_written(best[ranked[0]], voting or mentions)


# A site named as what was attacked ("attacked X Institute", "the attack on X Mosque",
# "stormed a dormitory at X College") is where the event happened, however often the town
# around it is named.
_ATTACKED = re.compile(r"\b(?:attack(?:ed|ing)?|stormed|storming|raided|raiding|bombed|besieged|(?:attack|raid|assault|"
                       r"bombing|siege)[ ]+(?:on|of))[ ]+(?:(?:a|an|the)[ ]+[\w'’ -]{0,40}?[ ]+(?:at|of|in)[ ]+)?(?:the[ ]+)?$",
                       re.IGNORECASE)
# The head noun of a site's name, which the text then uses alone ("X Technical Institute" ...
# "the institute"): each such mention is a mention of the site.
_SITE_HEADS = frozenset({"institute", "college", "school", "university", "academy", "seminary", "mosque", "church",
                         "cathedral", "chapel", "temple", "market", "camp", "hostel", "dormitory"})


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
    r"(?m)(?:^|\|)[ \t]*(?:[-•*][ \t]*)?(?:Location|Place|Site|Village|Locality)(?:[ \t]*:[ \t]*|(?=[A-Z][a-z]))")
# "a humanitarian source in Bunia", "officials in the capital": where a source sits ("MSF teams in
# X have treated 40": where carers work; "the government in X": its capital); "told a
# press briefing in Kampala", "speaking to reporters in X": where a source spoke.
_SOURCE_SITS = re.compile(
    r"\b(?:sources?|officials?|spokes(?:man|woman|person)|correspondents?|reporters?|journalists?|workers?|"
    r"leaders?|doctors?|administrators?|analysts?|diplomats?|teams?|staff|medics|government|regime),?\s+"
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
        line_end = text.find("\n", label.end())
        line_end = len(text) if line_end < 0 else line_end
        on_line = sorted((m for m in mentions if label.end() <= m.span.start < line_end), key=lambda m: m.span.start)
        # Only a town or a site: a line that opens with the region names no place we know in it.
        if on_line and specificity(on_line[0]) >= 2:
            return on_line[0]
    return None


def _as_written(chosen: PlaceMention, mentions: list[PlaceMention]) -> PlaceMention:
    """The chosen place with the span of the document's own usual spelling of it.

    The canonical name serves the ledger; the document's output names the place as the
    document writes it ("Rabea al-Adaweya square"), taking its most frequent spelling and,
    among equals, the fullest.
    """
    same = [_name_only(m) for m in mentions if m.name == chosen.name]
    spellings = Counter(m.text.casefold() for m in same)
    return max(same, key=lambda m: (spellings[m.text.casefold()], len(m.text), -m.span.start), default=chosen)


def _name_only(mention: PlaceMention) -> PlaceMention:
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


def _breakdowns(groups: dict[str, list[tuple[int, Count]]], main: PlaceMention | None,
                recalled: set[str], places: dict[str, PlaceMention | None]) -> set[str]:
    """Site groups that only break the main toll down by site, so no incidents of their own.

    "Forty people died in two shootings in Karrow. Thirty died at the Hill Street mosque,
    while 10 died at the Dock Road mosque": the sites sit inside the town the total names,
    their figures follow it at once and add up to no more than it; a village or hamlet is a
    settlement of its own, not a site inside the town. A main place that is
    itself a site (one square of a crackdown) holds no other site, and another town is no
    part of a town: there each place with its own toll stays its own incident.
    """
    if main is None or specificity(main) > 2:
        return set()
    merged: set[str] = set()
    for total_index, total in groups.get("", []):
        value = total.max if total.max is not None else total.min
        if value is None:
            continue
        parts = [key for key, members in groups.items()
                 if key and key not in recalled and key not in merged and specificity(places[key]) >= 3
                 and (places[key].kind or "").lower() != "village"  # a hamlet is no part of a town
                 and all(index in (total_index, total_index + 1) and count.kind == total.kind
                         for index, count in members)]
        share = sum((count.max if count.max is not None else count.min or 0) for key in parts for _, count in groups[key])
        if parts and share <= value:
            merged.update(parts)
    return merged


def _to_place(mention: PlaceMention | None) -> Place | None:
    if mention is None:
        return None
    return Place(name=mention.name, country=mention.country, latitude=mention.latitude,
                 longitude=mention.longitude, admin1=mention.admin1, kind=mention.kind,
                 span=mention.span)


def assemble_incidents(state: dict) -> list[ReportedIncident]:
    document = state["document"]
    text = document.text
    sentences = state["sentences"]
    counts: list[tuple[int, Count]] = state["counts"]
    accusations: list[tuple[int, Accusation]] = state["accusations"]
    mentions: list[PlaceMention] = list(state["places"])
    if not counts:
        return []
    headline_end = sentences[0].span.end if sentences else 0
    # A first sentence without a full stop is a headline: its words are a shorthand
    title_end = headline_end if not text[:headline_end].rstrip().endswith((".", "!", "?", ".\"", ".”")) else 0
    harm_sentences = {index for index, _ in counts} | {index for index, _ in accusations}
    evidence = date_evidence(text, state["dates"], sentences, state["published"], state.get("published_span"))

    def sentence_of(position: int) -> int:
        return sentence_index(sentences, position)

    count_sentences = {index for index, _ in counts}
    main_date, main_date_span = pick_date(evidence, sentence_of, harm_sentences, state["published"], main=True,
                                          prefer=count_sentences)
    # Sentences dated in an earlier year than the event ("the 2017 bombing of a market in X
    # that killed 11") recall another incident: their figures form it, and neither their
    # places nor their dates speak for the main event.
    titled = other_than_title_year(state["dates"], sentence_of, headline_end, main_date)
    if titled:
        # "= 2019 Osk attack =": an encyclopedia's title names its event's year; a figure dated
        # in another year ("Fourteen months later, on 9 October 2020, ...") is another event. Only
        # a full day of the title's year in the text confirms it: a title's year can be wrong.
        redated, redated_span = pick_date(evidence, sentence_of, harm_sentences, state["published"], main=True,
                                          exclude=titled, prefer=count_sentences)
        if redated is not None and len(redated) == 10 and int(redated[:4]) != int(main_date[:4]):
            main_date, main_date_span = redated, redated_span
    earlier = earlier_sentences(state["dates"], sentences, {index for index, _ in counts}, main_date)
    if earlier:
        main_date, main_date_span = pick_date(evidence, sentence_of, harm_sentences, state["published"], main=True,
                                              exclude=set(earlier), prefer=count_sentences)
    harm_spans = sorted({sentences[index].span for index in harm_sentences - set(earlier)}, key=lambda span: span.start)
    datelines = find_datelines(text)
    earlier_spans = [sentences[index].span
                     for index in {*earlier, *recalled_sentences(state["dates"], sentences, text, main_date)}]
    voting = [m for m in mentions if not any(e.start <= m.span.start < e.end for e in earlier_spans)]
    main = _main_place(voting or mentions, headline_end=headline_end, harm_spans=harm_spans, datelines=datelines,
                       text=text)
    if main is None or specificity(main) < 2:
        # "MBOLETA, Ethiopia - Gunmen killed 12 farmers in the town": with no other town or
        # site named, the dateline's town is the scene when the report sets the harm there.
        filed_from = dateline_town(text, datelines, harm_spans, mentions)
        if filed_from is not None:
            main = replace(filed_from, country=filed_from.country or (main.country if main else None))
    # Nor does a dateline give a count a place of its own.
    mentions = [m for m in mentions if not any(d.start <= m.span.start < d.end for d in datelines)]
    heading = next((m for m in mentions if main is not None and m.source == "heading" and m.name == main.name), None)
    on_line = []
    if heading is not None:
        # "1. 19/05/2026 – Ruritania – ... – Velmoka": an entry's own line dates the entry the main
        # place heads, before any day the digest's overview names for an earlier event
        line_start = text.rfind("\n", 0, heading.span.start) + 1
        on_line = [d for d in state["dates"] if line_start <= d.span.start < heading.span.start
                   and d.value and len(d.value) == 10]
        if on_line:
            main_date, main_date_span = on_line[0].value, on_line[0].span
    entry_date = (main_date, main_date_span) if heading is not None and on_line else None
    country = main.country if main else None
    if country is None:
        countries = Counter(m.country for m in mentions if m.country)
        country = countries.most_common(1)[0][0] if countries else None
    if country is None:
        # "BAMAKO, 2 February 2023 - Four soldiers were killed ...": with no other place to go
        # by, the country a reporter files from is the country the report is about.
        filed = [m.country for m in state["places"] if m.country and any(d.start <= m.span.start < d.end for d in datelines)]
        country = filed[0] if filed else region_country(text)
    if main_date is None and state["published"] and _SAME_DAY.search(text):
        main_date = state["published"]  # a same-day report of what happened "today"

    groups: dict[str, list[tuple[int, Count]]] = {}
    group_place: dict[str, PlaceMention | None] = {"": main}
    group_date: dict[str, object] = {}
    previous: tuple[int, str] | None = None  # (paragraph, key) of the last figure with a place of its own
    entry_keys: set[str] = set()  # groups of a digest's coded entries, dated by their own line
    # "Kobura Bay. Two fishermen were shot dead ...": a paragraph headed by a place gives its figures that place.
    headed = {text.count("\n\n", 0, m.span.start): m for m in mentions if m.source == "heading"}
    rows = find_table_rows(text)
    for index, count in counts:
        # "The Kessa District Hospital said it had received 38 bodies": the source that gives a
        # figure is not where it happened.
        source = count.claimant.span
        scene_mentions = [m for m in mentions if source is None or not source.start <= m.span.start < source.end]
        local = row_place(count.span.start, rows, mentions) or \
            local_place(count.span.start, sentences[index].span, text, scene_mentions)
        key = ""
        paragraph = text.count("\n\n", 0, count.span.start)
        entry_heading = None
        if paragraph in headed and index not in earlier:
            local = entry_heading = headed[paragraph]
        if local is None and previous is not None and previous[0] == paragraph and index not in earlier \
                and not any(sentences[index].span.start <= m.span.start < sentences[index].span.end
                            and not elsewhere(m, text) for m in mentions):
            # "Gunmen abducted four women near X. One of them escaped the next day.": a figure
            # whose sentence names no place goes on with the entry its paragraph began.
            groups[previous[1]].append((index, count))
            continue
        if local is None and index not in earlier:
            local = scene_before(index, sentences, text, mentions, count_sentences)
        if index in earlier:
            # The recalled event's own year and place: the ones named nearest its figure.
            dated = min(earlier[index], key=lambda m: abs(m.span.start - count.span.start))
            span = sentences[index].span
            nearby = [m for m in mentions if span.start <= m.span.start < span.end and specificity(m) >= 2]
            # "the raid on X, a settlement west of Y, in March 2020": Y only says where X is
            nearby = [m for m in nearby if not any(o.span.end <= m.span.start and
                                                   LOCATES_PREVIOUS.fullmatch(text, o.span.end, m.span.start)
                                                   for o in nearby)] or nearby
            local = min(nearby, key=lambda m: abs(m.span.start - count.span.start), default=None)
            key = f"{dated.value}:{local.name if local else ''}"
            group_place.setdefault(key, _name_only(local) if local else None)
            group_date[key] = dated
            groups.setdefault(key, []).append((index, count))
            continue
        if local is not None and main is not None and not same_place(local, main) and not contains(local, main) \
                and not contains(main, local) and specificity(local) >= 2 \
                and not site_in_town(main, local, sentences[index].span, text):
            key = local.name
            group_place.setdefault(key, _name_only(local))
        elif entry_heading is not None and main is not None and main.source != "heading" \
                and specificity(entry_heading) >= 2:
            # A digest's coded entry is its own event, even at a place its overview named for
            # the week ("a further attack at the X market" above "[3] ... – X").
            key = entry_heading.name
            group_place.setdefault(key, _name_only(entry_heading))
            # its own line dates it, before any day its notes recall
            line_start = text.rfind("\n", 0, entry_heading.span.start) + 1
            dated_line = [d for d in state["dates"] if line_start <= d.span.start < entry_heading.span.start
                          and d.value and len(d.value) == 10]
            if dated_line:
                group_date.setdefault(key, dated_line[0])
                entry_keys.add(key)
        groups.setdefault(key, []).append((index, count))
        previous = (paragraph, key) if key else None
    moved = other_days(groups.get("", []), evidence, sentences, text, main_date)
    site_days = {key: pick_date(evidence, sentence_of, {i for i, _ in members}, state["published"], main=False)[0]
                 for key, members in groups.items() if key and key not in group_date} if moved else {}
    for index, count, mention in moved:
        # "It was the second attack on the village this month: on 2 May, four farmers were killed
        # there": the same place on another day with its own figure is another incident.
        same_day = [site for site, day in site_days.items() if day == mention.value]
        if len(same_day) == 1:
            # "more than 4,000 have fled since 14 September", in a report whose other site was hit
            # on 14 September: the figure goes with that day's site, not a third incident.
            groups[""].remove((index, count))
            groups[same_day[0]].append((index, count))
            continue
        # the site its own sentence names, if another than the main one ("attacked X police post")
        own = local_place(count.span.start, sentences[index].span, text, mentions)
        if own is not None and (specificity(own) < 2 or (main is not None and same_place(own, main))):
            own = None
        where = _name_only(own) if own is not None else group_place.get("")
        key = f"{mention.value}:{where.name if where else ''}"
        groups[""].remove((index, count))
        group_place.setdefault(key, where)
        group_date[key] = mention
        groups.setdefault(key, []).append((index, count))
    for key in sorted(entry_keys):
        # "[3] 30/10/2026 | ... Notes: ... The same market was hit by a car bombing on 9 July
        # 2026 that killed at least 26": a figure its notes date on another day is that day's event
        for index, count, mention in other_days(groups[key], evidence, sentences, text, group_date[key].value):
            if mention.value >= group_date[key].value:
                continue
            other = f"{mention.value}:{key}"
            groups[key].remove((index, count))
            group_place.setdefault(other, group_place.get(key))
            group_date[other] = mention
            groups.setdefault(other, []).append((index, count))
    if moved and groups[""]:
        away = {index for index, _, _ in moved} - {index for index, _ in groups[""]}
        redated, redated_span = pick_date(evidence, sentence_of, {i for i, _ in groups[""]}, state["published"],
                                          main=True, exclude=away | set(earlier))
        if redated is not None:
            main_date, main_date_span = redated, redated_span
    for key in _breakdowns(groups, main, set(group_date), group_place):
        groups[""] = sorted([*groups.get("", []), *groups.pop(key)], key=lambda item: item[1].span.start)
    # "portraits of the 11 martyrs in X": a figure the main incident already gives, named
    # beside another place, is the main incident's figure again, not another event.
    main_values = {(c.kind, c.min, c.max) for _, c in groups.get("", [])}
    for key in [k for k in groups if k and k not in group_date]:
        if all((c.kind, c.min, c.max) in main_values for _, c in groups[key]):
            groups[""] = sorted([*groups[""], *groups.pop(key)], key=lambda item: item[1].span.start)
    if groups.get(""):
        # "soldiers killed three of the attackers near X", "arrested 43 people in Y", "two of the
        # abducted were rescued in Z forest": the pursuit, the arrests and the rescue follow the
        # attack wherever they happen; a place with only such figures is not another incident.
        followed = set()
        for key in [k for k in groups if k and k not in group_date]:
            if all(_follows_on(c, text) for _, c in groups[key]):
                followed |= {i for i, _ in groups[key]}
                groups[""] = sorted([*groups[""], *groups.pop(key)], key=lambda item: item[1].span.start)
        # Their days ("killed three of them early on Monday") are not the attack's.
        followed -= {i for i, c in groups[""] if not _follows_on(c, text)}
        if followed:
            redated, redated_span = pick_date(evidence, sentence_of, harm_sentences - followed, state["published"],
                                              main=True, exclude=followed | set(earlier),
                                              prefer=count_sentences - followed)
            if redated is not None:
                main_date, main_date_span = redated, redated_span
    local = [key for key in groups if key and key not in group_date]
    if "" not in groups and local:
        # No figure stayed with the main place: the site with the most figures is the
        # report's main incident, and takes its date and its accused.
        lead = max(local, key=lambda key: (len(groups[key]), -min(c.span.start for _, c in groups[key])))
        group_place[""] = group_place[lead]
        groups[""] = groups.pop(lead)
    others = {i for key, members in groups.items() if key for i, _ in members}
    if any(key and key not in group_date for key in groups) and groups.get(""):
        # Several places with figures of their own ("killed six in X on Saturday ... three in Y on
        # Sunday"): the main incident is dated by its own sentences, not by the others' days.
        own = {i for i, _ in groups[""]} - others
        dated, dated_span = pick_date(evidence, sentence_of, own | (harm_sentences - others), state["published"],
                                      main=True, exclude=others | set(earlier), prefer=own)
        if dated is not None:
            main_date, main_date_span = dated, dated_span
    if entry_date is not None:
        main_date, main_date_span = entry_date  # (the other entries' days and the overview's do not redate it)
    local_of = local_accusations(accusations, groups, set(group_date), set(earlier), text)
    named_direct = state.get("named_direct", frozenset())
    result: list[ReportedIncident] = []
    for key, members in sorted(groups.items(), key=lambda item: (item[0] != "", min(c.span.start for _, c in item[1]))):
        place_mention = group_place.get(key)
        place = _to_place(place_mention)
        if place is not None and place.country is None and country:
            place = replace(place, country=country)
        if place is None and key and country:
            # a recalled event whose place the text does not say is still in the report's country
            place = Place(name=_country_name(country, state["places"]), country=country)
        if key == "":
            date, date_span = main_date, main_date_span
            perpetrators = incident_perpetrators([a for at, (i, a) in enumerate(accusations)
                                                  if i not in earlier and at not in local_of],
                                                 named_direct, text, title_end)
        elif key in group_date:
            mention = group_date[key]
            date, date_span = mention.value, mention.span
            perpetrators = incident_perpetrators([a for i, a in accusations if i in {j for j, _ in members}],
                                                 named_direct, text, title_end)
        else:
            date, date_span = pick_date(evidence, sentence_of, {i for i, _ in members}, state["published"],
                                        main=False)
            if date is None:
                # A record's header line ("9 February 2022 | Ménaka | In-Tessoum") or the paragraph's
                # opening ("On 19 April, ...") dates the figures below it; with neither, "In Olmasai,
                # three were killed" shares the report's day.
                date, date_span = paragraph_date(evidence, text, min(c.span.start for _, c in members),
                                                 state["published"])
                if date is None:
                    # "A day later, the same gang struck X": so many days after the last day named before
                    date, date_span = days_later(evidence, text, sentences[min(i for i, _ in members)].span,
                                                 state["published"])
                if date is None:
                    date, date_span = main_date, None
            perpetrators = incident_perpetrators([a for at, (_, a) in enumerate(accusations)
                                                  if local_of.get(at) == key],
                                                 named_direct, text, title_end)
        result.append(ReportedIncident(date=date, place=place, counts=tuple(_dedupe_counts([c for _, c in members])),
                                       perpetrators=perpetrators, victims=_victims([c for _, c in members]),
                                       date_span=date_span))
    if result and result[0].place is None and country:
        result[0] = replace(result[0], place=Place(name=_country_name(country, state["places"]), country=country))
    return result


_FOLLOW_ON_KINDS = frozenset({CountKind.ARRESTED, CountKind.SURVIVED, CountKind.MISSING})
_ATTACKERS = re.compile(r"\b(?:attackers|assailants|gunmen|militants|insurgents|terrorists|bandits|raiders|kidnappers|"
                        r"abductors|assailant|attacker|gunman)\b", re.IGNORECASE)


def _follows_on(count: Count, text: str) -> bool:
    """A figure that follows an attack rather than making one: arrests, the freed and the
    still missing, and attackers killed in the pursuit."""
    if count.kind in _FOLLOW_ON_KINDS:
        return True
    if count.kind != CountKind.KILLED:
        return False
    if count.victims and _ATTACKERS.search(count.victims):
        return True
    # "four (4) of the assailants": a statement's figure in words with its digits after it
    after = re.sub(r"^[ ]+\(\d+\)", "", text[count.span.end:count.span.end + 40])
    if re.match(r"[ ]+(?:of[ ]+the[ ]+)?(?:attackers|assailants|gunmen|militants|insurgents|terrorists|bandits|raiders)\b",
                after, re.IGNORECASE):
        return True
    # "pursued the attackers and killed three of them"
    before = text[max(0, count.span.start - 80):count.span.start]
    return bool(re.match(r"[ ]+of[ ]+them\b", after)) and bool(_ATTACKERS.search(before))


def _country_name(country: str, mentions: list[PlaceMention]) -> str:
    for mention in mentions:
        if mention.country == country and specificity(mention) == 0:
            return mention.name
    return country


def _dedupe_counts(counts: list[Count]) -> list[Count]:
    # "Fatalities: 0": a figure of none states no harm, so no row
    counts = [c for c in counts if not (c.min == 0 and c.max == 0)]
    seen, out = set(), []
    for count in counts:
        key = (count.kind, count.min, count.max, count.claimant.name)
        if key not in seen:
            seen.add(key)
            out.append(count)
    return out


def _victims(counts: list[Count]) -> tuple[str, ...]:
    found = Counter(c.victims for c in counts if c.victims)
    return tuple(name for name, _ in found.most_common(3))
