"""Number expressions: "fifty-two", "forty- two", "1,095", "at least 23", "dozens".

``parse_number`` turns one number phrase into an int; ``parse_quantity`` turns a hedged
phrase into FORMAT.md's ``(min, max)``; ``find_quantities`` finds every number phrase in
running text, with its hedge, and leaves out the numbers that count no one: dates,
times, money, percentages, ordinals, ages, durations, measures, phone numbers,
addresses and identifiers ("School No. 1", "Resolution 2334", "COVID-19").

Bounds follow FORMAT.md, and where it is silent the same logic is extended:

- exact or approximate ("about", "some", "an estimated", "N or so")  -> (N, N)
- "at least", "no fewer than", "N or more", "N+", "N-plus"             -> (N, None)
- "more than", "over", "above", "in excess of", "upwards of"            -> (N + 1, None)
- "up to", "as many as", "not more than", "nearly", "almost", "close to" -> (None, N)
- "fewer than", "less than", "under", "below"                          -> (None, N - 1)
- ranges "between 40 and 50", "40 to 50", "40-50", and "40 or 50"       -> (40, 50);
  "40 or 50" is read as a loose range (reporters write "30 or 40 people" for an
  estimate), ordered low to high. A hedge applies to the range's ends.
- "from 22 to 46" after a verb of change ("the toll rose from 22 to 46") is a running
  toll, not a range: the two figures come back as two quantities.
- vague plurals give a floor of two units and no ceiling: "dozens" 24, "scores" 40,
  "hundreds" 200, "thousands" 2000, "tens of thousands" 20 000, "hundreds of thousands"
  200 000, "millions" 2 000 000; "several/a few hundred" reads like "hundreds".
- "several", "many", "a number of" are no quantity at all.

Everything is regular expressions compiled once at import: ``find_quantities`` runs
over every sentence of every document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from reckon.extract.lexicon import fold
from reckon.model import Span

__all__ = ["Quantity", "find_quantities", "parse_number", "parse_quantity", "restated_figures"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A number phrase in text: what it says and the bounds it gives.

    ``span`` covers the hedge and the number ("at least 23"); ``value`` is the figure
    stated (the upper figure of a range; None for a vague plural like "dozens");
    ``min``/``max`` follow FORMAT.md (None = unbounded). ``maybe_age`` marks a bare
    number set off by commas after a name ("Jane Doe, 34, said"), which is usually an
    age: the caller decides.
    """

    span: Span
    text: str
    value: int | None
    min: int | None
    max: int | None
    hedge: str | None = None
    is_vague: bool = False
    is_range: bool = False
    maybe_age: bool = False
    one_person: bool = False  # "a security guard": one person named by who they were
    # "the suspect was taken into custody": the one attacker the story is about, a count only
    # of his arrest (FORMAT counts one person as 1)
    the_attacker: bool = False


# --- number words -----------------------------------------------------------------------

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGIT_SCALES = {**_SCALES, "mn": 1_000_000, "bn": 1_000_000_000}

# Longest alternatives first so "seventeen" is not read as "seven" + garbage.
_U1 = "one|two|three|four|five|six|seven|eight|nine"
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN = "|".join(sorted(_TENS, key=len, reverse=True))
# "forty-two", "forty two", "forty- two" (a hyphen broken over a line or by OCR).
_SMALL = rf"(?:(?:{_TEN})\b(?:(?:[ \t]*-\s*|[ \t]+)(?:{_U1})\b)?|(?:{_UNIT})\b)"
_HUND = rf"(?:(?:{_SMALL}|a)\s+hundred\b(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
_SCALE = r"(?:thousand|million|billion)\b"
_BIG = (
    rf"(?:(?:{_HUND}|a)\s+{_SCALE}(?:\s+(?:and\s+)?{_HUND}\s+{_SCALE})*"
    rf"(?:\s+(?:and\s+)?{_HUND})?)"
)
_DOZ = rf"(?:half\s+a\s+dozen\b|(?:{_SMALL}|a)\s+dozen\b|dozen\b)"
_HALF = r"(?:half\s+a\s+(?:hundred|thousand|million|billion)\b)"
_WORDS = rf"(?<![\w-])(?:{_HALF}|{_DOZ}|{_BIG}|{_HUND})"

