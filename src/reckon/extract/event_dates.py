"""Which of a document's dates is the date of the event it reports.

A report names many dates: its own (the dateline, a "Published" line), the day a source
spoke ("Campbell said in Kabul today"), other events used as names ("the July 3 coup
commanders"), and the event's own days. FORMAT.md wants the event's first day. The
rules, in order of trust:

1. Dates in the sentences that give the event's figures (else those that blame), or
   that say when it began ("The siege began on 1 May"), not counting the report's own
   date, a relative date tied to a reporting verb ("said today"), the as-of date of a
   running toll ("by Tuesday"), or a date that names another kind of event ("the July 3
   coup"): first a day that names the event itself
   ("Monday's massacre"), else the most frequent full date, ties to the earliest (the
   first day); else the most frequent month, then year.
2. When (1) gives only a year or a month, a full date in a sentence that speaks of the
   event ("what happened in X on 14 May 2012", "the attack on 3 June 2011") refines it,
   if its year is within one of the coarse one.
3. When (1) gives nothing: a full date in a sentence that speaks of violence; else the
   year or month of a date that modifies a violence noun ("a 2009 massacre"); else a full
   date anywhere; else the report's own date if a harm sentence carries it (a same-day
   dateline).

Never a date after the document's own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reckon.extract.lexicon import fold
from reckon.extract.dates import DateMention
from reckon.model import Span

__all__ = ["DateEvidence", "date_evidence", "pick_date"]

# Stems of words that speak of a violent event (verbs and nouns, any inflection).
_VIOLENCE = re.compile(
    r"\b(?:attack|assault|massacre|raid|kill|slay|slain|storm|bomb|shell|shoot|shot|gunfire|ambush|abduct|"
    r"kidnap|execut|murder|slaughter|behead|besieg|siege|torch|hostage|gunm[ae]n|airstrike|air strike|"
    r"crackdown|dispers|clash|fighting|violence|died|dead|death|wound|injur|explo|blast|massacre|stampede|"
    r"rampage|killing|carnage|atrocit)",
    re.IGNORECASE,
)
_HAPPENED = re.compile(r"\b(?:happened|occurred|took place|unfolded|began|begun|started|erupted|broke out)\b", re.I)
# An infobox's or a record's date field ("- Date: 14 May 2024", "Date 3 March 2019"): the
# event's own date, as sure as a sentence saying when it began.
_DATE_FIELD = re.compile(r"\W{0,3}(?:(?:Event|Incident|Attack)[ ]+)?[Dd]ate(?:\(s\))?(?:[ \t]*:|[ \t]+(?=\d)|(?=\d))")
# "On the night of 7 November 2021, a group of armed men attacked X": a sentence that opens
# with its date and tells the attack says when the event began, as "began" does.
_DATED_ATTACK = re.compile(
    r"(?:(?:late|early)[ ]+)?(?:[Oo]n|[Ii]n|[Dd]uring)[ ]+(?:the[ ]+(?:night|morning|evening|afternoon|early[ ]hours)[ ]+of[ ]+)?"
    r"[^,.;\n]{3,40},[ ]+[^.;\n]{0,80}?(?<!the[ ])(?<!were[ ])(?<!was[ ])\b(?:attacked|stormed|raided|ambushed|"
    r"bombed|shelled|abducted|kidnapped|massacred|opened[ ]fire)\b")
# "set it on fire five years ago this week", "a year ago today": an anniversary piece counts
# back from its own date to the event's.
_YEARS_BACK = re.compile(r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[ ]+years?[ ]+ago\b", re.I)
# "the attack on X, which occurred on the night of 7th/11/2021": the event's own day, told.
_ATTACK_OCCURRED = re.compile(r"\b(?:attack|raid|massacre|bombing|shooting|ambush|assault)\b[^.;\n]{0,80}?"
                              r"\b(?:occurred|happened|took[ ]place)[ ]+(?:on|in|at|during)\b", re.IGNORECASE)
_BEGAN = re.compile(r"\b(?:began|begun|started|erupted|broke out)\b", re.I)
# Nouns a date can date without naming the violent event itself ("the 2009 elections").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her|our|last)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]+)")
_POSSESSIVE_AFTER = re.compile(r"['’]s\s+(?:(?:deadly|bloody|brutal|twin|suicide|mass|armed|terror|terrorist)\s+)?([a-z][a-z-]+)")
_EVENT_NOUNS = frozenset(
    "attack attacks assault massacre massacres raid raids killing killings bombing bombings shooting shootings "
    "siege crackdown dispersal ambush abduction abductions kidnapping kidnappings rampage strike strikes "
    "airstrike airstrikes violence clashes fighting explosion explosions blast blasts carnage atrocity "
    "atrocities incident tragedy hostage-taking standoff uprising riots riot slaughter executions".split()
)
_FUNCTION_WORDS = frozenset(
    "and or to of in on at by for from with as was were is are had has have that which who when while but "
    "after before during until since than".split()
)
# "said in Kabul today", "told reporters on Monday": the day of the speaking.
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|reported|added|confirmed|declared|disclosed|explained|briefed|"
    r"tweeted|wrote|noted|insisted)\b[^.;:!?,]{0,40}$"
    # "Speaking to journalists in Bunia on Wednesday, the official said ..."
    r"|\b(?:[Ss]peaking|[Tt]alking)[ ]+(?:to|with)[ ]+(?:journalists|reporters|the[ ]press|the[ ]media)\b[^.;:!?,]{0,40}$"
    # "in a statement on Wednesday", "a statement posted late on Wednesday"
    r"|\b(?:statement|communiqu[eé]|press[ ]conference|press[ ]release|briefing|interview)[ ]+"
    r"(?:(?:posted|issued|released|published|given|held)[ ]+)?(?:(?:late|early)[ ]+)?(?:on[ ]+)?$"
    # "in a statement posted on a messaging channel on Sunday", "in a televised address on Sunday night"
    r"|\b(?:statement|communiqu[eé]|message|video)[ ]+(?:posted|issued|released|published|sent|broadcast)\b[^.;:!?,]{0,40}$"
    r"|\b(?:(?:televised|radio|national|broadcast|recorded)[ ]+)?(?:address|speech)[ ]+(?:to[ ]+the[ ]+nation[ ]+)?(?:late[ ]+|early[ ]+)?on[ ]+$",
    re.I,
)


# Burials and funerals follow the event: the day they are dated by is not the event's.
# ("officers had recovered the six bodies on Friday morning", "the bodies were found on Sunday":
# the day the dead were found, after the attack)
_AFTERMATH_BEFORE = re.compile(r"\b(?:buried|burial|funerals?|laid[ ]to[ ]rest|mourners|exhumed"
                               r"|(?:recovered|retrieved|found|discovered)[ ](?:the[ ])?(?:[\w-]+[ ])?(?:bodies|corpses|remains)"
                               r"|(?:bodies|corpses|remains)[ ](?:were|had[ ]been|was)[ ](?:recovered|retrieved|found|discovered))"
                               r"\b[^.;:!?]{0,40}$", re.IGNORECASE)
# A chronology entry that opens with its date and reports a statement ("8 November, morning -
# Police announce that 19 bodies have been recovered", "15 November: The police put the
# toll at 21"): the date is when the source spoke.
_CHRONOLOGY_REPORT = re.compile(
    r"(?:,?[ ]+(?:\d{4}|morning|afternoon|evening|night|about[ ][\d:.]+(?:[ ]?[ap]\.?m\.?)?|[\d:.]+(?:[ ]?[ap]\.?m\.?|hrs)?))*"
    r"[ ]*[-–—:][ ]+[^\n.]{0,60}?\b(?:announces?|announced|reports?|reported|says|said|puts?|confirms?|confirmed|"
    r"states?|stated|issues?|issued|releases?|released|parades?|paraded)\b", re.IGNORECASE)
_AS_OF_BEFORE = re.compile(r"\b(?:[Bb]y|[Aa]s\s+of|[Uu]ntil|[Tt]ill|[Uu]p\s+to)\s+(?:the\s+)?(?:(?:early|late)\s+)?$")
# "He gave a death toll of nine early on Saturday", "put the toll at 14 on Sunday": the day a
# running toll was given, not the day the event began.
_TOLL_GIVEN_BEFORE = re.compile(
    r"\b(?:gave|give[sn]?|put|puts|raised|revised|updated|lowered)\s+(?:(?:the|a|an|its|their|his|her|a\s+new)\s+)?"
    r"(?:(?:death|casualty|official|final|overall)\s+)?(?:toll|figure|count)\b[^.;:!?\n]{0,40}$",
    re.IGNORECASE,
)
# "Gunmen who stormed a hotel on Friday were still holding hostages on Saturday": the day a
# state of things still held, not the day it began.
# Within its own line: a headline's "still missing" says nothing of the next line's date.
_STILL_BEFORE = re.compile(r"\b(?:still|remained|remain)\b[^.;:!?,\n]{0,50}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """One document's dates sorted by what they may date."""

    usable: tuple[DateMention, ...]  # may date an event
    report: tuple[DateMention, ...]  # the report's own date
    event_named: tuple[DateMention, ...]  # modifies a violence noun: "a 2009 massacre"
    began: frozenset[int]  # sentences that say when something began
    eventful: frozenset[int]  # sentences that speak of violence or of something happening


