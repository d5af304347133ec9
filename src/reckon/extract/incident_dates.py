"""The dates that tell a report's incidents apart, beyond the main date ``event_dates`` picks.

A report may recall an earlier event ("the 2017 bombing of a market in X that killed 11"):
its harm sentences dated only in years before the main event's, or in another year than the
one the title names, form another incident. A figure of the main place whose own sentence
dates it on another full day ("on 2 May, four farmers were killed there") is another incident
too. A site's own incident without a date of its own takes the last day written before it in
its paragraph, or so many days after it ("Two days later, gunmen struck X"). These read the
document's date mentions against its sentences, not its places, so they live apart from the
assembly of incidents (``incidents``) and from the choice of one date (``event_dates``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from reckon.model import Count, Span

__all__ = ["days_later", "earlier_sentences", "other_days", "other_than_title_year", "paragraph_date",
           "recalled_sentences", "recalling_sentences", "record_day", "sentence_index"]


_DAYS_LATER = re.compile(
    r"(?<!\w)(?:(?P<n>a|one|two|three|four|five|six|\d)[ ]days?[ ]later|(?P<next>the[ ](?:next|following)[ ]day|"
    r"the[ ]day[ ]after))\b", re.IGNORECASE)
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def days_later(evidence, text: str, sentence: Span, published: str | None) -> tuple[str | None, Span | None]:
    """"Two days later, gunmen struck X": the last full day written before the sentence, moved on."""
    from datetime import date as _date, timedelta

    later = _DAYS_LATER.search(text, sentence.start, min(sentence.end, sentence.start + 40))
    if later is None:
        return None, None
    days = 1 if later.group("next") else _COUNT_WORDS.get(later.group("n").lower()) or int(later.group("n"))
    before = [m for m in evidence.usable if m.span.start < sentence.start and m.value and len(m.value) == 10]
    if not before:
        return None, None
    last = max(before, key=lambda m: m.span.start)
    value = (_date.fromisoformat(last.value) + timedelta(days=days)).isoformat()
    if published and value > published[:10]:
        return None, None
    return value, Span(start=later.start(), end=later.end())


_RECORD_DATE_FIELD = re.compile(r"(?im)^[ \t]*(?:event[ _]date|date(?:[ _]of[ _](?:event|incident))?)"
                                r"(?:[ ]?/[ ]?time|[ ]and[ ]time)?[ \t]*:[^\n]*")  # ("Date/time: ...")


def record_day(dates_found: list, text: str, position: int):  # type: ignore[no-untyped-def]
    """The date a dataset record's "Event date:" field gives, for a figure in that record's block
    (not "Military Forces of Algeria (2019-)", a year an actor's name carries)."""
    start = text.rfind("\n\n", 0, position)
    start = start + 2 if start >= 0 else 0
    end = text.find("\n\n", position)
    field = _RECORD_DATE_FIELD.search(text, start, len(text) if end < 0 else end)
    if field is None:
        return None
    return next((m for m in dates_found if field.start() <= m.span.start < field.end() and m.value), None)


def paragraph_date(evidence, text: str, position: int, published: str | None) -> tuple[str | None, Span | None]:
    """The last day written before ``position`` in its own paragraph (none after the report's date)."""
    start = text.rfind("\n\n", 0, position) + 2 if "\n\n" in text[:position] else 0
    before = [m for m in evidence.usable if start <= m.span.start < position and m.value is not None
              and (not published or m.value[:len(published)] <= published[:len(m.value)])]
    if not before:
        return None, None
    last = max(before, key=lambda m: m.span.start)
    return last.value, last.span


def other_days(members: list[tuple[int, Count]], evidence, sentences: list,
               text: str, main_date: str | None = None) -> list[tuple[int, Count, object]]:
    """Figures of the main place whose own sentence dates them on another full day than the
    first dated figure's (two days or more apart, so not the night's second day; a running
    toll's day is no figure's day): before it, or after it when the sentence speaks of another
    attack ("a second attack")."""
    from datetime import date as _date
    dated = []
    for index, count in sorted(members, key=lambda item: item[1].span.start):
        span = sentences[index].span
        days = [m for m in evidence.usable if span.start <= m.span.start < span.end and m.value and len(m.value) == 10]
        if not days and index > 0 and _THAT_EVENT.search(text, span.start, span.end) \
                and "\n\n" not in text[sentences[index - 1].span.start:span.start]:
            # "Four suspects were arrested in connection with that case": the day of the event the
            # sentence before told
            before = sentences[index - 1].span
            days = [m for m in evidence.usable if before.start <= m.span.start < before.end and m.value
                    and len(m.value) == 10]
        if days and not _RUNNING_TOLL.search(text, span.start, span.end):
            dated.append((index, count, min(days, key=lambda m: abs(m.span.start - count.span.start))))
    if not dated:
        return _earlier_months(members, evidence, sentences, text, main_date, set())
    first = _date.fromisoformat(dated[0][2].value)
    first_index = dated[0][0]
    undated = {index for index, _ in members} - {index for index, _, _ in dated}
    if main_date is not None and len(main_date) == 10 and undated and main_date > dated[0][2].value:
        # The event's day, told in a sentence without a figure ("The attack occurred on the night
        # of 7th/11/2021"), is the mark when the first dated figure is earlier: a figure dated
        # weeks before the event is an earlier attack, even when it is the only dated figure
        # (the undated figures stay with the event).
        first, first_index = _date.fromisoformat(main_date), None
    else:
        dated = dated[1:]
    out = []
    for index, count, mention in dated:
        gap = (_date.fromisoformat(mention.value) - first).days
        if index != first_index and (gap <= -2 or (gap >= 2 and _ANOTHER_ATTACK.search(text, sentences[index].span.start,
                                                                                         sentences[index].span.end))):
            out.append((index, count, mention))
    return out + _earlier_months(members, evidence, sentences, text, main_date, {i for i, _, _ in out})


# "In August, a landmine killed two soldiers", "Last month, gunmen shot dead two rangers": a month
# the figure's sentence sets it in (not "since August", which spans up to now)
# ("a group nobody had heard of before last month": a month a clause measures from sets no figure in it)
_SINCE_BEFORE = re.compile(r"\b(?:since|from|until|till|by|before|after|prior\s+to|ahead\s+of)\s+(?:early\s+|late\s+|mid-?)?$",
                           re.IGNORECASE)


def _earlier_months(members: list[tuple[int, Count]], evidence, sentences: list, text: str,
                    main_date: str | None, taken: set[int]) -> list[tuple[int, Count, object]]:
    """Figures whose sentence names no full day but sets them in a month before the main
    event's: an earlier incident of the same year ("In August, a landmine killed two soldiers"
    in a report of an October attack)."""
    if main_date is None or len(main_date) < 7:
        return []
    out = []
    for index, count in sorted(members, key=lambda item: item[1].span.start):
        span = sentences[index].span
        if index in taken or _RUNNING_TOLL.search(text, span.start, span.end):
            continue
        found = [m for m in evidence.usable if span.start <= m.span.start < span.end and m.value]
        if any(len(m.value) == 10 for m in found):
            continue
        months = [m for m in found if len(m.value) == 7 and m.value < main_date[:7]
                  and not _SINCE_BEFORE.search(text, max(0, m.span.start - 12), m.span.start)]
        if months:
            out.append((index, count, months[0]))
    return out


_THAT_EVENT = re.compile(r"\b(?:that|this|the[ ]same)[ ](?:case|attack|incident|raid|assault|killing|shooting|"
                         r"bombing|ambush|abduction|kidnapping|massacre|event)\b", re.IGNORECASE)
_RUNNING_TOLL = re.compile(r"\b(?:toll|raising|rising|bringing|rose|risen|climbed)\b", re.IGNORECASE)
_ANOTHER_ATTACK = re.compile(r"\b(?:second|third|another|new|fresh|renewed|again|later)\b", re.IGNORECASE)


# "that the government banned as extremist in 2023", "a party founded in 2019", "listed as a terrorist
# group in 2021": the year a body got its name or status, written in the clause that describes it, dates
# no harm, though the sentence goes on to give a figure.
_STATUS_YEAR = re.compile(r"\b(?:banned|outlawed|proscribed|designated|listed|blacklisted|founded|formed|established|"
                          r"created|registered|launched|set[ ]up|elected|appointed|dissolved|declared)"
                          r"(?:[ ]+as[ ]+(?:an?[ ]+)?[\w-]+(?:[ ][\w-]+){0,3})?[ ]+in[ ]+(?:early[ ]|late[ ]|mid-?)?$")
_ERA_OF = re.compile(r"\bof[ ]the[ ](?:early[ ]|late[ ]|mid-?)?(?:19|20)\d0s$")


def earlier_sentences(dates_found: list, sentences: list, harm_sentences: set[int],
                      main_date: str | None, figures: dict[int, list[int]] | None = None) -> dict[int, list]:
    """Harm sentences dated in a year before the main event's, with that date mention.

    ``figures`` (sentence -> where its figures start) lets a sentence that names both years
    go with the earlier one when that is the date written last before each of its figures:
    "Friday's attack was the deadliest since a bombing in X in January 2025, which killed six"."""
    if main_date is None:
        return {}
    main_year = int(main_date[:4])
    found: dict[int, list] = {}
    for mention in dates_found:
        if mention.year is None or mention.year >= main_year or (mention.relative and not _counts_years(mention)):
            continue
        index = sentence_index(sentences, mention.span.start)
        sentence = sentences[index]
        at = mention.span.start - sentence.span.start
        if _ERA_OF.search(sentence.text[max(0, at - 12) : at + len(mention.text) + 1]):
            continue  # "a group that emerged from the insurgency of the 1980s": an era a noun is of, no event's date
        if _STATUS_YEAR.search(sentence.text[max(0, at - 60) : at]):
            continue  # "a group the government banned as extremist in 2023 said 28 were killed": when it was banned
        if index in harm_sentences:
            found.setdefault(index, []).append(_with_month_before(mention, dates_found))
    # A sentence that also names the main event's year is about the main event, unless that
    # date too is a month before the event's: "in March 2024, when ... Sarbed, and in May of this
    # year, when ..." lists earlier events, one of them this year.
    for mention in dates_found:
        if mention.year == main_year and not _month_before(_of_month_before(mention, dates_found), main_date):
            index = sentence_index(sentences, mention.span.start)
            if index in found and (_compared_with_earlier(mention, sentences[index], found[index])
                                   or _figures_follow_earlier(found[index], mention, (figures or {}).get(index, []))):
                continue
            found.pop(index, None)
    if len(found) * 2 > len(harm_sentences):
        return {}  # most of the harm is dated earlier: that is the main event, not a recollection
    return found


def _of_month_before(mention, dates_found: list):  # type: ignore[no-untyped-def]
    """"May of this year", "June this year": the month written right before "this year" dates it."""
    if mention.month is not None:
        return mention
    for other in dates_found:
        if other.year == mention.year and other.month is not None and other.day is None \
                and 0 <= mention.span.start - other.span.end <= 4:
            return other
    return mention


def _month_before(mention, main_date: str) -> bool:  # type: ignore[no-untyped-def]
    """A dated mention in a month before the main event's month of the same year."""
    if mention.month is None or len(main_date) < 7 or not re.search(r"[A-Z][a-z]{2}", mention.text):
        return False  # ("last week": a count back from the report, no month the text names)
    return mention.month < int(main_date[5:7])


# "Sunday's killings", "Tuesday’s attack": the main event named as a noun, to be compared
_POSSESSIVE = re.compile(r"['’]s\b")
# "... in January 2019, when fourteen woodcutters were killed": the figure the earlier date's clause gives
_WHEN_AFTER = re.compile(r",?\s+when\b")


def _compared_with_earlier(mention, sentence, earlier: list) -> bool:  # type: ignore[no-untyped-def]
    """"Sunday's killings recall the massacre of X in January 2019, when fourteen were killed":
    the main event's day names it as a noun, and the figure is in the earlier date's when-clause."""
    base = sentence.span.start
    if not (_POSSESSIVE.match(sentence.text, mention.span.end - base) or _POSSESSIVE.search(mention.text)):
        return False
    return any(_WHEN_AFTER.match(sentence.text, m.span.end - base) for m in earlier)


def _figures_follow_earlier(earlier: list, current, positions: list[int]) -> bool:
    """Every figure of the sentence comes after one of its earlier dates, and that date is
    written after the main year's date: the figures belong to the earlier event."""
    if not positions:
        return False
    return all(any(current.span.start < m.span.start < at for m in earlier) for at in positions)


def other_than_title_year(dates_found: list, sentence_of, headline_end: int, main_date: str | None) -> set[int]:
    """When the title names one year and the chosen date is of another, the sentences dated
    only in other years (empty when the title names no year or agrees)."""
    title_years = {m.year for m in dates_found if m.span.start < headline_end and m.year and not m.relative}
    if len(title_years) != 1 or main_date is None or int(main_date[:4]) in title_years:
        return set()
    same = {sentence_of(m.span.start) for m in dates_found if m.year in title_years}
    return {sentence_of(m.span.start) for m in dates_found if m.year and m.year not in title_years} - same


def _with_month_before(mention, dates_found: list):  # type: ignore[no-untyped-def]
    """"March last year": the month written right before a year counted back dates it too."""
    if mention.month is not None or not mention.relative:
        return mention
    for other in dates_found:
        if other.year == mention.year and other.month is not None and other.day is None \
                and 0 <= mention.span.start - other.span.end <= 1:
            return replace(mention, span=Span(start=other.span.start, end=mention.span.end),
                           text=f"{other.text} {mention.text}", month=other.month)
    return mention


def _counts_years(mention) -> bool:  # type: ignore[no-untyped-def]
    """A relative date that counts back in years ("in March last year", "two years ago"):
    its year is as sure as the report's own, unlike a weekday's near a new year."""
    return bool(re.search(r"\byears?\b", mention.text, re.IGNORECASE))


def recalled_sentences(dates_found: list, sentences: list, text: str, main_date: str | None) -> set[int]:
    """Sentences about an earlier event, figure or none ("the 2017 bombing of a market in
    the town of X"): dated only in years before the main event's ("since 2011" spans up to
    now and recalls nothing)."""
    if main_date is None:
        return set()
    main_year = int(main_date[:4])
    before, current = set(), set()
    for mention in dates_found:
        if mention.year is None:
            continue
        index = sentence_index(sentences, mention.span.start)
        if _STATUS_YEAR.search(text, max(0, mention.span.start - 60), mention.span.start):
            continue  # the year a body was banned or founded is no event's
        if mention.year == main_year and before and _month_before(_of_month_before(mention, dates_found), main_date) \
                and index in before:
            continue  # "in March 2024, when ..., and in May of this year, when ...": both earlier events
        if mention.year >= main_year or (mention.relative and not _counts_years(mention)) or \
                re.search(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?)?$", text[max(0, mention.span.start - 12):mention.span.start]):
            current.add(index)
        else:
            before.add(index)
    return before - current


def sentence_index(sentences: list, position: int) -> int:
    low, high = 0, len(sentences) - 1
    while low <= high:
        middle = (low + high) // 2
        span = sentences[middle].span
        if position < span.start:
            high = middle - 1
        elif position >= span.end:
            low = middle + 1
        else:
            return middle
    return -1


# "wish to remind the public that on 24 August ...", "In a separate incident on 3 May ...", "It was
# the second attack on the village in a month: on 2 May ...": words that say the sentence tells
# of another event than the report's
_RECALL_CUE = re.compile(r"\b(?:remind(?:s|ed)?|recall(?:s|ed)?|in[ ]a[ ](?:separate|similar|previous|earlier)[ ]"
                         r"(?:incident|attack|case)|(?:has|had)[ ]been[ ](?:hit|attacked|targeted)[ ]before"
                         r"|previous(?:ly)?[ ](?:attack|incident)|an[ ]earlier[ ](?:attack|incident))\b", re.IGNORECASE)


def recalling_sentences(sentences: list, text: str) -> set[int]:
    """Sentences whose own words say they tell of another event than the report's."""
    return {index for index, sentence in enumerate(sentences)
            if _RECALL_CUE.search(text, sentence.span.start, sentence.span.end)}
