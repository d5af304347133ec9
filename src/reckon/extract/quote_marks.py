"""Where the quotations are: the quoted stretches of a text, before anyone is credited.

Double quotes straight or curly, nested quotes, a quotation left open at a paragraph's end
(in English typography a quotation running over paragraphs reopens each one and closes
only the last: it is one quote), an opening mark at the end of a line, block quotations
after "said:" (not a list of demands after "calls on X to:") and epigraphs signed "—Name".
Single quotes are read too, over paragraphs when each one reopens, but since "Lion’s",
"regime’s" and scare quotes ('protected persons') share the marks, ``quotes.py`` keeps a
single-quoted stretch only when the text credits it to someone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.extract.speech_verbs import load_speech_verbs

__all__ = ["PARAGRAPH", "WORD", "RawQuote", "paragraph_ends", "scan_quotes", "trim"]

_OPENERS = "“„«‟"
_CLOSERS = "”»"
_SINGLE_OPEN = "‘‚‹"
_SINGLE_CLOSE = "’›"
_DOUBLE_QUOTE = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + '"]')
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | set(_OPENERS) | set(_SINGLE_OPEN)
# A paragraph ends at a blank line, or at a line break not followed by a lower-case word
# (hard-wrapped statements break lines mid-sentence; wire copy and infoboxes do not).
PARAGRAPH = re.compile(r"\n[ \t]*\n\s*|[ \t]*\n(?![ \t]*[a-z])(?=[ \t]*\S)")
_DASH_SIGNATURE = re.compile(r"^[ \t]*(?:—|―|--|–)\s*(?P<who>[A-Z][^\n]*)$", re.M)
# The first line of a list ("1. The release …", "- transfer …", "• protect …").
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*▪◦–]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+")
# A word, accented letters included ("Sangaré", "Patiño"): cutting a name at its first
# accent would credit "Keïta Sangar".
WORD = re.compile(r"[^\W\d_][^\W\d_’'-]*(?:[’'-][^\W\d_]*)*")


@dataclass(slots=True)
class RawQuote:
    start: int  # the quoted words: text[start:end]
    end: int
    opener: int  # offset of the opening mark (== start for a block quotation)
    closer: int | None  # offset of the closing mark, None when the paragraph closed it
    single: bool = False
    block: bool = False
    parent: int | None = None
    signed: str | None = None  # the signature of an epigraph


def paragraph_ends(text: str) -> list[int]:
    """Offsets where paragraphs end: blank lines, and line ends after a full stop or colon
    (wire copy puts one paragraph per line; hard-wrapped statements do not end lines on a stop)."""
    return [m.start() for m in PARAGRAPH.finditer(text)] + [len(text)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scan_double(text: str, ends: list[int]) -> list[RawQuote]:
    quotes: list[RawQuote] = []
    stack: list[tuple[int, bool]] = []  # (offset of opener, straight?)
    para = 0
    i = 0
    while i < len(text):
        while para < len(ends) - 1 and i >= ends[para]:
            i = _paragraph_break(text, ends, para, stack, quotes, i)
            para += 1
        if i >= len(text):
            break  # a paragraph break consumed the rest of the text
        ch = text[i]
        if not (ch in _OPENERS or ch in _CLOSERS or ch == '"'):
            # Nothing happens until the next double quote or paragraph end: go there.
            found = _DOUBLE_QUOTE.search(text, i + 1)
            i = found.start() if found else len(text)
            if para < len(ends) - 1:
                i = min(i, ends[para])
            continue
        before = text[i - 1] if i else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        if ch in _OPENERS or ch in _CLOSERS or ch == '"':
            opens = before in _BEFORE_OPEN and not after.isspace()
            closes = not before.isspace() and (
                after.isspace() or after in ".,;:!?)]—–-’'" or i + 1 == len(text)
            )
            straight = ch == '"'
            if straight and stack and stack[-1][1]:
                kind = "close"
            elif ch in _OPENERS:
                kind = "close" if stack and closes and not opens else "open"
            elif ch in _CLOSERS:
                kind = "open" if not stack and opens and not closes else "close"
            else:
                kind = "open" if opens else "close" if stack else "skip"
            if kind == "open":
                stack.append((i, straight))
            elif kind == "close" and stack:
                opener, _ = stack.pop()
                start, end = trim(text, opener + 1, i)
                if end > start:
                    quotes.append(RawQuote(start=start, end=end, opener=opener, closer=i))
        i += 1
    for opener, _ in stack:
        start, end = trim(text, opener + 1, len(text))
        if end > start:
            quotes.append(RawQuote(start=start, end=end, opener=opener, closer=None))
    return quotes


def _paragraph_break(
    text: str, ends: list[int], para: int, stack: list[tuple[int, bool]], quotes: list[RawQuote], i: int
) -> int:
    """At a paragraph's end: a quote still open continues if the next paragraph reopens it
    (or if its mark stood alone at the end of the line); otherwise the paragraph closes it."""
    if not stack:
        return i
    end = ends[para]
    nxt = trim(text, end, len(text))[0]
    reopens = nxt < len(text) and (text[nxt] in _OPENERS or text[nxt] == '"')
    outer, outer_straight = stack[0]
    dangling = not text[outer + 1 : end].strip()
    for opener, _ in reversed(stack[1:] if (reopens or dangling) else stack):
        start, stop = trim(text, opener + 1, end)
        if stop > start:
            quotes.append(RawQuote(start=start, end=stop, opener=opener, closer=None))
    del stack[1 if (reopens or dangling) else 0 :]
    if reopens and not dangling:
        return nxt + 1  # skip the reopening mark: same quotation
    if dangling and stack:
        stack[0] = (outer, outer_straight)
    return i


def _scan_single(text: str, ends: list[int], taken: list[tuple[int, int]]) -> list[RawQuote]:
    """‘Single-quoted’ stretches outside double quotes, within one paragraph."""
    quotes: list[RawQuote] = []
    reopened: set[int] = set()  # marks that reopen a quotation running over paragraphs
    for match in re.finditer(r"[‘']", text):
        i = match.start()
        if i in reopened or any(a <= i < b for a, b in taken) or (i and text[i - 1] not in _BEFORE_OPEN):
            continue
        if i + 1 >= len(text) or not text[i + 1].isalnum():
            continue
        stop = next(e for e in ends if e > i)
        j = _single_closer(text, i + 1, min(stop, i + 300))
        if j is None and _single_closer(text, i + 1, stop) is None:
            j = _closer_over_paragraphs(text, ends, text[i], stop, reopened)
        if j is not None:
            start, end = trim(text, i + 1, j)
            if end > start:
                quotes.append(RawQuote(start=start, end=end, opener=i, closer=j, single=True))
    return quotes


def _single_closer(text: str, lo: int, hi: int) -> int | None:
    """The first closing single mark in text[lo:hi]: after a word, not inside one ("Chad’s")."""
    for close in re.finditer(r"[’']", text[lo:hi]):
        j = lo + close.start()
        after = text[j + 1] if j + 1 < len(text) else " "
        if not text[j - 1].isspace() and not after.isalnum():
            return j
    return None


def _closer_over_paragraphs(text: str, ends: list[int], mark: str, stop: int, reopened: set[int]) -> int | None:
    """A single-quoted quotation left open at its paragraph's end goes on when the next
    paragraph reopens it with the same mark (British typography, as with double quotes):
    the closer is the first one of a reopened paragraph."""
    marks: list[int] = []
    while True:
        nxt = trim(text, stop, len(text))[0]
        if nxt >= len(text) or text[nxt] != mark or nxt + 1 >= len(text) or not text[nxt + 1].isalnum():
            return None
        marks.append(nxt)
        stop = next(e for e in ends if e > nxt)
        j = _single_closer(text, nxt + 1, stop)
        if j is not None:
            reopened.update(marks)
            return j


def _scan_blocks(text: str, ends: list[int], taken: list[tuple[int, int]]) -> list[RawQuote]:
    """Unmarked block quotations: after a line ending "said:", and epigraphs signed "—Name"."""
    blocks: list[RawQuote] = []
    verbs = load_speech_verbs()
    starts = [0] + [trim(text, e, len(text))[0] for e in ends[:-1]]
    for k, end in enumerate(ends[:-1]):
        intro = text[starts[k] : end].rstrip()
        if not intro.endswith(":") or not any(
            w.lower() in verbs for w in WORD.findall(intro[-80:])
        ):
            continue
        start = starts[k + 1]
        if start >= len(text) or text[start] in _OPENERS + '"' + _SINGLE_OPEN:
            continue
        if _LIST_ITEM.match(text, start):
            continue  # "The Alliance demands:" and a numbered list: its own demands, not a quote
        stop = ends[k + 1]
        block_start, block_end = trim(text, start, stop)
        if block_end > block_start and not any(a <= block_start < b for a, b in taken):
            blocks.append(
                RawQuote(start=block_start, end=block_end, opener=block_start, closer=None, block=True)
            )
    for match in _DASH_SIGNATURE.finditer(text):
        line_start = match.start()
        prev_end = text.rfind("\n", 0, line_start)
        if prev_end < 0:
            continue
        prev_start = text.rfind("\n", 0, prev_end) + 1
        start, end = trim(text, prev_start, prev_end)
        if end <= start or _DASH_SIGNATURE.match(text, prev_start):
            continue
        blocks.append(
            RawQuote(
                start=start,
                end=end,
                opener=start,
                closer=None,
                block=True,
                signed=match.group("who"),
            )
        )
    return blocks


def scan_quotes(text: str) -> list[RawQuote]:
    ends = paragraph_ends(text)
    raws = _scan_double(text, ends)
    taken = [(r.opener, (r.closer if r.closer is not None else r.end) + 1) for r in raws]
    raws += _scan_single(text, ends, taken)
    raws += _scan_blocks(text, ends, taken)
    raws.sort(key=lambda r: (r.opener, -r.end))
    for k, raw in enumerate(raws):  # nesting: the innermost quote that contains it
        for outer in reversed(raws[:k]):
            if outer.start <= raw.opener and raw.end <= outer.end and outer is not raw:
                raw.parent = raws.index(outer)
                break
    return raws
