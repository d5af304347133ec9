"""Perpetrator rules found on held-out batches 8 and 9, each pinned on fictional sentences of our own."""

from __future__ import annotations

from reckon import extract
from reckon.formats import findings_to_json


def _mentions(sentence: str) -> list:
    from reckon.extract.accusations import find_accused
    from reckon.extract.nlp import load_nlp

    return list(find_accused(load_nlp()(sentence)[:]))


def _accused(sentence: str) -> set[str]:
    return {m.surface for m in _mentions(sentence)}


def _perpetrators(text: str) -> dict[str, set[str]]:
    """Each accused of the text's incidents with the claimants it has."""
    data = findings_to_json(extract(text), id="t")
    found: dict[str, set[str]] = {}
    for incident in data["incidents"]:
        for p in incident["perpetrators"]:
            found.setdefault(p["actor"], set()).add(p["claimed_by"])
    return found


def test_whoever_threw_or_fired_what_struck_the_victims_is_accused() -> None:
    assert "the rioters" in _accused("Police said two of the dead were struck by stones thrown by the rioters.")
    assert "rioters" in _accused('The ministry said three men were hit by stones thrown by "rioters".')
    # a thing thrown by no one named accuses no one
    assert _accused("Two of the dead were struck by falling stones near the Orrin market.") == set()


def test_a_past_tense_the_tagger_reads_as_a_participle_keeps_its_subject() -> None:
    # "fired" is tagged VBN here; its own subject makes it a finite verb, not "a boy shot in the back".
    assert "Velmor's hired guns" in _accused(
        "At the Kessel quarry gate, Velmor's hired guns fired on women and young men who had come to ask for wages.")


def test_a_relative_clause_on_a_date_speaks_of_the_attacks_not_of_an_actor() -> None:
    assert _accused("The monitor has recorded 40 attacks on clinics since March 2025, which killed 210 people.") == set()
    # a span of time with its month is a span of time too
    assert _accused("Armed groups have killed 300 people in the Orrin valley since March 2024.") == set()


def test_a_subject_with_no_is_a_denial_not_an_accused() -> None:
    assert _accused("The ministry wishes to state that no police officer fired live ammunition at the marchers.") == set()


def test_a_person_inside_a_relative_clause_on_the_accused_is_not_the_accused() -> None:
    # the chairman named in the clause is the gang's victim
    found = _accused("The Dorrin Brigade is the same gang that abducted our ward chairman, Comrade Tomas Ekwueme, in May.")
    assert not any("Ekwueme" in surface for surface in found)
    found = _accused("Police said the gang that abducted the village chairman, John Okoro, killed four guards.")
    assert not any("Okoro" in surface for surface in found)


def test_evidence_points_read_as_one_noun_still_points_to_someone() -> None:
    sentence = ('The regional command said in a statement that "initial evidence points to the separatist '
                'insurgent network" but did not name a group.')
    assert "the separatist insurgent network" in _accused(sentence)


def test_accused_of_joining_others_in_attacks_is_accused_of_the_attacks() -> None:
    sentence = ("The Front, which says 19 people were killed, has accused the ruling party's youth militia of "
                "joining the police in attacks on residents.")
    assert "the ruling party's youth militia" in _accused(sentence)
    # joining a march is no harm
    assert _accused("The Front accused the governor's youth militia of joining the march on Sunday.") == set()


def test_investigators_suspecting_a_cell_of_a_named_group_suspect_the_group() -> None:
    sentence = "An official in Orsk said investigators suspected a cell of the Kessel Liberation Front (KLF), a splinter group."
    assert "the Kessel Liberation Front" in _accused(sentence)
    assert _accused("Investigators suspect a gas leak in the Orrin market.") == set()


def test_whoever_is_held_responsible_is_accused_whatever_noun_names_them() -> None:
    assert "the head of state" in _accused("The union president said the party holds the head of state personally responsible.")
    assert _accused("We hold them responsible.") == set()


