"""Dates in text, resolved against the document's own date: "Sep 1, 2013", "on Monday".

``find_dates`` finds absolute dates in the common English forms ("September 1, 2013",
"1st Sep 2013", "September first, 2013", "2013-09-01", "08-SEP-04", "January 2015",
"in 2009") and relative ones ("on Sunday", "yesterday", "last week", "the sixth
anniversary"), and resolves what it can against ``anchor`` (usually the publication
date). ``find_published`` reads the document's own date from its opening lines.

Decisions (FORMAT.md: "relative dates are resolved against the text's own dates; when
the text never gives the event's year, the date is null"):

- A day and month with no year ("August 14", "Sept. 1") take the year of an adjacent
  dated mention in a range ("between 3 January and 7 January 2015"), else the anchor's
  year, moved back a year if that would fall after the anchor; without an anchor the
  year stays None unless a full date earlier in the text gives it (a yearless day in the
  same year, not before that date's month); "last year" or "this year" right after it ("3 May last year") names the year.
- A month alone after a preposition ("in August") is resolved the same way, month-level.
- Weekdays resolve to the most recent such day on or before the anchor ("last Sunday":
  strictly before; "next Sunday": strictly after).
- "yesterday", "last night" -> anchor - 1 day; "today", "tonight", "this morning" ->
  anchor; "N days ago" -> anchor - N days.
- "last week" / "N weeks ago" -> month-level (the month of anchor - 7N days): a week is
  too coarse for a day and FORMAT.md's coarsest date below a day is the month.
  "last month" -> the previous month, "last year" -> the previous year (year-level);
  "a year ago today", "six months ago today" -> that same day, so many months or years back;
  "five years ago this week" (or "this month") -> that month, so many years back.
- "the sixth anniversary" -> six years before the anniversary: the day and month of a
  date in the same sentence ("This September 1 marks the sixth anniversary ..."), else
  the anchor's own day when the sentence says today/this day, else the year only.
- ``relative`` is True whenever a value came from the anchor or another mention.

Pure regex and ``datetime``: no dateparser, which is ~100x slower and guesses.
"""

from __future__ import annotations

from functools import lru_cache

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from reckon.extract.lexicon import fold
from reckon.model import Span

__all__ = ["DateMention", "find_dates", "find_published"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A date expression in text and what it resolves to (None = unknown)."""

    span: Span
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: bool = False

    @property
    def value(self) -> str | None:
        """ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


# --- vocabulary --------------------------------------------------------------------------
_MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
]  # fmt: skip
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)})
_MONTHS.update({"sept": 9, "febr": 2})
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_WD_NAMES = "monday tuesday wednesday thursday friday saturday sunday".split()

_ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        1,
    )
}
for _i, _w in enumerate("first second third fourth fifth sixth seventh eighth ninth".split(), 1):
    _ORDINAL_WORDS[f"twenty-{_w}"] = 20 + _i
    _ORDINAL_WORDS[f"twenty {_w}"] = 20 + _i
