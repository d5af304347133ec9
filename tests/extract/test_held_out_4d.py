"""Forms met on held-out batch 4d (a local newspaper page, an NGO report, a police statement,
an anniversary feature): official figures written twice, light verbs of injury, a tally whose
clause the parser misreads (sentences written for these tests, about fictional events and places)."""

from __future__ import annotations

from conftest import count_rows as _rows

from reckon import extract


def test_figures_written_in_words_and_bracketed_digits() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. On 11th/11/2021, two (2) of the abducted "
                 "students were rescued by soldiers in Harlow forest and have been reunited with their families.")
    assert rows == {("survived", 2, 2, "author")}


def test_tally_stands_at_after_a_time_clause() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. As of today, the number of students confirmed "
                 "dead stands at twenty one (21), including two (2) who succumbed to injuries.")
    assert rows == {("killed", 21, 21, "author")}


def test_sustained_injuries_is_injured() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. Twenty six students sustained injuries of "
                 "varying degrees.")
    assert rows == {("injured", 26, 26, "author")}


def test_succumbed_is_killed() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. Three more students succumbed to their "
                 "wounds on Tuesday.")
    assert rows == {("killed", 3, 3, "author")}


def _incidents(text: str) -> list[tuple[str | None, str | None, set[tuple[str, int | None, int | None, str]]]]:
    findings = extract(text)
    return [(i.date, i.place.name if i.place else None,
             {(str(c.kind), c.min, c.max, c.claimant.name) for c in i.counts}) for i in findings.incidents]


def test_fronted_last_year_with_one_site_is_one_event() -> None:
    found = _incidents("The Osk Weekly\nThursday, November 5, 2026\n\nLast year, gunmen killed six worshippers at "
                       "dawn prayers at a mosque in Harlow.")
    assert found == [("2025", "Harlow", {("killed", 6, 6, "author")})]
    assert _rows("Last year, bandits killed more than 2,000 people across the state.") == set()


def test_ordinal_day_in_a_numeric_date_reads_day_first() -> None:
    from reckon.extract.dates import find_dates

    assert [d.value for d in find_dates("on the night of 7th/11/2021 at about 2245hrs")] == ["2021-11-07"]
    assert [d.value for d in find_dates("on 02/04/2015")] == []  # no ordinal: still ambiguous


def test_the_attacked_site_is_the_place_over_its_town() -> None:
    text = ("Osk Review\n15 March 2022\n\nOn the night of 7 November 2021, armed men attacked Tarrow Technical "
            "Institute in Harlow town. They set fire to a dormitory at the institute.\n\nAt least 25 people were "
            "killed. Police arrested at least 43 people in Harlow and nearby villages. Residents of Harlow said the "
            "institute had asked for guards.")
    found = _incidents(text)
    assert [(date, place) for date, place, _ in found] == [("2021-11-07", "Tarrow Technical Institute")]


def test_pursuit_arrests_and_rescue_elsewhere_stay_with_the_attack() -> None:
    text = ("Tarrow Courier\nMonday, November 8, 2021\n\nAt least 19 students were killed when armed men stormed "
            "Osk College in Harlow late on Sunday night, police said. Soldiers pursued the attackers and killed "
            "three of them near Bellmoor village early on Monday. Two of the abducted students were rescued in "
            "Kestrel forest.")
    found = _incidents(text)
    assert len(found) == 1
    date, place, rows = found[0]
    assert (date, place) == ("2021-11-07", "Osk College")
    assert ("killed", 3, 3, "author") in rows and ("survived", 2, 2, "author") in rows


def test_a_chronology_entry_reporting_a_statement_does_not_date_the_attack() -> None:
    text = ("Osk Review\n15 March 2022\n\nArmed men attacked Tarrow Technical Institute in Harlow in November 2021.\n\n"
            "8 November, morning - Police announce that 19 bodies have been recovered.\n\n"
            "15 November - The police put the final death toll at 21.")
    found = _incidents(text)
    assert found[0][0] == "2021-11"


