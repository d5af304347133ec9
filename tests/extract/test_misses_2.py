"""Forms missed on unseen documents, second round: harm words joined by "or", an ordinal
naming one more person harmed, remains recovered, victims listed by name, a figure the
dead are described as, and bodies named "X of Y group" (sentences written for these tests,
about fictional events, places and groups)."""

from __future__ import annotations

from reckon import extract
from reckon.extract.actors import ActorResolver
from reckon.extract.speakers import SpeakerResolver


def _rows(text: str) -> set[tuple[str, int | None, int | None, str]]:
    findings = extract(text)
    return {(str(c.kind), c.min, c.max, c.claimant.name) for i in findings.incidents for c in i.counts}


def _speaker(text: str, surface: str) -> str:
    return SpeakerResolver(text, actors=ActorResolver(text)).resolve(surface, position=0)


# 1. "killed or wounded 40": alternatives, counted as the first kind named (FORMAT.md).

def test_killed_or_wounded_is_the_first_kind_named() -> None:
    rows = _rows("Gunmen on motorbikes killed or wounded more than 40 people in the market of Durrel on Sunday.")
    assert ("killed", 41, None, "author") in rows
    assert not any(row[0] == "injured" for row in rows)


def test_killed_or_injured_objects() -> None:
    rows = _rows("The blast at the bus depot in Hovan killed or injured 23 passengers.")
    assert ("killed", 23, 23, "author") in rows
    assert not any(row[0] == "injured" for row in rows)


def test_alternatives_in_the_passive_and_in_a_list() -> None:
    assert ("killed", 41, None, "author") in _rows("More than 40 people were killed or wounded in the market of Durrel.")
    rows = _rows("Gunmen killed or abducted 18 farmers in Tallo.")
    assert ("killed", 18, 18, "author") in rows
    assert not any(row[0] == "abducted" for row in rows)


def test_dead_or_missing_stays_killed() -> None:
    assert ("killed", 60, None, "author") in _rows("At least 60 villagers were dead or missing after the raid on Semmo.")


def test_wounded_or_displaced_is_injured_and_and_still_joins_two_kinds() -> None:
    rows = _rows("Shelling wounded or displaced 300 residents of Ferro on Tuesday.")
    assert ("injured", 300, 300, "author") in rows
    assert not any(row[0] == "displaced" for row in rows)
    # "and" joins harms that befell the same people: both kinds stay
    rows = _rows("The gang kidnapped and killed 12 traders near Ossa.")
    assert {("abducted", 12, 12, "author"), ("killed", 12, 12, "author")} <= rows


# 3. Remains someone recovers or exhumes are a toll, as found bodies are.

def test_remains_recovered_are_killed() -> None:
    rows = _rows("Investigators recovered the remains of 96 people from a pit near Oskel.")
    assert ("killed", 96, 96, "author") in rows
    assert not any(row[0] == "survived" for row in rows)


def test_remains_exhumed_in_the_passive() -> None:
    assert ("killed", 31, 31, "author") in _rows("The remains of 31 people were exhumed from a mass grave near Tobble.")


def test_bodies_exhumed_stay_killed() -> None:
    assert ("killed", 14, 14, "author") in _rows("Forensic teams exhumed the bodies of 14 men at a farm outside Vellin.")


def test_remains_kept_in_a_museum_are_no_toll() -> None:
    assert not _rows("The museum in Oskel holds the remains of 40 people from a medieval cemetery.")


# 6. "The Banner of Dawn group": the words after "of" belong to the name.

def test_of_named_group_after_the_stays_whole() -> None:
    text = "The Banner of Dawn group said it carried out the attack on Wessel, which killed nine people."
    assert _speaker(text, "The Banner of Dawn group") == "Banner of Dawn group"
    assert ("killed", 9, 9, "Banner of Dawn group") in _rows(text)


def test_of_named_front_with_an_article_inside() -> None:
    text = "The Sons of the Red Valley Front said its fighters had taken the ridge above Marro."
    assert _speaker(text, "The Sons of the Red Valley Front") == "Sons of the Red Valley Front"


def test_role_of_a_place_is_not_a_body_name() -> None:
    text = "The governor of Lac Pallo said 12 people died in the raid."
    assert _speaker(text, "The governor of Lac Pallo") != "Lac Pallo group"


# 2. "killed two and wounded a third": the ordinal is one more person harmed.

def test_wounded_a_third_is_one_injured() -> None:
    rows = _rows("The fighters killed two guards and wounded a third near Pallow.")
    assert {("killed", 2, 2, "author"), ("injured", 1, 1, "author")} <= rows


def test_shot_dead_three_and_injured_a_fourth() -> None:
    rows = _rows("Police shot dead three protesters and injured a fourth in Kesserby on Friday.")
    assert {("killed", 3, 3, "author"), ("injured", 1, 1, "author")} <= rows