_ORDINAL_WORDS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_ORDINAL_WORDS.update({"fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "hundredth": 100})
_CARDINAL_WORDS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_CARDINAL_WORDS.update({"a": 1, "an": 1})

_CAPS = lambda words: "|".join([*(w.capitalize() for w in words), *(w.upper() for w in words)])  # noqa: E731
_MONTH_FULL = _CAPS(sorted(_MONTH_NAMES, key=len, reverse=True))
# A dot only after an abbreviation: "Sept. 1", but "29 September." ends a sentence.
_MONTH = rf"(?:(?:{_MONTH_FULL})(?![a-z])|(?:{_CAPS(['sept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])})(?![a-z])\.?)"
_WD_FULL = _CAPS(sorted(_WEEKDAYS, key=len, reverse=True))
_WD = rf"(?:{_WD_FULL}|{_CAPS(['tues', 'thurs', 'thur', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])})\.?"
_ORDW = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)).replace(" ", r"\s")
_DAYNUM = r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"
_DAY = rf"(?:{_DAYNUM}|(?i:{_ORDW})\b)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_PRE = rf"(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?"  # "Thursday, April 2"; a bare "the" stays outside the span

# Each pattern is one form; candidates from all patterns are merged longest-first.
_P_ISO = re.compile(rf"(?<![\d-])(?P<year>{_YEAR})[-/](?P<mnum>0?[1-9]|1[0-2])[-/](?P<day>0?[1-9]|[12]\d|3[01])(?![\d-])")
_P_DMY_ABBR = re.compile(rf"(?<![\d-])(?P<day>0?[1-9]|[12]\d|3[01])-(?P<mon>{_MONTH})-(?P<year2>\d{{4}}|\d{{2}})(?![\d-])")
# "7th/11/2021" (East African official style): an ordinal suffix marks the day, so day first.
_P_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<ord>st|nd|rd|th)?[/.](?P<b>\d{1,2})[/.](?P<year>(?:1[89]|20)\d\d)(?![\d/]|\.\d)")
# The lookaheads at the head of _P_MDY and _P_DMY name the characters a match can start
# with (a weekday's, a month's, a digit, an ordinal word's; same matches): they spare the
# engine trying every alternative at every other character, most of the patterns' cost.
# Abbreviations ("Tues", "Sept") start as their full names do.
_WD_FIRST = "".join(sorted({w[0].upper() for w in _WEEKDAYS}))
_MONTH_FIRST = "".join(sorted({w[0].upper() for w in _MONTH_NAMES}))
_ORDW_FIRST = "".join(sorted({w[0].lower() for w in _ORDINAL_WORDS}))
_P_MDY = re.compile(
    rf"(?=[{_WD_FIRST}{_MONTH_FIRST}]){_PRE}(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?:\s*[-–]\s*{_DAY})?"
    rf"(?:(?:,\s*|\s+)(?:of\s+)?(?P<year>{_YEAR}))?"
)
# "19 to 20 September", "12 and 13 November": a span of days is dated by its first day.
_P_DMY = re.compile(
    # ("the night of Saturday 12 to Sunday 13 September": each day of a range may carry its weekday)
    rf"(?=[0-9{_WD_FIRST}]|(?i:[{_ORDW_FIRST}])){_PRE}(?P<day>{_DAY})(?:\s*[-–]\s*(?:{_WD},?\s+)?{_DAY}"
    rf"|\s+(?:to|and)\s+(?:{_WD},?\s+)?{_DAY})?\s+(?:of\s+)?(?P<mon>{_MONTH})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?"
)
_P_MY = re.compile(rf"(?P<mon>{_MONTH}),?\s+(?P<year>{_YEAR})")
# (the word before the month opens a sentence as often as not: "In August, a landmine killed two")
_P_MONTH_ALONE = re.compile(
    rf"\b(?i:in|during|since|by|until|till|through|throughout|early|mid|late|last|this|next|of|from|before|after)"
    rf"[\s-]+(?P<mon>{_MONTH_FULL})\b(?![\s,]+\d)"
)
# ("the early 2010s", "the 1990's": a decade, no year)
_P_YEAR = re.compile(rf"(?<![\d,.$£€#/\w-])(?P<year>{_YEAR})(?!\d|,\d|\.\d|\s*(?:%|percent)|['’]?s\b)")
_P_WEEKDAY = re.compile(
    rf"(?:\b(?P<mod>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious)\s+)?(?<![\w-])(?P<wdname>{_WD_FULL})(?:'s|’s)?\b"
    r"(?!\s+(?:Times|Telegraph|Herald|Mail|Post|Express|Tribune|Independent|Observer|Star|Mirror|Sun|School)\b)"
    # "the town's Friday mosque", "the Sunday market", "Friday sermons": a weekday naming a kind
    # of place or service, which is held every week, is no day of the event
    r"(?!\s+(?:[Mm]osques?|[Mm]arkets?|[Bb]azaars?|[Ss]ermons?|[Ss]chools?)\b)"
)
_NUMW = "|".join(_CARDINAL_WORDS)
_P_RELATIVE = re.compile(
    r"\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|earlier\s+today"
    r"|this\s+(?:morning|afternoon|evening|week|month|year)|last\s+(?:night|week|month|year)"
    rf"|(?P<n>\d{{1,3}}|{_NUMW})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago(?:(?P<sameday>\s+today|\s+this\s+day)|(?P<samemonth>\s+this\s+(?:week|month)))?)\b",
    re.I,
)
_P_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<ordw>{_ORDW})|(?P<ordn>\d{{1,3}})(?:st|nd|rd|th)|(?P<nyear>\d{{1,3}}|{_NUMW})[-\s]year)\s+anniversary\b",
    re.I,
)
_ANNIVERSARY_WORD = re.compile(r"anniversary", re.I)  # no such word: no _P_ANNIVERSARY match to look for
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|during|from|before|after|year|early|late|mid|the|and|to|"
    r"between|circa|spring|summer|autumn|fall|winter|through|throughout|c\.)\s+|mid-|[(\[–]\s*)$",
    re.I,
)
_NUMBER_RANGE_AFTER = re.compile(r"\s*(?:to|-|–|or)\s*(?!1[89]\d\d|20\d\d)\d{3,}")
_COUNT_AFTER = re.compile(
    r"\s*(?:\s(?:more|other|people|persons|civilians|men|women|children|students"
    r"|soldiers|police|were|have|had|are|died|dead|killed|injured|wounded)\b|\s[a-z]+s\b)"
)
_MONEY_OR_ID_BEFORE = re.compile(r"(?:[$£€¥₦]|\b(?:No|Nos|Resolution|Flight|Route|Article|Section)\.?\s*)$")
_RANGE_GAP = re.compile(r"\s*(?:and|to|until|till|through|-|–|—)\s*(?:the\s+)?$", re.I)
_YEAR_SAID_AFTER = re.compile(r",?\s+(?:of\s+)?(last|this)\s+year\b", re.I)
_TODAY_IN_SENTENCE = re.compile(r"\b(?:today|this\s+day|marks)\b", re.I)


