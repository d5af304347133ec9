"""Counts and claimants: tallies, modals and clauses that narrate rather than report
(sentences written for these tests, about fictional events)."""

from __future__ import annotations

from conftest import count_rows as _rows


def test_number_of_harmed_is_a_running_toll() -> None:
    rows = _rows("The Velmar Relief Mission said the number of its nurses killed had risen from four to eleven.")
    assert {("killed", 4, 4, "Velmar Relief Mission"), ("killed", 11, 11, "Velmar Relief Mission")} <= rows


def test_negated_hedge_is_a_ceiling_not_a_denial() -> None:
    rows = _rows("“The number of people who lost their lives in the raid on Tarrow has not exceeded about 40,” "
                 "the Osk Defence Ministry said.")
    assert ("killed", None, 40, "Osk Defence Ministry") in rows


def test_number_of_treated_in_hospital_is_injured() -> None:
    rows = _rows("The number of those being treated in hospital after the Harlow market blast has risen to 35.")
    assert ("injured", 35, 35, "author") in rows


def test_modal_harm_verb_has_not_happened() -> None:
    rows = _rows("Officials in Osk hope that 80 miners might be released next week.")
    assert not any(row[1] == 80 for row in rows)


def test_time_clause_after_said_is_the_writers() -> None:
    rows = _rows("The raid on Dunmore shocked the region, the army said when the toll stood at 30.")
    assert ("killed", 30, 30, "author") in rows


def test_relative_clause_reporting_verb_does_not_claim_the_sentence() -> None:
    rows = _rows("The news came after the Red Hand freed 12 pilgrims in May, a step that the "
                 "Osk government said was the fruit of talks.")
    assert ("survived", 12, 12, "author") in rows


def test_relative_clause_describing_the_event_is_the_writers() -> None:
    rows = _rows("The governor briefed reporters on the inquiry into the raid that left 17 people dead in Tarrow.")
    assert ("killed", 17, 17, "author") in rows


def test_event_inside_reported_content_keeps_the_reporter() -> None:
    rows = _rows("Velmar Watch said the massacre in Harlow, in which about 200 people were killed, was never investigated.")
    assert ("killed", 200, 200, "Velmar Watch") in rows


def test_recovered_bodies_are_dead_not_rescued() -> None:
    rows = _rows("A police spokesman, Colonel Arlo Penn, said 19 bodies had been recovered at Osk on Friday.")
    assert ("killed", 19, 19, "Arlo Penn") in rows
    assert not any(row[0] == "survived" for row in rows)


def test_added_figure_takes_the_kind_of_the_first() -> None:
    rows = _rows("Colonel Arlo Penn said rescuers pulled 19 bodies from the river at Osk on Friday, in addition "
                 "to 12 found near the bridge.")
    assert ("killed", 12, 12, "Arlo Penn") in rows
    rows = _rows("Tarrow mine siege\nDeaths: 71 (excluding 6 attackers)\nThe siege of the Tarrow mine began on 5 May 2022.")
    assert {("killed", 71, 71, "author"), ("killed", 6, 6, "author")} <= rows


def test_people_taken_as_hostages_are_abducted() -> None:
    rows = _rows("The gunmen stormed the Velmar seminary, taking more than 300 people as hostages.")
    assert ("abducted", 301, None, "author") in rows


def test_vague_figure_counts_its_of_phrase() -> None:
    rows = _rows("Hundreds of bodies remain scattered along the road outside Dunmore.")
    assert ("killed", 200, None, "author") in rows


def test_toll_could_be_as_high_as() -> None:
    rows = _rows("Rescue workers in Harlow said the toll could be as high as about 90.")
    assert ("killed", None, 90, "Rescue workers in Harlow") in rows or ("killed", None, 90, "Rescue workers") in rows


def test_list_figures_hang_on_the_verb_of_the_first() -> None:
    rows = _rows("Fighting that began in Velmar Square left 80 dead, while later fighting in Osk left 20 dead, "
                 "11 in Tarrow, and 7 in Harlow during the holiday.")
    assert {("killed", 20, 20, "author"), ("killed", 11, 11, "author"), ("killed", 7, 7, "author")} <= rows


def test_leave_dead_after_an_aside() -> None:
    rows = _rows("A court found two men guilty of a 2016 ambush in a remote district that left 23 people, including "
                 "four reporters, dead in an attack that shocked the region.")
    assert any(row[:3] == ("killed", 23, 23) for row in rows)


