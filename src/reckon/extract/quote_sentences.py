"""The masked text around quotations, and its sentences, paragraphs and words.

Every reader of a quotation's speaker works on a copy of the page with the quotations
blanked to NUL (``mask_quotes``), so that a verb inside someone's words never credits them,
and walks it by sentence ends that skip "Mr." and initials, paragraph starts and words.
This geometry is kept apart because every speaker finder (before, after, around a
quotation, and the narrative a "he" points back into) stands on it, and none of it knows
about speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from reckon.extract.quote_marks import PARAGRAPH as _PARAGRAPH
from reckon.extract.quote_marks import WORD as _WORD
from reckon.extract.quote_marks import RawQuote as _Raw


# A sentence ends at a stop before a capital, a digit or a quotation (blanked to NUL in the
# mask): "…, said Nenita Sumagang, 58. “Who …" starts a new sentence at the quote.
# ("...the Justice Desk.[8] The police said": an encyclopedia's citation marks follow the stop.)
_STOP = re.compile(r"[.!?](?:[\"”’)\]]*)(?:\[\d{1,3}\])*(?=\s+(?:[\"“‘(]?[A-Z0-9]|\x00))")
# Words whose full stop does not end a sentence ("Mr. Ustinov said").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt maj capt sgt cpl adm gov sen rep rev st jr sr prof dept govt no vs "
    "cmdr cdr comdr brig insp supt det cmdt lieut hon amb pres mme mlle messrs gens "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp".split()
)


MASK = "\x00"


def mask_quotes(text: str, raws: list[_Raw]) -> str:
    """The text with every quotation blanked out, so verbs inside quotes never attribute."""
    chars = list(text)
    for raw in raws:
        if raw.block:
            continue
        stop = raw.closer + 1 if raw.closer is not None else raw.end
        for i in range(raw.opener, stop):
            if chars[i] != "\n":
                chars[i] = MASK
    return "".join(chars)


def _iter_stops(masked: str, lo: int, hi: int) -> Iterator[int]:
    """Sentence ends in masked[lo:hi], skipping "Mr." and initials ("John F. Campbell")."""
    for match in _STOP.finditer(masked, lo, hi):
        if masked[match.start()] == ".":
            word = re.search(r"([A-Za-z]+)$", masked[max(0, match.start() - 12) : match.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        yield match.end()


def sentence_stops(masked: str, lo: int, hi: int) -> list[int]:
    return list(_iter_stops(masked, lo, hi))


@lru_cache(maxsize=4)
def _paragraph_breaks(masked: str) -> tuple[list[int], list[int]]:
    """Each paragraph break's end, and the least cut ``pos`` a search ending at ``pos`` finds it by.

    ``paragraph_start`` used to search ``masked[:pos]`` afresh on every call, which is
    quadratic on a long page. The breaks are found once instead. A search cut at ``pos`` sees
    fewer of them: a single line break (the pattern's second branch) needs its lookahead to see
    the next printed character, so it counts only when that character lies before the cut.
    """
    ends: list[int] = []
    cuts: list[int] = []
    for match in _PARAGRAPH.finditer(masked):
        ends.append(match.end())
        if match.group().count("\n") >= 2:
            cuts.append(match.end())
        else:
            printed = match.end()
            while masked[printed] in " \t":
                printed += 1
            cuts.append(printed + 1)
    return ends, cuts


def paragraph_start(masked: str, pos: int) -> int:
    """Where the paragraph holding ``pos`` starts: the end of the last break that ``masked[:pos]`` shows."""
    if pos >= len(masked) or masked[pos].isspace():
        # A cut inside white space could shorten a blank-line break: search the cut text itself.
        starts = [m.end() for m in _PARAGRAPH.finditer(masked, 0, pos)]
        return starts[-1] if starts else 0
    ends, cuts = _paragraph_breaks(masked)
    last = bisect_right(ends, pos) - 1
    if last >= 0 and cuts[last] > pos:
        last -= 1
    return ends[last] if last >= 0 else 0


def sentence_start(masked: str, pos: int, floor: int) -> int:
    start = max(floor, paragraph_start(masked, pos))
    # A stop's lookahead must see the quotation's blanked first mark: in '“…,” he said,
    # standing by the mosque. “We …”' the second quotation opens a sentence of its own, and
    # the words before that stop are another sentence's.
    stops = [s for s in sentence_stops(masked, start, min(len(masked), pos + 2)) if s <= pos]
    return stops[-1] if stops else start


def sentence_end(masked: str, pos: int) -> int:
    # The first sentence end only: listing all of them to the end of the page is quadratic.
    end = next(_iter_stops(masked, pos, len(masked)), len(masked))
    paragraph = _PARAGRAPH.search(masked, pos)
    if paragraph:
        end = min(end, paragraph.start())
    blank = masked.find(MASK, pos)
    return min(end, blank) if blank >= 0 else end


def word_matches(masked: str, lo: int, hi: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(masked, lo, hi))


def previous_word(masked: str, at: int) -> str:
    window = masked[max(0, at - 40) : at]
    words = list(_WORD.finditer(window))
    if words and MASK in window[words[-1].end() :]:
        return ""  # 'signed by the “Red Column”, described': a quotation came between
    return words[-1].group().lower() if words else ""


def inside_mask(text: str, masked: str, raws: list[_Raw], parent: int) -> str:
    """The mask seen from inside a quotation: its own words visible, its other quotes blank."""
    outer = raws[parent]
    chars = list(masked)
    chars[outer.start : outer.end] = text[outer.start : outer.end]
    for raw in raws:
        if raw is not outer and outer.start <= raw.opener < outer.end and not raw.block:
            stop = raw.closer + 1 if raw.closer is not None else raw.end
            for i in range(raw.opener, min(stop, outer.end)):
                if chars[i] != "\n":
                    chars[i] = MASK
    return "".join(chars)