def _day_value(token: str) -> int:
    token = " ".join(fold(token).split())
    if token in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[token]
    return int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]


def _month_value(token: str) -> int:
    token = fold(token)
    return _MONTHS[token.rstrip(".")[:4] if token.startswith("sept") else token.rstrip(".")[:3]]


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    try:
        date(year or 2000, month or 1, day or 1)
    except ValueError:
        return False
    return True


# --- candidates --------------------------------------------------------------------------
# A candidate is (start, end, year, month, day, kind, extra); kind says how to resolve.


@lru_cache(maxsize=4)  # the publication date and the dates step both read the same text
def _candidates(text: str) -> tuple[tuple[int, int, int | None, int | None, int | None, str, object], ...]:
    return tuple(_find_candidates(text))


def _find_candidates(text: str) -> list[tuple[int, int, int | None, int | None, int | None, str, object]]:
    out: list[tuple[int, int, int | None, int | None, int | None, str, object]] = []
    for m in _P_ISO.finditer(text):
        out.append((m.start(), m.end(), int(m["year"]), int(m["mnum"]), int(m["day"]), "abs", None))
    for m in _P_DMY_ABBR.finditer(text):
        y = int(m["year2"])
        year = y if y >= 100 else (2000 + y if y < 50 else 1900 + y)
        out.append((m.start(), m.end(), year, _month_value(m["mon"]), int(m["day"]), "abs", None))
    numeric = list(_P_NUMERIC.finditer(text))
    # A document writes its numeric dates one way: "19/05/2026" (day first, the only reading)
    # settles "12/05/2026" in the same document; both orders seen, or neither, settle nothing.
    day_first = {int(m["a"]) > 12 or bool(m["ord"]) for m in numeric if int(m["a"]) > 12 or m["ord"] or int(m["b"]) > 12}
    for m in numeric:
        a, b = int(m["a"]), int(m["b"])
        if (a > 12 or m["ord"]) and b <= 12 and a <= 31:  # day-first is the only reading
            out.append((m.start(), m.end(), int(m["year"]), b, a, "abs", None))
        elif b > 12 >= a:  # month-first is the only reading
            out.append((m.start(), m.end(), int(m["year"]), a, b, "abs", None))
        elif day_first == {True} and a >= 1 and b >= 1:
            out.append((m.start(), m.end(), int(m["year"]), b, a, "abs", None))
        elif day_first == {False} and a >= 1 and b >= 1:
            out.append((m.start(), m.end(), int(m["year"]), a, b, "abs", None))
        # both <= 12 and nothing else in the text: "02/04/2015" is April or February; refuse to guess
    for pattern in (_P_MDY, _P_DMY):
        for m in pattern.finditer(text):
            year = int(m["year"]) if m["year"] else None
            out.append((m.start(), m.end(), year, _month_value(m["mon"]), _day_value(m["day"]),
                        "abs" if year else "md", None))  # fmt: skip
    for m in _P_MY.finditer(text):
        out.append((m.start(), m.end(), int(m["year"]), _month_value(m["mon"]), None, "abs", None))
    for m in _P_MONTH_ALONE.finditer(text):
        out.append((m.start("mon"), m.end("mon"), None, _month_value(m["mon"]), None, "month", None))
    for m in _P_YEAR.finditer(text):
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 30]
        if _MONEY_OR_ID_BEFORE.search(before):
            continue
        if _NUMBER_RANGE_AFTER.match(after) or (not _YEAR_BEFORE.search(before) and _COUNT_AFTER.match(after)):
            continue  # "2000 people", "2000 to 5000 armed men": a count, not a year
        out.append((m.start(), m.end(), int(m["year"]), None, None, "abs", None))
    for m in _P_WEEKDAY.finditer(text):
        mod = fold((m["mod"] or ""))
        start = m.start() if mod else m.start("wdname")
        out.append((start, m.end("wdname"), None, None, None, "weekday", (_WEEKDAYS[fold(m["wdname"])], mod)))
    for m in _P_RELATIVE.finditer(text):
        if fold(m["rel"]) == "today" and text[max(0, m.start() - 4) : m.start()] == "USA ":
            continue
        out.append((m.start(), m.end(), None, None, None, "relative", m))
    for m in _P_ANNIVERSARY.finditer(text) if _ANNIVERSARY_WORD.search(text) else ():
        if m["ordw"]:
            n = _ORDINAL_WORDS[" ".join(fold(m["ordw"]).split())]
        elif m["ordn"]:
            n = int(m["ordn"])
        else:
            n = _CARDINAL_WORDS.get(fold(m["nyear"])) or int(m["nyear"])
        out.append((m.start(), m.end(), None, None, None, "anniversary", n))
    return out


