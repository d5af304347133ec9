"""Whether a figure is an incident's own toll or a sum or a part of one, read on the text.

A count row is one event's toll as its source gives it (FORMAT: breakdowns are no rows).
These tests say when a figure is instead a tally kept over time or over many events
("killed more than 10,000 people last year", "since January", "in three attacks"), a subset
of a total named beside it ("including six women", "among them the hamlet chief"), or the
increment that raised a running toll ("..., bringing the toll to 24"). They read the raw
text around the figure with patterns rather than the parse, so that ``counts`` can refuse
most such figures before it asks what harm they count.
"""

from __future__ import annotations

import re
from functools import lru_cache



_SUBSET_BEFORE = ("including", "includes", "included", "among them", "among whom", "of whom", "of them",
                  "among those", "among the", "exception of", "except", "except for", "apart from", "other than",
                  # "17 people had died, counting two victims buried across the border"
                  ", counting")


# Totals over a span of time are not an incident's toll ("killed more than 10,000 people
# last year", "had killed over 200 in the two years before", "since 2009").
_AGGREGATE = re.compile(
    r"\b(?:last|this|past|previous|preceding)\s+(?:year|decade|month)s?\b(?!['’]s)|\bin\s+(?:the\s+)?(?:(?:past|last|previous|"
    r"preceding|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)+(?:years|decades|months)\b|\bsince\s+(?:19|20)\d\d\b"
    r"|\bsince\s+(?:the\s+)?(?:start|beginning|outbreak)\b|\bso\s+far\s+this\s+year\b|\bfor\s+years\b|\bin\s+recent\s+years\b"
    r"|\byears\s+(?:prior|before)\b|\b(?:a|per|each|every)\s+year\b(?!\s+(?:ago|earlier|later|after|before|on)\b)|\bannually\b|\bover\s+the\s+(?:years|decades)\b"
    # "since January" (a month, no day): a tally kept over months, not one event's toll
    # "since the insurgency flared up in January 2004", "since the war broke out": a tally since a conflict began
    r"|\bsince\s+(?:the|its)\s+(?:[\w-]+\s+){1,2}(?:began|begun|started|erupted|broke\s+out|flared|resumed|reignited)\b"
    # ("since January 2004" too: a month and a year; not "since January 5", one day)
    r"|\bsince\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d{1,2}\b)"
    # "between 2020 and 2024", "from 2019 to 2023", "in 2023 alone": a tally kept over years
    r"|\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until|through)\s+(?:19|20)\d\d\b|\bin\s+(?:19|20)\d\d\s+alone\b"
    # "attacks blamed on the group killed more than 140 civilians in 2025": many attacks over a year
    r"|\battacks\b[^.;]{0,120}?\bin[ ](?:19|20)\d\d\b(?![ ]\d|-|/)"
    # "THRF recorded 14 deaths in custody across the country": a monitor's tally over the land
    r"|\b(?:recorded|documented|registered|counted|logged|verified)\b[^.;]{0,80}\bacross[ ](?:the[ ])?"
    r"(?:country|nation|region|state|province)\b"
    # "recorded 187 deaths in cattle raids across the three southern regions in 2025", "raids across
    # several districts": a tally over many places, by whatever words the places are counted
    r"|\b(?:across|throughout)[ ](?:the[ ])?(?:[\w-]+[ ]){0,3}?(?:regions|provinces|districts|states|counties|"
    r"departments|territories)\b"
    # "Iraq 212 events / 187 fatalities", "year to date": a monitor's tally over many events
    r"|\b\d[\d,]*\s+(?:events|incidents)\b|\b(?:year|month)[ -]to[ -]date\b"
    # "displaced by its attacks": one figure over a group's many attacks
    r"|\b(?:by|in)\s+(?:its|their)\s+(?:attacks|raids|operations)\b"
    # "since 1 January": from the first of a month, a running tally, as is "over the same period"
    r"|\bsince\s+1(?:st)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?:over|in|during)\s+the\s+same\s+period\b"
    # "had killed more than 7,300 people by 2026", "in the first half of 2026": a tally up to a year
    r"|\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b(?![ ]?[-–/]\d)"
    r"|\b(?:first|second)\s+half\s+of\s+(?:the\s+year|(?:19|20)\d\d)\b|\bfirst\s+(?:\w+\s+)?(?:months|weeks)\s+of\b"
    # "documented 112 violent deaths in the province in 2025": a whole area over a whole year
    r"|\b(?:in|across|throughout)\s+the\s+(?:province|region|country|state|district|county|territory)\s+"
    r"(?:in|during|for)\s+(?:19|20)\d\d\b(?!\s*[-–/]\d)"
    # "at least 79 ... in 2023, compared with 53 in 2022": a year's tally set against another's
    r"|\bcompared\s+(?:with|to)\s+[\d,]+\s+(?:in|during|for)\s+(?:19|20)\d\d\b"
    # "Raiders kill 11 in two Osk villages": one figure over the attacks on several settlements
    r"|\b(?:in|across)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple)\s+(?:[A-Z][\w'’-]+\s+)?"
    r"(?:villages|towns|communities|localities|hamlets|settlements)\b"
    # "three attacks since March in which 16 were killed": one figure over several events
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple|a\s+series\s+of|a\s+string\s+of|"
    r"a\s+wave\s+of)\s+(?:separate\s+|other\s+|similar\s+|deadly\s+)?(?:attacks|raids|massacres|bombings|ambushes|"
    r"assaults|incidents|killings)\b",
    re.IGNORECASE,
)