def test_participle_after_coordinated_nouns() -> None:
    rows = _rows("The fate of more than 60 boys and young men abducted by the Red Hand remains unknown.")
    assert ("abducted", 61, None, "author") in rows
    rows = _rows("Relatives in Osk still wait for news of more than 60 boys and young men abducted by the Red Hand "
                 "last week.")
    assert ("abducted", 61, None, "author") in rows


def test_name_between_figure_and_noun() -> None:
    rows = _rows("Doctors said that the bodies of 12 Union inmates killed in a prison van at Osk showed signs of torture.")
    assert ("killed", 12, 12, "Doctors") in rows


def test_participle_after_a_harm_noun_says_what_befell_them() -> None:
    rows = _rows("Doctors said the bodies of 12 detainees killed in a prison van at Osk were found on Monday.")
    assert ("killed", 12, 12, "Doctors") in rows
    assert not any(row[0] == "arrested" for row in rows)


def test_role_named_in_apposition_gives_the_person() -> None:
    rows = _rows("A health ministry spokeswoman, Dr Lina Voss, said 31 people were wounded in the Karsk blast.")
    assert ("injured", 31, 31, "Lina Voss") in rows


def test_part_of_a_group_takes_its_own_predicate() -> None:
    rows = _rows("Their union said that just 9 of the 61 miners kidnapped at Osk last week had returned.")
    assert ("survived", 9, 9, "union") in rows
    assert ("abducted", 61, 61, "union") in rows
    assert not any(row[1] == 9 and row[0] == "abducted" for row in rows)


def test_part_without_a_harm_predicate_is_a_subset() -> None:
    rows = _rows("Forty people were killed in the Osk raid. Eleven of the victims were women, police said.")
    assert not any(row[1] == 11 for row in rows)


def test_all_but_n_accounted_for_are_missing() -> None:
    rows = _rows("All but six of the 40 abducted pupils of Osk have now been accounted for, the army said.")
    assert ("missing", 6, 6, "army") in rows


def test_harm_participle_between_figure_and_noun() -> None:
    rows = _rows("Only 9 of 61 kidnapped miners have returned to Osk.")
    assert ("abducted", 61, 61, "author") in rows


def test_figure_run_into_another_is_a_label() -> None:
    rows = _rows("Osk massacre toll rises to 46 1")
    assert ("killed", 46, 46, "author") in rows
    assert not any(row[1] == 1 for row in rows)


def test_held_in_custody_or_captivity() -> None:
    assert ("arrested", 3, 3, "author") in _rows("Three suspects remain in custody after the Osk shooting.")
    assert ("missing", 80, 80, "author") in _rows(
        "Negotiators are working to bring home the 80 Osk miners still in the Red Hand's custody.")
    assert ("missing", 9, 9, "author") in _rows("Nine pilgrims are still in the hands of the Red Hand after the Osk raid.")


def test_treated_people_are_injured() -> None:
    rows = _rows("The Osk hospital board said 31 patients were being treated for gunshot wounds.")
    assert ("injured", 31, 31, "Osk hospital board") in rows


def test_relative_clause_with_auxiliaries() -> None:
    rows = _rows("Police now hold four men who have been apprehended since the Osk attack, the minister said.")
    assert ("arrested", 4, 4, "minister") in rows


def test_infinitive_of_intent_is_no_event() -> None:
    assert _rows("The Red Hand vowed to kill 100 villagers in Osk.") == set()


def test_patients_in_hospital_are_not_injured() -> None:
    assert _rows("Some 80 patients were in the hospital when the Osk raid began.") == set()


def test_breakdown_by_relative_clause_is_not_a_row() -> None:
    rows = _rows("The union said 9 of the miners had returned – two who ran from a truck and 7 who slipped "
                 "away at night.")
    assert not any(row[1] in (2, 7) for row in rows)


def test_headline_role_is_its_one_holder() -> None:
    text = ("Headmaster says 12 pupils were abducted from Osk school\n\n"
            "The headmaster, Tomas Reyl, said on Friday that gunmen had come at night.")
    assert ("abducted", 12, 12, "Tomas Reyl") in _rows(text)


def test_coordinated_harms_give_a_row_each() -> None:
    assert {("abducted", 12, 12, "author"), ("killed", 12, 12, "author")} <= _rows(
        "Gunmen kidnapped and killed 12 farmers in Osk.")
    assert {("abducted", 200, None, "author"), ("killed", 200, None, "author")} <= _rows(
        "Bishops deplored the kidnapping and killing of hundreds of pilgrims near Osk.")
    assert {("abducted", 30, 30, "author"), ("killed", 30, 30, "author")} <= _rows(
        "The 30 pilgrims were abducted and then killed near Osk.")


