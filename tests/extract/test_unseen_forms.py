"""Forms met on documents Reckon had never seen: dataset entry labels, a label after a
separator dating the document, "to death", carrying off, cattle, "they" after a source, a
province in an entry label, "raid on X", "X state", the municipal seat (sentences written
for these tests, about fictional events and places)."""

from __future__ import annotations

from conftest import count_rows as _rows

from reckon import extract
from reckon.extract.dates import find_published
from reckon.extract.places import find_places
from reckon.extract.sentences import parse_text


def _incidents(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(i.date, i.place.name if i.place else None, i.place.country if i.place else None)
            for i in extract(text).incidents]


def _actors(text: str) -> set[str]:
    return {a.actor for i in extract(text).incidents for a in i.perpetrators}


DIGEST = (
    "WEEKLY CONFLICT NOTES\n"
    "Week of 3-9 March 2025 | Issued Monday 10 March 2025\n\n"
    "Niger (Tahoua): Gunmen killed four herders and wounded two in Tessarou-Bangou on Tuesday.\n\n"
    "Chad (Lac): Raiders beheaded three fishermen and burned 20 huts in Kalindoua-Sede on Thursday.\n\n"
    "Mali (Mopti): Nearly a dozen traders died when their lorry struck a mine near Ouossa-Koura on Saturday.\n"
)


def test_entry_label_is_not_the_clause_subject() -> None:
    label = "Niger (Tahoua): "
    assert parse_text(label + "Gunmen killed four herders.").startswith(" " * len(label))
    assert parse_text("Niger: Gunmen killed four herders.").startswith(" " * len("Niger: "))
    assert parse_text("Update: Gunmen killed four herders.").startswith("Update:")  # not a country, no region
    assert not {"Niger", "Tahoua", "Chad", "Lac"} & _actors(DIGEST)


def test_entry_label_gives_each_entry_its_country_and_place() -> None:
    found = _incidents(DIGEST)
    assert ("2025-03-04", "Tessarou-Bangou", "NE") in found
    assert ("2025-03-06", "Kalindoua-Sede", "TD") in found  # the town, not the province nearer the figure
    assert ("2025-03-08", "Ouossa-Koura", "ML") in found  # the label's region is no scene


def test_label_after_a_separator_dates_the_document() -> None:
    found = find_published("Weekly notes: 3-9 March 2025 | Issued Monday 10 March 2025\n\nText.")
    assert found is not None and found[0] == "2025-03-10"


def test_to_death_is_killed() -> None:
    assert ("killed", 12, 12, "author") in _rows("Militiamen hacked 12 villagers to death in Osk-Mbele on Friday.")
    assert ("killed", None, 17, "author") in _rows("As many as 17 people were stabbed to death in Osk-Mbele.")


def test_carried_off_is_abducted_and_cattle_are_not_people() -> None:
    rows = _rows("Residents said raiders carried off nearly 40 people and drove away hundreds of cattle.")
    assert ("abducted", None, 40, "Residents") in rows
    assert not any(row[0] == "displaced" for row in rows)
    assert ("abducted", 9, 9, "author") in _rows("Gunmen dragged off nine traders near Velmar.")
    assert not _rows("Police took 12 villagers to hospital in Velmar.")


def test_taken_away_by_names_the_doer() -> None:
    assert "armed men" in _actors("At least 22 civilians were slain and 37 others were taken away by armed men in Osk.")


def test_they_goes_on_with_the_last_source() -> None:
    rows = _rows("The Velmar Relief Network (VRN) is alarmed by the attack on Osk on 4 May. Local nurses told "
                 "the VRN that 11 wounded people were being treated. They also said that the bodies of two men "
                 "had been found on Wednesday, bringing the number of dead to 24.")
    assert ("killed", 24, 24, "Local nurses") in rows


def test_raid_on_names_the_scene() -> None:
    names = {m.name for m in find_places("Eleven were killed in an overnight raid on Mbele-Kasanga on Thursday.")}
    assert "Mbele-Kasanga" in names


def test_lower_case_state_after_a_region_name() -> None:
    found = [(m.name, m.kind, m.country) for m in find_places("the Guerrero state prosecutor's office said")]
    assert ("Guerrero", "region", "MX") in found