def test_ordinal_with_its_own_passive_predicate() -> None:
    rows = _rows("Gunmen abducted four teachers in Sabo and a fifth was shot dead.")
    assert {("abducted", 4, 4, "author"), ("killed", 1, 1, "author")} <= rows
    rows = _rows("Two hostages were freed on Monday and a third escaped on Tuesday near Lokka.")
    assert ("survived", 1, 1, "author") in rows


def test_fractions_and_ordinal_events_are_no_person() -> None:
    assert not any(row[1] == 1 for row in _rows("The gunmen killed 12 people in Tarvo; a third of the victims were children."))
    assert not any(row[1] == 1 for row in _rows("Rebels killed five soldiers in Marrow, a third attack this month."))
    assert not any(row[1] == 1 for row in _rows("Rebels killed five soldiers in Marrow, a third in as many weeks."))
    assert not any(row[1] == 1 for row in _rows("Soldiers killed two rebels in Tumo and a third was seen fleeing."))
    assert not _rows("The famine in Orla killed a third.")


# 4. Victims listed by name, the dead named one by one: a toll of whoever lists them.

def test_victims_listed_by_name_are_killed_claimed_by_the_lister() -> None:
    rows = _rows("The Kessel Rights Committee listed 112 victims by name after the massacre in Orrow.")
    assert ("killed", 112, 112, "Kessel Rights Committee") in rows


def test_dead_named_one_by_one() -> None:
    assert ("killed", 40, 40, "diocese") in _rows("The diocese named 40 of the dead from the raid on Lutte.")
    assert ("killed", 40, 40, "Local officials") in _rows("Local officials named 40 of the dead from the raid on Lutte.")


def test_a_report_whose_issuer_is_named_is_the_issuers_claim() -> None:
    rows = _rows("The truth commission's final report listed 112 victims by name for the hamlet of Orrow.")
    assert ("killed", 112, 112, "truth commission") in rows
    rows = _rows("A report by the truth commission said 112 people were killed in Orrow.")
    assert ("killed", 112, 112, "truth commission") in rows
    # unnamed reports stay press reports
    assert ("killed", 112, 112, "press reports") in _rows("Reports said 112 people were killed in Orrow.")


def test_naming_suspects_or_demands_is_no_toll() -> None:
    assert not _rows("Police named 12 suspects in the raid on Lutte.")
    assert not _rows("The committee listed 12 demands after the massacre in Orrow.")
    # a figure merely listed, not by name, keeps its own predicate
    assert ("missing", 30, 30, "Relatives") in _rows(
        "Relatives of the victims listed the names of 30 people still missing after the raid on Kolo.")


def test_named_as_a_participle_gives_no_claimant() -> None:
    rows = _rows("A man named Arlo Venn killed 12 people in Lutte.")
    assert ("killed", 12, 12, "author") in rows


# 5. "described the dead as '27 subversives'": a toll of whoever describes them; records
# speak for who keeps them.

def test_dead_described_as_a_figure_are_killed() -> None:
    rows = _rows("Military records described the dead as '27 subversives' killed in combat near Fenna.")
    assert ("killed", 27, 27, "Military") in rows
    assert ("killed", 27, 27, "army") in _rows("The army described the dead as 27 subversives.")


def test_records_speak_for_their_keeper() -> None:
    assert ("killed", 27, 27, "police") in _rows("Police records show 27 people were killed near Fenna.")
    # records of no keeper stay as written
    assert ("killed", 27, 27, "Court records") in _rows("Court records show 27 people were killed near Fenna.")


def test_an_as_phrase_of_a_describing_verb_is_its_account() -> None:
    rows = _rows("The army described the raid as an operation in which 27 rebels were killed near Fenna.")
    assert ("killed", 27, 27, "army") in rows
    # a clause describing the event outside any "as" phrase stays the writer's narration
    rows = _rows("The army briefed reporters on the raid in which 27 rebels were killed near Fenna.")
    assert ("killed", 27, 27, "author") in rows


def test_described_as_without_the_dead_or_a_list_of_who_they_were_is_no_toll() -> None:
    assert not _rows("The dead were identified as Arlo Penn, Ivo Saar and five farm workers.")
    assert not _rows("The army described the raid as a clash with 27 subversives.")
    assert not _rows("The army did not describe the dead as 27 subversives.")


def _actors(text: str) -> set[str]:
    return {a.actor for i in extract(text).incidents for a in i.perpetrators}


def test_relative_clause_after_the_place_an_attack_hit_describes_the_attack() -> None:
    actors = _actors("The Banner of Dawn group said it carried out the attack on Wessel, which killed nine people.")
    assert "Wessel" not in actors
    assert "Banner of Dawn group" in actors
    # a doer's own relative clause still names the doer
    assert "Arlo Venn" in _actors("Soldiers fought the militia of Arlo Venn, who killed nine people in Wessel.")
