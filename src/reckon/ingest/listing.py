"""Split a listing page (a category or archive page of several articles) into its articles.

A listing page repeats one shape per article: an optional comma-separated tag line, a
headline, a standfirst, the body or a teaser, then a closing byline ("Staff Writer",
"By Jane Doe") and/or a "Continue Reading" link. The boundaries are found from lines
alone, because that shape is all a page flattened to text still has:

- a separator line (the ``[separator]`` patterns of data/boilerplate.txt) ends an article
  when what follows it starts like an article (a headline or tag line, not a paragraph:
  "Continue reading" in the middle of one story is an advert break, not a boundary);
- a byline ends an article when it comes after a paragraph and right before a headline
  or tag line (a byline *under* a headline, before the body, opens an article instead;
  one followed by a date line or a paragraph is not a boundary);
- a tag line starts an article when the line after it is a headline, on pages whose
  first article opens with a tag line too (a lone comma list mid-story is content).

Pieces without a single paragraph (a footer, a stray caption) are joined to their
neighbour; a page header before the first tagged article is left out. Fewer than two
articles means the page is not a listing: the result is then one Article over the whole
text. The same header reading (tag line, headline, standfirst, byline, date line) serves
single documents through ``find_title``, ``find_byline`` and ``find_published``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.ingest.boilerplate import is_boilerplate_line, is_separator_line
from reckon.model import Span

__all__ = [
    "Article",
    "find_byline",
    "find_published",
    "find_title",
    "is_byline_line",
    "is_paragraph",
    "is_tag_line",
    "split_listing",
]

# A paragraph, as opposed to a headline, label or byline: a sentence of some length, or
# a line too long for a headline (headlines seen in the wild stay under ~25 words).
_PARAGRAPH_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", ":", '"', "”", "’", "'", ")", "…")
_LONG_LINE_WORDS = 30
_LONG_LINE_CHARS = 200
# Headlines are short; a longer first line is a paragraph, not a title.
_HEADLINE_MAX_CHARS = 250
_HEADLINE_MAX_WORDS = 30
# How many content lines of an article's top are read for its header (tags, title, date).
_HEADER_LINES = 8

# Bylines: "By Jane Doe", "Posted by ...", and the staff credits that stand for a name.
_BYLINE = re.compile(
    r"(?i:(?:posted |written |reported |words |reporting |story )?by|von|par|por)\s+[A-Z\u00c0-\u00de].{0,80}"
    r"|(?i:staff|staff (?:writer|reporter|correspondent)s?|our (?:own )?correspondents?|special correspondent"
    r"|editorial (?:staff|board|team|desk)|news ?desk|web ?desk|newsroom|(?:staff and )?agencies)"
    r"|(?:[A-Z][\w.&'’-]*\s){1,3}(?i:staff|staff writer|staff reporter|news ?desk)"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATES = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<num>\d\d)-(?P<day>\d\d)\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
)
# Words a date line may carry besides the date ("Updated Wednesday, ..."); anything else
# makes it a sentence or a caption ("Harbour in 12 June 2006.jpg"), whose date is not the
# publication's. A byline with a date ("by Jane Doe / 3 May 2019") also counts.
_DATE_LINE_WORDS = frozenset(
    "updated published posted on last modified first at am pm gmt utc bst cet eat wat est edt pst"
    " monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
_DATE_LINE_MAX_CHARS = 80


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One article of a page: its span in the page text and what its header says."""

    span: Span
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def words(self) -> int:
        return len(self.text.split())


def _content_lines(text: str) -> list[_Line]:
    """Non-blank lines with their offsets (the stripped text, the unstripped extent)."""
    lines: list[_Line] = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(_Line(offset + lead, offset + lead + len(stripped), stripped))
        offset += len(raw) + 1
    return lines


def is_paragraph(line: str) -> bool:
    """Prose, as opposed to a headline, a label, a tag line or a byline.

    A sentence-sized line that ends like a sentence, or any very long line: headlines run
    to a dozen words too, but they do not end with a full stop.
    """
    words = len(line.split())
    sentence = words >= _PARAGRAPH_WORDS and line.rstrip().endswith(_SENTENCE_ENDS)
    very_long = words >= _LONG_LINE_WORDS or len(line) >= _LONG_LINE_CHARS
    return (sentence or very_long) and not is_tag_line(line)


