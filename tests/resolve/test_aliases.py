from __future__ import annotations

import pytest

from reckon.model import Actor
from reckon.resolve.aliases import (
    is_acronym,
    is_named_actor,
    length_bands,
    normalize_name,
    resolve_actor_names,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Al-Shabaab's", "al shabaab"),
        ("Kata'ib Vornu", "kataib vornu"),
        ("Médecins de la Frontière", "medecins de la frontiere"),
        ("The Red Hand", "red hand"),
        ("soldiers'", "soldiers"),
        ("  Red   Hand  ", "red hand"),
        ("Ost\u2019s Brigade", "ost brigade"),
    ],
)
def test_normalize_name_folds_surface_differences(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"), [("MEK", True), ("U.N.", True), ("Mek", False), ("Red Hand", False)]
)
def test_is_acronym_only_capital_letters(name: str, expected: bool) -> None:
    assert is_acronym(name) is expected


def test_resolve_actor_names_spelling_variants_are_one_actor() -> None:
    names = ["al-Shabab", "Al-Shabaab", "Al-Shabaab", "al Shabaab's", "Red Hand"]
    mapping = resolve_actor_names(names)
    assert mapping["al-Shabab"] == mapping["al Shabaab's"] == mapping["Al-Shabaab"] == "Al-Shabaab"
    assert mapping["Red Hand"] == "Red Hand"


def test_resolve_actor_names_canonical_ties_prefer_longest() -> None:
    mapping = resolve_actor_names(["Vornu Liberation Front", "Vornu Liberation Fronts"])
    assert set(mapping.values()) == {"Vornu Liberation Fronts"}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("PMOI", "PMOE"),  # acronyms: exact only
        ("4th Lancer Squadron", "5th Lancer Squadron"),  # numbers must agree
        ("Iraqi forces", "Iranian forces"),
        ("US forces", "UK forces"),
        ("Hamas", "Hamis"),  # too short for fuzzy matching
    ],
)
def test_resolve_actor_names_near_misses_stay_apart(left: str, right: str) -> None:
    mapping = resolve_actor_names([left, right])
    assert mapping[left] != mapping[right]


def test_resolve_actor_names_alias_table_joins_acronyms() -> None:
    actor = Actor(name="Vornu People's Front", aliases=("VPF", "Front of the Vornu People"))
    mapping = resolve_actor_names(["VPF", "VPF", "Vornu Peoples Front"], actors=[actor])
    assert mapping["VPF"] == mapping["Vornu Peoples Front"] == "Vornu People's Front"


def test_resolve_actor_names_is_order_independent() -> None:
    names = ["Kata'ib Vornu", "Kataib Vornu", "Katayib Vornu", "Red Hand", "red hand"]
    assert resolve_actor_names(names) == resolve_actor_names(list(reversed(names)))


def test_resolve_actor_names_ignores_blank_names() -> None:
    assert resolve_actor_names(["", "  ", "Red Hand"]) == {"Red Hand": "Red Hand"}


@pytest.mark.parametrize(
    ("actor", "expected"),
    [("Red Hand", True), ("al-Shabaab", True), ("armed men", False), ("the gunman", False)],
)
def test_is_named_actor_capitals_mark_names(actor: str, expected: bool) -> None:
    assert is_named_actor(actor) is expected


@pytest.mark.parametrize(("short", "long"), [(1, 1), (7, 8), (9, 11), (22, 27), (100, 127)])
def test_length_bands_near_lengths_share_a_band(short: int, long: int) -> None:
    assert set(length_bands(short)) & set(length_bands(long))


def test_length_bands_far_lengths_do_not() -> None:
    assert not set(length_bands(10)) & set(length_bands(30))
