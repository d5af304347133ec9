"""Group one document's counts and accusations into the incidents it reports.

Most reports describe one event; some give several sites their own tolls (one square of a
crackdown, an earlier attack recalled with its figure). A count belongs to the place named
nearest to it in its own clause when that place is distinct from the document's main place
(not the same site, not a place that contains it), or to an earlier event when its sentence
is dated in another year; every other count and accusation belongs to the main incident.

The main place is the most mentioned specific place (sites and towns before countries, the
headline counting double); the incident date is chosen by ``event_dates`` from the
sentences that speak of harm.

This module groups the figures and builds the incidents (``assemble_incidents``, the entry
point ``run`` calls); the parts it stands on live in modules of one idea each:
``main_place`` (the vote for the report's main place), ``count_place`` (where one figure
happened), ``datelines`` (where the reporter files from), ``place_rank`` (how specific a place
is and how two places relate), ``incident_dates`` (the dates that tell incidents apart) and
``perpetrators`` (the accused of each incident). The report dated two ways is found by
``inconsistencies``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from reckon.extract.count_place import (
    LOCATES_PREVIOUS, elsewhere, local_place, place_referred_to, record_places, row_place, scene_before,
)
from reckon.extract.datelines import dateline_town, find_datelines
from reckon.extract.event_dates import date_evidence, pick_date
from reckon.extract.incident_dates import (
    days_later, earlier_sentences, other_days, other_than_title_year, paragraph_date, recalled_sentences,
    recalling_sentences, record_day, sentence_index,
)
from reckon.extract.main_place import care_places, main_place, name_only
from reckon.extract.perpetrators import incident_perpetrators, local_accusations
from reckon.extract.place_rank import contains, same_place, site_in_town, specificity
from reckon.extract.places import PlaceMention, region_country
from reckon.extract.tables import find_table_rows
from reckon.model import Accusation, Count, CountKind, Place, ReportedIncident

__all__ = ["assemble_incidents"]

_SAME_DAY = re.compile(r"\b(today|this (?:morning|afternoon|evening)|tonight|earlier today)\b", re.IGNORECASE)


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
    if main_date_span is not None:
        recalling = recalling_sentences(sentences, text)
        if sentence_of(main_date_span.start) in recalling:
            # "The Police also wish to remind the public that on 24th August a group ...": a day a
            # sentence recalls is another event's; the event's own comes from the other sentences
            redated, redated_span = pick_date(evidence, sentence_of, harm_sentences, state["published"], main=True,
                                              exclude=recalling, prefer=count_sentences)
            if redated is not None:
                main_date, main_date_span = redated, redated_span
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
    figures: dict[int, list[int]] = {}
    for index, count in counts:
        figures.setdefault(index, []).append(count.span.start)
    earlier = earlier_sentences(state["dates"], sentences, {index for index, _ in counts}, main_date, figures)
    if earlier:
        main_date, main_date_span = pick_date(evidence, sentence_of, harm_sentences, state["published"], main=True,
                                              exclude=set(earlier), prefer=count_sentences)
    harm_spans = sorted({sentences[index].span for index in harm_sentences - set(earlier)}, key=lambda span: span.start)
    datelines = find_datelines(text)
    earlier_spans = [sentences[index].span
                     for index in {*earlier, *recalled_sentences(state["dates"], sentences, text, main_date)}]
    voting = [m for m in mentions if not any(e.start <= m.span.start < e.end for e in earlier_spans)]
    main = main_place(voting or mentions, headline_end=headline_end, harm_spans=harm_spans, datelines=datelines,
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
    records = record_places(text, mentions)
    for paragraph, record_place in records.items():
        headed.setdefault(paragraph, record_place)  # a dataset record's "Location:" field heads its block
    rows = find_table_rows(text)
    cared = care_places(mentions, text)
    scened: set[int] = set()  # figures placed by the scene the sentences before them set
    for index, count in counts:
        # "The Kessa District Hospital said it had received 38 bodies": the source that gives a
        # figure is not where it happened.
        source = count.claimant.span
        # "one died overnight at X General Hospital": where the wounded were cared for is no scene.
        scene_mentions = [m for m in mentions if (source is None or not source.start <= m.span.start < source.end)
                          and m.name not in cared]
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
            if local is not None:
                scened.add(index)
        if index in earlier:
            # The recalled event's own year and place: the ones named nearest its figure.
            dated = min(earlier[index], key=lambda m: abs(m.span.start - count.span.start))
            span = sentences[index].span
            nearby = [m for m in mentions if span.start <= m.span.start < span.end and specificity(m) >= 2]
            # "killing three people described by Ankara as commanders": a capital that speaks is no scene
            nearby = [m for m in nearby if not elsewhere(m, text)] or nearby
            if not nearby:
                # "a roadside bomb killed seven soldiers in Hakkari province in July 2024": a recalled
                # event the text sets only in a province is placed there, not in the whole country
                nearby = [m for m in mentions if span.start <= m.span.start < span.end and specificity(m) == 1
                          and not elsewhere(m, text)]
            # "the raid on X, a settlement west of Y, in March 2020": Y only says where X is
            nearby = [m for m in nearby if not any(o.span.end <= m.span.start and
                                                   LOCATES_PREVIOUS.fullmatch(text, o.span.end, m.span.start)
                                                   for o in nearby)] or nearby
            local = min(nearby, key=lambda m: abs(m.span.start - count.span.start), default=None)
            if local is None:
                local = place_referred_to(span, text, mentions)
            key = f"{dated.value}:{local.name if local else ''}"
            group_place.setdefault(key, name_only(local) if local else None)
            group_date[key] = dated
            groups.setdefault(key, []).append((index, count))
            continue
        if local is not None and main is not None and not same_place(local, main) and not contains(local, main) \
                and not contains(main, local) and specificity(local) >= 2 and not _holds_unknown(local, main) \
                and not site_in_town(main, local, sentences[index].span, text):
            key = local.name
            group_place.setdefault(key, name_only(local))
        elif entry_heading is not None and main is not None and main.source != "heading" \
                and specificity(entry_heading) >= 2:
            # A digest's coded entry is its own event, even at a place its overview named for
            # the week ("a further attack at the X market" above "[3] ... – X").
            key = entry_heading.name
            group_place.setdefault(key, name_only(entry_heading))
            # its own line dates it, before any day its notes recall
            line_start = text.rfind("\n", 0, entry_heading.span.start) + 1
            dated_line = [d for d in state["dates"] if line_start <= d.span.start < entry_heading.span.start
                          and d.value and len(d.value) == 10]
            if dated_line:
                group_date.setdefault(key, dated_line[0])
                entry_keys.add(key)
        if key and paragraph in records and key not in group_date:
            # a dataset record's figures are dated by its "Event date:" field
            recorded = record_day(state["dates"], text, count.span.start)
            if recorded is not None:
                group_date[key] = recorded
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
        told = sentence_of(mention.span.start)
        if own is None and told != index:
            # "... barricaded the X mine gate on 24 August. Four were arrested over that case.": the
            # place of the sentence that told the event the figure points back to
            own = local_place(mention.span.start, sentences[told].span, text, mentions)
        if own is not None and (specificity(own) < 2 or (main is not None and same_place(own, main))):
            own = None
        where = name_only(own) if own is not None else group_place.get("")
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
        away = {index for index, _, _ in moved} | {sentence_of(m.span.start) for _, _, m in moved}
        away -= {index for index, _ in groups[""]}
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
        # (not a figure the sentences before set at another site: "... fired on the crowd at the
        # X mine gate. Three men were killed there." though the police's toll was also three)
        if all((c.kind, c.min, c.max) in main_values and i not in scened for i, c in groups[key]):
            groups[""] = sorted([*groups.get("", []), *groups.pop(key)], key=lambda item: item[1].span.start)
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
    if "" in groups and not groups[""]:
        del groups[""]  # every figure of the main place was another day's
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
        if key and not _dedupe_counts([c for _, c in members]):
            continue  # "Killed: 0 / Injured: 0": a record whose figures are all nought reports no harm
        result.append(ReportedIncident(date=date, place=place, counts=tuple(_dedupe_counts([c for _, c in members])),
                                       perpetrators=perpetrators, victims=_victims([c for _, c in members]),
                                       date_span=date_span))
    if result and result[0].place is None and country:
        result[0] = replace(result[0], place=Place(name=_country_name(country, state["places"]), country=country))
    return result


_ADMIN_NAMED = re.compile(r"[ ](?:[Dd]istrict|[Pp]rovince|[Rr]egion|County|[Cc]ounty|[Gg]overnorate|[Pp]refecture|"
                          r"[Mm]unicipality|LGA|[Ss]ub-county)$")


def _holds_unknown(area: PlaceMention, main: PlaceMention) -> bool:
    """"killing at least 14 people in Ruvhure District" in a report whose scene is a village no
    table places: a district named as one most likely holds the scene, not another event."""
    return bool(_ADMIN_NAMED.search(area.text)) and main.admin1 is None and main.latitude is None \
        and (main.kind or "").lower() in ("village", "town", "market", "school", "camp", "mine", "club", "site")


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
