"""read_html: main text and metadata from a page; pathological markup handled.

The page is invented for these tests (a fictional outlet, town and people).
"""

from __future__ import annotations

import time

import pytest

import reckon.ingest.html as html_module
from reckon.errors import IngestError
from reckon.ingest.html import is_html, parse_meta_charset, read_html

PARAGRAPHS = (
    "Nine people died when the river Arl burst its banks in the fictional town of Vossberg on Tuesday, "
    "the town council said in a statement released late in the evening.",
    "Rescue teams from three neighbouring districts worked through the night to reach families trapped "
    "on the upper floors of their houses, officials said.",
    "The council said a further twelve residents were taken to hospital with injuries and that the water "
    "level was still rising in the old quarter of the town.",
)

PAGE = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Flood kills nine in Vossberg | The Harbor Ledger</title>
<meta name="author" content="Mira Kallan">
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
<meta property="og:site_name" content="The Harbor Ledger">
<meta name="keywords" content="floods, Vossberg, Arl Valley">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="logo">The Harbor Ledger</div><a href="/subscribe">Subscribe for 1 euro</a></header>
<main><article>
<h1>Flood kills nine in Vossberg</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Ferry timetable changes for the summer season</a></li></ul></aside>
<footer><p>Ledger footer: Imprint, Privacy and Careers at the Harbor Ledger newsroom</p></footer>
</body></html>"""


def test_read_html_extracts_main_text() -> None:
    page = read_html(PAGE, url="https://harbor-ledger.example/2021/03/flood-vossberg")
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    # Paragraphs are separated by a blank line, as in plain-text inputs.
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}" in page.text


@pytest.mark.parametrize("furniture", ["Home", "Sport", "Most read", "Ferry timetable", "Ledger footer", "Subscribe for"])
def test_read_html_drops_navigation_and_footer(furniture: str) -> None:
    assert furniture not in read_html(PAGE).text


def test_read_html_reads_metadata() -> None:
    page = read_html(PAGE, url="https://harbor-ledger.example/2021/03/flood-vossberg")
    assert page.title == "Flood kills nine in Vossberg"
    assert page.author == "Mira Kallan"
    assert page.published == "2021-03-04"
    assert page.tags == ("floods", "Vossberg", "Arl Valley")
    assert page.outlet == "The Harbor Ledger"


def test_read_html_decodes_bytes_with_meta_charset() -> None:
    persian = "گزارش‌های محلی از روستای خیالی دشت‌آباد".replace("\u06cc", "\u064a")
    body = " ".join([persian] * 12)
    raw = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        f"<title>{persian}</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>"
    ).encode("cp1256")
    page = read_html(raw)
    assert persian in page.text


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param("<html><head><title>Empty</title></head><body></body></html>", id="empty-body"),
        pytest.param("<html><body><script>var story = 1;</script></body></html>", id="script-only"),
        pytest.param("<html><body><div><a href='/'>Home</a></div></body></html>", id="one-link"),
    ],
)
def test_read_html_without_main_text_raises_r108(markup: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_html(markup, url="https://harbor-ledger.example/empty")
    assert caught.value.code == "R108"
    assert caught.value.where == "https://harbor-ledger.example/empty"


@pytest.mark.parametrize("tag", ["div", "span", "li", "table"])
def test_read_html_survives_deep_nesting(tag: str) -> None:
    opening = f"<html><body><article><p>{PARAGRAPHS[0]}</p>"
    deep = opening + f"<{tag}>" * 10_000 + f"<p>{PARAGRAPHS[1]}</p>" + f"</{tag}>" * 10_000 + "</article></body></html>"
    started = time.monotonic()
    page = read_html(deep)
    assert time.monotonic() - started < 10
    assert PARAGRAPHS[0] in page.text


def test_read_html_deep_nesting_without_text_is_r108() -> None:
    deep = "<html><body>" + "<div>" * 10_000 + "</div>" * 10_000 + "</body></html>"
    with pytest.raises(IngestError) as caught:
        read_html(deep)
    assert caught.value.code == "R108"


def test_read_html_falls_back_when_extractor_recurses(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html_module, "bare_extraction", exhausted)
    page = read_html(PAGE)
    assert PARAGRAPHS[1] in page.text
    assert "var " not in page.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(PAGE, True, id="doctype"),
        pytest.param("  <html><body>x</body></html>", True, id="html-tag"),
        pytest.param("<p>a</p><p>b</p><div>c</div><br><span>d</span>", True, id="tag-soup"),
        pytest.param("A plain report that mentions <b> once.", False, id="plain"),
        pytest.param(PARAGRAPHS[0], False, id="prose"),
    ],
)
def test_is_html(text: str, expected: bool) -> None:
    assert is_html(text) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b'<meta charset="windows-1256">', "windows-1256", id="html5"),
        pytest.param(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "ISO-8859-1", id="http-equiv"),
        pytest.param(b"<html><head></head></html>", None, id="none"),
    ],
)
def test_parse_meta_charset(raw: bytes, expected: str | None) -> None:
    assert parse_meta_charset(raw) == expected


def test_has_letters_counts_up_to_the_threshold_only() -> None:
    from reckon.ingest.html import _has_letters

    for text in ("", "— — —", "ab12 " * 3, "x" * 19, "x" * 20, "Tovin Maresk and the harbour warden, 12 boats."):
        assert _has_letters(text, 20) == (sum(c.isalnum() for c in text) >= 20), text