def is_tag_line(line: str) -> bool:
    """A comma-separated list of short capitalised labels: "Human Rights,Floods,Vossberg"."""
    line = line.strip()
    if line.lower().startswith(("tags:", "tagged:", "topics:", "filed under:")):
        return bool(_tags_of(line))
    if len(line) > 400 or line.endswith((".", "!", "?", ":", ";")) or re.search(r"[.!?]\s+[a-z]", line):
        return False
    items = [item.strip() for item in line.split(",")]
    # Two labels only when glued CMS-style ("Floods,Vossberg"); with spaces, two comma
    # parts are as likely a dateline or a place ("Vossberg, Nordmark").
    least = 2 if re.search(r",\S", line) and ", " not in line else 3
    if len(items) < least or any(not item or len(item) > 60 or len(item.split()) > 8 for item in items):
        return False
    if any(re.search(r"[\"“”!?;:]", item) for item in items):
        return False
    # Markup (tables, emphasis, links) and a fragment of a bigger sentence are not tags.
    if re.search(r"[|*#\[\]<>={}]", line) or line.count("(") != line.count(")"):
        return False
    if not (items[0][0].isupper() or items[0][0].isdigit()):
        return False
    capitalised = sum(1 for item in items if item[0].isupper() or item[0].isdigit())
    return capitalised * 3 >= len(items) * 2 and _date_of_line(line) is None  # not "Monday, May 2, 2022"


def _tags_of(line: str) -> tuple[str, ...]:
    body = line.split(":", 1)[1] if re.match(r"(?i)(?:tags|tagged|topics|filed under):", line) else line
    return tuple(item.strip() for item in body.split(",") if item.strip())


def is_byline_line(line: str) -> bool:
    """A byline or staff credit: "By Jane Doe", "Staff Writer", "Posted by the news desk"."""
    line = line.strip()
    if not line or len(line.split()) > 12 or line.endswith((".", "!", "?", ":")):
        return False
    return _BYLINE.fullmatch(line) is not None


def _is_headline(line: str) -> bool:
    return (
        len(line) <= _HEADLINE_MAX_CHARS
        and len(line.split()) <= _HEADLINE_MAX_WORDS
        and not line.endswith((".", ":", ";", ","))
        and any(char.isalpha() for char in line)
        and not is_tag_line(line)
        and not is_byline_line(line)
        and _date_of_line(line) is None
    )


def _clean_byline(line: str) -> str:
    return re.sub(r"(?i)^(?:(?:posted |written |reported |words |reporting |story )?by)\s+", "", line.strip())


def split_listing(text: str) -> list[Article]:
    """The articles of a listing page, in order; one Article over all of ``text`` otherwise."""
    lines = [line for line in _content_lines(text) if not _is_furniture(line.text)]
    cuts = _find_cuts(lines)
    pieces = _pieces(lines, cuts)
    pieces = _join_small(pieces)
    if len(pieces) < 2:
        return [_read_header(_content_lines(text), Span(start=0, end=len(text)))]
    articles = []
    for piece in pieces:
        span = Span(start=piece[0].start, end=piece[-1].end)
        articles.append(_read_header(piece, span))
    return articles


def _is_furniture(line: str) -> bool:
    # Separators stay: they are boundaries. Other furniture is invisible to splitting.
    return is_boilerplate_line(line) and not is_separator_line(line)


def _find_cuts(lines: list[_Line]) -> set[int]:
    """Indexes i such that an article ends before lines[i] (separator lines are cut out)."""
    cuts: set[int] = set()
    seen_paragraph = False
    # Tag lines only cut when the page is built of them: the first article opens with one
    # (before any paragraph) and at least one more follows. A lone comma list further down
    # ("Location: Vossberg, Arl Valley, Nordmark") is content, not a boundary.
    tag_heads = [
        i
        for i, line in enumerate(lines[:-1])
        if is_tag_line(line.text) and _is_headline(lines[i + 1].text)
    ]
    first_paragraph = next((i for i, line in enumerate(lines) if is_paragraph(line.text)), len(lines))
    use_tags = len(tag_heads) >= 2 and tag_heads[0] < first_paragraph
    if use_tags and tag_heads[0]:
        cuts.add(tag_heads[0])  # whatever precedes the first article is the page's header
    starts = set(tag_heads)
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if is_separator_line(line.text):
            if following is None or not is_paragraph(following.text):
                cuts.add(i)
                cuts.add(i + 1)
            seen_paragraph = False
            continue
        if is_byline_line(line.text) and seen_paragraph:
            if following is not None and (is_tag_line(following.text) or _is_headline(following.text)):
                cuts.add(i + 1)
                seen_paragraph = False
            continue
        if use_tags and i and i in starts:
            cuts.add(i)
            seen_paragraph = False
        if is_paragraph(line.text):
            seen_paragraph = True
    return cuts