def test_a_sentence_opening_with_its_date_and_telling_the_attack_dates_it() -> None:
    text = ("Osk Review\n15 March 2022\n\nOn the night of 7 November 2021, armed men attacked Tarrow Technical "
            "Institute in Harlow.\n\n9 November - Five bodies are found in the ruins of the dormitory.")
    assert _incidents(text)[0][0] == "2021-11-07"


def test_an_attack_told_as_occurring_on_a_day_dates_it_and_an_earlier_attack_splits_off() -> None:
    text = ("Osk Police\n12th November, 2021\n\nThe attack on Osk College occurred on the night of 7th/11/2021. "
            "Twenty students were killed.\n\nOn 11th/11/2021, two of the abducted students were rescued by soldiers.\n\n"
            "This is not the first time the group has attacked in the area. On 18th September, 2021, assailants "
            "attacked a police post in Osk, injuring two police officers.")
    found = _incidents(text)
    assert [date for date, _, _ in found] == ["2021-11-07", "2021-09-18"]
    assert found[1][2] == {("injured", 2, 2, "author")}


def test_numeric_date_at_the_end_of_a_sentence() -> None:
    from reckon.extract.dates import find_dates

    assert [d.value for d in find_dates("It happened on 7th/11/2021. Then 1.2.2021.5 is no date.")] == ["2021-11-07"]


def test_years_ago_this_week_dates_an_anniversary_piece() -> None:
    from datetime import date

    from reckon.extract.dates import find_dates

    found = find_dates("set it on fire five years ago this week", anchor=date(2026, 11, 5))
    assert [d.value for d in found] == ["2021-11"]
    text = ("The Osk Weekly\nThursday, November 5, 2026\n\nThe new hostel at Tarrow College has four fire exits. "
            "The old one burned when gunmen set it on fire five years ago this week, and students died inside.\n\n"
            "In 2023, the ministry revised the toll to 27. In March 2024 a court convicted three men of murder over "
            "the attack.")
    assert _incidents(text)[0][0] == "2021-11"


def test_restated_digits_do_not_break_a_harm_phrase() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. Twenty six (26) students sustained injuries of "
                 "varying degrees, of whom eleven (11) have since been discharged.")
    assert rows == {("injured", 26, 26, "author")}


def test_that_clause_misread_as_relative_clause_is_still_reported() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow. The official toll has changed several times. Police said "
                 "on the morning after the attack that 19 students had died, and a week later put the final figure "
                 "at 21.")
    assert ("killed", 19, 19, "police") in rows


def test_according_to_a_role_with_the_name_in_apposition() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. About 30 other students escaped through a "
                 "window, according to the school's deputy principal, Mr Arlo Penn, who said the hostel housed 64 boys.")
    assert rows == {("survived", 30, 30, "Arlo Penn")}


def test_a_chronology_stamp_is_not_the_claimant() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow in March 2023.\n\n"
                 "8 March, morning - Police announce that 19 bodies have been recovered.")
    assert rows == {("killed", 19, 19, "police")}


def test_he_after_one_of_a_group_of_unnamed_people() -> None:
    findings = extract("The mother of one of the pupils, Mira Solberg, said she heard the news on the radio. "
                       "“Nobody called us,” she said.\n\nOne of the two students who escaped from captivity described "
                       "the march through the forest. “On the fourth night, we ran,” he said.")
    assert [(q.speaker, q.text[:10]) for q in findings.quotes] == [("Mira Solberg", "Nobody cal"), ("student", "On the fou")]


def _accused(text: str) -> set[tuple[str, str]]:
    return {(a.actor, a.claimant.name) for i in extract(text).incidents for a in i.perpetrators}


def test_a_conviction_names_the_convicted_among_them() -> None:
    accused = _accused("Gunmen killed six students at Osk College in 2021. In March 2024 the High Court in Harlow "
                       "convicted three men of murder and terrorism over the attack, among them Arlo Penn, who the "
                       "court found had guided the attackers.")
    assert ("Arlo Penn", "High Court") in accused
    assert not any("murder" in actor for actor, _ in accused)