# Digits: "52", "1,095", "1 095" (also with no-break or thin spaces), "1.5 million".
_SP = " \u00a0\u202f\u2009"
_DIGCORE = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_SP}]\d{{3}})+(?![\d,])|\d+)"
    r"(?:\.\d+)?(?:\s*(?:million|billion|thousand|mn|bn)\b)?"
)
_DIG_AFTER = r"(?!\w)(?![.,:/]\d)"
_DIG = rf"(?:(?<=\(\+)|(?<![\w$£€¥₦₹₱#@/+:.,\-–])){_DIGCORE}{_DIG_AFTER}"
_NUM = rf"(?:{_DIG}|{_WORDS})"

_RANGE = (
    rf"between\s+(?P<ra>{_NUM})\s+and\s+(?P<rb>{_NUM})"
    rf"|(?P<rfrom>from\s+)?(?P<rc>{_NUM})\s+to\s+(?P<rd>{_NUM})"
    rf"|(?P<re>{_DIG})\s*[-–—]\s*(?P<rf>{_DIGCORE}{_DIG_AFTER})"
    rf"|(?P<rg>{_NUM})\s+or\s+(?P<rh>{_NUM})"
)

_VAGUE = (
    r"(?<![\w-])(?:(?:several|a\s+few|few|many)\s+(?:dozen|hundred|thousand|million)\b"
    r"|(?:tens|hundreds)\s+of\s+thousands\b|(?:dozens|scores|hundreds|thousands|millions)\b)"
)
_VAGUE_FLOOR = {
    "dozen": 24, "score": 40, "hundred": 200, "thousand": 2_000, "million": 2_000_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000,
}  # fmt: skip

# --- hedges ------------------------------------------------------------------------------
# Each family maps a hedge to a rule on (low, high); see the module docstring.
_H_MIN = r"at\s+least|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|a\s+minimum\s+of|minimum\s+of"
_H_MORE = (
    r"(?:well|just|slightly|far|much)\s+(?:over|above|more\s+than)|more\s+than|over|above"
    r"|in\s+excess\s+of|upwards?\s+of|greater\s+than|exceeding"
)
_H_MAX = (
    r"up\s+to|as\s+many\s+as|as\s+high\s+as|as\s+much\s+as|not\s+more\s+than|no\s+more\s+than"
    r"|not\s+(?:yet\s+|so\s+far\s+)?exceed(?:ed|ing|s)?|never\s+exceeded|at\s+(?:the\s+)?most"
    r"|a\s+maximum\s+of|maximum\s+of|nearly|almost|close\s+to"
)
_H_UNDER = r"(?:just\s+)?(?:under|below)|fewer\s+than|less\s+than"
_H_APPROX = (
    r"about|around|some|roughly|approximately|approx\.|an\s+estimated|estimated|circa"
    r"|an\s+approximate|approximate|in\s+the\s+region\s+of"
)
# An outer hedge may carry an inner approximation: "as high as about 150".
_HEDGE = (
    rf"(?<![\w-])(?:(?:{_H_MIN}|{_H_MORE}|{_H_MAX}|{_H_UNDER})(?:\s+(?:{_H_APPROX}))?"
    rf"|(?:{_H_APPROX}))"
)
_SUFFIX = r"\s*\+(?!\d)|[-\s]plus\b|\s+or\s+more\b|\s+or\s+so\b|\s+or\s+(?:fewer|less)\b|[-\s]odd\b"

_MASTER = re.compile(
    # every alternative starts a word: checking that once first rejects mid-word positions fast
    # not inside a word, a sum of money, a signed or decimal number; but "(+2 perpetrators)"
    # after an infobox's toll adds the attackers' dead
    rf"(?:(?<=\(\+)|(?<![\w$£€¥₦₹₱#@/+:.,\-–]))(?:(?P<hedge>{_HEDGE})\s+)?"
    rf"(?:(?P<range>{_RANGE})(?P<rsuffix>\s*\+(?!\d)|[-\s]plus\b)?|(?P<vague>{_VAGUE})|(?P<num>{_NUM})(?P<suffix>{_SUFFIX})?)",
    re.IGNORECASE,
)
_HEDGE_FAMILY = [
    (re.compile(rf"(?:{_H_MIN})\b", re.I), "min"),
    (re.compile(rf"(?:{_H_MORE})\b", re.I), "more"),
    (re.compile(rf"(?:{_H_MAX})\b", re.I), "max"),
    (re.compile(rf"(?:{_H_UNDER})\b", re.I), "under"),
]