_TITLE_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])")


def _title_year(text: str) -> int | None:
    """The one year a document's title line names, if it names exactly one."""
    title = text.lstrip().split("\n", 1)[0]
    years = set(_TITLE_YEAR.findall(title[:200]))
    return int(years.pop()) if len(years) == 1 else None


def find_dates(text: str, *, anchor: date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, sorted, non-overlapping, resolved where possible."""
    if not text:
        return []
    chosen: list[tuple[int, int, int | None, int | None, int | None, str, object]] = []
    last_end = -1
    for cand in sorted(_candidates(text), key=lambda c: (c[0], -(c[1] - c[0]))):
        if cand[0] >= last_end and _valid(cand[2], cand[3], cand[4]):
            chosen.append(cand)
            last_end = cand[1]
    mentions = [
        DateMention(span=Span(start=s, end=e), text=text[s:e], year=y, month=mo, day=d, relative=False)
        for s, e, y, mo, d, _, _ in chosen
    ]
    mentions = _inherit_range_years(text, mentions, [c[5] for c in chosen])
    resolved = []
    for mention, (_, _, _, _, _, kind, extra) in zip(mentions, chosen):
        resolved.append(_resolve(text, mention, kind, extra, anchor, mentions))
    return [m for m in resolved if m is not None]


def _inherit_range_years(text: str, mentions: list[DateMention], kinds: list[str]) -> list[DateMention]:
    """ "3 January and 7 January 2015": the yearless end takes its partner's year."""
    out = list(mentions)
    for i, mention in enumerate(mentions):
        if kinds[i] != "md":
            continue
        for j in (i + 1, i - 1):
            if not 0 <= j < len(mentions) or kinds[j] != "abs" or mentions[j].month is None:
                continue
            other = mentions[j]
            lo, hi = (mention, other) if j > i else (other, mention)
            if hi.span.start - lo.span.end > 30 or not _RANGE_GAP.fullmatch(text[lo.span.end : hi.span.start]):
                continue
            year = other.year
            assert year is not None and mention.month is not None
            if j > i and mention.month > other.month:
                year -= 1  # "28 December to 3 January 2015"
            elif j < i and mention.month < other.month:
                year += 1
            if _valid(year, mention.month, mention.day):
                out[i] = replace(mention, year=year, relative=True)
                kinds[i] = "abs"
            break
    return out


def _resolve(
    text: str,
    mention: DateMention,
    kind: str,
    extra: object,
    anchor: date | None,
    mentions: list[DateMention],
) -> DateMention | None:
    if kind == "abs" or mention.year is not None:
        return mention
    if kind == "anniversary":
        return _resolve_anniversary(text, mention, int(extra), anchor, mentions)  # type: ignore[call-overload]
    if anchor is None:
        if kind in ("md", "month"):
            # An undated article: "On the night of 3–4 August 2019 ... On 10 August, ..." - a
            # yearless day later in the same year as the full date written last before it.
            before = [m for m in mentions if m.span.end <= mention.span.start and m.year is not None
                      and m.month is not None and not m.relative]
            if before and before[-1].month <= mention.month and _valid(before[-1].year, mention.month, mention.day):
                return replace(mention, year=before[-1].year, relative=True)
            titled = _title_year(text)
            if not before and titled is not None and _valid(titled, mention.month, mention.day):
                # "List of attacks in Osk in 2023 ... 14 January | ...": the title's one year
                # dates the yearless days of a list or a chronology under it
                return replace(mention, year=titled, relative=True)
        return replace(mention, relative=True)
    if kind in ("md", "month"):
        assert mention.month is not None
        year = anchor.year
        said = _YEAR_SAID_AFTER.match(text, mention.span.end)
        if said is not None:
            # "on 3 May last year", "in March this year": the words after the day name its year
            year -= 1 if said.group(1).lower() == "last" else 0
        elif (mention.month, mention.day or 1) > (anchor.month, anchor.day):
            year -= 1
        if not _valid(year, mention.month, mention.day):
            return replace(mention, relative=True)
        return replace(mention, year=year, relative=True)
    if kind == "weekday":
        weekday, mod = extra  # type: ignore[misc]
        if mod == "next":
            delta = -((weekday - anchor.weekday()) % 7 or 7)
        else:
            delta = (anchor.weekday() - weekday) % 7
            if delta == 0 and mod in ("last", "past", "previous"):
                delta = 7
        return _on_day(mention, anchor - timedelta(days=delta))
    assert isinstance(extra, re.Match)
    rel = " ".join(fold(extra["rel"]).split())
    if extra["unit"]:
        n = int(extra["n"]) if extra["n"].isdigit() else _CARDINAL_WORDS[fold(extra["n"])]
        unit = fold(extra["unit"]).rstrip("s")
        if unit == "day":
            return _on_day(mention, anchor - timedelta(days=n))
        if unit == "week":
            return _in_month(mention, anchor - timedelta(days=7 * n))
        if extra["sameday"] and unit in ("month", "year"):
            # "a year ago today": the same day, N months or years back
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 - (n if unit == "month" else 12 * n), 12)
            if _valid(y, mo + 1, anchor.day):
                return _on_day(mention, date(y, mo + 1, anchor.day))
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
            return replace(mention, year=y, month=mo + 1, relative=True)
        if extra["samemonth"]:
            # "five years ago this week": that week's month, N years back (a week is too coarse
            # for a day; the month is FORMAT's next level)
            return replace(mention, year=anchor.year - n, month=anchor.month, relative=True)
        return replace(mention, year=anchor.year - n, relative=True)
    if rel in ("yesterday", "last night"):
        return _on_day(mention, anchor - timedelta(days=1))
    if rel == "the day before yesterday":
        return _on_day(mention, anchor - timedelta(days=2))
    if rel == "last week":
        return _in_month(mention, anchor - timedelta(days=7))
    if rel == "last month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 2, 12)
        return replace(mention, year=y, month=mo + 1, relative=True)
    if rel == "last year":
        return replace(mention, year=anchor.year - 1, relative=True)
    if rel in ("this week", "this month"):
        return _in_month(mention, anchor)
    if rel == "this year":
        return replace(mention, year=anchor.year, relative=True)
    return _on_day(mention, anchor)  # today, tonight, this morning, earlier today


