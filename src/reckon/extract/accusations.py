"""Accusations: who a sentence says did it, found in the parse around violence words.

The accused is the active subject of a violence verb ("gunmen stormed the college"), the
"by" agent of its passive or of a violence noun ("an attack by X"), the possessor of a
violence noun ("X's assault"), the one at whose behest it was done, the group that claimed
responsibility (then also the claimant), and the object of "blamed"/"accused" (then the
subject is the claimant). The phrase must name an actor: a proper noun, a known alias, or a
noun of armed force ("gunmen", "troops"); pronouns and victims are never accused.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reckon.extract.attribution import phrase_tokens, without_dateline
from reckon.extract.lexicon import load_violence_words
from reckon.extract.nlp import entity_type
from reckon.extract.places import find_countries

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["AccusedMention", "find_accused", "is_generic"]

# Nouns of armed force that may stand as the accused without a proper name.
FORCE_NOUNS = frozenset({
    "gunman", "gunmen", "militant", "militants", "troop", "troops", "soldier", "soldiers", "force", "forces",
    "police", "army", "militia", "militias", "militiamen", "extremist", "extremists", "insurgent", "insurgents",
    "rebel", "rebels", "hostage-taker", "hostage-takers", "takers", "attacker", "attackers", "jihadist",
    "jihadists", "fighter", "fighters", "assailant", "assailants", "terrorist", "terrorists", "agent", "agents",
    "proxy", "proxies", "regime", "government", "military", "jets", "aircraft", "gunship", "gunships",
    "bombers", "bomber", "mob", "commandos", "paramilitaries", "guards", "officers", "security",
})
_EVENT_NOUNS = frozenset({"attack", "blast", "explosion", "bombing", "fire", "crash", "incident", "violence",
                          "siege", "raid", "storm", "clash", "clashes", "shooting", "massacre", "strike"})
_NEVER_ACCUSED = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this",
                            "residents", "civilians", "students", "people", "victims", "members"})


@dataclass(frozen=True, slots=True, kw_only=True)
class AccusedMention:
    surface: str
    start: int  # offsets inside the parsed sentence's doc
    end: int
    token: Token  # where the claimant search starts
    self_claimed: bool = False  # "X claimed responsibility": X is also the claimant
    blamer: Token | None = None  # "Y blamed X": Y is the claimant
    modifier: bool = False  # "the U.S. attack": a name modifying the attack noun (kept only if a known actor)


def find_accused(sent: SpacySpan) -> Iterator[AccusedMention]:
    verbs, nouns = load_violence_words()
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and (lemma in verbs or (lemma == "open" and any(c.lower_ == "fire" for c in token.children))):
            if lemma == "carry" and not any(c.lower_ == "out" for c in token.children):
                continue
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
            for child in token.children:
                if child.dep_ == "nsubj" and not passive:
                    if child.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                        child = token.head  # "the gunman who murdered 51 people": the antecedent
                        if child.lemma_.lower() in nouns or child.lemma_.lower() in _EVENT_NOUNS:
                            continue  # "the attack, which killed 51": an event, not a doer
                    yield from _mentions(child, anchor=token)
                elif child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=token)
        elif token.pos_ in ("NOUN", "PROPN") and lemma in nouns:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=token)
                elif child.dep_ == "poss":
                    yield from _mentions(child, anchor=token)
                elif child.dep_ in ("compound", "amod") and child.i < token.i and _names_a_state_or_group(child):
                    # "the U.S. attack", "a Boko Haram raid", "the Russian assault"
                    yield from _mentions(child, anchor=token, compound=True)
        elif token.lower_ == "behest":
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=token)
        elif lemma == "responsibility" and token.head.lemma_.lower() in ("claim", "admit", "accept", "take", "assume", "bear"):
            for child in token.head.children:
                if child.dep_ == "nsubj":
                    yield from _mentions(child, anchor=token.head, self_claimed=True)
        elif token.pos_ == "VERB" and lemma in ("blame", "accuse"):
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            for child in token.children:
                if child.dep_ in ("dobj", "obj"):
                    yield from _mentions(child, anchor=token, blamer=subjects[0] if subjects else None)


def _names_a_state_or_group(token: Token) -> bool:
    """A modifier of an attack noun that names who attacked, not where ("the Baga attack")."""
    if entity_type(token) in ("NORP", "ORG"):
        return True
    if entity_type(token) == "GPE":
        return find_countries(token.text) != []  # a country attacks; a town is where
    return token.pos_ == "PROPN" and entity_type(token) not in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL")


def _mentions(head: Token, *, anchor: Token, self_claimed: bool = False,
              blamer: Token | None = None, compound: bool = False) -> Iterator[AccusedMention]:
    if compound:
        # The whole modifier chain before the noun: "Boko Haram" in "Boko Haram attack".
        first = head
        while first.i > 0 and first.doc[first.i - 1].head is anchor and first.doc[first.i - 1].dep_ in ("compound", "amod") \
                and _names_a_state_or_group(first.doc[first.i - 1]):
            first = first.doc[first.i - 1]
        tokens = [t for t in first.doc[first.i:head.i + 1] if t.dep_ != "punct" or t.text in (".", "-")]
        if tokens and not _is_place_only(tokens):
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            yield AccusedMention(surface=head.doc.text[start:end], start=start, end=end, token=anchor,
                                 self_claimed=self_claimed, blamer=blamer, modifier=True)
        return
    for item in (head, *[t for t in head.conjuncts if t.i > head.i]):
        if item.lower_ in _NEVER_ACCUSED or item.pos_ == "PRON":
            continue
        named_appositions = [c for c in item.children if c.dep_ == "appos" and c.i > item.i and c.pos_ == "PROPN"]
        if named_appositions and item.pos_ != "PROPN":
            # "Iranian proxies Kata'ib Hezballah (KH)": the apposition is the actor named.
            for child in named_appositions:
                yield from _mentions(child, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            continue
        tokens = [t for t in without_dateline(phrase_tokens(item)) if t.text not in ("(", ")")]
        named = _self_named(without_dateline(list(item.subtree)))
        if named:
            tokens = named  # "a militant group calling itself the X Brigade": the X Brigade
        if not _names_an_actor(tokens) or _is_place_only(tokens):
            continue
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        yield AccusedMention(surface=item.doc.text[start:end], start=start, end=end, token=anchor,
                             self_claimed=self_claimed, blamer=blamer)
        # "Iranian proxies Kata'ib Hezballah (KH)": an apposition names the actor itself.
        for child in item.children:
            if child.dep_ == "appos" and child.i > item.i:
                yield from _mentions(child, anchor=anchor, self_claimed=self_claimed, blamer=blamer)


_SELF_NAMING = (("calling", "itself"), ("calling", "themselves"), ("known", "as"), ("called",), ("named",),
                ("styling", "itself"))


def _self_named(tokens: list[Token]) -> list[Token] | None:
    """The name after "calling itself", "known as", "called" inside an accused phrase."""
    words = [t.lower_ for t in tokens]
    for cue in _SELF_NAMING:
        for i in range(len(words) - len(cue)):
            if tuple(words[i:i + len(cue)]) == cue:
                rest = tokens[i + len(cue):]
                while rest and rest[0].lower_ in ("the", "a", "an"):
                    rest = rest[1:]
                end = 0
                while end < len(rest) and (rest[end].text[:1].isupper() or rest[end].lower_ in ("of", "al", "-")):
                    end += 1
                if end:
                    return rest[:end]
    return None


def _is_place_only(tokens: list[Token]) -> bool:
    """A phrase that is only a place ("Camp Tarrow massacre" parsed with the camp as agent)."""
    if any(t.lower_ in FORCE_NOUNS for t in tokens):
        return False
    names = [t for t in tokens if t.pos_ == "PROPN"]
    return bool(names) and all(entity_type(t) in ("FAC", "LOC", "GPE") for t in names) and not any(
        entity_type(t) in ("ORG", "NORP") for t in tokens)


def is_generic(surface: str) -> bool:
    """An accused named only by a noun of force ("the assault force", "gunmen")."""
    words = [w for w in surface.replace("’", "'").split() if w.lower() not in ("the", "a", "an", "some")]
    return bool(words) and all(w.islower() for w in words)


def _names_an_actor(tokens: list[Token]) -> bool:
    # Entity types are read last: they cost a NER pass over the sentence (see nlp.parse).
    return (any(t.pos_ == "PROPN" for t in tokens)
            # "a group of armed men and women", "masked men": people described by their arms.
            or any(t.lower_ in FORCE_NOUNS or t.lower_ in ("armed", "masked", "gunmen") for t in tokens)
            or any(entity_type(t) in ("ORG", "NORP", "GPE", "PERSON") for t in tokens))
