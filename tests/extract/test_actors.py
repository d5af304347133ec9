"""Actor names: the alias table, a document's own aliases, mentions and the resolver.

All names of places and people below are fictional; the armed groups and agencies are
real ones from the packaged table, used only as table entries.
"""

from __future__ import annotations

import pytest

from reckon.errors import ExtractError
from reckon.extract.actors import (
    ActorResolver,
    AliasTable,
    find_actors,
    find_document_aliases,
    is_acronym,
    load_alias_table,
    name_key,
    parse_alias_table,
)


@pytest.fixture(scope="module")
def table() -> AliasTable:
    return load_alias_table()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kata’ib Hezbollah", "Kata'ib Hezbollah"),
        ("al-Shabaab", "Al Shabaab"),
        ("The State Dept.", "state dept"),
        ("U.S. forces", "US forces"),
        ("Médecins Sans Frontières", "Medecins sans frontieres"),
        ("Nigeria’s military", "Nigeria military"),
    ],
)
def test_name_key_ignores_spelling_noise(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_keeps_article_of_one_word_title() -> None:
    assert name_key("The Age") != name_key("Age")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KH", True),
        ("MeK", True),
        ("IS-K", True),
        ("PMOI/MEK", True),
        ("U.N.", True),
        ("M23", True),
        ("Hamas", False),
        ("Nato", False),
        ("al-Qaeda", False),
        ("is", False),
        ("Boko Haram", False),
    ],
)
def test_is_acronym(name: str, expected: bool) -> None:
    assert is_acronym(name) is expected


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Hizballah", "Hezbollah"),
        ("Kata’ib Hezballah", "Kata'ib Hezbollah"),
        ("KH", "Kata'ib Hezbollah"),
        ("Mujahedeen-e Khalq", "People's Mojahedin Organization of Iran"),
        ("MeK", "People's Mojahedin Organization of Iran"),
        ("the State Dept.", "United States Department of State"),
        ("US State Dept.", "United States Department of State"),
        ("Nigeria’s military", "Nigerian military"),
        ("the Nigerian Army", "Nigerian military"),
        ("Iraq's security forces", "Iraqi security forces"),
        ("Doctors Without Borders", "Médecins Sans Frontières"),
        ("ITAR-TASS", "ITAR-TASS"),
        ("TASS", "ITAR-TASS"),
        ("Agence France-Presse", "Agence France-Presse"),
        ("ISWAP", "Islamic State West Africa Province"),
        ("Daesh", "Islamic State"),
        ("the Taliban", "Taliban"),
        ("Amnesty International Kenya", "Amnesty International"),
    ],
)
def test_alias_table_canonical(table: AliasTable, surface: str, canonical: str) -> None:
    assert table.canonical(surface) == canonical


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Boko Harram", "Boko Haram"),
        ("Hizbollah", "Hezbollah"),
        ("Qassim Soleimani", "Qasem Soleimani"),
    ],
)
def test_alias_table_fuzzy_catches_misspelt_names(
    table: AliasTable, surface: str, canonical: str
) -> None:
    assert table.canonical(surface) == canonical


@pytest.mark.parametrize(
    "surface", ["the militery", "Iranian goverment", "aah", "Ks", "Zanthor Valley Rangers"]
)
def test_alias_table_refuses_descriptions_and_strangers(table: AliasTable, surface: str) -> None:
    assert table.canonical(surface) is None


def test_alias_table_acronyms_are_case_sensitive(table: AliasTable) -> None:
    assert table.canonical("AAH") == "Asa'ib Ahl al-Haq"
    assert table.canonical("Aah") is None


def test_packaged_table_has_no_acronym_for_two_actors() -> None:
    from importlib import resources

    text = resources.files("reckon.data").joinpath("aliases.tsv").read_text(encoding="utf-8")
    owners: dict[str, set[str]] = {}
    for entry in parse_alias_table(text):
        for name in (entry.canonical, *entry.aliases):
            if is_acronym(name):
                owners.setdefault(name.replace(".", ""), set()).add(entry.canonical)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}