def date_evidence(text: str, dates: Sequence[DateMention], sentences: Sequence, published: str | None,
                  published_span: Span | None) -> DateEvidence:
    usable, report, event_named = [], [], []
    for mention in dates:
        if mention.value is None:
            continue
        if _is_report_date(text, mention, published, published_span):
            report.append(mention)
            continue
        noun = _attributive_noun(text, mention)
        if noun is not None and noun not in _EVENT_NOUNS:
            continue  # "the July 3 coup commanders": the date names another event
        if noun is not None:
            event_named.append(mention)
        speaking = mention.relative and _REPORTING_BEFORE.search(text[max(0, mention.span.start - 60):mention.span.start])
        # "residents said gunmen killed six people on Sunday": the day of the harm reported, not of the saying
        if speaking and not _VIOLENCE.search(speaking.group(0)):
            continue  # "said in Kabul today": when the source spoke
        if _in_revision(sentences, mention):
            continue  # "In 2023, the ministry revised the toll to 27": when the figure changed
        if _CHRONOLOGY_REPORT.match(text, mention.span.end) and text[max(0, mention.span.start - 1):mention.span.start] in ("", "\n"):
            continue  # "8 November, morning - Police announce that 19 bodies ...": the day of the saying
        if _AS_OF_BEFORE.search(text[max(0, mention.span.start - 20):mention.span.start]):
            continue  # "41 bodies by Tuesday afternoon": when a running toll stood, not when it began
        before = text[max(0, mention.span.start - 80):mention.span.start]
        if _ends_a_range(text, mention, dates):
            continue  # "between Friday night, when ..., and Sunday morning": the last day, not the first
        if _TOLL_GIVEN_BEFORE.search(before) or (mention.relative and _STILL_BEFORE.search(before)):
            continue  # the day a toll was given or a state still held: not the first day
        if _AFTERMATH_BEFORE.search(text[max(0, mention.span.start - 50):mention.span.start]):
            continue  # "We buried twenty-seven of our people yesterday": a day after the event
        usable.append(mention)
    began = frozenset(i for i, s in enumerate(sentences)
                      if (_BEGAN.search(s.text) and _VIOLENCE_OR_EVENT(s.text)) or _DATE_FIELD.match(s.text)
                      or _DATED_ATTACK.match(s.text) or _ATTACK_OCCURRED.search(s.text)
                      or (_YEARS_BACK.search(s.text) and _VIOLENCE.search(s.text)))
    eventful = frozenset(i for i, s in enumerate(sentences) if _VIOLENCE.search(s.text) or _HAPPENED.search(s.text))
    return DateEvidence(usable=tuple(usable), report=tuple(report), event_named=tuple(event_named),
                        began=began, eventful=eventful)


