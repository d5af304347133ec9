"""Rules of different held-out batches meeting in one report: how the place rules of one batch
must read alongside another's. Sentences written for these tests, about fictional events,
places, people and groups."""

from __future__ import annotations

from reckon import extract
from reckon.extract.count_place import LOCATES_PREVIOUS
from reckon.extract.places import find_places


def _incidents(text: str) -> dict[tuple[str | None, str | None], set[tuple[str, int | None]]]:
    return {(i.place.name if i.place else None, i.date): {(str(c.kind), c.min) for c in i.counts}
            for i in extract(text).incidents}


def test_a_village_attacked_after_a_towns_market_was_shelled_is_a_second_scene() -> None:
    # The attacked-site votes (a hotel or institute the text says was attacked outranks the
    # town around it) go to the first place of harm only, and a targeted-site vote to sites
    # within a town: a village attacked two days later, with one figure, is a second incident,
    # not the report's own place.
    text = ("NORTHERN COMMAND\n\nPress release, 12 March 2025\n\n"
            "1. On Sunday 9 March 2025 rebels fired rockets from the ridge south of Osk-Varra into the town's "
            "bus station. Six (6) civilians were killed and ten (10) wounded.\n\n"
            "2. Our troops pursued the rebels, and eight rebels were killed.\n\n"
            "3. Reports that army aircraft carried out an air strike on Osk-Varra on 9 March are false.\n\n"
            "4. On the night of 11 March 2025, the same rebels attacked the village of Kelluno, where they "
            "killed three (3) herders.\n")
    incidents = _incidents(text)
    assert ("Osk-Varra", "2025-03-09") in incidents
    assert ("killed", 3) in incidents[("Kelluno", "2025-03-11")]
    assert ("killed", 3) not in incidents[("Osk-Varra", "2025-03-09")]


def test_a_bearing_in_apposition_to_a_place_only_locates_it() -> None:
    # "a bearing from a place names the scene" ("fired from the hills east of X") is not a
    # bearing that says where the place named before it lies.
    sentence = "Gunmen fired on the crowd from the hills east of Osk-Varra."
    assert "Osk-Varra" in {p.name for p in find_places(sentence)}
    sentence = "The killings recalled the raid on Tessaloo, a hamlet west of Osk-Varra, in May 2019."
    assert "Osk-Varra" not in {p.name for p in find_places(sentence)}


def test_a_recalled_raid_is_at_the_place_raided_not_at_the_one_that_locates_it() -> None:
    text = ("Herders kill five near Osk-Varra\n\nOSK-VARRA, 4 June 2023 - Armed herders killed five farmers "
            "in Osk-Varra on Friday, local officials said.\n\n"
            "The attack revived memories of the raid on Tessaloo, a hamlet near Osk-Varra, in May 2019, in which "
            "21 people were killed according to the police at the time.\n")
    places = {place for place, date in _incidents(text) if date and date.startswith("2019")}
    assert places == {"Tessaloo"}


def test_a_bearing_alone_after_a_place_locates_it() -> None:
    assert LOCATES_PREVIOUS.fullmatch(", a settlement west of ")
    assert LOCATES_PREVIOUS.fullmatch(", north-east of ")
    assert not LOCATES_PREVIOUS.fullmatch(" and ")


def test_a_village_raided_first_stays_the_reports_place_before_a_market_stormed_later() -> None:
    # The other way round: the village is the first place of harm, so the market stormed weeks
    # later is a second incident, and the report's unplaced blame stays with the village.
    text = ("Velmar: soldiers and rebels turn on villagers\n\nPress statement, 20 May 2024\n\n"
            "The Osk Rights Group today called on the Velmar army to stop attacking civilians.\n\n"
            "On 4 March 2024, soldiers raided the village of Tessaloo, shooting dead nine civilians.\n\n"
            "On 19 April, fighters of the Kelluno Front stormed the market in Osk-Varra and shot dead six "
            "traders.\n")
    findings = extract(text)
    assert findings.incidents[0].place is not None and findings.incidents[0].place.name == "Tessaloo"


def test_a_sources_instalments_that_add_up_to_the_authors_total_stay_rows() -> None:
    # One branch let another source's figures break down the author's total ("Nine martyred"
    # over "three policemen and six civilians ..., officials said"); another made the source's
    # figures of one sentence its own rows. Together they dropped a spokesman's instalments of
    # the same dead (19 bodies one day, 12 the day before) under the author's 31.
    from conftest import count_rows

    text = ("Gunmen kill 31 in Velmar hills\n\nOSK, March 4, 2026 - At least 31 people were killed. "
            "A police spokesman, Jon Marlo, said searchers pulled 19 bodies from the ravine on Tuesday, "
            "in addition to 12 brought out the day before.\n")
    rows = count_rows(text)
    assert ("killed", 19, 19, "Jon Marlo") in rows
    assert ("killed", 12, 12, "Jon Marlo") in rows
    split = ("Nine martyred in Velmar\n\nOSK, March 4, 2026 - Three policemen and six civilians were "
             "martyred in the blast, officials said.\n")
    assert not {r for r in count_rows(split) if r[1] in (3, 6)}