def test_alternatives_and_separate_clauses_keep_one_kind() -> None:
    assert _rows("Over 200 people were killed or unaccounted for in Osk.") == {("killed", 201, None, "author")}
    assert _rows("At least 40 miners were reported killed and dozens hurt after the Osk blast.") == {
        ("killed", 40, None, "author"), ("injured", 24, None, "author")}


def test_qualified_media_are_named_and_bare_media_are_press_reports() -> None:
    rows = _rows("Foreign outlets put the toll at 300, but local media reported at least 40 deaths in Osk.")
    assert ("killed", 40, None, "local media") in rows
    assert ("killed", 30, 30, "press reports") in _rows("Media reported that 30 people were killed in Osk.")


def test_according_to_our_data_is_the_speakers() -> None:
    rows = _rows("Prosecutor Ivo Marr told the council: “The raid on Osk was planned. According to our figures, "
                 "over 90 miners were held hostage.”")
    assert ("abducted", 91, None, "Ivo Marr") in rows


def test_definite_reports_are_their_issuers() -> None:
    rows = _rows("The Velmar Health Ministry's autopsy unit released detailed reports on Monday about the Osk raid. "
                 "According to the autopsy reports, 212 people died at Osk market. The autopsy reports also said "
                 "that 19 prisoners died in a police van.")
    assert ("killed", 212, 212, "Velmar Health Ministry's autopsy unit") in rows
    assert ("killed", 19, 19, "Velmar Health Ministry's autopsy unit") in rows
    assert ("killed", 50, 50, "press reports") in _rows("According to the reports, 50 people died in Osk.")


def test_reporting_participle_on_the_toll_names_its_source() -> None:
    assert ("killed", 900, 900, "press reports") in _rows(
        "The ministry dismissed the 900 deaths reported in several newspapers as invented.")
    assert ("killed", 900, 900, "Osk Herald") in _rows("The army described the 900 deaths reported by the Osk Herald as false.")


def test_forced_from_their_homes_is_displaced() -> None:
    assert ("displaced", 2000, None, "author") in _rows("The fighting in Osk forced thousands of villagers from the region.")


def test_awaited_release_of_the_remaining_is_missing() -> None:
    assert ("missing", 40, 40, "author") in _rows("Officials hope that the 40 remaining hostages of Osk might be released.")


def test_harmed_group_of_n() -> None:
    rows = _rows("Relatives searched the hills for the kidnapped party of more than 30 people taken near Osk.")
    assert ("abducted", 31, None, "author") in rows


def test_period_after_a_superlative_ranks_rather_than_sums() -> None:
    rows = _rows("OSK, May 3, 2022 (Velmar Press) - Gunmen killed at least 27 people at a market in Osk on Tuesday, "
                 "a security source said, in one of the deadliest attacks in the region this year.")
    assert ("killed", 27, None, "security source") in rows
    assert _rows("Gunmen killed 30 people in the forest last year.") == set()


def test_what_befell_the_group_beats_its_description() -> None:
    rows = _rows("At least 44 displaced people, including 19 children, were killed in the Osk camp.")
    assert ("killed", 44, None, "author") in rows
    assert not any(row[0] == "displaced" for row in rows)


def test_people_taken_are_abducted() -> None:
    assert ("abducted", 43, 43, "government") in _rows("The government has always said 43 pupils were taken.")
    assert ("injured", 24, None, "police") in _rows("Police said that dozens of wounded had been taken to hospitals in Osk.")


def test_doers_of_harm_to_n() -> None:
    assert ("killed", 11, 11, "Velmar Watch") in _rows("The Velmar Watch reveals how the killers of 11 farmers in Osk were hired.")


def test_according_to_a_document_filed_by_someone() -> None:
    rows = _rows("Ten people were killed in Osk that night, according to the indictment filed by state prosecutors in 2019.")
    assert ("killed", 10, 10, "state prosecutors") in rows
    rows = _rows("According to preliminary information gathered by our teams and partners, at least 44 people were "
                 "killed in Osk.")
    assert ("killed", 44, None, "author") in rows


def test_toll_given_by_someone() -> None:
    rows = _rows("A local official said 25 people died in Osk. An earlier toll given by the same official was 18 dead.")
    assert any(row[:3] == ("killed", 18, 18) and row[3] != "author" for row in rows)


