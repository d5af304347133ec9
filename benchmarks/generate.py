"""A seeded, deterministic generator of realistic news pages for the throughput benchmarks.

Not a test and not project data: it writes synthetic articles to a folder (one .html per
article) and/or a WARC.gz (one HTTP response record per article), for `benchmarks/run.py`.

    .venv/bin/python benchmarks/generate.py --docs 500 --out /tmp/bench   # files + bench.warc.gz

Every page has what real news pages have around the story (a navigation bar, a header,
related-story links, a footer with legal lines) and a story of several paragraphs reporting
two to four incidents, each with several claimants: the author's voice, officials and
agencies quoted with "said"/"according to", organisations taken from the alias table
(src/reckon/data/aliases.tsv) under any of their aliases, people quoted in block and inline
quotations, figures written as digits, words, ranges and hedges. Places are real populated
places of the gazetteer (src/reckon/data/gazetteer.tsv.gz) and sites of places.tsv, so the
place finder does its real work; the events, people and figures are invented.

The same seed gives byte-identical output; each article's text depends only on (seed, index),
so a 2000-document corpus starts with the 500 documents of a 500-document corpus.
"""

from __future__ import annotations

import argparse
import gzip
import io
import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["article_html", "articles", "write_files", "write_warc"]

OUTLETS = ("The Daily Courier", "Morning Ledger", "Continental Wire", "The Evening Standard-Post",
           "Regional Monitor", "The Northern Gazette")
FIRST = ("Amina", "Daniel", "Farid", "Grace", "Hassan", "Ines", "Joseph", "Leila", "Marta", "Nabil",
         "Olu", "Priya", "Rafael", "Samir", "Tomas", "Yusuf", "Zainab", "Kofi", "Elena", "Ibrahim")
LAST = ("Abara", "Bennett", "Castillo", "Dembele", "Eriksen", "Farouk", "Garba", "Haddad", "Idris",
        "Juma", "Kamara", "Lindqvist", "Mensah", "Nwosu", "Okafor", "Petrov", "Quispe", "Rahimi")
ROLES = ("a police spokesman", "the district commissioner", "a local official", "a hospital director",
         "a community leader", "an army spokesman", "a regional governor", "a survivor")
VICTIMS = ("civilians", "villagers", "market traders", "worshippers", "farmers", "students", "passengers",
           "soldiers", "police officers", "displaced people", "fishermen", "children")
ATTACKS = ("attacked", "stormed", "raided", "opened fire on", "ambushed", "shelled")
WEAPONS = ("gunmen", "armed men", "suspected militants", "assailants", "fighters")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "fifteen", "twenty", "thirty", "forty-two", "fifty-two")
HEDGES = ("at least {n}", "more than {n}", "about {n}", "{n}", "nearly {n}", "up to {n}", "{n} to {m}",
          "between {n} and {m}")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SECTIONS = ("World", "Africa", "Middle East", "Asia", "Americas", "Europe", "Opinion", "Business", "Sport")