def test_a_description_after_the_blamed_group_is_not_a_second_accused() -> None:
    accused = _accused("Gunmen killed six worshippers at a mosque in Harlow. He blamed the attack on the Tesso Vanu "
                       "Movement (TVM), a rebel group that has been operating from across the border.")
    assert not any("rebel group" in actor for actor, _ in accused)


def test_the_event_in_apposition_is_not_an_accused() -> None:
    accused = _accused("Last year, gunmen killed six worshippers at a mosque in Harlow, an attack police blamed on "
                       "the same group.")
    assert not any("attack" in actor for actor, _ in accused)


def test_a_fronted_partitive_of_the_same_harm_is_a_part() -> None:
    rows = _rows("Police arrested at least 43 people after gunmen attacked Osk College in Harlow. Of those "
                 "arrested, police told the Observatory that 14 were still in custody in January.")
    assert rows == {("arrested", 43, None, "author")}
    rows = _rows("Gunmen abducted 40 pupils from Osk College in Harlow. Of the 40 abducted, 12 escaped.")
    assert ("survived", 12, 12, "author") in rows


def test_abducted_people_who_got_away_are_survivors() -> None:
    rows = _rows("Gunmen attacked Osk College in Harlow on 7 March 2022.\n\n11 March - Two abducted students, both "
                 "aged 16, reach an army post after escaping from their captors.")
    assert rows == {("survived", 2, 2, "author")}
    rows = _rows("Gunmen attacked Osk College in Harlow. The head said only 14 of 129 kidnapped pupils have returned.")
    assert ("survived", 129, 129, "head") not in rows


def test_an_earlier_attack_on_a_police_post_is_its_own_incident_there() -> None:
    text = ("Osk Police\n12th November, 2021\n\nThe attack on Osk College occurred on the night of 7th/11/2021. "
            "Twenty students were killed.\n\nThis is not the first time the group has attacked in the area. On "
            "18th September, 2021, assailants attacked Harlow police post, injuring two police officers.")
    found = _incidents(text)
    assert [(date, place) for date, place, _ in found] == [("2021-11-07", "Osk College"),
                                                           ("2021-09-18", "Harlow police post")]


def test_a_bare_figure_put_after_a_clause_of_harm_is_that_harm() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow. The official toll has changed several times. Police said "
                 "on the morning after the attack that 19 students had died, and a week later put the final figure "
                 "at 21.")
    assert ("killed", 21, 21, "police") in rows
    assert _rows("The ministry met donors in Harlow and put the final figure at 21 million dollars.") == set()


def test_listed_as_missing() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow. The ministry lists the four as missing.")
    assert rows == {("missing", 4, 4, "ministry")}


def test_a_capitalised_masthead_does_not_make_the_canonical_name_depend_on_the_hash_seed() -> None:
    # The two spellings tie on length; before the fix the set's hash-seeded order chose (seeds
    # 3 and 6 picked the capitals). Each seed needs its own interpreter.
    import os
    import subprocess
    import sys

    code = ("from reckon.extract.actor_definitions import alias_overlay, find_document_aliases\n"
            "from reckon.extract.actor_table import load_alias_table\n"
            "d = find_document_aliases('OSK RIGHTS WATCH OBSERVATORY (ORWO)\\n\\nThe Osk Rights Watch Observatory "
            "(ORWO) said that gunmen killed 12 people in Harlow.')\n"
            "print(alias_overlay(d, load_alias_table())[1]['ORWO'])")
    seen = set()
    for seed in ("3", "6", "7"):
        import reckon

        src = os.path.dirname(os.path.dirname(reckon.__file__))
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": src}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        seen.add(out.stdout.strip())
    assert seen == {"Osk Rights Watch Observatory"}


def test_one_alone_after_a_plural_unnamed_source() -> None:
    findings = extract("Gunmen killed nine people in Harlow. Four former detainees told the Observatory that soldiers "
                       "beat them with sticks at a barracks in Osk. “They wanted us to say that our neighbours were "
                       "rebels,” one said.")
    # one of them: a former detainee (the batch's own gold writes the speaker in the singular)
    assert [q.speaker for q in findings.quotes] == ["former detainee"]