_RANGE_OPENER = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:(?:early|late)\s+)?$", re.IGNORECASE)
_RANGE_CLOSER = {"between": re.compile(r"\band\b"), "from": re.compile(r"\b(?:to|until|till|through)\b")}


def _ends_a_range(text: str, mention: DateMention, dates: Sequence[DateMention]) -> bool:
    """ "between Friday night, when gunmen attacked ..., and Sunday morning": the second day
    closes a span that opened on the first, even with a clause between them."""
    for earlier in dates:
        if not 0 < mention.span.start - earlier.span.end <= 160:
            continue
        opener = _RANGE_OPENER.search(text[max(0, earlier.span.start - 20):earlier.span.start])
        gap = text[earlier.span.end:mention.span.start]
        if opener is None or re.search(r"[.;!?]\s", gap):
            continue
        closer = _RANGE_CLOSER[opener.group(0).split()[0].lower()]
        if closer.search(gap):
            return True
    return False


# A toll revised, corrected or updated: the sentence's date is when the figure changed, which
# is always after the event.
_REVISION = re.compile(r"\b(?:revised|raised|lowered|updated|corrected|amended)[ ]+(?:(?:the|its|their|his|her)[ ]+)?"
                       r"(?:(?:official|final|death|casualty|provisional)[ ]+)*(?:toll|figure|count|number|tally)\b",
                       re.IGNORECASE)


