"""HTML -> main text + metadata. The only module that imports trafilatura.

trafilatura finds the article body and drops navigation, footers and sidebars; it also
reads title, author, date, tags and site name from meta tags and JSON-LD. Reckon asks it
for recall over precision (a missed paragraph loses claims; a stray line of furniture is
caught later by the boilerplate rules) and leaves comments out (readers' comments are not
the document's claims).

Paragraphs are joined with a blank line, as in the plain-text corpus, so the same line
rules (boilerplate, listing split) apply to both kinds of input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from collections.abc import Callable
from typing import Any

import lxml.etree
import lxml.html
from trafilatura import bare_extraction
from trafilatura.xml import xmltotxt

from reckon.errors import IngestError
from reckon.ingest.decode import decode_bytes, normalise_text

__all__ = ["HtmlPage", "is_html", "parse_meta_charset", "read_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?(?:p|div|br|a|span|table|li|h[1-6]|article|section|meta|script)\b", re.IGNORECASE)
# Date extraction reads meta tags and the URL only; searching the body text would pick
# up the date of the events, which is worse than no date (extract resolves "on Monday"
# against this value).
_DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}


# Fewer letters and digits than this in the main text is no main text ("Home", "Menu").
_MIN_MAIN_CHARS = 20
# trafilatura drops every character that is not str.isprintable(), which includes the
# zero-width (non-)joiners: Persian spells words with ZWNJ ("گزارش‌ها"), so dropping it
# changes the words. They cross the extractor as rare printable letters (Egyptian
# hieroglyphs, chosen because news text never holds them) and are put back afterwards.
_JOINERS = ("\u200c", "\u200d")
_STAND_INS = ("\U00013000", "\U00013001", "\U00013002", "\U00013003")


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlPage:
    """The main text of a page and what its markup says about it (None = not stated)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date
    tags: tuple[str, ...] = ()
    outlet: str | None = None  # the site name


def is_html(text: str) -> bool:
    """True when ``text`` is markup: it opens like an HTML document or is dense with tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 5


def read_html(raw_or_text: bytes | str, *, url: str | None = None, where: str | None = None) -> HtmlPage:
    """Main text and metadata of an HTML page; IngestError R108 when it has no main text."""
    where = where or url or "<html>"
    if isinstance(raw_or_text, bytes):
        text = decode_bytes(raw_or_text, where=where, declared=parse_meta_charset(raw_or_text))
    else:
        text = normalise_text(raw_or_text)
    text, restore = _protect_joiners(text)
    if _is_too_deep(text):
        # libxml2 (under trafilatura and lxml) drops everything nested deeper than 256
        # elements, so such a page is read by a streaming parser that keeps no tree.
        title, body = _stream_text(text)
        if len(body.split()) < 10:
            raise IngestError("the page has no readable main text", where=where, code="R108")
        return HtmlPage(text=restore(body), title=restore(title) if title else None)
    try:
        document = bare_extraction(
            text,
            url=url,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except RecursionError:
        # Pathological nesting can exhaust Python's stack inside the extractor's tree
        # walks; lxml's own text extraction is iterative C code and survives it.
        return HtmlPage(text=restore(_fallback_text(text, where=where)))
    if document is None:
        raise IngestError("the page has no readable main text", where=where, code="R108")
    main = _paragraphs(document.body) or normalise_text(document.text or "")
    if not _has_letters(main, _MIN_MAIN_CHARS):
        raise IngestError("the page has no readable main text", where=where, code="R108")

    def field(value: str | None) -> str | None:
        value = _clean(value)
        return restore(value) if value is not None else None

    return HtmlPage(
        text=restore(main),
        title=field(document.title),
        author=field(document.author),
        published=_clean(document.date),
        tags=tuple(restore(tag) for tag in _tags(document.tags, document.categories)),
        outlet=field(document.sitename),
    )


def _has_letters(text: str, wanted: int) -> bool:
    """At least ``wanted`` letters or digits: stops counting there, not at the end of a long page."""
    count = 0
    for char in text:
        if char.isalnum():
            count += 1
            if count >= wanted:
                return True
    return count >= wanted


def _protect_joiners(text: str) -> tuple[str, Callable[[str], str]]:
    """Swap ZWNJ/ZWJ for stand-ins the extractor keeps; return the text and the way back."""
    pairs = []
    free = iter(stand_in for stand_in in _STAND_INS if stand_in not in text)
    for joiner in _JOINERS:
        if joiner in text:
            stand_in = next(free, None)
            if stand_in is None:
                break  # the page already uses every stand-in: leave the joiners to fate
            text = text.replace(joiner, stand_in)
            pairs.append((stand_in, joiner))

    def restore(value: str) -> str:
        for stand_in, joiner in pairs:
            value = value.replace(stand_in, joiner)
        return value

    return text, restore


def parse_meta_charset(raw: bytes) -> str | None:
    """The encoding a page declares in ``<meta charset>`` (first 4 KiB), or None."""
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _paragraphs(body: Any) -> str:
    """The extracted body as text, one block per paragraph, blocks separated by a blank line."""
    if body is None:
        return ""
    blocks = []
    for element in body:
        block = xmltotxt(element, False).strip()
        if block:
            blocks.append(block)
    return normalise_text("\n\n".join(blocks))


def _fallback_text(text: str, *, where: str) -> str:
    """The page's visible text without scripts and styles, or R108 when there is none."""
    try:
        root = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    except (lxml.etree.ParserError, ValueError, RecursionError):
        root = None
    if root is not None:
        for element in root.xpath("//script|//style|//noscript|//template"):
            element.drop_tree()
        lines = [line.strip() for line in root.text_content().split("\n")]
        fallback = "\n".join(line for line in lines if line)
        if len(fallback.split()) >= 10:
            return normalise_text(fallback)
    raise IngestError("the page has no readable main text", where=where, code="R108")


_TAG_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
# Elements that never hold others, or that close themselves when a sibling opens: they do
# not deepen the tree (an unclosed <p> per paragraph is ordinary HTML, not nesting).
_FLAT = frozenset("area base br col embed hr img input link meta param source track wbr p li dt dd td th tr option".split())
_MAX_DEPTH = 250  # below libxml2's limit of 256


def _is_too_deep(text: str) -> bool:
    """True when elements nest deeper than libxml2 keeps (one linear pass over the tags)."""
    depth = 0
    for match in _TAG_TOKEN.finditer(text):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > _MAX_DEPTH:
            return True
    return False


class _TextCollector(HTMLParser):
    """Visible text and <title> of a page, from parser events (no tree, so no depth limit)."""

    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})
    _BLOCKS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 article section blockquote table ul ol".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)


def _stream_text(text: str) -> tuple[str | None, str]:
    """(title, visible text with one blank line between blocks) of a page of any depth."""
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    lines = [" ".join(line.split()) for line in "".join(collector.parts).split("\n")]
    title = " ".join("".join(collector.title).split()) or None
    return title, normalise_text("\n\n".join(line for line in lines if line))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _tags(*groups: list[str] | None) -> tuple[str, ...]:
    """Keywords and categories, split on commas (meta keywords arrive as one string)."""
    seen: dict[str, None] = {}
    for group in groups:
        for entry in group or ():
            for tag in entry.split(","):
                tag = tag.strip()
                if tag and tag.lower() not in {key.lower() for key in seen}:
                    seen[tag] = None
    return tuple(seen)
