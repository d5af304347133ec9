"""Unnamed sources: phrases that describe the people who speak instead of naming them.

"A nurse at the referral hospital", "police officials", "one of the two students who
escaped", "witnesses": an unnamed person speaking is a claimant of its own, reported as the
text describes it (FORMAT), not the institution it belongs to. These tests find the noun
that says who speaks (the head before any prepositional phrase or relative clause), whether
it is one person (whom a later "he" or "she" can stand for) or many, and drop an opening
adverbial the phrase has no comma after. They read the phrase alone, so the speaker resolver
and ``run`` (which keeps such sources apart from named ones) share them.
"""

from __future__ import annotations

import re

from reckon.extract.person_names import INTRO

__all__ = ["NOUN_PHRASE_END", "ONE_OF_PLURAL", "UNNAMED_PEOPLE", "describes_unnamed_people",
           "is_one_unnamed_person", "unnamed_head", "without_intro"]


# Heads of phrases naming one or more unnamed people who speak ("a police source").
# Nouns for one unnamed person that say whether a later "he" or "she" can be them.
_UNNAMED_GENDER = {
    "woman": "f", "women": "f", "mother": "f", "mothers": "f", "widow": "f", "widows": "f", "girl": "f",
    "girls": "f", "wife": "f", "sister": "f", "daughter": "f", "man": "m", "men": "m", "father": "m",
    "fathers": "m", "boy": "m", "boys": "m", "husband": "m", "brother": "m", "son": "m",
}
UNNAMED_PEOPLE = frozenset({"source", "sources", "official", "officials", "spokesman", "spokeswoman",
                            "spokesperson", "officer", "officers", "witness", "witnesses", "resident",
                            "residents", "survivor", "survivors", "doctor", "doctors", "nurse", "medic",
                            "medics", "worker", "workers", "diplomat", "diplomats", "leader", "leaders",
                            "villager", "villagers", "elder", "elders", "teacher", "teachers", "parent",
                            "parents", "relative", "relatives", "activist", "activists", "soldier",
                            "soldiers", "policeman", "policemen", "guard", "guards", "farmer", "farmers",
                            "fisherman", "fishermen", "trader", "traders", "paramedic", "paramedics",
                            "rescuer", "rescuers", "volunteer", "volunteers", "student", "students", "pupil",
                            "pupils", "detainee", "detainees", "hostage", "hostages", "worshipper",
                            "worshippers", "passenger", "passengers", "patient", "patients",
                            # trades a report describes an eyewitness by ("a pharmacist whose shop ...")
                            "pharmacist", "pharmacists", "shopkeeper", "shopkeepers", "baker", "bakers",
                            "driver", "drivers", "mechanic", "mechanics", "butcher", "butchers", "tailor",
                            "tailors", "vendor", "vendors", "herder", "herders", "herdsman", "herdsmen",
                            "shepherd", "shepherds", "merchant", "merchants", "labourer", "labourers",
                            "carpenter", "carpenters", "imam", "imams", "priest", "priests", "pastor",
                            "pastors", "cleric", "clerics", "midwife", "midwives", "surgeon", "surgeons",
                            "neighbour", "neighbours", "neighbor", "neighbors", "bystander", "bystanders",
                            *_UNNAMED_GENDER})



def is_one_unnamed_person(name: str, gender: str | None = None) -> bool:
    """ "nurse at the referral hospital", "police source": one unnamed person, whom a later
    "she" or "he" can stand for ("officials", "witnesses", "fishermen" cannot); with
    ``gender``, not one the noun gives the other gender ("a woman whose …" is no "he")."""
    head = unnamed_head(name)
    if head is None or head.endswith(("s", "men")):
        return False
    return gender is None or _UNNAMED_GENDER.get(head) in (None, gender)


def unnamed_head(name: str) -> str | None:
    """The noun naming unnamed people in a description, before any prepositional phrase or
    relative clause: "a nurse at the referral hospital" -> "nurse", "a woman whose husband
    was killed" -> "woman"; None when the head is not such a noun."""
    member = ONE_OF_PLURAL.match(name)
    if member is not None:
        # "one of the two students who escaped": one member of a group of unnamed people
        plural = member.group("noun").lower()
        single = plural[:-3] + "man" if plural.endswith("men") else plural[:-1]
        return single if plural in UNNAMED_PEOPLE and single in UNNAMED_PEOPLE else None
    words = NOUN_PHRASE_END.split(name, maxsplit=1)[0].split()
    if words and words[-1] in _BODY_ROLES:
        return words[-1]  # (in capitals, "the Special Rapporteur" is a title its named holder bears)
    return words[-1].lower() if words and words[-1].lower() in UNNAMED_PEOPLE else None


# "the UN humanitarian coordinator for X", written in lower case: one unnamed bearer of a body's role.
_BODY_ROLES = frozenset({"coordinator", "coordinators", "envoy", "envoys", "rapporteur", "rapporteurs"})


ONE_OF_PLURAL = re.compile(r"\s*(?:one|another|a\s+second|a\s+third)\s+of\s+(?:the|those|these|its|their)\s+"
                           r"(?:(?:\w+|\d+)\s+){0,2}?(?P<noun>[a-z]+s|[a-z]+men)\b", re.IGNORECASE)


NOUN_PHRASE_END = re.compile(r",|\s+(?:at|in|of|from|for|with|on|inside|near|who|whose|which|that)\s")


def without_intro(segment: str) -> str:
    """ "By Tuesday afternoon a civil society leader in Djugu" -> "a civil society leader in
    Djugu": an opening adverbial with no comma after it is not part of the speaker."""
    if not INTRO.match(segment):
        return segment
    for article in re.finditer(r"\s(?:a|an|the|one)\s+(?=[a-z])", segment):
        rest = segment[article.start() + 1 :]
        if unnamed_head(rest) is not None:
            return rest
    return segment


def describes_unnamed_people(name: str) -> bool:
    """Whether ``name`` describes unnamed speakers ("Kenyan police source", "officials",
    "nurse at the referral hospital")."""
    return unnamed_head(name) is not None