# --- what a number must not be -----------------------------------------------------------
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_ANY = rf"(?:{_MONTH}|{_MONTH.upper()})\.?"
_ORD = r"(?:st|nd|rd|th)?"
# Spans that hold no count: masked before numbers are read. Month names are
# case-sensitive so the verbs "may" and "march" do not hide a figure.
_FILE_NAME = r"[\w.-]*\d[\w.-]*\.(?:png|jpe?g|gif|svg|webp|pdf|docx?|xlsx?|html?|mp4)\b"
_MASK = re.compile(
    "|".join(
        [
            # (a date does not run over a line break: "... kills 20" over a "May 5, 2026" line is a figure)
            rf"\b\d{{1,2}}{_ORD}(?:\s*[-–]\s*\d{{1,2}}{_ORD})?[^\S\n]+(?:of\s+)?{_MONTH_ANY}(?!\w)(?:,?\s+\d{{4}}\b)?",
            rf"\b{_MONTH_ANY}[^\S\n]+\d{{1,2}}{_ORD}\b(?:\s*[-–]\s*\d{{1,2}}{_ORD}\b)?(?:,?\s+\d{{4}}\b)?",
            rf"\b{_MONTH_ANY}\s*,?\s+\d{{4}}\b",
            r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,4}/\d{1,4}\b",
            # times: "9:30", "05:23 PM", "9 am", "10.30 p.m.", "1400 GMT", "0530 hours"
            r"\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?",
            r"\b\d{1,2}(?:[.]\d{2})?\s*(?:[aApP]\.[mM]\.|[aApP][mM]\b|o'clock\b)",
            r"\b\d{4}\s*(?:GMT|UTC|hours|hrs|local\s+time)\b",
            # phone numbers
            r"\+\d[\d\s().-]{6,}\d|\(\d{2,4}\)\s*\d{3,4}[\s.-]?\d{3,4}",
            r"\b\d{3}[.-]\d{3,4}[.-]\d{4}\b|\b0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}\b",
            # street addresses
            r"\b\d{1,5}[a-zA-Z]?\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|"
            r"Drive|Boulevard|Blvd|Way|Crescent|Terrace|Court|Close|Parade)\b",
            # citations "[12]", section signs, hashes
            r"\[\d+\]|§\s*\d+|#\d+",
            # file names: "map-01.png"
            _FILE_NAME,
        ]
    )
)
# A text without a file extension holds no file name; then every other form starts with a
# digit, a month's capital, "+", "(", "[", "§" or "#", and the lookahead saying so spares
# the engine trying each form at every other character (same spans, a tenth of the time).
_FILE_EXTENSION = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|pdf|docx?|xlsx?|html?|mp4)\b")
_MASK_NO_FILES = re.compile(r"(?=[\dJFMASOND+(\[§#])(?:" + _MASK.pattern.removesuffix("|" + _FILE_NAME) + ")")
_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s*cent\b|pct\b|percentage\b)", re.I)
_COMPOUND = re.compile(r"-(?!plus\b|odd\b)[^\W\d_]", re.I)  # "16-year-old", "two-hour", "one-third"
_UNIT_AFTER = re.compile(
    r"\s*-?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?"
    r"|decades?|centuries|century|nights?|fortnights?|times|km|kms|kilomet(?:er|re)s?|miles?"
    r"|met(?:er|re)s?|feet|foot|ft|yards?|kg|kgs|kilo(?:gram)?s?|grams?|tons?|tonnes?|acres?"
    r"|hectares?|sq|square\s+(?:km|miles?|met)|degrees?|°|mm|cm|inch(?:es)?|mph|km/h|kph"
    r"|litres?|liters?|gallons?|barrels?|calibre|caliber|megawatts?|mw|gb|mb|kb|bytes?"
    r"|votes?|points?|goals?|runs?|wickets?|seats?)\b",
    re.I,
)
_CURRENCY_WORD = (
    r"dollars?|pounds?|euros?|naira|shillings?|rupees?|pesos?|yuan|rubles?|roubles?|dinars?|"
    r"riyals?|rials?|francs?|cedis?|rand|yen|lira|afghanis?|taka|birr|usd|eur|gbp|kes|ngn|php"
)
_MONEY_AFTER = re.compile(rf"\s*(?:(?:{_CURRENCY_WORD})\b|\s+of\s+(?:US\s+)?(?:{_CURRENCY_WORD})\b)", re.I)
_MONEY_BEFORE = re.compile(
    r"(?:[$£€¥₦₹₱]|\b(?:US|A|C|NZ|HK|S)\$|\b(?:USD|EUR|GBP|Rs\.?|INR|KES|KSh|Ksh|Sh\.?|NGN|PHP"
    r"|EGP|LE|AED|SAR|IQD|AFN|RUB|ZAR)\s?)\s*$"
)
_VAGUE_OF = re.compile(
    rf"\s+of\s+(?:(?:{_CURRENCY_WORD})|years|times|miles|kilomet\w+|met\w+|hours|days|weeks"
    r"|months|pages|documents|files|dollars'|rounds|bullets|tons|tonnes|litres|acres|hectares)\b",
    re.I,
)
_SCORES_OK = re.compile(
    r"\s+(?:of|dead|killed|injured|wounded|hurt|more|were|was|have|had|died|are|others|missing)\b", re.I
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|ageing|aging)\s+(?:of\s+)?(?:between\s+|from\s+)?$", re.I)
# A number right after one of these words labels a thing ("Resolution 2334", "Gate 3").
# Words that also end ordinary phrases before a count ("in this case 20 died", "last
# year 20 died", "a group 30 strong") are left out on purpose.
_IDENT_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|NO|Art|Sec|Res|Ch|Vol|Fig|Para|Pt|Op|Mk|Tel|Ext|Rev)\.\s*$"
    r"|\bNo\s+$|\b(?:number|article|section|resolution|chapter|page|pages|flight|route|highway"
    r"|road|room|building|block|gate|ward|sector|zone|phase|decree|volume|paragraph|rule|item"
    r"|platform|terminal|bus|train|precinct|pier|apartment|suite|floor|plot|model|version|annex"
    r"|appendix|table|figure|update|episode|season|stage|exhibit|protocol|amendment|cell|grade"
    r"|category|tier|brigade|battalion|regiment|squadron|surah|sura|verse|psalm|track|berth"
    r"|camp|kilometre|km|sheet|clause|schedule)\s*#?\s*$)",
    re.I,
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|during|from|before|after|year|years|early|late|mid|the|"
    r"and|to|between|circa|spring|summer|autumn|fall|winter|around|through|throughout|c\.)\s+"
    r"|mid-|[(\[–-]\s*)$",
    re.I,
)
_COUNT_AFTER = re.compile(
    r"\s+(?:(?:more|other|people|persons|civilians|men|women|children|students|soldiers|police"
    r"|were|have|had|are|died|dead|killed|injured|wounded)\b|[a-z]+s\b)"
)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|increased|increasing|jumped|grew|went\s+up|"
    r"raised|revised|upped|soared|fell|dropped|decreased|lowered|down)\b[^.]{0,40}$",
    re.I,
)
_ONE_NOT = re.compile(r"\b(?:no|any|every|each|some|the|this|that|which)\s+$", re.I)
_ONE_AFTER_NOT = re.compile(r"\s+(?:another|by\s+one|or\s+another|or\s+the\s+other)\b", re.I)
_ENUMERATOR = re.compile(r"(?:^|\n)[ \t]*$")
_PREPOSITION_OF = re.compile(r"(?:under|below|over|above)$", re.I)
_APPOSITION = re.compile(r"\b[A-Z][\w'.-]+,\s*$")
_CAP_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")  # same line: a line break ends a name


