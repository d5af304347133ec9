"""The fast paths of extraction give what the plain code they replace gave.

Each helper here stands in for a per-call regex or a full scan; these tests pin it to
the plain form on fictional sentences, edge cases included (overlaps, repeats, misses).
"""

from __future__ import annotations

import random
import re

from reckon.extract.accusations import unit_of_soldiers
from reckon.extract.place_country import _COUNTRY_LABEL, _COUNTRY_LINE, country_named, section_country
from reckon.extract.quote_marks import PARAGRAPH as _PARAGRAPH
from reckon.extract.quote_sentences import paragraph_start, sentence_end
from reckon.extract.body_names import _ARMED_NOUNS, _BODY_NOUNS, written_as_body
from reckon.extract.named_people import _roles_after, _roles_before

_TEXTS = [
    "Tovin Maresk, the harbour warden, said the pier was closed. Tovin Maresk, a diver, told us more.",
    "a spokesman for the guild, Col. Tovin Maresk, said seven were hurt; the warden, Tovin Maresk said",
    "Tovin Maresk, the warden, Tovin Maresk, the diver who stayed, said little.",
    "the ferry pilot, Ana Dell Tovin Maresk spoke. Maresk, the ferry pilot at dawn, said nothing.",
    "No apposition here: Tovin Maresk spoke, and then the harbour, it seems, was calm.",
    "",
]


def _plain_after(text: str, name: str) -> list[str]:
    pattern = re.escape(name) + r",\s+(?:a|an|the)\s+([a-z][\w -]{2,60}?)(?=[,:]|\s+(?:who|said|told|at|of|for|in|on)\b)"
    return [m.group(1) for m in re.finditer(pattern, text)]


def _plain_before(text: str, name: str) -> list[str]:
    pattern = r"(?:a|an|the)\s+([a-z][\w -]{2,50}?),\s+(?:[A-Z][\w.]*\s+){0,4}" + re.escape(name)
    return [m.group(1) for m in re.finditer(pattern, text)]


def test_roles_read_as_the_per_name_patterns_read_them() -> None:
    for text in _TEXTS:
        for name in ("Tovin Maresk", "Maresk", "Ana Dell", "Nobody Here"):
            assert [m.group(1) for m in _roles_after(text, name)] == _plain_after(text, name), (text, name)
            assert [m.group(1) for m in _roles_before(text, name)] == _plain_before(text, name), (text, name)