def test_a_group_boasting_of_the_massacre_claims_it_and_keeps_its_particles() -> None:
    found = {m.surface: m.self_claimed for m in _mentions(
        'The gang that calls itself Harakat Sayf ul-Din, the so-called "Sayf", has boasted of this massacre on its channels.')}
    assert found.get("Harakat Sayf ul-Din") is True
    # the nickname in quote marks is the name, not "the so-called"
    assert "the so-called" not in found


def test_claiming_to_have_killed_is_a_claim_not_a_sighting() -> None:
    from reckon.extract.accusations import is_direct

    mentions = [m for m in _mentions("The Orrin Martyrs Brigade claimed to have killed 21 soldiers and militiamen.")
                if m.surface == "The Orrin Martyrs Brigade"]
    assert mentions and all(m.self_claimed and not is_direct(m) for m in mentions)


def test_a_police_release_describing_its_suspect_accuses_the_description() -> None:
    text = ("Shooting at Velmar Bowling Club - five confirmed deceased, suspect in custody.\n\n"
            "Five people were killed and nine were injured in a shooting at the Velmar Bowling Club on Saturday.\n\n"
            "The suspect is a 47-year-old man from the Township of Orrin. He is known to police.")
    assert "a 47-year-old man" in _perpetrators(text)


def test_an_infobox_allegation_names_who_alleges_it() -> None:
    from reckon.extract.accusations import find_infobox_accused

    boxed = find_infobox_accused("Deaths12\nPerpetratorsKessel Liberation Front (alleged by the Velmar army)[4]\nInjured30\n")
    assert [(b.surface, b.alleged, b.alleged_by) for b in boxed] == [("Kessel Liberation Front", True, "Velmar army")]
    boxed = find_infobox_accused("Suspected perpetrators\nKessel Liberation Front\n")
    assert [(b.surface, b.alleged) for b in boxed] == [("Kessel Liberation Front", True)]
    assert [b.alleged for b in find_infobox_accused("Perpetrators Kessel Liberation Front[2]\n")] == [False]


def test_an_alleged_infobox_perpetrator_leaves_the_gunmen_seen_acting() -> None:
    text = ("Orsk market bombing\n"
            "Deaths12\nPerpetratorsKessel Liberation Front (alleged by the Velmar army)[4]\n\n"
            "The Orsk market bombing was a bomb and gun attack on the night market of Orsk on 3 May 2026. "
            "A bomb hidden in a parked cart exploded among the stalls, and gunmen then fired on people helping "
            "the wounded. Twelve people were killed.[1]\n")
    found = _perpetrators(text)
    assert "gunmen" in found
    assert "Velmar army" in found.get("Kessel Liberation Front", set())


def test_forces_sent_against_people_who_then_shot_them_are_accused() -> None:
    sentence = ("On Tuesday the governor sent his police, his soldiers and his party thugs against unarmed villagers "
                "who only wanted to be heard, and they shot them down like dogs.")
    assert {"his police", "his soldiers", "his party thugs"} <= _accused(sentence)
    # "they" are the elders, not the letter
    assert _accused("The governor sent a letter to the elders, and they attacked the camp.") == set()


def test_a_deadline_after_by_is_no_doer_of_the_attack() -> None:
    assert _accused("No group had claimed the bombing by Saturday evening.") == set()
    assert _accused("No one had claimed the attack by Sunday morning.") == set()


def test_a_toll_over_part_of_a_year_is_an_aggregate_not_one_attack() -> None:
    assert _accused("According to a UN count, attacks by armed groups killed or wounded more than 1,100 civilians "
                    "in Velmar in the first half of 2026 alone.") == set()
    assert _accused("At least 61 people have been killed in attacks attributed to Kessel Front cells since the "
                    "start of 2025, according to a tally kept by the council.") == set()
    # one attack's own sentence still accuses
    assert "Armed groups" in _accused("Armed groups attacked the Orrin depot on Friday, killing six guards.")


