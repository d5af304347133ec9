"""The accused phrase: which words of the parse name an accused, and the walks of the parse that find them.

A phrase must name an actor: a proper noun, a known alias, or a noun of armed force ("gunmen",
"troops"); pronouns, victims, dates ("Monday's attack"), places alone, datelines and page
furniture (image file names, run-together infobox labels) never do. ``_mentions`` turns the
head of a phrase into the ``AccusedMention`` of each actor it names ("X and Y", "members of X",
"a group calling itself X"). The small walks of the parse (the subject of a verb, the objects
of a preposition, whether a noun is an event or a time) live here too, since both the reading
of violence words (``accusations``) and of blame (``accused_blame``) stand on them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reckon.extract.accused_descriptions import (
    FORCE_NOUNS,
    _ATTACKER_NOUNS,
    _PERSON_NOUNS,
    _RESPONDER_NOUNS,
    _TITLE_NOUNS,
)
from reckon.extract.doc_text import doc_text
from reckon.extract.name_phrases import phrase_tokens
from reckon.extract.nlp import entity_type

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


_STANDOFF_WORDS = frozenset({"hostage", "hostages", "standoff", "stand-off", "siege", "holed", "barricaded"})
_EVENT_NOUNS = frozenset({"attack", "blast", "explosion", "bombing", "fire", "crash", "incident", "violence",
                          "siege", "raid", "storm", "clash", "clashes", "shooting", "massacre", "strike",
                          "killing", "killings", "murder", "murders", "abduction", "kidnapping", "assault",
                          "bombings", "attacks", "massacres", "shootings", "raids", "airstrike", "airstrikes",
                          "ambush", "atrocity", "atrocities", "carnage", "rampage", "slaughter", "operation"})


_NEVER_ACCUSED = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this",
                            "residents", "civilians", "students", "people", "victims", "members", "these",
                            "those", "them", "him", "her", "us", "one", "others", "some"})
_DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "such"})
# A possessor that dates an attack ("Sunday's bombing", "last year's raid") names no one.
_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "tonight", "week", "weekend", "month", "year", "day", "night", "morning", "evening", "afternoon",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "decade", "century",
})
# Page furniture that a plain-text rendering leaves in a sentence: image file names and
# infobox labels run into their values ("Fatalities12", "Date5 May").
_FURNITURE = re.compile(r"\.(?:svg|png|jpe?g|gif|webp)\b|\b[A-Z][a-z]{3,}\d", re.IGNORECASE)


# "members of X", "fighters of X": the group is the actor named.
_MEMBER_NOUNS = frozenset({"member", "members", "fighter", "fighters", "militant", "militants", "gunmen",
                           "supporters", "loyalists", "elements", "operatives", "leaders", "commanders", "agents", "proxies",
                           "soldiers", "troops", "officers", "men", "units", "forces", "cell", "cells",
                           # "the remnants of the X", "a cell of the X": what is left of X, or a part, is X's
                           "remnants", "remnant",
                           # "two jets of the regime's air force": the force whose aircraft they are
                           "jet", "jets", "aircraft", "plane", "planes", "helicopter", "helicopters", "drone",
                           "drones", "gunship", "gunships", "warplane", "warplanes"})
# Units of a state's forces are bodies too ("members of the presidential guard", "soldiers of
# the 4th battalion").
_GROUP_NOUNS = frozenset({"clan", "gang", "cell", "faction", "militia", "group", "network", "cartel", "army",
                          "movement", "organisation", "organization", "guard", "battalion", "brigade", "regiment",
                          "division", "unit", "squadron", "company", "corps", "gendarmerie"})


@dataclass(frozen=True, slots=True, kw_only=True)
class AccusedMention:
    surface: str
    start: int  # offsets inside the parsed sentence's doc
    end: int
    token: Token  # where the claimant search starts
    self_claimed: bool = False  # "X claimed responsibility": X is also the claimant
    blamer: Token | None = None  # "Y blamed X": Y is the claimant
    modifier: bool = False  # "the U.S. attack": a name modifying the attack noun (kept only if a known actor)


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the clause it continues: a conjoined verb shares its
    first conjunct's subject; a participle or infinitive of purpose takes its clause's;
    "X is believed to be behind it" takes the raised subject."""
    current, via_conj = verb, False
    for _ in range(6):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.dep_ == "nsubjpass" and via_conj:
                    return None  # "the village was attacked ... and burned": no agent here
                return child
        if current.dep_ == "acl" and current is verb and any(c.dep_ in ("dobj", "obj") for c in current.children) \
                and current.head.pos_ in ("NOUN", "PROPN"):
            # "X - Gunmen on motorbikes killed 27 people": a verb the parser hung on its subject
            # (or on the last noun of it)
            subject = current.head
            while subject.dep_ == "pobj" and subject.head.dep_ == "prep" and subject.head.head.pos_ in ("NOUN", "PROPN"):
                subject = subject.head.head
            return subject
        if current.dep_ == "conj":
            via_conj = True
            current = current.head
        elif current.dep_ == "xcomp" or (current.dep_ == "advcl" and (
                current.tag_ == "VBG" or any(c.lower_ == "to" for c in current.children))):
            current = current.head
        elif current.dep_ in ("acomp", "pcomp") or (current.dep_ == "prep" and current is verb):
            current = current.head
        else:
            return None
    return None