def parse_number(text: str) -> int | None:
    """The integer a number phrase states, or None if it is not one.

    >>> parse_number("forty- two"), parse_number("1,095"), parse_number("1.5 million")
    (42, 1095, 1500000)
    """
    if not isinstance(text, str):
        return None
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").split())
    if not text:
        return None
    if text[0].isdigit():
        return _parse_digits(text)
    return _parse_words(fold(text))


_DIGITS_FULL = re.compile(
    r"(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.(\d+))?(?:\s*(million|billion|thousand|mn|bn))?",
    re.I,
)


def _parse_digits(text: str) -> int | None:
    m = _DIGITS_FULL.fullmatch(text)
    if not m:
        return None
    whole, frac, scale = m.groups()
    try:
        number = Decimal(whole.replace(",", "").replace(" ", "") + ("." + frac if frac else ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    if scale:
        number *= _DIGIT_SCALES[fold(scale)]
    if number != number.to_integral_value():
        return None  # "3.5" counts no whole people
    return int(number)


def _parse_words(text: str) -> int | None:
    """Read English number words; refuses ill-formed sequences ("two forty", "one two")."""
    tokens = re.sub(r"\s*-\s*", " ", text).replace(",", " ").split()
    if tokens[:2] == ["half", "a"] and len(tokens) == 3:
        whole = _parse_words("a " + tokens[2])
        return whole // 2 if whole and tokens[2] in ("dozen", "hundred", "thousand", "million", "billion") else None
    total, current = 0, 0
    last = None  # kind of the previous token
    last_scale = 10**13
    seen = False
    for i, tok in enumerate(tokens):
        if tok == "and":
            if last not in ("hundred", "scale"):
                return None
            continue
        if tok == "a":
            if i != 0:
                return None
            current, last = 1, "a"
            continue
        if tok in _UNITS:
            value = _UNITS[tok]
            if last == "a" or last in ("unit",) or (last == "tens" and not 1 <= value <= 9):
                return None
            if value == 0 and len(tokens) > 1:
                return None
            current += value
            last, seen = "unit", True
        elif tok in _TENS:
            if last in ("a", "unit", "tens") or current % 100:
                return None
            current += _TENS[tok]
            last, seen = "tens", True
        elif tok == "hundred":
            if not 1 <= current <= 99 or last == "hundred":
                return None
            current *= 100
            last, seen = "hundred", True
        elif tok == "dozen":
            if i != len(tokens) - 1 or current > 99 or total:
                return None
            return (current or 1) * 12
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if current == 0 or scale >= last_scale:
                return None
            total += current * scale
            current, last, last_scale, seen = 0, "scale", scale, True
        else:
            return None
    if not seen or last == "a":
        return None
    return total + current


# "fifteen-year-old", "15 year old", "six-month-old": the number before it is someone's age
_AGE_AFTER = re.compile(r"[\s-]*(?:year|month|week|day)s?[\s-]+old\b", re.IGNORECASE)


def parse_quantity(text: str) -> tuple[int | None, int | None] | None:
    """FORMAT.md's ``(min, max)`` for the first number phrase in ``text``; None if none.

    >>> parse_quantity("at least 23"), parse_quantity("over 700"), parse_quantity("dozens")
    ((23, None), (701, None), (24, None))
    """
    if not isinstance(text, str):
        return None
    for m in _MASTER.finditer(text):
        if _AGE_AFTER.match(text, m.end()):
            continue  # "a fifteen-year-old girl": an age, not how many
        bounds = _bounds(m)
        if bounds is not None:
            return bounds[1], bounds[2]
    if _ONE_PERSON.fullmatch(text.strip()) or _ONE_MORE.fullmatch(text.strip()) or _THE_ATTACKER.fullmatch(text.strip()):
        return 1, 1  # "a security guard", "(wounded) a third", "the suspect (was arrested)": one person
    return None


def _hedge_family(hedge: str | None) -> str | None:
    if not hedge:
        return None
    for pattern, family in _HEDGE_FAMILY:
        if pattern.match(hedge):
            return family
    return "approx"


def _bounds(m: re.Match[str]) -> tuple[int | None, int | None, int | None] | None:
    """(value, min, max) of one master match, or None if its numbers do not parse."""
    family = _hedge_family(m.group("hedge"))
    if m.group("vague"):
        return None, _vague_floor(m.group("vague")), None
    if m.group("range"):
        pair = _range_pair(m)
        if pair is None:
            return None
        low, high = pair
    else:
        value = parse_number(m.group("num"))
        if value is None:
            return None
        low = high = value
        suffix = fold((m.group("suffix") or "").strip())
        if suffix in ("+", "plus", "-plus", "or more"):
            return value, value, None
        if suffix.startswith("or ") and suffix != "or so":  # "or fewer", "or less"
            return value, None, value
    if family == "min":
        return high, low, None
    if family == "more":
        return high, low + 1, None
    if family == "max":
        return high, None, high
    if family == "under":
        return (high, None, high - 1) if high > 0 else None
    if m.group("rsuffix"):
        return high, low, None  # "150–2,000+": the top is open
    return high, low, high


def _range_pair(m: re.Match[str]) -> tuple[int, int] | None:
    for a, b in (("ra", "rb"), ("rc", "rd"), ("re", "rf"), ("rg", "rh")):
        if m.group(a) is not None:
            low, high = parse_number(m.group(a)), parse_number(m.group(b))
            if low is None or high is None:
                return None
            if a == "re" and low >= high:
                return None  # "3-1" is a score, "2014-2013" nothing
            # "between three and five hundred": the scale word serves both ends
            scale = _scale_word(m.group(b))
            if scale and low < high and not _scale_word(m.group(a)) and low * scale <= high:
                low *= scale
            return min(low, high), max(low, high)
    return None  # pragma: no cover


def _scale_word(number: str) -> int | None:
    last = fold(number).split()[-1] if number.strip() else ""
    return {"hundred": 100, **_DIGIT_SCALES}.get(last)


def _vague_floor(text: str) -> int:
    words = " ".join(fold(text).split())
    if words in _VAGUE_FLOOR:
        return _VAGUE_FLOOR[words]
    last = words.split()[-1].rstrip("s")
    return _VAGUE_FLOOR[last]


# --- finding -----------------------------------------------------------------------------


# Encyclopedia infoboxes lose the space between a field's label and its value when copied
# as text ("Injured300+", "DeathsAt least 71", "Casualties12 killed"): a capitalised
# word opening a line and running straight into a digit or a capitalised hedge is a label.
_GLUED_LABEL = re.compile(
    r"(?m)^[ \t•*-]*[A-Z][a-z]+(?=\d|(?:At\s+least|Over|More\s+than|Up\s+to|About|Around|Nearly|Almost"
    r"|Approximately|Some|Fewer\s+than|Less\s+than|As\s+many\s+as)\b)"
)


def _unglue_labels(text: str) -> str:
    """``text`` with a blank between a glued infobox label and its value (same length)."""
    return _GLUED_LABEL.sub(lambda m: m.group(0)[:-1] + " ", text)


# Official statements write a figure twice, in words then digits: "twenty one (21)
# students", "two (2) of the abducted". The digits in brackets restate the words; read
# as a second figure they double every count, and the bracket breaks the parse of the
# clause around it.
_BRACKETED_DIGITS = re.compile(r"\((\d{1,3}(?:,\d{3})+|\d{1,6})\)")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z]+(?:[ \t]*-[ \t]*|[ \t]+)){0,4}[A-Za-z]+)[ \t]*$")