def _pieces(lines: list[_Line], cuts: set[int]) -> list[list[_Line]]:
    pieces: list[list[_Line]] = [[]]
    for i, line in enumerate(lines):
        if i in cuts and pieces[-1]:
            pieces.append([])
        if is_separator_line(line.text):
            continue
        pieces[-1].append(line)
    return [piece for piece in pieces if piece]


def _join_small(pieces: list[list[_Line]]) -> list[list[_Line]]:
    """Join pieces without a paragraph to a neighbour: forward, unless the next piece opens
    with its own tag line (then backward; a page header before the first article is dropped).
    """
    joined: list[list[_Line]] = []
    carry: list[_Line] = []
    for piece in pieces:
        if carry and is_tag_line(piece[0].text):
            if joined:
                joined[-1] = joined[-1] + carry
            carry = []
        piece = carry + piece
        if any(is_paragraph(line.text) for line in piece):
            joined.append(piece)
            carry = []
        else:
            carry = piece
    if carry:
        if joined:
            joined[-1] = joined[-1] + carry
        else:
            joined.append(carry)
    return joined


def _read_header(lines: list[_Line], span: Span) -> Article:
    header = [line for line in lines if not _is_furniture(line.text)][:_HEADER_LINES]
    tags: tuple[str, ...] = ()
    title = standfirst = byline = None
    in_body = False  # a paragraph before any headline: no title to find
    for index, line in enumerate(header):
        if not tags and index < 3 and is_tag_line(line.text):
            tags = _tags_of(line.text)
            title = standfirst = None  # what came before the tags was the page's header
            in_body = False
        elif is_byline_line(line.text):
            byline = byline or _clean_byline(line.text)
        elif _date_of_line(line.text) is not None or is_separator_line(line.text):
            continue
        elif title is None and not in_body:
            if _is_headline(line.text):
                title = line.text
            else:
                in_body = True
        elif title is not None and standfirst is None and not in_body:
            if line.text != title and len(line.text.split()) <= 60:
                standfirst = line.text
            in_body = True
    if byline is None:
        # A closing byline: among the last lines of the article (a stray caption or share
        # row the patterns do not know may follow it).
        tail = [line for line in lines if not _is_furniture(line.text) and not is_separator_line(line.text)]
        for line in reversed(tail[-3:]):
            if is_byline_line(line.text):
                byline = _clean_byline(line.text)
                break
    return Article(span=span, title=title, standfirst=standfirst, byline=byline, tags=tags)


def find_title(text: str) -> str | None:
    """The first line of ``text`` when it reads as a headline (short, no closing period)."""
    for line in _content_lines(text)[:3]:
        if is_tag_line(line.text) or _date_of_line(line.text) is not None:
            continue
        candidate = line.text.strip("=# ").strip()
        return candidate if candidate and _is_headline(candidate) else None
    return None


def find_byline(text: str) -> str | None:
    """The byline in the header (or closing) lines of ``text``, without its "By"."""
    return _read_header(_content_lines(text), Span(start=0, end=len(text))).byline


def find_published(text: str) -> str | None:
    """An ISO date from a date line near the top ("Updated January 7, 2019"), else None.

    Only short lines that are mostly a date count: a date inside a paragraph is usually
    the date of the events, not of the publication.
    """
    for line in _content_lines(text)[:_HEADER_LINES]:
        found = _date_of_line(line.text)
        if found is not None:
            return found
    return None


def _date_of_line(line: str) -> str | None:
    if len(line) > _DATE_LINE_MAX_CHARS:
        return None
    for pattern in _DATES:
        match = pattern.search(line)
        if match is None:
            continue
        before, after = line[: match.start()], line[match.end() :]
        words = re.findall(r"[^\W\d_]+|\d+(?:[:.]\d\d)?", f"{before} {after}")
        is_dated_byline = is_byline_line(before.strip(" /|·•-–—,")) if before.strip() else False
        if not is_dated_byline and any(
            word.lower() not in _DATE_LINE_WORDS and not re.fullmatch(r"\d{1,2}(?:[:.]\d\d)?", word)
            for word in words
        ):
            return None
        month = int(match["num"]) if "num" in match.groupdict() and match["num"] else _MONTHS[match["month"].lower()]
        day, year = int(match["day"]), int(match["year"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