def test_bare_institution_is_not_an_officer_with_its_title() -> None:
    text = ("Police Lieutenant Colonel Arlo Penn, the town's police chief, said the bomb went off at dusk.\n\n"
            "The blast killed at least nine people in Osk, police said.")
    rows = _rows(text)
    assert any(row[:3] == ("killed", 9, None) and row[3] != "Arlo Penn" for row in rows)


def test_part_of_the_wounded_and_ages_are_not_rows() -> None:
    rows = _rows("Police wounded 30 protesters in Osk. One of the wounded, Ivo Marr, 19, died in hospital on Monday, "
                 "raising the toll to eight.")
    assert ("killed", 8, 8, "author") in rows
    assert not any(row[1] in (1, 19) for row in rows)
    rows = _rows("Police fired on the crowd in Osk, killing three men, one of them a farmer, and injuring nine people.")
    assert not any(row[1] == 1 for row in rows)


def test_clause_of_a_statement_is_what_it_says() -> None:
    rows = _rows('The opposition Velmar Democratic Front said in a statement that "more than 15" people had been killed in Osk.')
    assert any(row[:3] == ("killed", 16, None) and row[3].endswith("Velmar Democratic Front") for row in rows)


def test_closing_attribution_before_a_while_clause() -> None:
    rows = _rows("OSK — Police on Tuesday shot dead at least four people during protests in Osk town, the Velmar Police "
                 "Service said, while the Osk County Hospital said seven bodies with gunshot wounds had been brought "
                 "to its mortuary.")
    assert ("killed", 4, None, "Velmar Police Service") in rows
    assert ("killed", 7, 7, "Osk County Hospital") in rows


def test_dateline_is_not_the_subject() -> None:
    rows = _rows("OSK, Velmar, Sept 20, 2022 (Velmar Wire) -- Militiamen armed with machetes and rifles killed at least "
                 "26 people overnight in an attack on a camp in Osk province, the army said on Tuesday.")
    assert ("killed", 26, None, "army") in rows


def test_scare_quotes_around_a_figure() -> None:
    rows = _rows('The Osk health office said on Monday that the number of injured had reached "nearly 60", seven of '
                 'them in intensive care.')
    assert ("injured", None, 60, "Osk health office") in rows


def test_adjective_tagged_participle_before_the_noun() -> None:
    rows = _rows('A regional official, speaking on condition of anonymity, gave the same figure of 43 abducted pupils, '
                 '"including 27 girls," and said a guard had been wounded in Osk.')
    assert ("abducted", 43, 43, "regional official") in rows


def test_people_with_wounds_are_injured() -> None:
    assert ("injured", 31, 31, "nurse") in _rows("A nurse said the hospital had also received 31 people with gunshot wounds in Osk.")


def test_number_of_dead_as_an_object() -> None:
    assert ("killed", 40, 50, "humanitarian source") in _rows(
        "A humanitarian source in Osk put the number of dead at between 40 and 50.")


def test_number_of_people_taken_is_abducted() -> None:
    assert ("abducted", 43, 43, "author") in _rows("The verified number of pupils taken from the Osk school is 43.")


def test_lexicon_neutralised_found_safe_circulated() -> None:
    assert ("killed", 4, 4, "army") in _rows("Our forces intervened and neutralised four of the assailants in Osk, the army said.")
    assert ("survived", 31, 31, "government") in _rows("The government announced that 31 pupils have been found safe in Osk.")
    assert ("abducted", 51, None, "press reports") in _rows(
        "Some media and social networks have circulated figures of more than 50 abducted pupils in Osk.")


def test_headline_attribution_before_a_semicolon() -> None:
    rows = _rows("Four killed in Osk water protests, police say; hospital reports seven dead")
    assert ("killed", 4, 4, "police") in rows
    assert ("killed", 7, 7, "hospital") in rows


def test_ordinals_and_dated_years_are_not_aggregates() -> None:
    assert ("killed", 6, 6, "author") in _rows("Six farmers killed in Osk massacre, third in Velmar this year")
    assert ("killed", 41, None, "author") in _rows(
        "The attack is the deadliest in the region since an assault on Osk in March last year, which killed at least 41 people.")


def test_attackers_counted_as_a_force_are_not_a_toll() -> None:
    rows = _rows("On 27 February 2021, around eight unidentified armed men killed six civilians in Osk.")
    assert rows == {("killed", 6, 6, "author")}


def test_events_counted_are_not_people() -> None:
    rows = _rows("In January, eight people were killed in two massacres in the towns of Osk and Tarrow, according to "
                 "the regional ombudsman.")
    assert not any(row[1] == 2 for row in rows)