_BRACKETED_WORDS = re.compile(r"(?<![\w.,])(?P<digits>\d{1,6})[ \t]*(?P<bracket>\((?P<words>[A-Za-z]+(?:[ \t-]+[A-Za-z]+){0,4})\))")


def restated_figures(text: str) -> list[tuple[int, int]]:
    """Character ranges of bracketed digits that restate the number words just before them."""
    found: list[tuple[int, int]] = []
    for m in _BRACKETED_DIGITS.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        value = int(m.group(1).replace(",", ""))
        words = re.split(r"([ \t]+)", before.group(1))[::2]
        if any(parse_number(" ".join(words[i:])) == value for i in range(len(words))):
            found.append(m.span())
    for m in _BRACKETED_WORDS.finditer(text):
        # "6 (six) of our comrades", "14 (fourteen) terrorists": the digits first, the words restating them
        if parse_number(m.group("words")) == int(m.group("digits")):
            found.append(m.span("bracket"))
    return sorted(found)


def find_quantities(text: str) -> list[Quantity]:
    """Every number phrase in ``text`` that could count people, sorted and non-overlapping."""
    if not text:
        return []
    text = _unglue_labels(text)  # same length: every span still indexes the caller's text
    mask = _MASK if _FILE_EXTENSION.search(text) else _MASK_NO_FILES
    masks = [(m.start(), m.end()) for m in mask.finditer(text)]
    mask_starts = [s for s, _ in masks]
    found: list[Quantity] = []
    for start, end in _windows(text):
        for m in _MASTER.finditer(text, start, end):
            found.extend(_read_match(text, m, masks, mask_starts))
    restated = restated_figures(text)
    if restated:
        found = [q for q in found if not any(s <= q.span.start and q.span.end <= e for s, e in restated)]
    taken = [q.span for q in found]
    for m in _ONE_PERSON.finditer(text):
        start, end = m.span()
        if not any(s.start < end and start < s.end for s in taken):
            found.append(Quantity(span=Span(start=start, end=end), text=m.group(), value=1, min=1, max=1,
                                  one_person=True))
    for m in _THE_ATTACKER.finditer(text):
        start, end = m.span()
        if not any(s.start < end and start < s.end for s in taken):
            found.append(Quantity(span=Span(start=start, end=end), text=m.group(), value=1, min=1, max=1,
                                  one_person=True, the_attacker=True))
    for m in _ONE_MORE.finditer(text):
        start, end = m.span()
        before = text[max(0, start - 120):start]
        clause = re.split(r"[.;!?]\s", before)[-1]
        if _TRIGGER.search(clause) and not any(s.start < end and start < s.end for s in taken):
            found.append(Quantity(span=Span(start=start, end=end), text=m.group(), value=1, min=1, max=1,
                                  one_person=True))
    return sorted(found, key=lambda q: q.span.start)