# Nouns that split one group by sex or age ("three men and one woman"), unlike roles
# ("23 civilians and 15 assailants" are two groups).
_SEX_AGE = frozenset({"man", "woman", "men", "women", "boy", "girl", "child", "children", "adult", "minor", "teenager"})

# A dash or colon after a figure opens its breakdown ("9 returned – two who ran ...").
_BREAKDOWN = re.compile(r"\d[^–—:]*\s[–—:]\s|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"[a-z]+teen|twenty|thirty|forty|fifty)\b[^–—:]*\s[–—:]\s", re.IGNORECASE)


# "one of the deadliest attacks this year", "the worst since 2009": a period after a
# superlative ranks the event; it does not sum a toll over the period.
_RANKING = re.compile(r"\b(?:\w+iest|worst|largest|biggest|greatest|highest|gravest|latest|most\s+\w+|first|second|third|"
                      r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,8}$",
                      re.IGNORECASE)
# "in March last year" dates the event; it does not make its toll a yearly sum.
_MONTH_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\s+$")


# "several bombings in recent years, among them the 2017 bombing of X that killed 11": one
# event singled out of a series has its own toll.
_SINGLED_OUT = re.compile(r"\b(?:among\s+them|including|such\s+as|notably|most\s+recently)\s+the\s+"
                          r"(?:[\w-]+\s+){0,3}(?:attack|bombing|massacre|raid|ambush|"
                          r"assault|shooting|killing|abduction|kidnapping)\b", re.IGNORECASE)


def _is_aggregate(text: str, start: int) -> bool:
    clause_start = max(text.rfind(";", 0, start), text.rfind(". ", 0, start)) + 1
    singled = [m for m in _SINGLED_OUT.finditer(text, clause_start, start)]
    if singled:
        clause_start = singled[-1].start()
    stops = [i for i in (text.find(";", start), text.find(". ", start)) if i != -1]
    clause_end = min(stops) if stops else len(text)
    return _is_aggregate_clause(text[clause_start:clause_end]) or _aggregate_label(text, start)