def test_packaged_table_is_large_and_typed(table: AliasTable) -> None:
    kinds = {entry.kind for entry in table.entries()}
    assert len(table) > 500
    assert {"armed_group", "state_force", "government", "ngo", "un", "media", "country"} <= kinds


def test_parse_alias_table_rejects_unknown_kind() -> None:
    with pytest.raises(ExtractError) as error:
        parse_alias_table("Valley Rangers\tbandits\t-\tVR\n", source="user.tsv")
    assert error.value.code == "R203"
    assert "user.tsv:1" in str(error.value)


def test_parse_alias_table_rejects_bad_country() -> None:
    with pytest.raises(ExtractError):
        parse_alias_table("Valley Rangers\tarmed_group\tValleyland\tVR\n")


def test_load_alias_table_reads_user_file(tmp_path, monkeypatch) -> None:
    user = tmp_path / "extra.tsv"
    user.write_text(
        "# mine\nZanthor Valley Rangers\tarmed_group\t-\tZVR|Valley Rangers\nHamas\tarmed_group\tPS\tZanthor Hamas\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("RECKON_ALIASES", str(user))
    table = load_alias_table()
    assert table.canonical("ZVR") == "Zanthor Valley Rangers"
    assert table.canonical("Zanthor Hamas") == "Hamas"  # a row for a known actor extends it
    assert table.canonical("Hizballah") == "Hezbollah"


def test_load_alias_table_missing_user_file_is_r203(tmp_path) -> None:
    with pytest.raises(ExtractError) as error:
        load_alias_table(path=str(tmp_path / "absent.tsv"))
    assert error.value.code == "R203"


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (
            "Fighters of the Northern Valley Front (NVF) entered Oradel.",
            "Northern Valley Front",
            "NVF",
        ),
        (
            "Members of the Kelmar Liberation Movement (KLM/KLA) fled.",
            "Kelmar Liberation Movement",
            "KLA",
        ),
        ("The VRC (Valley Rescue Corps) arrived at dawn.", "Valley Rescue Corps", "VRC"),
        ("It blamed the Sons of Oradel, or SOO, for the raid.", "Sons of Oradel", "SOO"),
        (
            "The raid was led by Teodor Vask, also known as Ironhand, at night.",
            "Teodor Vask",
            "Ironhand",
        ),
        (
            "Police named Arlen Moss, a former teacher who also goes by the names Arlen Mossi, Greyhawk and Falcon.",
            "Arlen Moss",
            "Falcon",
        ),
    ],
)
def test_find_document_aliases(text: str, full: str, short: str) -> None:
    assert short in find_document_aliases(text)[full]


def test_find_document_aliases_ignores_lists_of_two_actors() -> None:
    assert find_document_aliases("Fighters crossed from Iraq, or Syria, overnight.") == {}


def test_find_document_aliases_reads_tag_line() -> None:
    found = find_document_aliases(
        "Human Rights,PMOI,Mujahedin-e Khalq,Tarvel Province\n\nBody text."
    )
    assert found["People's Mojahedin Organization of Iran"] >= {"PMOI", "Mujahedin-e Khalq"}


def test_find_actors_spans_and_canonical_names() -> None:
    text = "Boko Haram’s fighters attacked Tarvel, Amnesty said. AAH denied it."
    mentions = find_actors(text)
    assert [(m.surface, m.canonical) for m in mentions] == [
        ("Boko Haram", "Boko Haram"),
        ("Amnesty", "Amnesty International"),
        ("AAH", "Asa'ib Ahl al-Haq"),
    ]
    for mention in mentions:
        assert text[mention.span.start : mention.span.end] == mention.surface


@pytest.mark.parametrize(
    "text",
    [
        "Children under the age of 18 were freed.",  # not the newspaper The Age
        "Iranian dissidents gathered in Tarvel.",  # a demonym names no actor
        "WASHINGTON, March 3 - Crowds gathered in Tarvel.",  # a dateline, not a government
        "the fighters is what he said",  # lower-case "is" is not the Islamic State
    ],
)
def test_find_actors_ignores_non_names(text: str) -> None:
    assert find_actors(text) == []