FILLER = (
    "Residents said the area had been tense for weeks, with shops closing early and roads emptied by dusk.",
    "The region has seen repeated violence since the collapse of a ceasefire last year.",
    "Aid groups have warned that access to the area remains limited and that figures may rise.",
    "Markets in the town reopened briefly before traders fled again, witnesses said.",
    "Local radio broadcast appeals for calm as families searched for relatives.",
    "Officials did not say how many of the attackers had been arrested.",
    "Schools in the district have been closed since the start of the month.",
)


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, str], ...]:
    """(name, country) of well-known populated places and sites, ASCII names only."""
    data = resources.files("reckon.data")
    found: list[tuple[str, str]] = []
    with gzip.open(io.BytesIO(data.joinpath("gazetteer.tsv.gz").read_bytes()), "rt", encoding="utf-8") as lines:
        in_rows = False
        for line in lines:
            if line.startswith("#rows"):
                in_rows = True
                continue
            if line.startswith("#index"):
                break
            if not in_rows or line.startswith("#"):
                continue
            name, country, _admin1, _lat, _lon, population, _kind = line.rstrip("\n").split("\t")[:7]
            if int(population or 0) >= 100_000 and name.isascii() and " " not in name and name.isalpha():
                found.append((name, country))
    for line in data.joinpath("places.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("name\t"):
            continue
        parts = line.split("\t")
        if len(parts) >= 4 and parts[0].isascii():
            found.append((parts[0], parts[3]))
    return tuple(found)


@lru_cache(maxsize=1)
def _actors() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Alias-table actors by kind: each a tuple of its names (canonical first)."""
    by_kind: dict[str, list[tuple[str, ...]]] = {}
    text = resources.files("reckon.data").joinpath("aliases.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        names = [parts[0]] + [a for a in (parts[3].split("|") if len(parts) > 3 else []) if a]
        names = [n for n in names if n.isascii()]
        if names:
            by_kind.setdefault(parts[1], []).append(tuple(names))
    return {kind: tuple(items) for kind, items in by_kind.items()}


def _figure(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(NUMBER_WORDS)
    low = rng.randint(2, 140)
    return rng.choice(HEDGES).format(n=low, m=low + rng.randint(3, 30))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _actor(rng: random.Random, *kinds: str) -> str:
    actors = _actors()
    pool = [item for kind in kinds for item in actors.get(kind, ())]
    names = rng.choice(pool)
    return names[0] if rng.random() < 0.6 else rng.choice(names)


def _incident_paragraphs(rng: random.Random, published: date) -> list[str]:
    place, _country = rng.choice(_places())
    day = rng.choice(WEEKDAYS)
    attacker = _actor(rng, "armed_group") if rng.random() < 0.7 else rng.choice(WEAPONS)
    victims = rng.choice(VICTIMS)
    official = _person(rng)
    role = rng.choice(ROLES)
    agency = _actor(rng, "ngo", "un", "igo", "government", "media")
    killed, injured, abducted = _figure(rng), _figure(rng), _figure(rng)
    opening = rng.choice((
        f"{attacker.capitalize() if attacker[0].islower() else attacker} {rng.choice(ATTACKS)} {place} on {day}, "
        f"killing {killed} {victims} and wounding {injured} others, officials said.",
        f"At least {rng.randint(3, 90)} {victims} were killed in {place} on {day} when {attacker} "
        f"{rng.choice(ATTACKS)} the town, according to {agency}.",
        f"{killed.capitalize()} people died and {injured} were injured in an attack on {place} on {day}, "
        f"the {rng.choice(('police', 'army', 'interior ministry', 'local authorities'))} said.",
    ))
    paragraphs = [opening]
    paragraphs.append(
        f"\u201cWe counted {_figure(rng)} bodies in the streets,\u201d said {official}, {role}, "
        f"who blamed {attacker} for the attack. \u201cThey also took {abducted} people with them.\u201d"
    )
    paragraphs.append(
        f"{agency} said in a statement that {_figure(rng)} {victims} had been killed and {_figure(rng)} "
        f"abducted, and that {_figure(rng)} families had fled to neighbouring villages."
    )
    if rng.random() < 0.5:
        claimer = _actor(rng, "armed_group")
        paragraphs.append(f"{claimer} claimed responsibility for the attack in a message posted online on "
                          f"{(published - timedelta(days=rng.randint(0, 3))).strftime('%d %B %Y').lstrip('0')}.")
    if rng.random() < 0.5:
        paragraphs.append(
            f"In a report, {_actor(rng, 'ngo', 'un')} wrote: \u201cThe attack on {place} left {_figure(rng)} dead, "
            f"among them {_figure(rng)} children, and the toll is expected to rise.\u201d"
        )
    paragraphs.append(rng.choice(FILLER))
    return paragraphs


def article_html(seed: int, index: int) -> tuple[str, str, date]:
    """(url, html, published) of article ``index``; depends only on (seed, index)."""
    rng = random.Random(f"{seed}:{index}")
    outlet = rng.choice(OUTLETS)
    host = outlet.lower().removeprefix("the ").replace(" ", "").replace("-", "") + ".example"
    published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3000))
    section = rng.choice(SECTIONS[:6])
    url = f"https://{host}/{section.lower().replace(' ', '-')}/{published:%Y/%m/%d}/story-{index}"
    body: list[str] = []
    for _ in range(rng.randint(2, 4)):
        body.extend(_incident_paragraphs(rng, published))
    place, _ = rng.choice(_places())
    title = f"{rng.randint(5, 80)} killed as violence spreads near {place}"
    author = _person(rng)
    nav = "".join(f'<li><a href="/{s.lower().replace(" ", "-")}/">{s}</a></li>' for s in SECTIONS)
    related = "".join(
        f'<li><a href="/story-{rng.randint(0, 10**6)}">{rng.choice(FILLER)[:60]}</a></li>' for _ in range(4)
    )
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published.isoformat()}T08:{rng.randint(10, 59)}:00Z">
<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js"></script>
</head><body>
<header class="site-header"><a class="logo" href="/">{outlet}</a>
<nav class="main-nav"><ul>{nav}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Learn more</a></div>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}, {outlet}</p>
<time datetime="{published.isoformat()}">{published.strftime('%B %d, %Y')}</time>
{paragraphs}
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
<div class="newsletter">Sign up for our daily newsletter. <a href="/subscribe">Subscribe</a></div>
</main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li></ul>
<p>&copy; {published.year} {outlet}. All rights reserved.</p></footer>
</body></html>
"""
    return url, html, published


def articles(count: int, *, seed: int = 7) -> Iterator[tuple[str, str, date]]:
    """The first ``count`` articles of the seeded stream, generated lazily."""
    for index in range(count):
        yield article_html(seed, index)


def write_files(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, (_url, html, _published) in enumerate(articles(count, seed=seed)):
        path = folder / f"article-{index:06d}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def write_warc(path: Path, count: int, *, seed: int = 7) -> Path:
    """One gzipped WARC with a response record per article (warcio), streamed to disk."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=True)
        for url, html, published in articles(count, seed=seed):
            payload = html.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers,
                warc_headers_dict={"WARC-Date": f"{published.isoformat()}T12:00:00Z",
                                   # a stable record id keeps the archive byte-identical per seed
                                   "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{seed}:{url}')}>"},
            )
            writer.write_record(record)
            record.raw_stream.close()  # warcio spooled the block to a temporary file
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-files", action="store_true", help="write only the WARC.gz")
    options = parser.parse_args()
    if not options.no_files:
        write_files(options.out / "html", options.docs, seed=options.seed)
    write_warc(options.out / f"bench-{options.docs}.warc.gz", options.docs, seed=options.seed)
    print(f"{options.docs} articles in {options.out}")


if __name__ == "__main__":
    main()