def _aggregate_label(text: str, start: int) -> bool:
    """"Year to date (Jan 1 – Nov 8): 431 incidents; 127 killed": a line's label before its colon
    sums every figure of the list after it, past the semicolons that part them."""
    line_start = text.rfind("\n", 0, start) + 1
    colon = text.rfind(":", line_start, start)
    return colon > line_start and _LABEL_AGGREGATE.search(text, line_start, colon) is not None


# (not "Total: 23 killed" alone: one attack's sum over its sites is that attack's toll)
_LABEL_AGGREGATE = re.compile(r"\byear[- ]to[- ]date\b|\btotals\b|\b(?:release|period|weekly|monthly|annual|quarterly|"
                              r"cumulative)\s+total\b", re.IGNORECASE)


# "missing since April", "held since the start of the siege": how long people have been
# gone, not a tally summed over the time.
_STATE_SINCE = re.compile(r"\b(?:missing|unaccounted\s+for|held|captivity|captive|hostage)\s+$", re.IGNORECASE)


# "pupils abducted from their school last month": the month dates one abduction.
_TAKEN_IN = re.compile(r"\b(?:abducted|kidnapped|seized|snatched|taken)\b[^,;.]{0,60}$", re.IGNORECASE)


@lru_cache(maxsize=4096)  # every figure of a clause asks about the same clause ("killed 12 and wounded 30")
def _is_aggregate_clause(clause: str) -> bool:
    return any(not _RANKING.search(clause[:m.start()]) and not _MONTH_BEFORE.search(clause[:m.start()])
               and not _dates_one_event(clause, m) and not _dates_named_event(clause, m)
               and not (m.group(0).lower().startswith("since") and _STATE_SINCE.search(clause[:m.start()]))
               and not (re.fullmatch(r"(?:last|this|past)\s+month", m.group(0), re.IGNORECASE)
                        and _TAKEN_IN.search(clause[:m.start()]))
               for m in _AGGREGATE.finditer(clause))


# "Last year, gunmen killed six worshippers at a mosque in X": a period fronted before the
# clause, whose figure happened at one site, dates a single event; "killed 2,000 across the
# state last year" sums many.
_FRONTED_PERIOD = re.compile(r"\s*(?:last|this|past|previous)\s+(?:year|month)\s*,", re.IGNORECASE)
_ONE_SITE = re.compile(r"\b(?:at|on|in|inside|outside|near)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:mosque|church|chapel|temple|"
                       r"shrine|school|college|university|dormitory|hostel|market|village|camp|bar|hotel|restaurant|"
                       r"checkpoint|wedding|funeral|bus|truck|convoy|hospital|clinic|police\s+post|police\s+station|"
                       r"army\s+base|barracks|farm|mine|"
                       # "shot dead on the road outside the village": one stretch of road
                       r"road|roadside|highway|street|square|bridge|junction|roadblock|station)\b", re.IGNORECASE)


# "a jailbreak during a riot at X jail last year left one guard dead": one event, named in the
# singular just before the period, is what the period dates; "attacks ... last year" are many.
_ONE_EVENT_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:attack|bombing|blast|explosion|ambush|raid|riot|"
                               r"jailbreak|massacre|shooting|stampede|landslide|mutiny|clash|shootout|lynching)\b(?!s)"
                               r"[^.;,]{0,80}$", re.IGNORECASE)


def _dates_named_event(clause: str, period: re.Match[str]) -> bool:
    return period.group(0).lower().split()[0] in ("last", "this", "past", "previous") \
        and bool(_ONE_EVENT_BEFORE.search(clause[:period.start()]))


def _dates_one_event(clause: str, period: re.Match[str]) -> bool:
    if not _FRONTED_PERIOD.match(clause, period.start()) or clause[:period.start()].strip(" \n\"'“”"):
        return False
    return bool(_ONE_SITE.search(clause, period.end()))