def _names_attackers(token: Token) -> bool:
    """A phrase about the attackers themselves ("12 kidnappers", "15 of the gunmen")."""
    if token.lower_ in _ATTACKER_NOUNS or token.lemma_.lower() in _ATTACKER_NOUNS:
        return True
    return any(_names_attackers(p) for p in _of_objects(token)) if token.pos_ in ("NUM", "PRON", "NOUN") else False


def _responds_to_attackers(subject: Token, sent: SpacySpan) -> bool:
    """Security forces storming a place the attackers hold ("troops stormed the hotel held
    by the gunmen", "after a long standoff, commandos entered the building")."""
    own = {t.i for t in subject.subtree}
    if not any(t.lower_ in _RESPONDER_NOUNS for t in subject.subtree):
        return False
    for t in sent:
        if t.i in own:
            continue
        if t.lower_ in _STANDOFF_WORDS or _names_attackers(t) and t.lower_ not in ("suspect", "suspects"):
            return True
    return False


def _event_follows(verb: Token, nouns: frozenset[str]) -> bool:
    """ "claiming the massacre and warning rivals ...": the parser may hang the event noun
    elsewhere, but "the" and an event right after the verb are still what it claims."""
    doc = verb.doc
    return verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "the" and doc[verb.i + 2].text.islower() \
        and _is_event(doc[verb.i + 2], nouns)


def _is_event(token: Token | None, nouns: frozenset[str]) -> bool:
    if token is None:
        return False
    lemma = token.lemma_.lower()
    return lemma in nouns or lemma in _EVENT_NOUNS or token.lower_ in _EVENT_NOUNS


def _is_time(token: Token) -> bool:
    # The words first: an entity type may cost a run of the NER (``entity_type``).
    return token.lower_.rstrip("'’s") in _TIME_WORDS or token.lemma_.lower() in _TIME_WORDS \
        or entity_type(token) in ("DATE", "TIME")


def _first_pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _of_objects(token: Token) -> list[Token]:
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _prep_objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    found = [p for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
             for p in c.children if p.dep_ == "pobj"]
    # "blamed the attack on X": the parser may hang "on X" on the object noun.
    for obj in verb.children:
        if obj.dep_ in ("dobj", "obj", "nsubjpass"):
            found += [p for c in obj.children if c.dep_ == "prep" and c.lower_ in preps
                      for p in c.children if p.dep_ == "pobj"]
    return found