def test_closest_key_is_the_best_of_the_whole_table() -> None:
    from rapidfuzz import fuzz, process

    from reckon.extract.actor_table import _FUZZY_CUTOFF, load_alias_table

    table = load_alias_table()
    keys = table._keys
    # Misspellings of table keys (one letter changed, dropped, doubled) and names no key is near.
    probes = [k[:-1] + "q" for k in keys[::97]] + [k[1:] for k in keys[::89]] + [k + k[-1] for k in keys[::83]]
    probes += ["harbour wardens of tovin", "the glass lantern brigade", "maresk"]
    for probe in probes:
        best = process.extractOne(probe, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        assert table._closest_key(probe) == (best[0] if best else None), probe


def test_phrases_at_offers_every_phrase_a_text_starts_with() -> None:
    from reckon.extract.lexicon import load_harm_lexicon

    lexicon = load_harm_lexicon()
    for phrase in lexicon.phrases:
        for text in (phrase, phrase + " in the ward", phrase + ".", phrase[:-1]):
            offered = [p for p, _ in lexicon.phrases_at(text)]
            assert [p for p in lexicon.phrases if text.startswith(p)] == [p for p in offered if text.startswith(p)]


def test_strip_titles_hands_each_caller_its_own_set() -> None:
    from reckon.extract.person_names import strip_titles

    first = strip_titles("Major General Tovin Maresk")
    first[1].add("diver")
    again = strip_titles("Major General Tovin Maresk")
    assert again[0] == first[0] and "diver" not in again[1] and "major" in again[1]


def test_mentions_in_finds_what_find_actors_finds() -> None:
    from reckon.extract.actors import ActorResolver, find_actors

    text = ("The Glass Lantern Brigade (GLB) attacked Osk. The GLB said Boko Haram fighters had left, "
            "and the medical charity MSF treated the wounded.")
    resolver = ActorResolver(text)
    for fragment in ("The GLB said", "the medical charity MSF", "Boko Haram fighters", "Glass Lantern Brigade", "nobody"):
        assert resolver.mentions_in(fragment) == find_actors(
            fragment, table=resolver.table, document_aliases=resolver.document_aliases)


def test_doc_and_span_text_are_spacys() -> None:
    from reckon.extract.doc_text import doc_text, span_text
    from reckon.extract.nlp import parse

    texts = ["Gunmen killed 12 people in Osk on Monday , police said.  ", "  Two  more died\tlater. ", "x"]
    for doc in parse(texts):
        assert doc_text(doc) == doc.text and doc_text(doc) == doc.text  # joined, then kept
        for i in range(len(doc) + 1):
            for j in range(i, len(doc) + 1):
                assert span_text(doc[i:j]) == doc[i:j].text, (doc.text, i, j)


def test_identified_attacker_still_read_behind_the_verb_check() -> None:
    from reckon.extract.accusations import find_identified_attacker

    found = find_identified_attacker("A gunman opened fire in Osk. The gunman, later IDENTIFIED as Tovin Maresk, fled.")
    assert found is not None and found.name == "Tovin Maresk"
    assert find_identified_attacker("A gunman opened fire in Osk. The gunman, Tovin Maresk, fled.") is None


def _paragraph_start_by_search(masked: str, pos: int) -> int:
    """The search the precomputed breaks replace: every break in ``masked[:pos]``, afresh."""
    starts = [m.end() for m in _PARAGRAPH.finditer(masked, 0, pos)]
    return starts[-1] if starts else 0


def test_paragraph_start_is_what_a_search_of_the_cut_text_finds() -> None:
    # Line breaks, blank lines, indents and lower-case continuations in every mix: the cut
    # may fall right after a single line break, where the search cannot see the next line.
    rng = random.Random(7)
    pieces = ["\n", "\n\n", " ", "\t", "word", "Word", "“", ".", "  \n", "\n  a"]
    for _ in range(300):
        masked = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        for pos in range(len(masked) + 1):
            assert paragraph_start(masked, pos) == _paragraph_start_by_search(masked, pos), (masked, pos)


def test_sentence_end_is_the_first_stop_or_the_paragraph_end() -> None:
    masked = "One said so. Two said no.\n\nThree."
    assert sentence_end(masked, 0) == len("One said so.")
    assert sentence_end(masked, len("One said so. ")) == len("One said so. Two said no.")
    assert sentence_end("No stop at all", 0) == len("No stop at all")


def _written_as_body_by_search(text: str, name: str) -> bool:
    """The three whole-text searches that ``written_as_body`` anchors at each occurrence."""
    quoted = re.escape(name)
    nouns = _BODY_NOUNS + r"|" + _ARMED_NOUNS
    return bool(
        re.search(r"\b[Tt]he\s+" + quoted + r"\b", text)
        or re.search(r"(?<![\w’'-])" + quoted + r"(?:\s+[A-Z][\w’'-]*){0,2}\s+(?i:" + nouns + r")\b", text)
        or re.search(r"\b(?:" + nouns + r"),\s+" + quoted + r"\b", text)
    )


def test_written_as_body_is_what_the_whole_text_searches_find() -> None:
    rng = random.Random(11)
    pieces = ["Tesso Vanu", "Tesso", " ", "  ", "\n", "the ", "The", "a rival militia,", "organization,",
              " fighters", " Militia", " Kol", "x", "-", "’", ".", "said", "Vanu"]
    names = ["Tesso Vanu", "Tesso", "Vanu", "Tesso Vanu."]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for name in names:
            assert written_as_body(text, name) == _written_as_body_by_search(text, name), (text, name)
    assert written_as_body("a rival militia, Tesso Vanu, said", "Tesso Vanu")
    assert not written_as_body("Tesso Vanu said the militia left.", "Tesso Vanu")


def _section_country_by_search(text: str, position: int) -> str | None:
    """Every heading in ``text[:position]``, searched afresh: what ``section_country`` replaces."""
    found = None
    lines = sorted([*_COUNTRY_LINE.finditer(text, 0, position), *_COUNTRY_LABEL.finditer(text, 0, position)],
                   key=lambda line: line.start())
    for line in lines:
        country = country_named(line.group("c"))
        if country is not None:
            found = country
        elif line.re is _COUNTRY_LINE and line.group("c").isupper():
            found = None  # a heading of another kind ends the country's section
    return found


def test_section_country_is_what_a_search_of_the_cut_text_finds() -> None:
    rng = random.Random(5)
    pieces = ["MALI", "Niger", "Chad", "Nigeria ", "Kaduna", ": ", " (Gao): ", "\n", "\n\n", " ", "gunmen killed 4",
              "Tessalit", ".", "Bamako", "TRENDS", "CÔTE D'IVOIRE"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        for position in range(len(text) + 1):
            assert section_country(text, position) == _section_country_by_search(text, position), (text, position)


def _unit_by_search(text: str, actors: list[str]) -> str | None:
    """Each accused searched for after "soldiers of" in the whole page: what ``unit_of_soldiers`` replaces."""
    units = {actor for actor in actors
             if re.search(r"\b(?:soldiers|troops)\s+of\s+(?:the\s+)?" + re.escape(re.sub(r"^the\s+", "", actor)) + r"\b",
                          text, re.IGNORECASE)}
    return units.pop() if len(units) == 1 else None


def test_unit_of_soldiers_is_what_a_search_of_the_page_finds() -> None:
    rng = random.Random(3)
    pieces = ["Soldiers of ", "troops of  the ", "the 4th Battalion", "4th Battalion", "Osk Rangers", " killed ",
              "soldiers", " of ", ". ", "The ", "Rangers", "\n"]
    actors = ["the 4th Battalion", "Osk Rangers", "Rangers", "4th Battalion Osk"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        chosen = rng.sample(actors, rng.randint(1, len(actors)))
        assert unit_of_soldiers(text, chosen) == _unit_by_search(text, chosen), (text, chosen)