# Constructions of blame and of deeds found missing while probing the rules above with
# sentences of our own: each recurs in any report of an attack.

def test_a_group_saying_its_fighters_did_it_claims_the_deed() -> None:
    found = {m.surface: m.self_claimed for m in _mentions("The Kessel Front said its fighters had attacked the base.")}
    assert found.get("The Kessel Front") is True


def test_pointing_the_finger_at_someone_blames_them() -> None:
    found = {m.surface: m.blamer.text if m.blamer is not None else None
             for m in _mentions("Officials in Orsk pointed the finger at the Kessel Front.")}
    assert found.get("the Kessel Front") == "Officials"


def test_naming_someone_as_the_group_behind_the_attack_accuses_them() -> None:
    assert "the Kessel Front" in _accused("The army named the Kessel Front as the group behind the bombing.")
    assert "the Kessel Front" in _accused("Police identified the Kessel Front as the perpetrators.")
    # naming someone as a witness accuses no one
    assert _accused("The court named the Kessel Front as a party to the peace talks.") == set()


def test_an_attack_that_was_the_work_of_someone_is_theirs() -> None:
    assert "the Kessel Front" in _accused("The attack was the work of the Kessel Front, police said.")


def test_someone_said_to_be_to_blame_is_accused() -> None:
    assert "the Kessel Front" in _accused("The government said the Kessel Front was to blame.")


def test_the_attackers_belonging_to_a_group_in_a_second_clause_accuse_it() -> None:
    assert "the Kessel Front" in _accused("Survivors said the gunmen spoke Orrin and belonged to the Kessel Front.")


def test_attackers_said_to_be_a_groups_militants_accuse_the_group() -> None:
    assert "Kessel Front militants" in _accused("Police said the attackers were Kessel Front militants.")
    # also when the doers are the agent of a passive harm
    assert "Kessel Front members" in _accused("Thirty students were abducted by gunmen believed to be Kessel Front members.")


def test_attackers_from_a_named_body_accuse_the_body_not_a_place() -> None:
    assert "the Kessel Front" in _accused("A suicide bomber from the Kessel Front blew himself up at the market.")
    assert "the Velm militia" in _accused("Fighters from the Velm militia stormed the camp.")
    # a place, a country or a body named before is not the one accused
    assert "Gunmen" in _accused("Gunmen from the neighbouring village killed four farmers.")
    assert "gunmen" in _accused("On March 3, gunmen from the same gang seized four farmers.")
    assert not any("Mozambique" in a or "Orrin" in a for a in _accused('The police blamed "insurgents from Orrin" and '
                                                                     'rebels from Mozambique for the raid.'))


def test_setting_fire_to_a_place_is_a_harm() -> None:
    assert "militiamen loyal to the governor" in _accused(
        "According to witnesses, militiamen loyal to the governor set fire to the houses.")
    # setting a date is no harm
    assert _accused("The Kessel Front set a date for the talks.") == set()


def test_a_table_cell_border_is_no_part_of_an_accused() -> None:
    assert _accused("7 February | Obolme, Kessel Regency | 1 | 3 | Unknown | Gunmen set fire to the health post; "
                    "a nurse was killed.") == {"Gunmen"}


def test_it_or_this_being_the_work_of_someone_accuses_them() -> None:
    assert "the Kessel Front" in _accused("It was the work of the Kessel Front.")
    assert _accused("It was the work of a moment.") == set()
    assert _accused("It was the work of the Truth Commission to investigate the killings.") == set()


def test_a_gerund_the_lemmatizer_misreads_is_still_the_deed_charged() -> None:
    # "staging" is lemmatized "stag"; staging an attack is carrying it out
    sentence = ("In a statement, the Kessel Front said it was not involved and accused government-backed militias "
                "of staging the attack.")
    assert "government-backed militias" in _accused(sentence)