def test_buried_and_nursing_wounds() -> None:
    rows = _rows("The mayor told the Record that 27 people had been buried in Osk and that hundreds more are nursing "
                 "wounds in hospitals.")
    assert {("killed", 27, 27, "mayor"), ("injured", 200, None, "mayor")} <= rows


def test_part_without_its_own_predicate_is_a_subset() -> None:
    rows = _rows("Agencies reported that 704 people had been hospitalised with injuries in Osk, 259 of them children.")
    assert not any(row[1] == 259 for row in rows)


def test_active_harm_verb_beats_the_objects_description() -> None:
    assert _rows("Militiamen attacked the Osk camp, killing 44 displaced civilians.") == {("killed", 44, 44, "author")}


def test_later_conjunct_of_a_counted_group_is_a_part() -> None:
    rows = _rows("Earlier this afternoon the police chief said three men and one woman are in custody in Osk.")
    assert not any(row[1] == 1 for row in rows)


def test_harm_carried_by_a_pronoun() -> None:
    assert ("killed", 40, 40, "author") in _rows(
        "The gunmen forced the group of 40 people off the road near Osk and executed them all.")
    assert {("abducted", 30, 30, "author"), ("killed", 30, 30, "author")} <= _rows(
        "The 30 pilgrims were on their way home from Osk when they were kidnapped and later killed.")


def test_coordinated_figures_share_a_claimant() -> None:
    rows = _rows("The general briefed reporters on the raid in Osk that left 30 people dead and 37 wounded.")
    assert {("killed", 30, 30, "author"), ("injured", 37, 37, "author")} <= rows


def test_two_groups_joined_are_two_rows() -> None:
    assert {("killed", 23, 23, "government"), ("killed", 15, 15, "government")} <= _rows(
        "The government reported 23 civilians and 15 assailants killed in Osk.")


def test_a_returning_crowd_is_not_survivors() -> None:
    rows = _rows("Some 5,000 residents have returned to their homes in Osk since the fighting ended.")
    assert not any(row[0] == "survived" for row in rows)


def test_part_as_object_of_a_harm_verb() -> None:
    rows = _rows("The governor's office said that 26 people had been killed in Osk and that the army had repelled "
                 "the attackers, killing four of them.")
    assert any(row[:3] == ("killed", 4, 4) for row in rows)


def test_person_named_beside_a_role_with_an_of_phrase() -> None:
    rows = _rows("The mayor of the Osk commune, Tomas Reyl Baro, told the Record that 27 people had been buried in the village.")
    assert ("killed", 27, 27, "Tomas Reyl Baro") in rows
    assert not any(row[3] == "Osk Division" for row in _rows(
        "The spokesman for the Velmar Army, Osk Division, said 12 soldiers were killed."))


def test_figure_inside_a_credited_quotation_in_a_relative_clause() -> None:
    # The relative clause describes the websites, but the figure sits inside words credited
    # to them: a quotation is never the writer's own narration.
    rows = _rows("On Thursday gunmen attacked the island of Osk. The colonel rejected what he called \"wild figures\" "
                 "published on certain websites, which speak of \"more than 40 dead\" in Osk.")
    assert ("killed", 41, None, "author") not in rows
    assert any(row[:3] == ("killed", 41, None) for row in rows)


def test_closing_reporting_clause_whose_subject_the_parser_hung_elsewhere() -> None:
    # The parser takes "the governor of Velmar province" for an apposition of the island;
    # the phrase between the comma and "said" is still the verb's subject.
    rows = _rows("Gunmen who arrived in motorised canoes before dawn on Thursday killed 19 villagers and abducted "
                 "at least 12 others on the fishing island of Osk, the governor of Velmar province said on Friday.")
    assert ("killed", 19, 19, "author") not in rows
    assert any(row[:3] == ("killed", 19, 19) and "governor" in row[3] for row in rows)


def test_shot_dead_before_its_object_is_killed() -> None:
    # the parser hangs "dead" on the object ("dead nine farmers"); the verb still killed them
    rows = _rows("On 2 May, soldiers raided the hamlet of Orrin, shooting dead nine farmers and burning 30 huts.")
    assert ("killed", 9, 9, "author") in rows
    rows = _rows("Militiamen stormed the fish market in Kessa and shot dead seven traders they accused of spying.")
    assert ("killed", 7, 7, "author") in rows


def test_a_tally_since_a_month_or_over_several_attacks_is_an_aggregate() -> None:
    rows = _rows("Since January the Velmar Monitor has recorded 312 conflict fatalities in the province.")
    assert not any(row[1] == 312 for row in rows)
    rows = _rows("The Orrin Rights League documented four attacks since April in which at least 19 people were killed. "
                 "On 3 June, gunmen killed six herders in Kessa.")
    assert not any(row[1] == 19 for row in rows)
    assert ("killed", 6, 6, "author") in rows


