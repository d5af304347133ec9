"""Ingest: sources -> Document (raw bytes and their hash kept, clean text, metadata).

    for item in ingest(["reports/", "https://example.org/story", "crawl.warc.gz"]):
        if isinstance(item, IngestFailure):
            print(item.line())        # one line per bad input; the batch goes on
        else:
            use(item)                 # a reckon.model.Document

Steps per input: bytes (sources.py, warc.py) -> text (decode.py) -> main text and
metadata of HTML (html.py) -> split a listing page into articles (listing.py) -> drop
boilerplate lines (boilerplate.py). The listing is split before cleaning because its
"Continue Reading" links are boundaries, and each article is then cleaned on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from email.message import Message
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from reckon.errors import IngestError
from reckon.ingest.boilerplate import clean_text
from reckon.ingest.decode import decode_bytes, sha256_hex
from reckon.ingest.html import HtmlPage, is_html, parse_meta_charset, read_html
from reckon.ingest.listing import Article, find_byline, find_published, find_title, split_listing
from reckon.ingest.sources import IngestFailure, RawInput, load_inputs
from reckon.model import Document
from reckon.settings import get_setting

__all__ = [
    "Article",
    "HtmlPage",
    "IngestFailure",
    "RawInput",
    "clean_text",
    "decode_bytes",
    "ingest",
    "load_inputs",
    "read_document",
    "read_documents",
    "read_html",
    "split_listing",
]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True, slots=True, kw_only=True)
class _Body:
    """The text of one input before cleaning, and what its markup said about it."""

    text: str
    is_html: bool
    page: HtmlPage | None


def ingest(
    sources: Iterable[str | Path],
    *,
    split: bool = True,
    max_bytes: int | None = None,
    timeout: float | None = None,
    max_decompressed_bytes: int | None = None,
    max_text_chars: int | None = None,
) -> Iterator[Document | IngestFailure]:
    """Every document of ``sources``, in order, or an IngestFailure for each bad input.

    With ``split`` (the default) a listing page gives one Document per article (``part``
    0, 1, ...); otherwise, and for ordinary pages, one Document per input. Limits default
    to the settings ``max_bytes``, ``http_timeout``, ``max_decompressed_bytes`` and
    ``max_text_chars``.
    """
    text_limit = int(get_setting("max_text_chars", max_text_chars))
    for item in load_inputs(
        sources, max_bytes=max_bytes, timeout=timeout, max_decompressed_bytes=max_decompressed_bytes
    ):
        if isinstance(item, IngestFailure):
            yield item
            continue
        try:
            documents = read_documents(item, split=split, max_text_chars=text_limit)
        except IngestError as error:
            yield IngestFailure(source=item.source, error=error)
            continue
        yield from documents


def read_document(raw_input: RawInput) -> Document:
    """One Document for the whole input: decoded, main text of HTML, boilerplate removed."""
    return read_documents(raw_input, split=False)[0]


def read_documents(raw_input: RawInput, *, split: bool = True, max_text_chars: int | None = None) -> list[Document]:
    """The input as Documents: one per article of a listing page when ``split``, else one.

    IngestError R110 when the text is longer than ``max_text_chars`` (default: the setting).
    """
    body = _read_body(raw_input)
    limit = int(get_setting("max_text_chars", max_text_chars))
    if len(body.text) > limit:
        # Refused before splitting and cleaning: both are linear, but extraction after them
        # is not cheap, and a clear error now beats an hour of work on a mistaken input.
        raise IngestError(
            f"the text has {len(body.text)} characters, more than the limit of {limit} (RECKON_MAX_TEXT_CHARS)",
            where=raw_input.source,
            code="R110",
        )
    if split:
        articles = split_listing(body.text)
        if len(articles) > 1:
            parts = [_article_document(raw_input, body, article) for article in articles]
            documents = [document for document in parts if document is not None]
            if documents:
                return [replace(document, part=index) for index, document in enumerate(documents)]
    text = clean_text(body.text)
    if not text.strip():
        raise IngestError("nothing is left once boilerplate is removed", where=raw_input.source, code="R102")
    page = body.page
    return [
        _document(
            raw_input,
            body,
            text=text,
            title=(page.title if page else None) or find_title(text),
            author=(page.author if page else None) or (None if body.is_html else find_byline(text)),
            published=(page.published if page else None) or find_published(text),
            tags=page.tags if page else (),
            part=None,
        )
    ]


def _read_body(raw_input: RawInput) -> _Body:
    media_type, charset = _parse_content_type(raw_input.media_type)
    where = raw_input.source
    if media_type in _HTML_TYPES or (media_type is None and raw_input.raw.lstrip()[:1] == b"<"):
        charset = charset or parse_meta_charset(raw_input.raw)
    text = decode_bytes(raw_input.raw, where=where, declared=charset)
    if media_type in _HTML_TYPES or (media_type != "text/plain" and is_html(text)):
        page = read_html(text, url=raw_input.url, where=where)
        return _Body(text=page.text, is_html=True, page=page)
    return _Body(text=text, is_html=False, page=None)


def _article_document(raw_input: RawInput, body: _Body, article: Article) -> Document | None:
    text = clean_text(body.text[article.span.start : article.span.end])
    if not text.strip():
        return None
    page = body.page
    return _document(
        raw_input,
        body,
        text=text,
        title=article.title or find_title(text),
        author=article.byline or (page.author if page else None),
        published=find_published(text) or (page.published if page else None),
        tags=article.tags or (page.tags if page else ()),
        part=0,
    )


def _document(
    raw_input: RawInput,
    body: _Body,
    *,
    text: str,
    title: str | None,
    author: str | None,
    published: str | None,
    tags: tuple[str, ...],
    part: int | None,
) -> Document:
    page = body.page
    return Document(
        text=text,
        raw=raw_input.raw,
        raw_sha256=sha256_hex(raw_input.raw),
        name=_name_of(raw_input),
        source=raw_input.source,
        url=raw_input.url,
        retrieved_at=raw_input.retrieved_at,
        title=title,
        author=author,
        outlet=(page.outlet if page else None) or _outlet_of(raw_input.url),
        published=published,
        tags=tags,
        media_type="text/html" if body.is_html else "text/plain",
        part=part,
    )


def _parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """("text/html", "windows-1256") from "text/html; charset=windows-1256"."""
    if not value:
        return None, None
    message = Message()
    message["Content-Type"] = value
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None


def _name_of(raw_input: RawInput) -> str:
    """A human handle: the URL's last path segment, else the file's stem."""
    if raw_input.url:
        parts = urlsplit(raw_input.url)
        segments = [segment for segment in parts.path.split("/") if segment]
        if segments:
            return PurePosixPath(unquote(segments[-1])).stem or segments[-1]
        return parts.hostname or raw_input.url
    name = Path(raw_input.source.split("#", 1)[0]).name
    for suffix in (".gz", ".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".warc"):
        name = name.removesuffix(suffix)
    return name or raw_input.source


def _outlet_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