# "killed two guards and wounded a third": an ordinal after a figure of the same sentence is
# one more person (FORMAT counts one person as 1); "a third of the victims" is a fraction and
# "a third attack" counts something else, so the ordinal must stand alone before a
# preposition, a conjunction or the clause's end.
_ONE_MORE = re.compile(
    r"(?<![\w-])[Aa]\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|near|with|and|as|during|while|when|before|after|by|inside|outside|"
    r"who|later|was|were|had|has|died|escaped)\b)")


# One person named by a noun of who they were ("a security guard was wounded", "arrested a
# man"): FORMAT counts one person as 1. The quantity is the whole phrase; whether the person
# was harmed is for the counts to decide, as for any number.
_ONE_PERSON = re.compile(
    r"(?<![\w-])(?P<art>[Aa]n?)\s+(?:[a-z]+(?:-[a-z]+)*\s+){0,2}?"
    r"(?:man|woman|boy|girl|child|teenager|guard|teacher|soldier|policeman|policewoman|police\s+officer|"
    r"officer|pupil|student|civilian|person|resident|farmer|fisherman|trader|worker|nurse|doctor|journalist|"
    r"driver|villager|herder|passenger|worshipper|priest|imam|pastor|chief|official|suspect|"
    # more who-they-were nouns of rural and conflict reports ("shot dead a vigilante")
    r"vigilante|militiaman|ranger|miner|shepherd|herdsman|hunter|motorist|cleric|activist|mayor|councillor|"
    r"elder|lawyer|engineer|contractor|labourer|laborer|watchman|gendarme|customs\s+officer|"
    # the emergency and police staff of shooting reports ("a constable suffered a gunshot wound")
    r"constable|paramedic|firefighter|bystander|employee|customer|shopkeeper|volunteer)\b(?![\w-])")