def test_people_marched_off_are_abducted_but_marchers_are_no_toll() -> None:
    rows = _rows("A year ago, gunmen burst into the Orrin secondary school and marched dozens of pupils into the forest.")
    assert ("abducted", 24, None, "author") in rows
    rows = _rows("Gunmen marched 30 villagers into the hills near Kessa on Monday.")
    assert ("abducted", 30, 30, "author") in rows
    assert not _rows("About 3,000 protesters marched to the square in Kessa on Monday after the killings.")


def test_a_year_ago_dates_an_event_it_makes_no_yearly_sum() -> None:
    rows = _rows("A year ago today, gunmen killed 14 worshippers at the Orrin mosque.")
    assert ("killed", 14, 14, "author") in rows


def test_one_event_singled_out_of_a_series_has_its_own_toll() -> None:
    rows = _rows("Armed groups have carried out several raids in the valley in recent years, among them the 2019 raid "
                 "on the cattle market in Kessa that killed 17 herders.")
    assert ("killed", 17, 17, "author") in rows
    # the series itself stays an aggregate
    assert not _rows("Armed groups have killed 300 herders in the valley in recent years.")


def test_the_dead_identified_as_people_and_a_number_is_a_breakdown() -> None:
    rows = _rows("Gunmen killed six people in Orrin on Saturday. The dead were identified as Tomas Vell Ruiz, 56, "
                 "president of the Orrin farmers board, and five young farm workers.")
    assert ("killed", 6, 6, "author") in rows
    assert not any(row[1] == 5 for row in rows)


def test_parts_that_add_up_to_the_total_before_them_are_a_breakdown() -> None:
    rows = _rows("The Orrin council is pleased to announce that 27 herders have been found safe and returned to their "
                 "families. Eleven of them escaped from their captors on Thursday night; sixteen were freed this "
                 "Saturday morning.")
    assert ("survived", 27, 27, "author") in rows
    assert not any(row[1] in (11, 16) for row in rows)


def test_one_person_harmed_counts_as_one() -> None:
    rows = _rows("Gunmen killed two teachers at the Orrin school on Monday. A security guard was wounded.")
    assert ("injured", 1, 1, "author") in rows
    rows = _rows("Police in Kessa said they had arrested a man over the bombing of the market.")
    assert ("arrested", 1, 1, "Kessa police") in rows or any(r[:3] == ("arrested", 1, 1) for r in rows)


def test_one_person_described_or_listed_is_no_count_of_its_own() -> None:
    # a caption's subject described by a participle; a member of a list of figures
    assert not any(r[1] == 1 for r in _rows("A man injured in the Orrin market blast is carried to a hospital."))
    assert not any(r[1] == 1 for r in _rows("Two medics, two soldiers and an officer of the guard were killed in Kessa."))
    # a man who acts is no one harmed
    assert not any(r[1] == 1 for r in _rows("A man opened fire on the crowd in Kessa, killing four people."))


def test_one_person_beside_a_toll_does_not_take_its_kind() -> None:
    rows = _rows("Raiders killed 30 people in Orrin. A local chief had reported about 12 dead late on Monday.")
    assert not any(r[1] == 1 for r in rows)


def test_a_toll_over_a_span_of_years_is_an_aggregate() -> None:
    assert not _rows("The Orrin Front killed more than 300 herders in the valley between 2018 and 2022, monitors say.")
    assert not _rows("Some 12,000 people were displaced by its attacks in 2021 alone.")
    # one event in one of those years keeps its toll
    rows = _rows("In 2021, gunmen of the Orrin Front killed 12 herders at the Kessa cattle market.")
    assert ("killed", 12, 12, "author") in rows


def test_a_total_of_hostages_rescued_survived() -> None:
    rows = _rows("A total of 40 hostages were rescued by soldiers in Kessa on Monday, the army said.")
    assert ("survived", 40, 40, "army") in {(k, a, b, c.lower().removeprefix("the ")) for k, a, b, c in rows}
    assert not any(row[0] == "abducted" for row in rows)


def test_an_infobox_field_with_a_participle_after_its_figure_takes_the_participles_kind() -> None:
    rows = _rows("Kessa depot siege\n\nLocationKessa, Osk\nDeaths12\nHostages40 freed\n\n"
                 "The Kessa depot siege was an attack by gunmen on a bus depot in Kessa.")
    assert ("survived", 40, 40, "author") in rows
    assert ("killed", 12, 12, "author") in rows
    assert not any(row[0] == "abducted" for row in rows)


