"""Property-based tests (hypothesis) over generated inputs, beside the example tests:
number bounds, date resolution, span bookkeeping of whole documents through
``reckon.extract(text)``, and alias resolution. Names and places are invented.

test_numbers.py and test_dates.py already check that the finders never raise on random
text and that number words round-trip; these add the properties that tie a generated
value to what is found.
"""

from __future__ import annotations

import string
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import reckon
from reckon.extract.actors import find_document_aliases
from reckon.extract.dates import find_dates
from reckon.extract.numbers import find_quantities, parse_quantity
from reckon.model import Actor
from reckon.resolve.aliases import normalize_name, resolve_actor_names
from reckon.store.rows import spans_of

_MONTHS = "January February March April May June July August September October November December".split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_counts = st.integers(min_value=2, max_value=99_999)


def _digits(n: int) -> str:
    return f"{n:,}"


# --- numbers -------------------------------------------------------------------------------------


@given(_counts)
def test_parse_quantity_hedges_bound_the_figure(n: int) -> None:
    text = _digits(n)
    assert parse_quantity(text) == (n, n)
    assert parse_quantity(f"at least {text}") == (n, None)
    assert parse_quantity(f"more than {text}") == (n + 1, None)
    assert parse_quantity(f"up to {text}") == (None, n)
    assert parse_quantity(f"fewer than {text}") == (None, n - 1)
    assert parse_quantity(f"about {text}") == (n, n)


@given(_counts, _counts, st.sampled_from(["between {a} and {b}", "{a} to {b}", "{a}-{b}", "{a}–{b}"]))
def test_parse_quantity_ranges_are_ordered(a: int, b: int, form: str) -> None:
    assume(a < b)
    assert parse_quantity(form.format(a=_digits(a), b=_digits(b))) == (a, b)


@settings(max_examples=150)
@given(_counts, st.sampled_from(["at least ", "about ", "up to ", "", "more than "]), st.sampled_from(["killed", "wounded", "abducted"]))
def test_find_quantities_finds_the_generated_count_at_its_span(n: int, hedge: str, verb: str) -> None:
    assume(not 1900 <= n <= 2100)  # a bare year-like figure is read as a year, by design
    prefix = "Gunmen stormed Velmora on Tuesday and "
    text = f"{prefix}{hedge}{_digits(n)} people were {verb}, officials said."
    found = [q for q in find_quantities(text) if q.span.start >= len(prefix)]
    assert found, text
    quantity = found[0]
    assert text[quantity.span.start : quantity.span.end] == quantity.text
    assert (quantity.min, quantity.max) == parse_quantity(f"{hedge}{_digits(n)}")


# --- dates ---------------------------------------------------------------------------------------

_days = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))


def _forms(day: date) -> list[str]:
    month = _MONTHS[day.month - 1]
    return [f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}", day.isoformat()]


@settings(max_examples=150)
@given(_days, st.integers(min_value=0, max_value=2))
def test_find_dates_reads_generated_absolute_dates(day: date, form: int) -> None:
    written = _forms(day)[form]
    text = f"The council of Velmora met on {written} to count the dead."
    (mention,) = find_dates(text)
    assert mention.value == day.isoformat()
    assert text[mention.span.start : mention.span.end] == mention.text


@settings(max_examples=150)
@given(_days, st.integers(min_value=0, max_value=6))
def test_find_dates_resolves_weekdays_to_the_last_such_day(anchor: date, weekday: int) -> None:
    text = f"Rebels attacked the depot at Mirrenby on {_WEEKDAYS[weekday]}."
    (mention,) = find_dates(text, anchor=anchor)
    back = (anchor.weekday() - weekday) % 7
    assert mention.value == (anchor - timedelta(days=back)).isoformat()
    assert mention.relative
    assert text[mention.span.start : mention.span.end] == mention.text


@settings(max_examples=100)
@given(_days, st.integers(min_value=1, max_value=30))
def test_find_dates_days_ago_counts_back_from_the_anchor(anchor: date, days: int) -> None:
    words = "one two three four five six seven eight nine ten".split()
    amount = words[days - 1] if days <= 10 else str(days)
    (mention,) = find_dates(f"The camp was raided {amount} days ago.", anchor=anchor)
    assert mention.value == (anchor - timedelta(days=days)).isoformat()


# --- span bookkeeping over generated documents -----------------------------------------------------

_first = st.sampled_from(["Tessaly", "Oren", "Marit", "Idris", "Kaveh", "Lusa", "Anneke", "Bastian"])
_last = st.sampled_from(["Morn", "Varga", "Okonde", "Haldane", "Ferreira", "Lindqvist", "Sabri"])
_town = st.sampled_from(["Mirrenby", "Velmora", "Odimba", "Tarkan", "Kesselburg", "Ashwick"])
_group = st.sampled_from(["Red Lantern Brigade", "Northern Ash Front", "Valdorian Interior Ministry"])
_noise = st.text(alphabet=string.ascii_letters + " ,.;:'\"()-\u201c\u201d\u2019\u00e9\u0645\n", max_size=40)