def _on_day(mention: DateMention, day: date) -> DateMention:
    return replace(mention, year=day.year, month=day.month, day=day.day, relative=True)


def _in_month(mention: DateMention, day: date) -> DateMention:
    return replace(mention, year=day.year, month=day.month, day=None, relative=True)


def _resolve_anniversary(
    text: str, mention: DateMention, n: int, anchor: date | None, mentions: list[DateMention]
) -> DateMention:
    start, end = _sentence_bounds(text, mention.span.start)
    dated = [
        m for m in mentions
        if start <= m.span.start < end and m is not mention and m.month is not None and m.day is not None
    ]  # fmt: skip
    if dated:
        nearest = min(dated, key=lambda m: abs(m.span.start - mention.span.start))
        year = nearest.year
        if year is None and anchor is not None:
            year = anchor.year
            if (nearest.month, nearest.day) > (anchor.month, anchor.day):
                year -= 1
        if year is not None and _valid(year - n, nearest.month, nearest.day):
            return replace(mention, year=year - n, month=nearest.month, day=nearest.day, relative=True)
    if anchor is None:
        return replace(mention, relative=True)
    # "Thursday is the third anniversary", written on a Thursday: that day is today.
    weekday_today = re.search(rf"\b{_WD_NAMES[anchor.weekday()]}\b", text[start:end], re.I) is not None
    if (_TODAY_IN_SENTENCE.search(text, start, end) or weekday_today) and _valid(anchor.year - n, anchor.month, anchor.day):
        return replace(mention, year=anchor.year - n, month=anchor.month, day=anchor.day, relative=True)
    return replace(mention, year=anchor.year - n, relative=True)