_THE_ATTACKER = re.compile(r"(?<![\w-])[Tt]he\s+(?:lone\s+|alleged\s+|suspected\s+)?"
                           r"(?:suspect|gunman|shooter|attacker|assailant|bomber)\b(?![\w-])")


# Every quantity holds a digit or a number word. The master pattern is costly to try at
# every character, so it runs only in windows around these triggers: from the longest
# hedge before one ("has so far not exceeded about", < 50 characters) to past the
# longest number phrase after it. Lookbehinds still see the text before a window.
_TRIGGER = re.compile(
    rf"\d|(?<![\w-])(?:{_UNIT}|{_TEN}|hundreds?|thousands?|millions?|billions?|dozens?|scores)\b", re.I
)
_BEFORE, _AFTER = 50, 70


def _windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for m in _TRIGGER.finditer(text):
        start, end = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _masked(start: int, end: int, masks: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, start)
    for s, e in masks[max(0, i - 1) : i + 1]:
        if s < end and start < e:
            return True
    # a mask that starts inside [start, end)
    j = bisect.bisect_left(starts, start)
    return j < len(starts) and starts[j] < end


def _read_match(
    text: str, m: re.Match[str], masks: list[tuple[int, int]], starts: list[int]
) -> list[Quantity]:
    start, end = m.start(), m.end()
    if _masked(start, end, masks, starts):
        return []
    if m.group("range") and m.group("rfrom") and _CHANGE_VERB.search(text[max(0, start - 60) : start]):
        # "the toll rose from 22 to 46": a running toll, two figures
        singles = []
        for name in ("rc", "rd"):
            s, e = m.span(name)
            sub = _MASTER.fullmatch(text, s, e)
            if sub is not None:
                singles.extend(_read_match(text, sub, masks, starts))
        return singles
    if not _context_allows(text, m):
        return []
    bounds = _bounds(m)
    if bounds is None:
        return []
    value, low, high = bounds
    hedge = m.group("hedge")
    return [
        Quantity(
            span=Span(start=start, end=end),
            text=text[start:end],
            value=value,
            min=low,
            max=high,
            hedge=" ".join(fold(hedge).split()) if hedge else None,
            is_vague=bool(m.group("vague")),
            is_range=bool(m.group("range")),
            maybe_age=_maybe_age(text, m),
        )
    ]