def test_municipal_seat_in_apposition_is_its_own_scene() -> None:
    text = ("Gunmen killed six people at a wake in the village of Cerro Aguado Alto, in the municipality of "
            "Xochitepec del Monte, early on Friday, the state prosecutor said. On July 20, four men were shot "
            "dead at a car wash in the municipal seat, Xochitepec del Monte.")
    places = {m.name for m in find_places(text)}
    assert "Xochitepec del Monte" in places
    assert len(extract(text).incidents) == 2


def test_infobox_date_field_dates_the_event_before_a_later_release() -> None:
    text = ("= 2024 Osk-Mbele raid =\n\nInfobox\n- Location: Osk-Mbele, Zamfara State, Nigeria\n"
            "- Date: 14 May 2024\n- Deaths: 14–30\n\n"
            "The Osk-Mbele raid was an attack by bandits on the village of Osk-Mbele.\n\n"
            "Nineteen of the hostages were released on 2 July 2024 after a ransom was paid.")
    assert [i.date for i in extract(text).incidents] == ["2024-05-14"]


def test_a_banner_signed_by_a_self_named_group_claims_the_attack() -> None:
    actors = _actors("Gunmen killed seven people in Osk on Friday. Hours after the attack, a banner signed by a group "
                     "calling itself the Frente del Norte appeared on a bridge at the entrance to the town, claiming "
                     "the massacre and warning rivals to leave the area.")
    assert "Frente del Norte" in actors  # the whole name, with its particle


def test_held_out_forms_of_place() -> None:
    places = {(m.name, m.kind) for m in find_places(
        "Armed men opened fire on a camp in the Bajo Tinaja valley, in the northern department of Colón.")}
    assert ("Bajo Tinaja valley", "valley") in places
    assert ("Colón", "region") in places
    found = {m.name for m in find_places("Unknown attackers stabbed two herders to death in Ngorou-Kaya on Friday.")}
    assert "Ngorou-Kaya" in found
    found = {m.name for m in find_places("Nine farmers were killed after militants raided Dalou-Kura on Saturday.")}
    assert "Dalou-Kura" in found


def test_a_company_named_like_a_city_does_not_move_the_country() -> None:
    text = ("Six farmworkers shot dead in Honduran land dispute\n\nArmed men opened fire on a camp in the Bajo "
            "Tinaja valley on Thursday. He said the gunmen were guards employed by Palmas del Norte.")
    assert {m.country for m in find_places(text) if m.name == "Bajo Tinaja valley"} == {"HN"}


def test_families_are_not_people_counted() -> None:
    assert not any(row[0] == "displaced" for row in _rows("About 40 families had fled the camp at Osk."))


def test_a_dateline_without_a_place() -> None:
    found = find_published("Six dead in Osk\n\nJune 14, 2025 (Velmar Press Service) - Six farmworkers were shot dead.")
    assert found is not None and found[0] == "2025-06-14"


def test_a_person_role_names_the_person_in_apposition() -> None:
    rows = _rows("Gunmen attacked a camp in Osk on Thursday. The cooperative's president, Jacinto Erazo Lanza, "
                 "put the number of dead at eight.")
    assert ("killed", 8, 8, "Jacinto Erazo Lanza") in rows


def test_the_company_is_the_firm_named_before() -> None:
    quotes = extract("Gunmen killed six farmworkers in Osk on Thursday. The cooperative blamed guards employed by "
                     "Palmas del Norte, a palm oil company. The company said in a statement that it \"categorically "
                     "rejects\" any link to the killings.").quotes
    assert [q.speaker for q in quotes] == ["Palmas del Norte"]


def test_compass_word_in_either_form_names_the_region() -> None:
    found = [(m.kind, m.country) for m in find_places("Fighters overran a village in North Darfur on Friday.")]
    assert ("region", "SD") in found


def test_a_spokesman_for_a_group_claims_for_the_group() -> None:
    actors = _actors("Militants killed nine people in Osk on Monday. A spokesman for the banned Velmar Sarhad Front, "
                     "Qari Osman Dell, claimed responsibility for the attack in a message sent to journalists.")
    assert "Velmar Sarhad Front" in actors
    assert "Qari Osman Dell" not in actors


def test_the_named_area_of_a_district_is_the_scene() -> None:
    found = {(m.name, m.kind) for m in find_places(
        "Militants attacked a police checkpost in the Ghundai Kot area of Velmar district late Monday night.")}
    assert ("Ghundai Kot", "district") in found
