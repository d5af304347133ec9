"""What every route shares: the ledger, the templates, the JSON envelope, page rendering.

The review routes (``reckon.web.review``) and the public pages use the same pieces:

- ``get_ledger(request)`` / ``ledger_connection(request)``: the app's one Ledger (opened by
  ``create_app``) and a read connection on its engine, for plain SQLAlchemy Core queries;
- ``templates``: the Jinja2 environment (autoescaping on for every template; ``base.html``
  has the blocks ``title``, ``meta`` and ``content``);
- ``ok(data, meta)`` / ``error_body(code, message, status)``: the one success and the one
  error envelope of every ``/api`` route and every ``.json`` twin:
  ``{"ok": true, "data": ..., "meta": {...}}`` and
  ``{"ok": false, "error": {"code": "R403", "message": "...", "status": 404}}``;
- ``page(request, template, context, data=...)``: an HTML page, or its JSON twin when the
  path ends in ``.json``;
- ``read(request, work)``: run a public page's queries and rendering in a worker thread,
  at most ``SiteSettings.reader_threads`` at once (see ``read`` for why).
"""

from __future__ import annotations

import functools
import json
import re
from asyncio import get_running_loop
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import anyio.to_thread
import jinja2
from anyio import CapacityLimiter
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlalchemy.engine import Connection

from reckon.store import Ledger

__all__ = [
    "STATIC_DIR",
    "SafeJSONResponse",
    "TEMPLATES_DIR",
    "connected",
    "error_body",
    "get_ledger",
    "json_script",
    "ledger_connection",
    "ok",
    "page",
    "read",
    "site_url",
    "templates",
    "url_quote",
    "wants_json",
    "xml_text",
]

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja's environment, reading ``item.key`` on a dict as ``item["key"]`` first.

    The pages' data are plain dicts (the same data the JSON twins send), and Jinja tries
    ``getattr`` first, so every ``item.headline`` raised and caught an AttributeError:
    a tenth of a page's rendering. A dict's own methods (``.items()``) still come first.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


templates = Jinja2Templates(env=_Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
    # Every template, not only .html: the feed and the sitemap are XML and carry
    # untrusted titles too.
    autoescape=True,
    # The templates ship inside the package and change only with it: no stat() of every
    # template file on every render to see whether it changed.
    auto_reload=False,
))


def json_script(value: Any) -> Markup:
    """JSON safe to put inside <script type="application/json">: no '<', '>', '&' or quote
    survives, so document text can never close the script element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(raw, escaped)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


templates.env.filters["json_script"] = json_script


def get_ledger(request: Request) -> Ledger:
    """The Ledger the app was created with (one per app, shared by every request)."""
    return request.app.state.ledger


def ledger_connection(request: Request) -> Iterator[Connection]:
    """A FastAPI dependency: one read connection for the request, closed after it."""
    with get_ledger(request).engine.connect() as connection:
        yield connection


T = TypeVar("T")


async def read(request: Request, work: Callable[[], T]) -> T:
    """``work()`` (a page's queries and its rendering) in a worker thread, with at most
    ``reader_threads`` such threads at once per process.

    A sync FastAPI route runs in a pool of 40 threads, and so did its connection
    dependency (twice: open and close). Under 50 concurrent readers that was 40 threads
    taking turns on one GIL: SQLite releases the GIL at every step of a query, and each
    time it has to win it back from the others. Measured on the 10,000-document benchmark
    (benchmarks/web_latency.py), a search page cost 8.9 ms of server CPU that way and
    6.0 ms with one reader thread: a third of the CPU went to the convoy, not the page.
    Few threads keep the event loop free (static files, sign-in, exports go on) while
    pages queue in order instead of interleaving.
    """
    state = request.app.state
    loop = get_running_loop()
    # One limiter per app and event loop (a TestClient may run several loops in turn).
    if getattr(state, "readers", None) is None or state.readers[0] is not loop:
        state.readers = (loop, CapacityLimiter(state.settings.reader_threads))
    return await anyio.to_thread.run_sync(work, limiter=state.readers[1])


def connected(request: Request, work: Callable[[Connection], T]) -> Callable[[], T]:
    """``work`` given a read connection of the ledger, opened and closed in its thread."""
    def run() -> T:
        with get_ledger(request).engine.connect() as connection:
            return work(connection)

    return run


class SafeJSONResponse(JSONResponse):
    """JSON with <, >, & and quotes written as unicode escapes: the same data to a parser, no
    document text can form markup even if a client ignores the content type."""

    def render(self, content: Any) -> bytes:
        return str(json_script(content)).encode("utf-8")


def ok(data: Any, meta: dict[str, Any] | None = None, *, status: int = 200) -> JSONResponse:
    """The success envelope."""
    return SafeJSONResponse({"ok": True, "data": data, "meta": meta or {}}, status_code=status)


def error_body(code: str, message: str, status: int) -> dict[str, Any]:
    """The error envelope's body (the one shape of every JSON error)."""
    return {"ok": False, "error": {"code": code, "message": message, "status": status}}


def wants_json(request: Request) -> bool:
    """A JSON answer: an /api route or a page's .json twin."""
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json")


def page(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    data: Any,
    meta: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse | JSONResponse:
    """The HTML page, or (for a path ending in .json) its JSON twin with the same data."""
    if request.url.path.endswith(".json"):
        return ok(data, meta, status=status)
    settings = request.app.state.settings
    return templates.TemplateResponse(
        request,
        template,
        {
            "settings": settings,
            "data": data,
            "meta": meta or {},
            "base_url": site_url(request),
            "page_url": site_url(request) + request.url.path,
            **context,
        },
        status_code=status,
    )


def site_url(request: Request) -> str:
    """The public origin for absolute links (sitemap, feed, OpenGraph), without a final /."""
    configured = request.app.state.settings.base_url
    return (configured or str(request.base_url)).rstrip("/")


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Text XML 1.0 can carry: its forbidden control characters dropped (then autoescaped)."""
    return _XML_FORBIDDEN.sub("", "" if value is None else str(value))


def url_quote(value: object) -> str:
    """A path segment or query value, percent-encoded (names with / ? # & stay one value)."""
    return _quote("" if value is None else str(value))


@functools.lru_cache(maxsize=8192)
def _quote(text: str) -> str:
    # Pages quote the same ids and names over and over; urllib's quote is slow Python.
    return quote(text, safe="")


def sentence(value: object) -> str:
    """First letter upper-cased, the rest as written (names keep their capitals)."""
    text = "" if value is None else str(value)
    return text[:1].upper() + text[1:]


templates.env.filters["xml_text"] = xml_text
templates.env.filters["sentence"] = sentence
templates.env.filters["url_quote"] = url_quote