def _is_state_abbreviation(token: Token) -> bool:
    letters = token.text.replace(".", "")
    return entity_type(token) == "GPE" and letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 4


# Word classes that never name a state or a group on their own (determiners, numerals...).
_NEVER_A_NAME = frozenset({"DET", "NUM", "PRON", "PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "SYM"})


def _name_may_go_on(tokens: list[Token]) -> bool:
    """True when a name word lies beyond either end of ``tokens`` across only words a name
    may hold ("Katibat Nur | al - Din"): only then can the named entity around them reach
    further, so only then is the NER asked (each ask may cost a run of it)."""
    if not tokens:
        return False
    doc = tokens[0].doc
    for step, at in ((-1, tokens[0].i - 1), (1, tokens[-1].i + 1)):
        while 0 <= at < len(doc) and doc[at].pos_ in ("PUNCT", "ADP", "DET"):
            at += step
        if 0 <= at < len(doc) and doc[at].pos_ == "PROPN":
            return True
    return False


def _names_a_state_or_group(token: Token) -> bool:
    """A modifier of an attack noun that names who attacked, not where ("the Baga attack").

    A demonym ("the Russian assault") or a state's abbreviation ("the U.S. strike") names the
    attacker; a country's full name usually names where ("the Kenya attack", "the Mali
    bombing"), like a town's."""
    if token.pos_ in _NEVER_A_NAME:
        return False  # "the attack", "two attacks": asking the NER would only cost its run
    if entity_type(token) in ("NORP", "ORG"):
        return True
    if entity_type(token) == "GPE":
        return _is_state_abbreviation(token)
    return token.pos_ == "PROPN" and entity_type(token) not in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL")


def _mention(tokens: list[Token], *, anchor: Token, self_claimed: bool = False, blamer: Token | None = None,
             modifier: bool = False) -> AccusedMention:
    if len(tokens) > 1 and tokens[-1].text in ("'s", "’s", "'", "’"):
        tokens = tokens[:-1]  # "Velt Khar's custody": the owner, not its possessive
    while len(tokens) > 1 and tokens[-1].lower_ in ("not", ",", "but", "and"):
        tokens = tokens[:-1]  # "the rebels, not its aircraft": the contrast is no part of the name
    # "two police officers", "some 50 armed men": who they are, not how many.
    counted = [t for t in tokens if t.pos_ == "NUM" and t.dep_ == "nummod" and t.head.i == tokens[-1].i]
    if counted and len(tokens) > len(counted):
        cut = {t.i for n in counted for t in n.subtree}
        if all(t.i in cut or t.pos_ == "DET" for t in tokens[:max(cut) - tokens[0].i + 1]):
            tokens = [t for t in tokens if t.i not in cut and not (t.pos_ == "DET" and t.i < min(cut))] or tokens
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    text = doc_text(anchor.doc)
    # "Harakat Rijal al-Sahra" parsed as two subjects: a name goes on across a hyphen.
    while True:
        joined = re.match(r"[-‐‑][^\W\d_][\w'’]*", text[end:]) or (
            re.match(r"[^\W\d_][\w'’]*", text[end:]) if end > start and text[end - 1] in "-‐‑" else None)
        if joined is None:
            break
        end += joined.end()
    # A citation mark or quote glued to the name ("Haram"[3][4]") is not part of it.
    cut = re.search(r"[\"“”\[]", text[start:end])
    if cut and cut.start() > 0 and re.fullmatch(r"(?:[a-z-]+\s+)+", text[start:start + cut.start()]):
        # 'the so-called "Wilayah"', 'the group "Red Hand"': the name is the quoted words
        start += cut.end()
        cut = re.search(r"[\"“”\[]", text[start:end])
    if cut and cut.start() > 0:
        end = start + cut.start()
    # "Unknown | Gunmen set fire to ...": a table's cell border is no part of a name.
    border = text.rfind("|", start, end)
    if border >= 0:
        start = border + 1
        while start < end and text[start].isspace():
            start += 1
    # "the X Front (XF" when the parse ends inside a parenthesis: the name before it.
    opened = text.find("(", start, end)
    if opened > start and text.find(")", opened, end) < 0:
        end = opened
    while end > start and text[end - 1] in " ,;:'’\"“”":
        end -= 1
    while start < end and text[start] in "\"“”'‘":
        start += 1
    return AccusedMention(surface=text[start:end], start=start, end=end, token=anchor,
                          self_claimed=self_claimed, blamer=blamer, modifier=modifier)


def _mentions(head: Token, *, anchor: Token, self_claimed: bool = False, blamer: Token | None = None,
              compound: bool = False, stop: int | None = None, agent_slot: bool = False,
              held: bool = False) -> Iterator[AccusedMention]:
    """The accused named at ``head``. ``agent_slot``: the construction itself says that the
    phrase is a doer ("blamed the attack on X"), so a name the tagger took for a place is
    still an actor. ``held``: the construction names whoever it holds to account ("hold the
    head of state responsible"), so any noun phrase is an actor."""
    if compound:
        # The whole name before the noun: "Boko Haram" in "Boko Haram attack", whichever of
        # its words the parser made the head.
        first = head.left_edge
        while first.i > 0 and head.doc[first.i - 1].text[:1].isupper() and head.doc[first.i - 1].is_alpha \
                and not head.doc[first.i - 1].is_sent_start:
            first = head.doc[first.i - 1]  # "Red Dawn Front attack": the parser split the name
        tokens = [t for t in head.doc[first.i:head.i + 1] if t.dep_ != "punct" or t.text in (".", "-")]
        tokens = [t for t in tokens if t.lower_ not in ("the", "a", "an")]
        if tokens and (_is_state_abbreviation(head) or not _is_place_only(tokens)) and not _is_furniture(tokens):
            yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer, modifier=True)
        return
    for item in (head, *[t for t in head.conjuncts if t.i > head.i]):
        if _in_dateline(item):
            continue
        if item.lower_ == "those" and anchor.lemma_.lower() in ("accuse", "blame") and any(
                c.dep_ == "relcl" for c in item.children):
            # "accused those who want the talks to fail of staging it": the clause says who
            # (up to the accusation's own "of"/"for" the parser may hang inside the clause)
            end = min((t.i for t in item.subtree if t.dep_ == "prep" and t.lower_ in ("of", "for")),
                      default=item.right_edge.i + 1)
            tokens = [t for t in item.subtree if t.dep_ != "punct" and t.i < end and (stop is None or t.i < stop)]
            if tokens:
                yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            continue
        if item.pos_ == "PRON" or (item.lower_ in _NEVER_ACCUSED and item.lower_ != "members"):
            continue
        if any(c.dep_ == "det" and c.lower_ == "no" for c in item.children):
            continue  # "no police officer fired", "no group has claimed it": a denial names no one
        if (item.lower_ in _MEMBER_NOUNS or item.lemma_.lower() in _MEMBER_NOUNS) and item.pos_ != "PROPN":
            # "members of the X family", "fighters of X": the group is the actor.
            found_group = False
            for group in _of_objects(item):
                # "soldiers of the 4th battalion and members of the guard", parsed with the
                # second "of" on "battalion": each member noun has its own body.
                members = [c for c in group.conjuncts if c.i > group.i and (
                    c.lower_ in _MEMBER_NOUNS or c.lemma_.lower() in _MEMBER_NOUNS)]
                cut = min((c.i for c in group.children if c.dep_ == "cc" and members and c.i < members[0].i),
                          default=None)
                groups = [(group, stop if cut is None else cut if stop is None else min(cut, stop))]
                if cut is not None:
                    groups += [(g, stop) for g in _of_objects(group) if g.i > members[0].i]
                    groups += [(g, stop) for member in members for g in _of_objects(member)]
                for body, end in groups:
                    tokens = [t for t in _without_dateline(phrase_tokens(body)) if t.text not in ("(", ")")
                              and (end is None or t.i < end)]
                    tokens = _appended_name(body, end) or tokens
                    if tokens and (_names_an_actor(tokens) or body.lower_ in _GROUP_NOUNS) and not _is_place_only(tokens):
                        found_group = True
                        yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            if found_group:
                continue
            if item.lower_ == "members" and not any(
                    c.dep_ == "compound" and (c.lower_ in FORCE_NOUNS or c.lower_ in _GROUP_NOUNS or c.pos_ == "PROPN")
                    for c in item.children):
                continue  # "members" alone names no one; "militia members", "Kessel Front members" do
        if item.pos_ == "NOUN" and (item.lower_ in _ATTACKER_NOUNS or item.lower_ in _MEMBER_NOUNS):
            # "jets belonging to the X air force": whose they are
            owners = [p for c in item.children if c.dep_ in ("acl", "amod") and c.lower_ == "belonging"
                      for p in _prep_objects_of_noun(c, "to") if _names_a_body(p) or p.pos_ == "PROPN"]
            for owner in owners:
                tokens = [t for t in _without_dateline(phrase_tokens(owner)) if t.text not in ("(", ")")]
                if tokens and not _is_place_only(tokens):
                    yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            if owners:
                continue
            # "a suicide bomber from the Kessel Front", "gunmen from the X militia": the body they
            # came from is who did it (not a place they came from: "gunmen from Orrin village")
            bodies = [b for b in _prep_objects_of_noun(item, "from") if _names_a_body(b)]
            for body in bodies:
                tokens = [t for t in _without_dateline(phrase_tokens(body)) if t.text not in ("(", ")")]
                if tokens and not _is_place_only(tokens):
                    yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            if bodies:
                continue
        named_appositions = [c for c in item.children if c.dep_ == "appos" and c.i > item.i and c.pos_ == "PROPN"]
        if not named_appositions and item.pos_ == "NOUN":
            # "the owner of the X estate, John Doe, who ...": the person the phrase ends on
            # (not a person inside a clause on the noun: "the gang that abducted the chairman,
            # John Doe" names the gang's victim)
            clauses = {t.i for c in item.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
            people = [t for t in item.subtree if t.dep_ == "appos" and entity_type(t) == "PERSON" and t.i > item.i
                      and t.i not in clauses]
            if len(people) == 1:
                named_appositions = people
        if named_appositions and item.pos_ == "PROPN" and item.lower_ in _TITLE_NOUNS and any(
                entity_type(c) == "PERSON" for c in named_appositions):
            # "the Velmar County Commissioner, Jon Osk": an office and the person who holds it
            # are one accused, the person.
            named_appositions = [c for c in named_appositions if entity_type(c) == "PERSON"]
            for child in named_appositions:
                yield from _mentions(child, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            continue
        if named_appositions and item.pos_ != "PROPN":
            # "Iranian proxies Kata'ib Hezballah (KH)": the apposition is the actor named.
            for child in named_appositions:
                yield from _mentions(child, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            continue
        tokens = _without_dateline([t for t in phrase_tokens(item) if t.text not in ("(", ")")])
        if item.lower_ in _MEMBER_NOUNS and any(
                t.dep_ == "poss" and t.head.i == item.i and (t.pos_ == "PRON" or t.pos_ == "NOUN" and t.text.islower())
                for t in tokens):
            continue  # "its fighters", "the group's fighters": whose, the text said before
        if item.pos_ == "PROPN" and _name_may_go_on(tokens) and entity_type(item):
            # "Katibat Nur al-Din" parsed as three subjects: the named entity is the one name.
            entity = next((e for e in item.doc.ents if e.start <= item.i < e.end), None)
            if entity is not None and tokens and (entity.start < tokens[0].i or entity.end - 1 > tokens[-1].i) \
                    and all(t.pos_ in ("PROPN", "PUNCT", "ADP", "DET") for t in entity):
                inside = {t.i for t in tokens}
                tokens = sorted([*tokens, *(t for t in entity if t.i not in inside and t.text not in ("(", ")"))],
                                key=lambda t: t.i)
        if tokens and tokens[-1].i + 1 < len(item.doc):
            glued = item.doc[tokens[-1].i + 1]
            if glued.text[:1].isalpha() and re.search(r"[\"”\[]", glued.text):
                tokens.append(glued)  # 'group "Boko Haram"[3]': a name torn by a citation mark
        if stop is not None:
            tokens = [t for t in tokens if t.i < stop]
        possessor = next((c for c in item.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
        named = _self_named(_without_dateline(list(item.subtree)))
        if named:
            tokens = named  # "a militant group calling itself the X Brigade": the X Brigade
        if tokens and tokens[0].lower_ in _DEMONSTRATIVES and not any(t.pos_ == "PROPN" for t in tokens):
            continue  # "these forces": who they are was said elsewhere
        if [t.lower_ for t in tokens if t.pos_ not in ("DET", "NUM")] in (["men"], ["man"], ["women"], ["woman"]):
            continue  # "nine men": nothing says who they are
        if not tokens or not (held and item.pos_ in ("NOUN", "PROPN") or _names_an_actor(tokens)) \
                or (not agent_slot and _is_place_only(tokens)) \
                or _is_furniture(tokens):
            continue
        if possessor is not None and possessor.head.head.dep_ == "relcl":
            # "the mayor, whose guards were blamed": the owner's guards.
            owner = possessor.head.head.head
            owner_tokens = [t for t in phrase_tokens(owner) if t.dep_ != "punct"]
            rest = [t for t in tokens if t.i != possessor.i]
            if owner_tokens and rest:
                mention = _mention(rest, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
                owner_text = doc_text(head.doc)[min(t.idx for t in owner_tokens):max(t.idx + len(t.text) for t in owner_tokens)]
                yield AccusedMention(surface=f"{owner_text}'s {mention.surface}", start=mention.start,
                                     end=mention.end, token=anchor, self_claimed=self_claimed, blamer=blamer)
                continue
        yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
        # "Iranian proxies Kata'ib Hezballah (KH)": an apposition names the actor itself;
        # "the Orrin Front, an armed group": a description of a name adds nothing; nor does a
        # nickname of a group that named itself ("a gang calling itself X, the so-called Y").
        for child in item.children if not named else ():
            if child.dep_ == "appos" and child.i > item.i and (child.pos_ == "PROPN" or item.pos_ != "PROPN"):
                if any(t.lower_ in _EVENT_NOUNS for t in child.subtree if t.i <= child.i):
                    continue  # "gunmen killed six ..., an attack police blamed on X": the event again
                yield from _mentions(child, anchor=anchor, self_claimed=self_claimed, blamer=blamer)


def _prep_objects_of_noun(noun: Token, prep: str) -> list[Token]:
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == prep for p in c.children if p.dep_ == "pobj"]


# Words of a place, never of a body of people: "gunmen from Orrin village".
_PLACE_HEADS = frozenset({"village", "town", "city", "district", "province", "region", "area", "county", "state",
                          "country", "border", "valley", "forest", "hills", "mountains", "camp", "side", "north",
                          "south", "east", "west", "neighbourhood", "neighborhood"})


def _names_a_body(token: Token) -> bool:
    """A group of people, not a place: "the Kessel Front", "the X militia", "the army"; nor one
    the text named before ("gunmen from the same gang": who they are was said there)."""
    from reckon.extract.places import find_countries

    if token.lower_ in _PLACE_HEADS or any(
            c.lower_ in ("same", "this", "that", "these", "those") or c.dep_ == "poss" and c.pos_ == "PRON"
            for c in token.children):
        return False
    if any(m.kind == "country" for m in find_countries(token.text)):
        return False  # "insurgents from Mozambique": where they came from
    if token.lower_ in _GROUP_NOUNS or token.lower_ in FORCE_NOUNS:
        return True
    # A name with its article ("the Kessel Front"): a bare name ("from Orrin") is more often
    # a place the tagger does not know.
    return token.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and entity_type(token) in ("ORG", "NORP")


_DASHES = frozenset({"-", "—", "–", "--"})


def _in_dateline(token: Token) -> bool:
    """A word of "ORRIN, Velmar (Agency) -" before a report's first sentence."""
    sentence = token.sent
    first = sentence[0]
    if not (first.text.isupper() and first.is_alpha and len(first.text) > 1):
        return False
    for t in sentence:
        if t.text in _DASHES:
            return token.i < t.i
        if t.pos_ in ("VERB", "AUX") or t.i - first.i > 12:
            return False
    return False


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """ "SAO LUIS, Brazil, March 11 (Agency) - Gunmen": the words after a dateline's dash."""
    if not tokens or not (tokens[0].text.isupper() and len(tokens[0].text) > 1):
        return tokens
    for i, token in enumerate(tokens):
        if token.text in _DASHES:
            return tokens[i + 1:]
    if all(t.text.isupper() or not t.is_alpha for t in tokens):
        text = doc_text(tokens[0].doc)
        after = text[tokens[-1].idx + len(tokens[-1].text):].lstrip()
        if after[:1] in ("-", "—", "–"):
            return []  # the dateline alone
    return tokens


_ARABIC_PARTICLES = frozenset({"al", "el", "ul", "ud", "ad", "ar", "as", "ash", "at", "bin", "ibn"})
_ROMANCE_PARTICLES = frozenset({"del", "de", "da", "do", "dos", "das", "du", "des", "della", "di"})
_SELF_NAMING = (("calling", "itself"), ("calling", "themselves"), ("known", "as"), ("called",), ("named",),
                ("styling", "itself"), ("identified", "as"), ("named", "as"),
                # "the gang, which calls itself X", "a cell known locally as X", "a unit dubbed X"
                ("calls", "itself"), ("call", "themselves"), ("known", "locally", "as"), ("known", "here", "as"),
                ("dubbed",))


def _appended_name(body: Token, end: int | None) -> list[Token] | None:
    """ "members of the separatist organisation X/Y": the name set after a description of
    the group (the parser's apposition), not the description."""
    if body.pos_ != "NOUN":
        return None
    names = [c for c in body.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > body.i
             and (end is None or c.i < end)]
    if not names or any(t.text == "," for t in body.doc[body.i + 1:names[0].i + 1]):
        return None  # "the group, the X": a comma's apposition is read as before
    first, last = names[0].left_edge, names[-1]
    tokens = [t for t in body.doc[first.i:last.i + 1] if t.text not in ("(", ")")]
    return tokens if all(t.pos_ in ("PROPN", "PUNCT", "SYM", "ADP", "DET") for t in tokens) else None


_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})


def _arabic_article(tokens: list[Token], at: int) -> bool:
    """ "Katibat Ahl ar-Ramla", "Jund ash-Sham": the assimilated article of a transliterated name."""
    return tokens[at].lower_ in ("ar", "ad", "as", "ash", "at", "an", "az", "el", "ul") \
        and at + 1 < len(tokens) and tokens[at + 1].text in ("-", "‐", "‑")


def _quoted_name(tokens: list[Token]) -> list[Token] | None:
    """ 'calls itself "Katibat al-Nur"', 'the so-called "Mouvement pour la X"': a name in quote
    marks is whole up to its closing mark, whatever its small words (the tagger reads a foreign
    name's words as common nouns)."""
    # (``parse_text`` blanks a short quotation's marks: a run of spaces stands where they were)
    if not tokens or not (tokens[0].text in _OPENING_QUOTES or tokens[0].is_space):
        return None
    for end, token in enumerate(tokens[1:12], start=1):
        if token.text in _CLOSING_QUOTES or token.is_space:
            inside = tokens[1:end]
            return inside if inside and inside[0].text[:1].isupper() else None
    return None


def _self_named(tokens: list[Token]) -> list[Token] | None:
    """The name after "calling itself", "known as", "called" inside an accused phrase."""
    words = [t.lower_ for t in tokens]
    # the first cue in the text, not in the list: "the gang that calls itself X, the so-called Y"
    # is X, whatever "called" of "so-called" would give
    for i in range(len(words)):
        for cue in _SELF_NAMING:
            if i + len(cue) < len(words) and tuple(words[i:i + len(cue)]) == cue:
                rest = tokens[i + len(cue):]
                while rest and rest[0].lower_ in ("the", "a", "an", "as"):
                    rest = rest[1:]
                quoted = _quoted_name(rest)
                if quoted:
                    return quoted
                end = 0
                # "the Cártel del Filo": a Romance particle between capitalised words is in the name
                # and so is an Arabic article or kinship word ("Jamaat Ansar ul-Wilayat")
                while end < len(rest) and (rest[end].text[:1].isupper() or rest[end].lower_ in (
                        "of", "-", *_ARABIC_PARTICLES, *_ROMANCE_PARTICLES) or _arabic_article(rest, end)):
                    end += 1
                while end and rest[end - 1].lower_ in ("of", "-", *_ARABIC_PARTICLES, *_ROMANCE_PARTICLES):
                    end -= 1
                if end:
                    return rest[:end]
    return None


def _is_place_only(tokens: list[Token]) -> bool:
    """A phrase that is only a place ("Camp Tarrow massacre" parsed with the camp as agent)."""
    if any(t.lower_ in FORCE_NOUNS or t.lower_ in _GROUP_NOUNS for t in tokens):
        return False  # "the Dessane gang" is people, whatever the tagger thinks of "Dessane"
    names = [t for t in tokens if t.pos_ == "PROPN"]
    return bool(names) and all(entity_type(t) in ("FAC", "LOC", "GPE") for t in names) and not any(
        entity_type(t) in ("ORG", "NORP") for t in tokens)


def _is_furniture(tokens: list[Token]) -> bool:
    """Words of an image's file name or of an infobox label, not of the report."""
    text = doc_text(tokens[0].doc)
    line_start = text.rfind("\n", 0, tokens[0].idx) + 1
    line_end = text.find("\n", tokens[-1].idx)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    phrase = text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    return bool(_FURNITURE.search(phrase)) or bool(re.search(r"\.(?:svg|png|jpe?g|gif|webp)\s*$", line, re.IGNORECASE))


def _names_a_force(tokens: list[Token]) -> bool:
    """A name or a noun of armed force ("army", "police"): who owns a weapon ("police bullets",
    not "sniper bullets", which says only what kind of shot it was)."""
    # The words first: an entity type may cost a run of the NER (``entity_type``).
    return any(t.pos_ == "PROPN" or t.lower_ in FORCE_NOUNS for t in tokens) \
        or any(entity_type(t) in ("ORG", "NORP", "GPE", "PERSON") for t in tokens)


def _names_an_actor(tokens: list[Token]) -> bool:
    # A name, or "a group of armed men and women", "masked men": people described by their
    # arms; "the opposition", "the ruling party": the sides of political violence; the entity types last, since asking one may cost a run of the NER.
    return any(t.pos_ == "PROPN" or t.lower_ in FORCE_NOUNS or t.lower_ in _PERSON_NOUNS or t.lower_ in _TITLE_NOUNS
               or t.lower_ in ("armed", "masked", "gunmen", "suspected", "opposition", "ruling") for t in tokens) \
        or any(entity_type(t) in ("ORG", "NORP", "GPE", "PERSON") for t in tokens)