def _sentence_bounds(text: str, i: int) -> tuple[int, int]:
    starts = [text.rfind(p, 0, i) for p in (". ", "\n", "! ", "? ")]
    start = max(starts) + 1
    ends = [e for e in (text.find(p, i) for p in (". ", "\n", "! ", "? ")) if e != -1]
    return start, min(ends) if ends else len(text)


# --- publication date --------------------------------------------------------------------
_LABEL = re.compile(
    r"^\W{0,3}(?:Published|Posted|Updated|Last\s+updated|First\s+published|Date\s+published|Released"
    r"|Issued|Publication\s+date|Coded|Recorded|Last\s+modified)\b",
    re.I,
)
# ("SÉVARÉ, Mali, March 19, 2025", "BOGOTÁ, 3 May": a town's accented capitals too;
# "NAIROBI / GENEVA, 3 May 2026 –": a joint release names each office it is filed from)
_UP, _LETTER = "A-ZÀ-ÖØ-Þ", "A-Za-zÀ-ÖØ-öø-ÿ"
_DATELINE = re.compile(
    rf"^\W{{0,3}}(?:[{_UP}][{_LETTER}.'’ -]{{1,40}}?|[{_UP}]{{2,}}(?:(?:[ -]|[ ]?/[ ]?)[{_UP}]{{2,}})*)(?:,\s*[{_UP}][{_LETTER}. ]{{1,30}})?,\s+$"
)
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)\n]{2,40}\)\s*)?[-–—:]")
_AGENCY_AFTER = re.compile(r"^\s*\([^)\n]{2,40}\)\s*[-–—]\s")
_PLACE_AFTER = re.compile(r"^\s+[A-Z][A-Za-z .'’-]{1,30}:")  # " date 2019-12-19 Manila:"
_OCCASION = re.compile(
    r"^\W{0,3}(?:Speech|Statement|Remarks|Address|Press\s+(?:release|statement|briefing)|Testimony"
    r"|Briefing|Keynote|Lecture|Opening\s+remarks)\b",
    re.I,
)
_RESIDUE = re.compile(
    # "Updated 2 hours ago", "4 min read": a page's freshness and reading-time stamps beside its date
    r"\b\d{1,3}\s+(?:hours?|hrs?|minutes?|mins?|days?)\s+ago\b|\b\d{1,3}[- ]min(?:ute)?s?\s+read\b|"
    r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b(?:on|at|by|posted|published|updated|date|am|pm|gmt|utc)\b"
    r"|[|•·*/–—,()-]|\bby\s+[A-Z][\w.&' -]{0,40}/",
    re.I,
)


_DIGIT = re.compile(r"\d")