# A sentence opening on a partitive of people already counted: "Of those arrested, ...", "Of
# the wounded, ...". A figure of the same harm after it is a part of that total; another harm
# ("Of the 40 abducted, 12 escaped") is its own figure.
_OF_THOSE = re.compile(r"\s*[Oo]f[ ]+(?:those|these|the)[ ]+(?:\w+[ ]+){0,2}?(\w+ed|dead|wounded|injured|missing)[ ]*,")


# "..., bringing the number of dead to 24", "raising the toll to eight": the clause before
# adds to a running toll; the toll it reaches is the row (FORMAT: breakdowns are no rows).
_BRINGING = re.compile(r",?\s+(?:bringing|raising|taking|pushing|lifting)\s+the\s+(?:overall\s+|total\s+|official\s+)?"
                       r"(?:death\s+toll|toll|number|total|tally|count)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d[\d,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|"
                     r"hundreds|thousands)\b", re.IGNORECASE)


# "the government raised it to 17 after three wounded passengers died in hospital": the
# figure that raised a toll is a part of the toll it raised.
_RAISED_AFTER = re.compile(r"\b(?:raised|raising|brought|bringing|pushed|took|revised|increased|lifted|rose|climbed)\b"
                           r"[^.;:]{0,40}?\bto\s+\d[\d,]*\s+(?:after|when|as)\s+"
                           # "... to 16 after a boy died later that day and a woman died of her wounds"
                           r"(?:[^.;:]{0,80}?\s+and\s+)?$", re.IGNORECASE)


def _is_increment(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is the last one before "bringing the toll to N"
    in its clause."""
    stops = [i for i in (text.find(";", end), text.find(". ", end)) if i != -1]
    clause_end = min(stops) if stops else len(text)
    match = _BRINGING.search(text, end, clause_end)
    # "Three more victims of the attack on two minibuses have died, bringing ...": a figure
    # after a preposition describes what the victims were in, not a second harm
    return match is not None and not any(
        not re.search(r"\b(?:on|of|in|at|from|into|aboard)\s+(?:the\s+)?$", text[max(0, f.start() - 12):f.start()])
        for f in _FIGURE.finditer(text, end, match.start()))


def _is_subset(text: str, start: int) -> bool:
    before = text[max(0, start - 16):start].lower().rstrip()
    if before.endswith("among the") and _MEMBER_OF.search(text[max(0, start - 30):start]):
        return False  # "The bride was among the 112 people rescued": one of the whole, which is the figure
    return before.endswith(_SUBSET_BEFORE) or bool(_LISTED_AMONG.search(text[max(0, start - 70):start])) \
        or bool(_LISTED_FIGURES.search(text[max(0, start - 90):start]))


# "The dead included five children and three members of the corps": every figure of the list
# "included" opens is a part of the toll, not only its first.
_LISTED_FIGURES = re.compile(r"\b(?:including|included|includes|among\s+them|among\s+whom)\s+(?:\d[\d,]*|one|two|three|"
                             r"four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty)\s+"
                             r"[^,;:.()\d]{1,60}?(?:,\s+|\s+and\s+)$", re.IGNORECASE)


# "abducting seven people, among them the hamlet chief and his two sons": a figure later in
# the list an "among them" opens is still a part of the total.
_LISTED_AMONG = re.compile(r"\b(?:among\s+them|among\s+whom|including)\s+(?:the|a|an|his|her|their)\s+"
                           r"[^,;:.()\d]{1,40}?\s+and\s+(?:his|her|their|the|its)\s+$", re.IGNORECASE)


_MEMBER_OF = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:also\s+)?among\s+the\s*$", re.IGNORECASE)


# "he counts nine dead, not eight", "150 killed – not 2,000": a figure set against the stated one
# is the one the speaker rejects, not a toll anyone gives here.
_REJECTED = re.compile(r"(?:,|[–—]|\s-)\s*(?:and\s+|but\s+)?not\s+(?:the\s+)?$", re.IGNORECASE)


def _is_rejected(text: str, start: int) -> bool:
    return _REJECTED.search(text[max(0, start - 16):start]) is not None