def _context_allows(text: str, m: re.Match[str]) -> bool:
    """False when the words around the match show it counts no one (see module doc)."""
    start, end = m.start(), m.end()
    before = text[max(0, start - 48) : start]
    after = text[end : end + 40]
    if _PERCENT.match(after) or _COMPOUND.match(after) or _UNIT_AFTER.match(after):
        return False
    if _MONEY_AFTER.match(after) or _MONEY_BEFORE.search(before):
        return False
    if _AGE_BEFORE.search(before):
        return False
    if m.group("vague"):
        if _VAGUE_OF.match(after):
            return False
        return not (fold(m.group("vague")) == "scores" and not _SCORES_OK.match(after))
    hedged = m.group("hedge") is not None
    if not hedged and _IDENT_BEFORE.search(before):
        return False
    if not hedged and _ENUMERATOR.search(before) and after[:1] in (".", ")"):
        return False  # "  1. Boko Haram attack ...": a list item's number
    if m.group("range"):
        return not _range_is_years(m)
    number = m.group("num")
    if not hedged and _is_year(number, before, after, m.group("suffix")):
        return False
    if number[0].isalpha():
        lowered = fold(number)
        if lowered == "one" and (_ONE_NOT.search(before) or _ONE_AFTER_NOT.match(after)):
            return False
        if lowered == "one" and hedged and _PREPOSITION_OF.match(m.group("hedge")) and after.startswith(" of"):
            return False  # "under one of the terrorists' feet": a preposition, not a hedge
        # "World War Two", "Camp Five", "Formula One": a capitalised number word after a
        # capitalised word is part of a name (title-case headlines lose a little here).
        if number[0].isupper() and not hedged:
            cap = _CAP_WORD_BEFORE.search(before)
            if cap and not _sentence_start(text, start - len(cap.group(0))):
                return False
    return True


def _sentence_start(text: str, i: int) -> bool:
    """True if position ``i`` begins a sentence, line or quotation."""
    head = text[max(0, i - 4) : i].rstrip(" \t")
    return not head or head[-1] in ".!?:\n\"'“‘(•-–—|"


def _is_year(number: str, before: str, after: str, suffix: str | None) -> bool:
    if suffix or not (len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2099):
        return False
    if _YEAR_BEFORE.search(before):
        return True
    return not _COUNT_AFTER.match(after)


def _range_is_years(m: re.Match[str]) -> bool:
    parts = [g for g in (m.group(n) for n in ("ra", "rb", "rc", "rd", "re", "rf", "rg", "rh")) if g]
    return all(len(p) == 4 and p.isdigit() and 1800 <= int(p) <= 2099 for p in parts)


def _maybe_age(text: str, m: re.Match[str]) -> bool:
    if m.group("hedge") or not m.group("num") or not m.group("num").isdigit():
        return False
    start, end = m.start(), m.end()
    value = int(m.group("num"))
    if not 1 <= value <= 110:
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 2]
    if _APPOSITION.search(before) and after.startswith(","):
        return True
    return before.endswith("(") and after.startswith(")") and bool(re.search(r"[A-Z][a-z]+\s*\($", before))