def _in_revision(sentences: Sequence, mention: DateMention) -> bool:
    for sentence in sentences:
        if sentence.span.start <= mention.span.start < sentence.span.end:
            return bool(_REVISION.search(sentence.text))
    return False


def _VIOLENCE_OR_EVENT(sentence: str) -> bool:  # noqa: N802 - reads as the predicate it is
    return bool(_VIOLENCE.search(sentence) or re.search(r"\b(?:crisis|siege|standoff|operation|occupation)\b",
                                                         sentence, re.I))


def _is_report_date(text: str, mention: DateMention, published: str | None, published_span: Span | None) -> bool:
    """The report's own date: the span the publication date was read from, or the same day
    written in the document's head (a dateline, a "Posted" line) rather than in its prose."""
    if published_span is not None and mention.span.overlaps(published_span):
        return True
    if not published or mention.value != published or mention.span.start > 1500:
        return False
    line_start = text.rfind("\n", 0, mention.span.start) + 1
    if mention.relative:
        # "KITEMBURA, Uganda, Sept 13 (Agency) - ...": a dateline without a year, read against
        # the report's own date, is still that date; any other relative day is prose.
        return _is_dateline(text, line_start, mention)
    line_end = text.find("\n", mention.span.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    rest = line.replace(mention.text, " ")
    if len(line) <= 100 and len(rest.split()) <= 8 and not rest.rstrip().endswith("."):
        return True  # "• August 14, 2013", "Posted on 3 May 2011 by the editors"
    return _is_dateline(text, line_start, mention)


def _is_dateline(text: str, line_start: int, mention: DateMention) -> bool:
    # "WASHINGTON, November 25, 2015 — Human error ...": a dateline opening the prose.
    before = text[line_start:mention.span.start]
    return bool(re.fullmatch(r"\W*(?:[A-Z][A-Za-z.'’ -]{1,40},\s*)?(?:[A-Z][a-z]+,?\s+)?", before)) and \
        bool(re.match(r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—:]", text[mention.span.end:]))


def _attributive_noun(text: str, mention: DateMention) -> str | None:
    """ "the July 3 coup" -> "coup", "Monday's massacre" -> "massacre"; None when the date
    does not modify a noun."""
    possessive = _POSSESSIVE_AFTER.match(text, mention.span.end)
    if possessive is not None:
        return fold(possessive.group(1))
    if not _DETERMINER_BEFORE.search(text[max(0, mention.span.start - 8):mention.span.start]):
        return None
    found = _NOUN_AFTER.match(text, mention.span.end)
    if found is None or found.group(1) in _FUNCTION_WORDS:
        return None
    return fold(found.group(1))


def pick_date(evidence: DateEvidence, sentence_of, chosen: Iterable[int], published: str | None,
              *, main: bool, exclude: Iterable[int] = (), prefer: Iterable[int] | None = None
              ) -> tuple[str | None, Span | None]:
    """The event date of the sentences ``chosen`` (see the module's rules), with its span.

    ``main`` adds the sentences that say when the event began and the fallbacks of rules
    2 and 3, which speak for the document's main event only; ``exclude`` are sentences
    about other events, which those never read; ``prefer`` (the sentences that give
    figures) are read before the rest of ``chosen`` (those that only blame).
    """
    exclude = set(exclude)
    chosen = set(chosen) - exclude
    if main:
        chosen |= evidence.began - exclude
    # "Monday's massacre", "the 14 August dispersal": a day that names the event itself.
    value, span = _vote(evidence.event_named, sentence_of, chosen, published, full_only=True)
    if value is None and main:
        # A sentence that says when the event began or happened outranks the days of later
        # figures (a rescue, a second toll) in the figures' own sentences.
        value, span = _vote(evidence.usable, sentence_of, chosen & evidence.began, published, full_only=True,
                            first_told=True)
        if value is not None and prefer is not None:
            # "... slaughtered on Saturday 7 February. [...] On 22 November 2025, militiamen attacked a
            # meeting": a day the figures tell first, months from the day a later sentence says an
            # attack happened, is the report's own event; the later one is recalled
            told, told_span = _vote(evidence.usable, sentence_of, set(prefer) - exclude, published, full_only=True,
                                    first_told=True)
            if told is not None and told_span is not None and span is not None and told_span.start < span.start \
                    and abs(_days_apart(min(told, value), max(told, value))) > _ONE_EVENT_DAYS:
                value, span = told, told_span
    if value is None and prefer is not None:
        value, span = _vote(evidence.usable, sentence_of, (set(prefer) - exclude) | (chosen & evidence.began), published)
    if value is None and main and prefer:
        # "... on the morning of 9 July 2026. Between 26 and 31 people were killed": figures
        # with no date of their own take the full date of the sentence that leads into them,
        # before any date of the sentences that only blame (a group's founding year).
        lead = {min(prefer) - 1} - exclude
        value, span = _vote(evidence.usable, sentence_of, lead, published, full_only=True)
    if value is None:
        value, span = _vote(evidence.usable, sentence_of, chosen, published)
    if not main:
        return value, span
    eventful = set(evidence.eventful) - exclude
    if value is not None and len(value) < 10:
        finer, finer_span = _vote(evidence.usable, sentence_of, eventful, published, full_only=True)
        if finer is not None and abs(int(finer[:4]) - int(value[:4])) <= 1:
            return finer, finer_span
        told = next((m for m in evidence.usable if m.span == span), None)
        # (not when the report itself counts back to it: "five years ago this week" is an anniversary piece's event)
        fresh = _fresh_day(evidence, sentence_of, eventful, published, value) if told is not None \
            and not _YEARS_BACK.search(told.text) else None
        if fresh is not None:
            return fresh.value, fresh.span
        return value, span
    if value is not None:
        return value, span
    everywhere = {sentence_of(m.span.start) for m in evidence.usable} - exclude
    for mentions, where, full_only in ((evidence.usable, eventful, True), (evidence.event_named, everywhere, False),
                                       (evidence.usable, everywhere, True)):
        value, span = _vote(mentions, sentence_of, where, published, full_only=full_only)
        if value is not None:
            return value, span
    return _vote(evidence.report, sentence_of, chosen, published)


# A report's own days: a weekday or "yesterday" this close before the report's date
_FRESH_DAYS = 7


def _fresh_day(evidence: DateEvidence, sentence_of, eventful: set[int], published: str | None,
               coarse: str) -> DateMention | None:
    """ "stopped the coach late on Tuesday" in a report of Wednesday, whose only dated figure is a
    recollection ("In April 2024 ... the abduction of five engineers"): a day the report counts
    from its own date, in a sentence of violence, is the news; a month or year of an earlier
    year is what it recalls."""
    if not published or len(published) < 10 or int(coarse[:4]) >= int(published[:4]):
        return None
    fresh = [m for m in evidence.usable if m.relative and m.value and len(m.value) == 10
             and 0 <= _days_apart(m.value, published[:10]) <= _FRESH_DAYS]
    # (first the days of sentences of violence; else the earliest day the report counts back to)
    return min([m for m in fresh if sentence_of(m.span.start) in eventful] or fresh,
               key=lambda m: (m.value, m.span.start), default=None)


# Days further apart than this, given as often, are two events rather than one event's span.
_ONE_EVENT_DAYS = 14


def _days_apart(first: str, last: str) -> int:
    from datetime import date

    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def _vote(mentions: Iterable[DateMention], sentence_of, chosen: set[int] | None, published: str | None,
          *, full_only: bool = False, first_told: bool = False) -> tuple[str | None, Span | None]:
    full: Counter[str] = Counter()
    months: Counter[str] = Counter()
    years: Counter[str] = Counter()
    spans: dict[str, Span] = {}
    for mention in mentions:
        value = mention.value
        if value is None:
            continue
        if published and value[: len(published)] > published[: len(value)]:
            continue  # an event cannot be dated after the report
        if chosen is not None and sentence_of(mention.span.start) not in chosen:
            continue
        spans.setdefault(value, mention.span)
        (full if len(value) == 10 else months if len(value) == 7 else years)[value] += 1
    for table in (full,) if full_only else (full, months, years):
        if table:
            # ties: the earliest day (an event's first day), or with ``first_told`` the day the
            # text tells first (the report's own event before the ones it recalls)
            value = sorted(table, key=lambda v: (-table[v], spans[v].start if first_told else 0, v))[0]
            return value, spans[value]
    return None, None
