"""How ``reckon.resolve.resolve`` scales: seeded synthetic corpora of 1k, 10k and 100k documents.

Not a test (never run by pytest). Run from the repository root:

    .venv/bin/python benchmarks/resolve_scale.py            # 1k, 10k (3 runs each), 100k (1 run)
    .venv/bin/python benchmarks/resolve_scale.py --sizes 1000 10000 --runs 3

The generator is seeded, so two runs time the same input. Each corpus has N documents
reporting M = N/4 invented incidents at invented places in 20 invented countries, with the
noise real reporting has: 15% of reports undated, some dated a day off or only by month or
year, place spellings varied or refined ("X" / "X Market"), 10% of documents reprints of
another (same story, new furniture), a few anniversary pieces years later, several
incidents per document. Besides time, it prints B-cubed precision and recall of the
clustering against the generator's truth, so a faster change that merges wrongly shows.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from reckon.model import (
    AUTHOR,
    Accusation,
    Claimant,
    Count,
    CountKind,
    Document,
    DocumentFindings,
    Place,
    ReportedIncident,
    Span,
)
from reckon.resolve import resolve

# 90 syllables, words of 2-3: a name space (~740k words) that, like real gazetteers,
# grows with the corpus and has some near-identical names by chance.
SYLLABLES = tuple(c + v for c in "bdfghjklmnprstvwyz" for v in "aeiou")
COUNTRIES = tuple(f"X{chr(ord('A') + n)}" for n in range(20))
VICTIMS = ("market traders", "pupils", "worshippers", "farmers", "displaced families", "patients")
CLAIMANTS = ("Ministry of the Interior", "Relief Network", "provincial police", "Red Lantern")


@dataclass(frozen=True, slots=True)
class _Event:
    number: int
    place: str
    country: str
    latitude: float | None
    longitude: float | None
    day: date
    actor: str
    victims: str
    killed: int


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def _variant(name: str, rng: random.Random) -> str:
    # One vowel swapped: the spelling drift of transliterated names.
    vowels = [i for i, ch in enumerate(name) if ch in "aeiou"]
    if not vowels:
        return name
    i = rng.choice(vowels)
    return name[:i] + rng.choice([v for v in "aeiou" if v != name[i]]) + name[i + 1 :]


def make_corpus(
    size: int, *, seed: int = 7
) -> tuple[list[DocumentFindings], dict[tuple[str, int], int]]:
    """``size`` documents' findings and the truth: (document id, report index) -> event."""
    rng = random.Random(seed)
    vocabulary = [_word(rng, 3) for _ in range(6000)]
    place_count = max(40, size // 10)
    places = []
    for _ in range(place_count):
        name = _word(rng, rng.choice((2, 3))).capitalize()
        if rng.random() < 0.4:
            name += " " + _word(rng, 2).capitalize()
        country = rng.choice(COUNTRIES)
        if rng.random() < 0.5:
            places.append((name, country, rng.uniform(-30, 30), rng.uniform(-20, 60)))
        else:
            places.append((name, country, None, None))
    actors = [
        _word(rng, 3).capitalize() + " " + rng.choice(("Front", "Brigade", "Guard"))
        for _ in range(300)
    ]
    events = []
    for number in range(max(10, size // 4)):
        name, country, latitude, longitude = rng.choice(places)
        events.append(
            _Event(
                number,
                name,
                country,
                latitude,
                longitude,
                date(2000, 1, 1) + timedelta(days=rng.randrange(30 * 365)),
                rng.choice(actors),
                rng.choice(VICTIMS),
                rng.randint(2, 120),
            )
        )
    by_country: dict[str, list[_Event]] = defaultdict(list)
    for event in events:
        by_country[event.country].append(event)

    findings: list[DocumentFindings] = []
    truth: dict[tuple[str, int], int] = {}
    for number in range(size):
        if findings and rng.random() < 0.10:
            # A reprint: the same story and findings under another site's furniture.
            source = rng.choice(findings)
            text = (
                f"Site {number} | News\n" + source.document.text + f"\nShare. Copyright {number}."
            )
            document = Document(text=text, name=f"d{number}", published=source.document.published)
            findings.append(DocumentFindings(document=document, incidents=source.incidents))
            for index in range(len(source.incidents)):
                truth[(document.id, index)] = truth[(source.document.id, index)]
            continue
        main = rng.choice(events)
        anniversary = rng.random() < 0.02
        lag = rng.randrange(365 * 5, 365 * 15) if anniversary else rng.randrange(0, 20)
        published = (main.day + timedelta(days=lag)).isoformat()
        chosen = [main]
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
            other = rng.choice(by_country[main.country])
            if other not in chosen and other.day <= main.day + timedelta(days=lag):
                chosen.append(other)
        text = " ".join(rng.choice(vocabulary) for _ in range(150))
        document = Document(
            text=f"Report {number}. {text}.", name=f"d{number}", published=published
        )
        reports = tuple(_report(event, rng) for event in chosen)
        findings.append(DocumentFindings(document=document, incidents=reports))
        for index, event in enumerate(chosen):
            truth[(document.id, index)] = event.number
    return findings, truth


def _report(event: _Event, rng: random.Random) -> ReportedIncident:
    roll = rng.random()
    if roll < 0.15:
        when = None
    elif roll < 0.22:
        when = (event.day + timedelta(days=rng.choice((-1, 1)))).isoformat()
    elif roll < 0.27:
        when = event.day.isoformat()[:7]
    elif roll < 0.29:
        when = event.day.isoformat()[:4]
    else:
        when = event.day.isoformat()
    name = event.place
    roll = rng.random()
    if roll < 0.10:
        name = _variant(name, rng)
    elif roll < 0.18:
        name = name + rng.choice((" Market", " camp", " Hospital"))
    place = Place(
        name=name, country=event.country, latitude=event.latitude, longitude=event.longitude
    )
    claimant = AUTHOR if rng.random() < 0.7 else Claimant(name=rng.choice(CLAIMANTS))
    figure = max(1, event.killed + rng.choice((0, 0, 0, -1, 2, 5)))
    counts = (
        Count(
            kind=CountKind.KILLED,
            min=figure,
            max=figure,
            claimant=claimant,
            span=Span(start=10, end=12),
            extractor="bench.v1",
        ),
    )
    perpetrators = ()
    if rng.random() < 0.7:
        perpetrators = (
            Accusation(
                actor=event.actor,
                claimant=AUTHOR,
                span=Span(start=20, end=30),
                extractor="bench.v1",
            ),
        )
    victims = (event.victims,) if rng.random() < 0.6 else ()
    return ReportedIncident(
        date=when, place=place, counts=counts, perpetrators=perpetrators, victims=victims
    )


def bcubed(incidents, truth: dict[tuple[str, int], int]) -> tuple[float, float]:
    """B-cubed precision and recall of the clustering against the generator's events."""
    cluster_of = {}
    for incident in incidents:
        for report in incident.reports:
            cluster_of[(report.document_id, report.index)] = incident.id
    by_cluster: dict[str, list[int]] = defaultdict(list)
    by_event: dict[int, list[str]] = defaultdict(list)
    for key, event in truth.items():
        by_cluster[cluster_of[key]].append(event)
        by_event[event].append(cluster_of[key])
    precision = recall = 0.0
    for key, event in truth.items():
        members = by_cluster[cluster_of[key]]
        precision += members.count(event) / len(members)
        recall += by_event[event].count(cluster_of[key]) / len(by_event[event])
    return precision / len(truth), recall / len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3, help="runs per size below 100k (median)")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()

    # Wall time is what a user waits; CPU time of this process is what the code costs and
    # is steadier on a shared machine, so both are reported and both get a growth ratio.
    walls: dict[int, float] = {}
    cpus: dict[int, float] = {}
    for size in options.sizes:
        findings, truth = make_corpus(size, seed=options.seed)
        runs = 1 if size >= 100000 else options.runs
        wall_times, cpu_times = [], []
        incidents = []
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            incidents = resolve(findings)
            wall_times.append(time.perf_counter() - wall)
            cpu_times.append(time.process_time() - cpu)
        walls[size], cpus[size] = statistics.median(wall_times), statistics.median(cpu_times)
        precision, recall = bcubed(incidents, truth)
        reports = sum(len(f.incidents) for f in findings)
        events = len(set(truth.values()))
        print(
            f"{size:>7} documents {reports:>7} reports {events:>6} events -> "
            f"{len(incidents):>6} incidents | {'median' if runs > 1 else 'single'} of {runs}: "
            f"wall {walls[size]:7.2f} s, cpu {cpus[size]:7.2f} s "
            f"({1e6 * cpus[size] / size:5.0f} us/doc) | B-cubed P {precision:.3f} R {recall:.3f}",
            flush=True,
        )
    sizes = sorted(walls)
    for small, large in pairwise(sizes):
        print(
            f"growth {small} -> {large} ({large / small:.0f}x documents): "
            f"wall {walls[large] / walls[small]:.1f}x, cpu {cpus[large] / cpus[small]:.1f}x"
        )


if __name__ == "__main__":
    main()
