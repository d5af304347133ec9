"""Incident places and dates: rules found on held-out batches 8 and 9, each pinned on
fictional sentences of our own."""

from __future__ import annotations

from reckon import extract
from reckon.formats import findings_to_json


def _incidents(text: str) -> list[dict]:
    return findings_to_json(extract(text), id="t")["incidents"]


def test_a_hospital_where_some_of_the_wounded_died_is_no_incident_of_its_own() -> None:
    text = ("Gunmen stormed the Tarn Street mosque on Friday. One worshipper died at the mosque. Six people "
            "died overnight at Kessock General Hospital.")
    assert [i["place"] for i in _incidents(text)] == ["Tarn Street mosque"]


def test_a_hospital_a_nurse_speaks_from_is_not_the_scene() -> None:
    text = ("Police fired on protesters at Dunmore Square in Kessock on 3 May, killing at least six people. "
            "A nurse at Kessock District Hospital said the mortuary had received six bodies. "
            "A doctor at Kessock District Hospital said 20 people were treated for gunshot wounds.")
    assert [i["place"] for i in _incidents(text)] == ["Dunmore Square"]


def test_a_hospital_that_was_struck_is_still_the_scene() -> None:
    text = ("An airstrike hit the Orrin Trauma Centre on Saturday, killing 19 patients and staff. "
            "The strike on the Orrin Trauma Centre lasted an hour.")
    assert [i["place"] for i in _incidents(text)] == ["Orrin Trauma Centre"]


def test_the_wounded_taken_to_hospitals_in_listed_towns_stay_with_the_scene() -> None:
    # Greyholt is known to no table: the list still sends Norwich where Greyholt went.
    from reckon.extract.count_place import local_place
    from reckon.extract.places import PlaceMention
    from reckon.model import Span

    text = "Nine other people were injured and were transported to hospitals in Greyholt and Norwich."
    at = text.index("Norwich")
    norwich = PlaceMention(span=Span(start=at, end=at + 7), text="Norwich", name="Norwich", kind="city",
                           country="GB", source="geonames")
    assert local_place(text.index("Nine"), Span(start=0, end=len(text)), text, [norwich]) is None


def test_a_weekday_naming_a_mosque_or_a_market_is_no_date() -> None:
    from datetime import date

    from reckon.extract.dates import find_dates

    found = find_dates("On 3 March 2025 a bomb killed 9 worshippers outside the town's Friday mosque.",
                       anchor=date(2026, 9, 17))
    assert [d.value for d in found] == ["2025-03-03"]
    found = find_dates("Stalls at the Sunday market in Orsk were burned.", anchor=date(2026, 9, 17))
    assert found == []
    # a weekday before other words still dates the event
    assert [d.value for d in find_dates("Gunmen struck on Friday morning.", anchor=date(2026, 9, 17))] == ["2026-09-11"]


def test_an_earlier_attack_at_the_same_market_is_at_the_market_named_before() -> None:
    text = ("A bomb killed 12 people at the Orsk night market in Kessock on 4 May 2026. "
            "In 2021 a grenade at the same market wounded seven people.")
    places = {i["date"]: i["place"] for i in _incidents(text)}
    assert places.get("2021") == "Orsk night market"


def test_an_earlier_bombing_outside_the_towns_mosque_is_in_the_town_named_before() -> None:
    text = ("A suicide bomber killed 20 students at a school in Darrow on 10 May 2026.\n\n"
            "Darrow has been hit before. In November 2025, a bomb killed 14 worshippers outside the town's "
            "main mosque.")
    places = {i["date"]: i["place"] for i in _incidents(text)}
    assert places.get("2025-11") == "Darrow"


def test_a_nations_adjective_is_no_town() -> None:
    from reckon.extract.places import find_places

    names = [m.name for m in find_places("Bomb at southern Thai night market kills at least 11 in Yala")]
    assert "Thai" not in " ".join(names) and "Alor Setar" not in names


def test_a_city_sharing_its_name_with_another_countrys_province_does_not_set_the_country() -> None:
    from reckon.extract.places import find_places

    text = ("A gunman killed six people at a hall in Belmore, Ontario. Ontario police said the Ontario "
            "coroner would hold an inquest. It was the worst shooting in Ontario in a decade. Canada mourned.")
    assert {m.country for m in find_places(text) if m.name == "Ontario"} == {"CA"}


def test_the_tail_of_a_longer_name_casts_no_vote_for_a_big_city_of_that_name() -> None:
    from reckon.extract.place_country import home_country
    from reckon.extract.place_words import name_spans

    # (a fictional Ghanaian "New Lagos": no vote for the Nigerian city)
    text = ("Four people were shot in New Lagos on Sunday. New Lagos residents gathered at the hall. "
            "The mayor of New Lagos spoke. Police in Ghana are investigating.")
    assert home_country(text, list(name_spans(text))) == "GH"