def find_published(text: str) -> tuple[str, Span] | None:
    """The document's own publication date, from its opening lines only, or None.

    In order of trust: a labelled date ("Published: ...", "Posted at ...", "Updated
    ..."), a dateline ("NAIROBI, 2 April 2015 –"), a line that is a date and nothing
    else among the first six non-empty lines ("by Outlet / 15 March, 2019"), an
    occasion line near the top ("Speech delivered ... 5 November 2015"), and a date in
    parentheses ending the first prose paragraph ("(08-SEP-04)"). A date needs a year:
    "KABUL, Nov 5 (Reuters) -" alone gives None. "Date:" lines are not read: they are
    the event's date in infoboxes.
    """
    head = text[:4000]
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", head)]
    nonempty = [(s, line) for s, line in lines if line.strip()]
    dated_lines = []
    for s, line in nonempty[:40]:
        # Every form with a year is written with digits: a line without one is not read.
        found = [d for d in find_dates(line) if d.year is not None and d.month is not None] if _DIGIT.search(line) else []
        dated_lines.append((s, line, found))
    memo = _memo_date(dated_lines)
    if memo is not None:
        return memo
    for rule in (_by_label, _by_dateline, _by_lone_line, _by_outlet_line, _by_separated_field, _by_occasion,
                 _by_period_line):
        for index, (s, line, found) in enumerate(dated_lines):
            hit = rule(index, line, found)
            if hit is not None:
                ended = _DAY_RANGE.match(hit.text)
                if ended and hit.value and _valid(hit.year, hit.month, int(ended.group(1))):
                    # "Weekly roundup | 1–7 January 2024": a digest is issued when the period it covers ends
                    return f"{hit.value[:8]}{int(ended.group(1)):02d}", hit.span.shift(s)
                return hit.value or "", hit.span.shift(s)  # type: ignore[return-value]
    return _by_parenthesis(head)


_DAY_RANGE = re.compile(r"\d{1,2}\s*[–-]\s*(\d{1,2})\s+[A-Za-z]")
# "Ref: PGHQ/PR/114/2026 / Date: 09 September 2026": a memo's or a press statement's header
# dates the document itself, unlike an infobox's "Date" line, which no reference line flanks.
_MEMO_DATE = re.compile(r"^[ \t]*Date[ \t]*:")
_MEMO_FIELD = re.compile(r"^[ \t]*(?:Ref(?:erence)?\.?|Our[ ]ref\.?|Your[ ]ref\.?|Subject|From|To|Release[ ]No\.?|"
                         r"Press[ ]Release[ ]No\.?|Statement[ ]No\.?|Case[ ]number|File[ ]No\.?)[ \t]*[:.]", re.IGNORECASE)


def _memo_date(dated_lines: list) -> tuple[str, Span] | None:
    for index, (start, line, found) in enumerate(dated_lines):
        if not found or not _MEMO_DATE.match(line) or found[0].day is None:
            continue
        near = dated_lines[max(0, index - 2):index] + dated_lines[index + 1:index + 3]
        if any(_MEMO_FIELD.match(other) for _, other, _ in near):
            return found[0].value or "", found[0].span.shift(start)
    return None


# "Weekly summary: 3-9 February 2025 | Issued Monday 10 February 2025": a label after a
# separator dates the document, though the line opens on the period it covers.
_SEPARATED_LABEL = re.compile(r"[|•·]\s*(?=\S)")


def _by_label(index: int, line: str, found: list[DateMention]) -> DateMention | None:
    if not found or index >= 12:
        return None
    if _LABEL.match(line):
        return found[0]
    for separator in _SEPARATED_LABEL.finditer(line):
        if _LABEL.match(line[separator.end():]):
            after = [d for d in found if d.span.start >= separator.end()]
            return after[0] if after else None
    return None


def _by_dateline(index: int, line: str, found: list[DateMention]) -> DateMention | None:
    if not found or index >= 20:
        return None
    first = found[0]
    before, after = line[: first.span.start], line[first.span.end :]
    if _DATELINE.match(before) and _DATELINE_AFTER.match(after):
        return first
    if re.fullmatch(r"\W{0,3}(?:date\s+)?", before, re.I) and _PLACE_AFTER.match(after):
        return first
    if not before.strip() and _AGENCY_AFTER.match(after):
        return first  # "June 14, 2025 (Agency) - Six ...": a dateline without a place
    if _BRACKETED_BEFORE.fullmatch(before) and _BRACKETED_AFTER.match(after):
        return first  # "GENEVA (20 September 2024) – The ...": a UN release's dateline
    return None


_BRACKETED_BEFORE = re.compile(r"\W{0,3}[A-Z][A-Za-z.'’ -]{1,40}?\s*\(")
_BRACKETED_AFTER = re.compile(r"\)\s*[-–—:]")