def test_find_actors_never_joins_across_a_full_stop() -> None:
    mentions = find_actors("Protests spread in Egypt. Government buildings burned.")
    assert [m.canonical for m in mentions] == ["Egypt"]


def test_find_actors_uses_document_definitions_over_table() -> None:
    text = "The Armed Forces of the Philippines (AFP) said the AFP had secured Tarvel."
    assert {m.canonical for m in find_actors(text) if m.surface == "AFP"} == {
        "Armed Forces of the Philippines"
    }


@pytest.fixture(scope="module")
def nigeria_resolver() -> ActorResolver:
    return ActorResolver(
        "Nigeria’s military said the town of Tarvel was retaken. The military denied any abuse. "
        "Kenya’s interior ministry was not involved."
    )


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("The military", "Nigerian military"),
        ("the army", "Nigerian military"),
        ("security forces", "Nigerian security forces"),
        ("the Defense Ministry", "Nigerian Defense Ministry"),
        ("Kenya’s interior ministry", "Kenyan Interior Ministry"),
        ("The medical charity MSF", "Médecins Sans Frontières"),
        ("a State Information Service statement", "State Information Service"),
        ("the Tarvel Rangers", "Tarvel Rangers"),
    ],
)
def test_actor_resolver_resolve(
    nigeria_resolver: ActorResolver, surface: str, canonical: str
) -> None:
    assert nigeria_resolver.resolve(surface, position=60) == canonical


def test_actor_resolver_country_is_the_most_named(nigeria_resolver: ActorResolver) -> None:
    assert nigeria_resolver.country == "NG"


def test_actor_resolver_aliases_lists_every_surface() -> None:
    resolver = ActorResolver(
        "Camp Tarvel, home to Mujahedin-e Khalq (PMOI/MEK) members, was raided. "
        "The MEK said the Mujahedeen-e Khalq, or MeK, lost 12 members."
    )
    aliases = resolver.aliases()["People's Mojahedin Organization of Iran"]
    assert {"Mujahedin-e Khalq", "PMOI/MEK", "MEK", "Mujahedeen-e Khalq", "MeK"} <= set(aliases)


def test_an_acronym_the_text_spells_out_as_an_unknown_name_is_that_name() -> None:
    # the table knows "NRF" as another group; this text defines its own NRF
    resolver = ActorResolver("Fighters of the Northern Restoration Forces (NRF) stormed the market in Orrin. "
                             "The NRF claimed the attack.")
    assert resolver.resolve("NRF") == "Northern Restoration Forces"
    assert resolver.resolve("Northern Restoration Forces") == "Northern Restoration Forces"


def test_a_states_army_the_text_never_names_as_the_table_does_keeps_the_texts_words() -> None:
    # the table's "Mozambican military" is nowhere in this text: its "army" is the Mozambican army
    text = "Insurgents ambushed a convoy near Velumbe, in northern Mozambique. The army said 11 attackers died."
    resolver = ActorResolver(text)
    assert resolver.resolve("The army", position=text.index("The army")) == "Mozambican army"
    assert ActorResolver("The Congolese army said 26 people died.").resolve("the Congolese army") == "Congolese army"
    # a text that writes the table's name keeps it
    text = "The Mozambican military said the army had retaken Velumbe, in Mozambique."
    assert ActorResolver(text).resolve("the army", position=text.index("the army")) == "Mozambican military"


def test_soldiers_of_a_text_that_writes_its_states_army_are_that_army_as_written() -> None:
    text = "The League urged the Cameroonian army to protect civilians. Soldiers raided Orrin, a village in Cameroon."
    resolver = ActorResolver(text)
    assert resolver.resolve("Soldiers", position=text.index("Soldiers")) == "Cameroonian army"