@st.composite
def reports(draw: st.DrawFn) -> str:
    """A short report built from templates, with figures, a quote, a claimant and noise."""
    person = f"{draw(_first)} {draw(_last)}"
    town, group = draw(_town), draw(_group)
    sentences = [
        f"{draw(_town).upper()}, {draw(st.integers(1, 28))} {draw(st.sampled_from(_MONTHS))} 2031 - "
        f"Gunmen attacked {town} on {draw(st.sampled_from(_WEEKDAYS))}, killing "
        f"{draw(st.sampled_from(['at least ', 'about ', '']))}{draw(st.integers(2, 900))} people, the governor said.",
        f"The {group} was blamed by {person} for the raid.",
        f"\u201c{draw(_noise).replace(chr(0x201d), '')} we ran,\u201d said {person}, a farmer.",
        f"{draw(st.sampled_from(['Seven', 'Dozens of', 'Up to 40', 'Between 3 and 5']))} villagers were abducted.",
        draw(_noise),
    ]
    order = draw(st.permutations(range(1, len(sentences))))
    paragraphs = draw(st.booleans())
    return ("\n\n" if paragraphs else " ").join([sentences[0], *(sentences[i] for i in order)])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_extract_spans_hold_their_text_on_generated_documents(text: str) -> None:
    findings = reckon.extract(text)
    stored = findings.document.text
    assert stored == text
    for label, span in spans_of(findings):
        assert 0 <= span.start <= span.end <= len(stored), label
    for incident in findings.incidents:
        for count in incident.counts:
            assert stored[count.span.start : count.span.end] == count.quantity_text
            assert parse_quantity(count.quantity_text) == (count.min, count.max)
        for accusation in incident.perpetrators:
            assert accusation.span.end > accusation.span.start
    for quote in findings.quotes:
        assert stored[quote.span.start : quote.span.end] == quote.text


# --- aliases ---------------------------------------------------------------------------------------

_words = st.lists(st.sampled_from(["Red", "Lantern", "Brigade", "Northern", "Ash", "Front", "Free", "Valdor", "Army", "Sons", "Hill"]), min_size=2, max_size=4, unique=True)


@given(st.lists(_words.map(" ".join), min_size=1, max_size=8))
def test_resolve_actor_names_is_a_canonical_closure(names: list[str]) -> None:
    mapping = resolve_actor_names(names)
    assert set(names) <= set(mapping)
    for canonical in mapping.values():
        assert mapping[canonical] == canonical  # a canonical name is its own canonical
    assert resolve_actor_names(list(mapping.values())) == {c: c for c in set(mapping.values())}


@given(_words.map(" ".join), st.sampled_from([str.upper, str.lower, lambda s: "the " + s, lambda s: "  " + s + " "]))
def test_resolve_actor_names_merges_case_and_article_variants(name: str, variant) -> None:  # noqa: ANN001
    other = variant(name)
    assume(normalize_name(other) == normalize_name(name))
    mapping = resolve_actor_names([name, name, other])
    assert mapping[other] == mapping[name] == name  # the more frequent surface form wins


@given(_words)
def test_declared_alias_joins_its_actor(words: list[str]) -> None:
    full = " ".join(words)
    acronym = "".join(word[0] for word in words).upper()
    mapping = resolve_actor_names([acronym, full, full], actors=[Actor(name=full, aliases=(acronym,))])
    assert mapping[acronym] == full


@settings(max_examples=60)
@given(_words)
def test_find_document_aliases_reads_a_bracketed_acronym(words: list[str]) -> None:
    full = " ".join(words)
    acronym = "".join(word[0] for word in words).upper()
    text = f"Fighters of the {full} ({acronym}) entered {acronym[0]}ashwick; the {acronym} later withdrew."
    found = find_document_aliases(text)
    assert any(acronym in shorts and full in long for long, shorts in found.items()), found


# Letters that Python's ignore-case patterns equate to ASCII ones (long s, Kelvin sign,
# dotless and dotted i): a matched word holding one must still be read, never crash a lookup.
_LOOKALIKES = {"s": "\u017f", "k": "\u212a", "i": "\u0131"}


@st.composite
def lookalike_reports(draw: st.DrawFn) -> str:
    text = draw(reports())
    for ascii_letter, other in _LOOKALIKES.items():
        if draw(st.booleans()):
            text = text.replace(ascii_letter, other)
    extra = draw(st.sampled_from(["the sixth anniversary", "dozens", "hundreds of them", "the second of September",
                                  "thousands fled", "scores of dead", "first Sunday"]))
    return text + " " + "".join(_LOOKALIKES.get(c, c) if draw(st.booleans()) else c for c in extra) + "."


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lookalike_reports())
def test_extract_reads_letters_that_fold_to_ascii(text: str) -> None:
    findings = reckon.extract(text)
    for label, span in spans_of(findings):
        assert 0 <= span.start <= span.end <= len(text), label
