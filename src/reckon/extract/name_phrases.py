"""The tokens of a name phrase in the parse: a source's or an actor's name without the
clauses, appositions and coordinated names the parser hangs on its head, and without a
dateline the parser ran into it.

Separate from ``attribution`` because it is shared: claimants, accusers and the accused are
all cut out of the parse the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - nlp.py is the only module that imports spaCy at run time
    from spacy.tokens import Token

__all__ = ["phrase_tokens", "without_dateline"]

# Dependents after a name's head that are not part of the name ("officials *who could not
# be named*", "the minister *and the governor*", "Olsen*, the former UN adviser*").
_CUT_AFTER_HEAD = frozenset({"relcl", "cc", "conj", "acl", "appos", "advcl", "punct", "prep", "npadvmod", "nummod"})


def without_dateline(tokens: list[Token]) -> list[Token]:
    """ "NAIROBI — A militant group ...": a dateline parsed into a phrase is not part of it."""
    for i, token in enumerate(tokens[:-1]):
        if token.text in ("—", "–", "-", "--") and 0 < i <= 3 and all(t.text.isupper() or not t.is_alpha for t in tokens[:i]):
            return tokens[i + 1:]
    return tokens


# Particles inside names in Spanish, Portuguese, French or Italian ("Frente del Norte",
# "Comando da Serra"): the parser hangs them as prepositions, yet they are part of the name.
_ROMANCE_PARTICLES = frozenset({"del", "de", "da", "do", "dos", "das", "du", "des", "della", "di"})


def _name_goes_on(item: Token, child: Token) -> bool:
    """A body's name may go on with "for" or "against" ("the Centre for Rights and
    Accountability", "Doctors Against Torture"): the parser hangs it as a preposition."""
    # (a capitalised noun inside the sentence is a name the tagger missed: "the rebel Front for ...")
    return (child.dep_ == "prep" and child.lower_ in ("for", "against")
            and (item.pos_ == "PROPN" or (item.pos_ == "NOUN" and item.i > item.sent.start))
            and item.text[:1].isupper() and child.i == item.i + 1
            and any(g.dep_ == "pobj" and g.pos_ == "PROPN" and g.text[:1].isupper() for g in child.children)
            # ("the Front for the Restoration of Democracy": "the" may open the name that goes on)
            and (item.doc[child.i + 1].text[:1].isupper()
                 or (item.doc[child.i + 1].lower_ == "the" and child.i + 2 < len(item.doc)
                     and item.doc[child.i + 2].text[:1].isupper())))


def _romance_particle(item: Token, child: Token) -> bool:
    return (child.dep_ == "prep" and child.lower_ in _ROMANCE_PARTICLES and item.text[:1].isupper()
            and child.i == item.i + 1 and any(g.dep_ == "pobj" and g.text[:1].isupper() for g in child.children))


def phrase_tokens(item: Token, *, keep_coordination: bool = False) -> list[Token]:
    excluded: set[int] = set()
    for child in item.children:
        if keep_coordination and child.dep_ in ("cc", "conj"):
            continue
        if child.dep_ == "punct" and child.text in ("-", "–", "'", "’", "."):
            continue
        if child.dep_ == "appos" and child.i > 0 and item.doc[child.i - 1].text in ("-", "–"):
            continue  # "ITAR-TASS": a hyphenated name is one name
        if child.i > item.i and child.dep_ in _CUT_AFTER_HEAD and not (child.dep_ == "prep" and child.lower_ == "of") \
                and not _romance_particle(item, child) and not _name_goes_on(item, child):
            excluded.update(t.i for t in child.subtree)
    return [t for t in item.subtree if t.i not in excluded] or [item]