# "Date: ...", "Event date: ...": an infobox's or an incident record's date of the event.
_EVENT_DATE_LINE = re.compile(r"\W{0,3}(?:(?:Event|Incident|Attack)[ ]+date|Date)(?![a-z])")


def _by_lone_line(index: int, line: str, found: list[DateMention]) -> DateMention | None:
    if index >= 6 or len(found) != 1 or len(line) > 80 or _EVENT_DATE_LINE.match(line):
        return None
    d = found[0]
    residue = _RESIDUE.sub(" ", line[: d.span.start] + " " + line[d.span.end :])
    return d if len(residue.split()) <= 2 else None


# "—Amina Bello, a market trader, March 9, 2010.": who said an epigraph, and when.
_EPIGRAPH = re.compile(r"\s*[—–―]\s*[A-Z]")


def _by_outlet_line(index: int, line: str, found: list[DateMention]) -> DateMention | None:
    """ "Le Courrier de l'Est, Friday 3 March 2023", "Sahel Daily Record | 10 Feb 2022": an
    outlet's name, a separator and the date closing a short line near the top."""
    if index >= 6 or len(found) != 1 or len(line) > 90 or found[0].day is None or _EPIGRAPH.match(line):
        return None
    d = found[0]
    before, after = line[: d.span.start], line[d.span.end :]
    if after.strip(" .") or not re.search(r"[,|–—-]\s*$", before) or len(before.split()) > 7:
        return None
    return d


# A field of a page's metadata line: "Source: Agency | 2025-09-14 21:40:12 | Editor: Name".
_FIELD_SEPARATOR = re.compile(r"\s*[|•·]\s*")  # "Source: Agency| 2025-09-14 21:40:12|Editor: Name" too
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b(?:GMT|UTC)(?:[+-]\d{1,2})?\b", re.I)


def _by_separated_field(index: int, line: str, found: list[DateMention]) -> DateMention | None:
    """ "Source: Agency | 2025-09-14 21:40:12 | Editor: Name": near the top, a line of fields
    between separators, one of which is a full date (and a clock time) and nothing else."""
    if index >= 6 or len(line) > 160 or _EVENT_DATE_LINE.match(line):
        return None
    start = 0
    for field in [*_FIELD_SEPARATOR.split(line)]:
        begin = line.index(field, start)
        start = begin + len(field)
        inside = [d for d in found if begin <= d.span.start and d.span.end <= start and d.day is not None]
        if len(inside) != 1:
            continue
        d = inside[0]
        rest = _CLOCK.sub(" ", line[begin:d.span.start] + " " + line[d.span.end:start])
        if len(_FIELD_SEPARATOR.split(line)) > 1 and not rest.strip(" ,.-"):
            return d
    return None


def _by_period_line(index: int, line: str, found: list[DateMention]) -> DateMention | None:
    """ "Week 18: 29 April – 5 May 2024" near the top: a digest of that period, issued at its end."""
    if index >= 6 or len(found) != 2 or len(line) > 120 or found[1].day is None or found[1].relative \
            or _EVENT_DATE_LINE.match(line) or re.match(r"\W{0,3}[A-Z][a-z]+\s*:\s*\d", line):
        return None  # ("Date: ...", "Time: ..." field lines date the event, not the document)
    between = line[found[0].span.end:found[1].span.start]
    return found[1] if re.fullmatch(r"\s*[–—-]\s*|\s+to\s+", between) else None


def _by_occasion(index: int, line: str, found: list[DateMention]) -> DateMention | None:
    if not found or index >= 8 or len(line) > 200 or not _OCCASION.match(line):
        return None
    return found[-1] if found[-1].day is not None else None


_PAREN_DATE = re.compile(r"\(([^()\n]{6,30})\)[ \t]*(?=\n|$)")


def _by_parenthesis(head: str) -> tuple[str, Span] | None:
    para = re.search(r"[^\n]{100,}", head)  # the first prose paragraph, not a heading
    if para is None:
        return None
    m = _PAREN_DATE.search(head, para.start(), para.end() + 1)
    if m is None:
        return None
    inner = find_dates(m.group(1))
    if len(inner) == 1 and inner[0].text == m.group(1).strip() and inner[0].day is not None:
        return inner[0].value or "", inner[0].span.shift(m.start(1))
    return None