def test_a_blaming_group_is_its_whole_name_as_claimant() -> None:
    found = _perpetrators("Twelve people were killed in Orrin on Monday. "
                          "The Kessel Front denied responsibility and blamed the army.")
    assert found.get("the army") == {"Kessel Front"}


def test_we_blaming_on_an_issuers_page_is_the_author() -> None:
    found = _perpetrators("Twelve people were killed in Orrin on Monday.\n\n"
                          "We hold the Velmar regime responsible for this massacre.")
    assert found.get("Velmar regime") == {"author"} or found.get("the Velmar regime") == {"author"}


def test_an_infobox_naming_no_one_or_hedging_or_quoting_a_claim() -> None:
    from reckon.extract.accusations import find_infobox_accused

    def boxed(text: str) -> list[tuple[str, bool, str | None]]:
        return [(b.surface, b.alleged, b.alleged_by) for b in find_infobox_accused(text)]

    assert boxed("PerpetratorsUnknown\n") == []
    assert boxed("PerpetratorsNone claimed\n") == []
    assert boxed("Perpetrator Unidentified gunmen; suspected Kessel Front members\n") == [
        ("Unidentified gunmen", False, None), ("Kessel Front members", True, None)]
    assert boxed("PerpetratorsKessel Front (claimed responsibility)\n") == [("Kessel Front", True, "Kessel Front")]
    assert boxed("PerpetratorsKessel Front (per Velmar government)\n") == [("Kessel Front", True, "Velmar government")]


def test_harms_named_by_their_means_accuse_who_did_them() -> None:
    assert "Gunmen" in _accused("Gunmen on motorcycles sprayed the Orrin market with bullets.")
    assert _accused("Farmers sprayed the Orrin fields with pesticide.") == set()
    assert "Police" in _accused("Police used live ammunition against the marchers in Orsk.")
    assert _accused("Police used loudspeakers to address the marchers in Orsk.") == set()
    assert "A mob" in _accused("A mob lynched two men accused of theft in Orsk.")
    assert "Herders" in _accused("Herders attacked the village of Orrin at dawn.")


def test_ordering_an_attack_accuses_whoever_ordered_it() -> None:
    assert any("Kessel Front" in a for a in _accused("The Kessel Front's leader ordered the attack, prosecutors say."))
    assert _accused("The president ordered an investigation into the killings.") == set()


def test_aircraft_belonging_to_a_force_accuse_the_force() -> None:
    assert "the Velmar air force" in _accused("Jets belonging to the Velmar air force struck the market.")


def test_the_sides_of_political_violence_and_a_lone_officer_are_actors() -> None:
    assert "the opposition" in _accused("The government blamed the opposition for the violence in Orsk.")
    assert "the ruling party" in _accused("Opposition leaders accused the ruling party of sponsoring the attacks.")
    assert "An officer" in _accused("An officer shot the boy in the back.")


def test_a_groups_record_of_several_attacks_is_not_this_attack() -> None:
    assert _accused("The Kessel Front, which has carried out several attacks in the region, did not comment.") == set()
    assert "The Kessel Front" in _accused("The Kessel Front, which carried out the attack, did not comment.")


def test_attackers_believed_to_belong_to_a_group_accuse_it() -> None:
    assert "the Kessel Front" in _accused("Gunmen believed to belong to the Kessel Front stormed the school.")


def test_since_a_month_when_recalls_one_earlier_event() -> None:
    # "since February 2023, when soldiers killed 22 villagers": the one event it recalls accuses
    assert "soldiers" in _accused("It was the deadliest army raid in the area since February 2023, when soldiers "
                                  "killed 22 villagers in Tumbo.")
    # a description of a group's own deed is left to name its claimant from the text around it
    found = {m.surface: m.self_claimed for m in _mentions('The militia claimed to have killed 30 "enemies".')}
    assert found.get("The militia") is False