def test_the_ministry_is_the_ministry_the_text_named_and_its_breakdown_is_no_row() -> None:
    rows = _rows("The death toll of the depot attack in Kessa has risen to 21, the Osk Ministry of Public Security said "
                 "on Monday. According to the ministry, 18 civilians and three soldiers were killed, and 30 others "
                 "were injured.")
    assert ("killed", 21, 21, "Osk Ministry of Public Security") in rows
    assert ("injured", 30, 30, "Osk Ministry of Public Security") in rows
    assert not any(row[1] in (18, 3) for row in rows)


def test_a_toll_raised_by_a_source_is_that_sources_figure() -> None:
    rows = _rows("Two days later the government spokesman raised the toll of the Kessa depot attack to 24.")
    assert ("killed", 24, 24, "government spokesman") in rows


def test_a_toll_raised_through_it_keeps_the_tolls_kind() -> None:
    rows = _rows("Commander Ivo Saar gave a death toll of seven early on Tuesday, and raised it to 12 in the afternoon.")
    assert {("killed", 7, 7, "Ivo Saar"), ("killed", 12, 12, "Ivo Saar")} <= rows
    assert not _rows("The council raised it to 12 percent in the afternoon.")


def test_a_reference_list_after_an_article_gives_no_rows() -> None:
    text = ("Kessa depot siege\n\nThe Kessa depot siege was an attack by gunmen on a bus depot in Kessa, Osk, "
            "on 3 March 2024. At least 21 people were killed.\n\n== Aftermath ==\nThe depot reopened a month later "
            "after repairs that lasted several weeks and cost the town council a large sum.\n\n"
            "== References ==\n1. \"Police say 19 killed in depot attack\". Osk Herald. 4 March 2024.\n"
            "2. \"Hospital says 30 bodies received\". Kessa Weekly. 5 March 2024.\n")
    rows = _rows(text)
    assert ("killed", 21, None, "author") in rows
    assert not any(row[1] in (19, 30) for row in rows)


def test_people_held_or_taken_as_hostages_are_abducted() -> None:
    rows = _rows("Gunmen were still holding dozens of travellers hostage in the Lomara depot on Tuesday, police said.")
    assert ("abducted", 24, None, "police") in rows
    rows = _rows("The attackers stormed the depot and took about 40 passengers and drivers as hostages.")
    assert ("abducted", 40, 40, "author") in rows
    # held in a place, not as anything: no row
    assert not _rows("The 40 passengers were held in the waiting room for an hour.")


def test_a_bare_participle_after_a_harm_noun_says_what_befell_them() -> None:
    rows = _rows("The Osk Ministry of Public Security reported 21 dead, 30 injured and 40 hostages freed.")
    assert ("survived", 40, 40, "Osk Ministry of Public Security") in rows
    assert not any(row[0] == "abducted" for row in rows)


def test_one_person_among_the_whole_is_no_subset_of_the_figure() -> None:
    rows = _rows("The driver, who was shot in the arm, was among the 40 passengers rescued from the Lomara depot.")
    assert ("survived", 40, 40, "author") in rows
    rows = _rows("Soldiers killed 12 fighters in Kessa, among them three commanders.")
    assert ("killed", 3, 3, "author") not in rows


def test_a_bare_figure_dated_later_after_a_toll_is_the_toll_grown() -> None:
    rows = _rows("The police gave a toll of 9 dead on the morning of 4 March and 14 that afternoon.")
    assert {("killed", 9, 9, "police"), ("killed", 14, 14, "police")} <= rows
    rows = _rows("Gunmen killed 12 people in Kessa and 30 cattle later.")
    assert not any(row[1] == 30 for row in rows)


def test_an_infobox_toll_plus_its_perpetrators_gives_the_attackers_dead() -> None:
    rows = _rows("Tarrow mall siege\n\nDate4 May 2023\nLocationTarrow Mall, Kessa, Osk\nDeaths31 (+2 perpetrators)\n"
                 "Injured75+\n\nThe Tarrow mall siege was an attack on 4 May 2023 by gunmen on the Tarrow Mall in Kessa.")
    assert {("killed", 31, 31, "author"), ("killed", 2, 2, "author"), ("injured", 75, None, "author")} <= rows


def test_a_place_set_off_after_the_source_is_where_they_live_not_a_second_source():
    rows = _rows("Farmers of Osk Tamar, a village in the Velmar region, said militiamen shot dead six people on Monday.")
    assert rows == {("killed", 6, 6, "Farmers of Osk Tamar")}
    # a body of the place is still a source of its own
    rows = _rows("Farmers of Osk Tamar and the district council said militiamen shot dead six people on Monday.")
    assert ("killed", 6, 6, "district council") in rows


def test_a_soldier_who_fell_as_a_martyr_is_killed() -> None:
    rows = _rows("One soldier fell as a martyr in the clash near Tessaga on Monday.")
    assert ("killed", 1, 1, "author") in rows


def test_captives_a_release_verb_takes_are_survivors_whatever_phrase_describes_them() -> None:
    assert ("survived", 11, 11, "author") in _rows("Troops freed eleven (11) citizens held hostage by a gang near "
                                                   "Tessaga on Monday.")
    assert ("survived", 6, 6, "author") in _rows("Soldiers rescued six villagers held hostage by bandits near "
                                                 "Tessaga on Monday.")
    assert ("survived", 4, 4, "author") in _rows("Liberation of four farmers held hostage near Tessaga")
    assert ("abducted", 6, 6, "author") in _rows("Bandits held six villagers hostage near Tessaga on Monday.")


def test_hostages_who_remain_held_are_missing() -> None:
    rows = _rows("Gunmen seized 20 passengers near Tessaga on Monday; 3 hostages remain held, the army said.")
    assert ("missing", 3, 3, "author") in rows


def test_one_event_named_in_the_singular_before_last_year_is_no_tally_over_the_year() -> None:
    rows = _rows("A jailbreak during a riot at Sorvan jail last year left one guard dead.")
    assert ("killed", 1, 1, "author") in rows
    rows = _rows("Attacks by the Velmar group killed 300 people last year.")
    assert ("killed", 300, 300, "author") not in rows


def test_a_monitors_tally_across_the_country_and_the_jails_it_counts_are_no_rows() -> None:
    rows = _rows("In 2025 the Velmar Rights Forum recorded 14 deaths in custody across the country's 74 jails.")
    assert not {r for r in rows if r[1] in (14, 74)}


def test_deaths_in_custody_are_killed_not_arrested() -> None:
    rows = _rows("Guards at Sorvan jail reported 3 deaths in custody on Sunday.")
    assert ("arrested", 3, 3, "Guards") not in rows and any(r[:3] == ("killed", 3, 3) for r in rows)


def test_digits_restated_in_words_in_brackets_are_one_figure() -> None:
    rows = _rows("In the clashes near Sorvan, 6 (six) of our comrades were martyred and 7 (seven) were wounded.")
    assert {("killed", 6, 6, "author"), ("injured", 7, 7, "author")} <= rows


def test_a_communique_martyring_people_killed_them() -> None:
    rows = _rows("The terrorists opened fire on a house at Sorvan, martyring 3 (three) of our citizens.")
    assert ("killed", 3, 3, "author") in rows


def test_two_groups_joined_as_one_subject_share_its_harm() -> None:
    rows = _rows("Eleven inmates and seven police personnel were taken to hospital with gunshot wounds at Sorvan jail.")
    assert {("injured", 11, 11, "author"), ("injured", 7, 7, "author")} <= rows
    assert ("arrested", 1, 1, "author") not in _rows("Three men and one woman were arrested at Sorvan on Monday.")


def test_survivors_who_tell_a_monitor_what_they_saw_are_witnesses_not_a_count() -> None:
    rows = _rows("Gunmen killed 12 farmers at Sorvan on Sunday. Two survivors told the monitor they recognised "
                 "the attackers.")
    assert not any(r[0] == "survived" for r in rows)
    rows = _rows("Gunmen killed 12 farmers at Sorvan on Sunday; two survivors were found in the bush.")
    assert ("survived", 2, 2, "author") in rows


def test_a_sources_parts_of_the_reports_own_total_are_no_rows() -> None:
    rows = _rows("Nine killed as gunmen storm Sorvan checkpoint\n\nThree policemen and six civilians were killed when "
                 "gunmen stormed a checkpoint at Sorvan late on Monday, officials said.")
    assert ("killed", 9, 9, "author") in rows
    assert not any(r[:3] in (("killed", 3, 3), ("killed", 6, 6)) for r in rows)


def test_people_who_never_came_back_are_missing() -> None:
    rows = _rows("Gunmen killed 13 pickers at Sorvan on Sunday. Two fishermen have not come back.")
    assert ("missing", 2, 2, "author") in rows