def test_one_unnamed_attacker_beside_a_named_accused_is_no_actor_of_his_own() -> None:
    text = ("KORVEL, May 3 (Agency) - A suicide bomber blew himself up inside a crowded bus station in Korvel on "
            "Friday, killing at least 14 people, police said.\n\n"
            "The Kessel Front claimed responsibility for the attack in a statement on Saturday.")
    found = _perpetrators(text)
    assert "Kessel Front" in found
    assert not any("bomber" in actor for actor in found)
    # with no one named, the lone attacker stays the accused
    found = _perpetrators("KORVEL, May 3 (Agency) - A suicide bomber blew himself up inside a crowded bus station "
                          "in Korvel on Friday, killing at least 14 people, police said.")
    assert any("bomber" in actor for actor in found)


def test_naming_someone_as_the_man_who_planned_it_accuses_him() -> None:
    assert "Abu Tariq al-Velmi" in _accused("Officials have since named a local commander of the group, known as "
                                            "Abu Tariq al-Velmi, as the man who planned it.")
    assert _accused("The court named Velm Osk as the judge who heard the case.") == set()


def test_attackers_employed_by_someone_accuse_the_employer() -> None:
    assert "Kessel Agro" in _accused("He said the gunmen were guards employed by Kessel Agro, a palm oil company.")


def test_sentences_of_blame_without_a_harm_word_are_read() -> None:
    # the sentence is read although it holds no figure and no harm word
    for sentence in ("Officials in Orsk pointed the finger at the Kessel Front.",
                     "Officials have since named the Kessel Front as the group behind it.",
                     "Officials said it was the work of the Kessel Front.",
                     "Officials said the Kessel Front was to blame."):
        found = _perpetrators("Gunmen killed nine people at a market in Orsk on Monday. " + sentence)
        assert "Kessel Front" in found, sentence


def test_an_antecedent_the_parser_made_the_root_ends_where_its_clause_begins() -> None:
    assert _accused("A militia that had attacked the village returned on Monday.") == {"A militia"}


def test_the_traces_of_a_deed_point_to_its_doer() -> None:
    # "signature"/"pattern" are evidence as "the evidence points to X" is
    assert "the Orrin Liberation Army" in _accused(
        'A police officer in Varnel said the "signature" of the bombs pointed to the Orrin Liberation Army.')
    assert "the Kessel militia" in _accused("The pattern of the killings points to the Kessel militia, residents said.")
    assert _accused("The pattern of rainfall points to a wet year.") == set()


def test_a_deed_bearing_the_fingerprints_of_a_group_names_the_group() -> None:
    assert "the Kessel intelligence services" in _accused(
        'The spokesman said: "This crime bears the fingerprints of the Kessel intelligence services."')
    assert "the Orrin Liberation Army" in _accused(
        "The blast carried the signature of the Orrin Liberation Army, police said.")
    # a signature collected is no trace of a deed
    assert _accused("Volunteers collected the signature of the mayor of Kessel.") == set()


def test_putting_the_blame_on_someone_accuses_them() -> None:
    assert "the Orrin militia" in _accused("The governor placed the blame for the massacre on the Orrin militia.")
    assert "Kessel narco gangs" in _accused(
        'The defence minister put the blame on what he called "Kessel narco gangs" operating across the border.')
    assert _accused("The governor did not put the blame on the Orrin militia.") == set()


def test_named_as_the_organiser_of_the_attack_is_accused() -> None:
    assert "Tomas Velt" in _accused("Security officials named its leader, Tomas Velt, as the organiser of the attack.")
    assert "Tomas Velt" in _accused("Police named Tomas Velt as the ringleader of the bombing.")
    # the organiser of something that is no harm
    assert _accused("Police named Tomas Velt as the organiser of the festival.") == set()


def test_accusing_those_who_did_something_names_them_by_the_clause() -> None:
    assert "those who want the talks to fail" in _accused(
        "He accused those who want the talks to fail of staging the bombing.")
    assert "those who armed the militia" in _accused("The governor blamed those who armed the militia for the massacre.")
    # who accuses is not accused
    assert _accused("Those who survived the attack accused the army of firing first.") == {"the army"}
