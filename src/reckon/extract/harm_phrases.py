"""Fallback readers of the kind of harm a figure counts, where the parse alone does not say.

The small model mis-attaches headlines, labels, lists and asides, so these readers back up
``harm_parse`` on the words around the figure: a short word window, a label ("Killed: 12"),
a partitive ("9 of the 61 miners"), a naming or listing verb ("listed 12 soldiers as
dead"), an aside before the verb, a pronoun standing for a toll, an ordinal ("a third was
later freed"), whereabouts unknown. Each returns the kind, the harm word and the counted
noun, or ``None``; ``counts.classify_quantity`` decides the order they are tried in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reckon.extract.doc_text import span_text
from reckon.extract.harm_parse import (
    _INTRANSITIVE, _TOLL_NOUNS, _achieved, _bodies_found, _is_negated_or_hypothetical,
    _led_off, _nominal_kind, _participle_kind_of_word,
)
from reckon.extract.lexicon import HarmLexicon, load_harm_lexicon
from reckon.model import CountKind

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


_NOT_PEOPLE = frozenset({"year", "hour", "day", "minute", "week", "month", "dollar", "percent", "time", "mile",
                         "kilometre", "kilometer", "meter", "metre", "round", "shot", "bullet", "vehicle", "car",
                         "building", "house", "home", "village", "town", "camp", "site", "grave", "count",
                         "case", "charge", "attack", "incident", "raid", "bomb", "point", "page", "report",
                         "sit-in", "sit-ins", "protest", "rally", "camp", "square", "site", "school", "hospital",
                         "fragment", "part", "piece", "sample", "ins", "location", "place", "mosque", "church",
                         "province", "district", "state", "country", "grave", "device", "weapon", "gun", "rifle",
                         "massacre", "shooting", "bombing", "explosion", "blast", "clash", "ambush", "assault",
                         "operation", "strike", "airstrike", "motorcycle", "lorry", "truck",
                         # weapons an army says it recovered ("two mortar tubes ... were recovered")
                         "tube", "launcher", "mortar", "cartridge", "magazine", "boat", "canoe", "motorbike",
                         # animals raided with the people ("drove away hundreds of cattle")
                         "cattle", "cow", "goat", "sheep", "camel", "livestock", "animal", "donkey", "horse",
                         "chicken", "poultry",
                         # places of detention counted ("14 deaths in custody across the country's 74 jails")
                         "jail", "prison", "centre", "center", "facility", "cell", "barrack",
                         # households counted as units, not people ("40 families fled")
                         "family", "household",
                         # goods counted by what holds or weighs them ("taking with them 40 sacks of grain")
                         "sack", "bag", "box", "crate", "tonne", "ton", "kilogram", "kilo", "litre", "liter",
                         "barrel", "bale", "carton"})


_QUANTITY_WORDS = frozenset({"hundred", "thousand", "dozen", "score", "head", "number"})


def _one_person_harmed(noun: Token, anchor: Token) -> bool:
    """ "A security guard was wounded", "arrested a man": one person is a count only as the
    subject or object of the harm verb's own clause; not in a list of figures ("two police
    officers and an officer of the FSB were killed": its parts), nor when a participle
    describes the person ("a man injured in the blast is carried away": a caption's
    subject, not a toll; "a child born in captivity was released": who, not one of the
    harmed counted)."""
    # ("the suspect was struck and taken into custody": a verb conjoined to the subject's own shares it)
    shared = anchor.dep_ == "conj" and anchor.head.i == noun.head.i and noun.dep_ in ("nsubj", "nsubjpass")
    if _own_clause_harms(noun, anchor):
        return True
    return (noun.head.i == anchor.i or shared) and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and not noun.conjuncts \
        and anchor.pos_ in ("VERB", "AUX") and anchor.dep_ not in ("acl", "relcl", "amod") \
        and not any(c.dep_ == "acl" and c.tag_ == "VBN" for c in noun.children) \
        and not _does_the_harm(noun, anchor)


def _own_clause_harms(noun: Token, anchor: Token) -> bool:
    """ "assaulted a security guard, Mr X (43), who later died in hospital": a relative clause
    on the person (or on the name set beside them) says what befell them."""
    holder = anchor.head if anchor.dep_ == "relcl" else None
    if holder is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")
                                 for c in anchor.children):
        return False
    # (the parser may hang the name on another noun; set off right after the person, it is theirs)
    return holder.i == noun.i or (holder.dep_ == "appos" and (holder.head.i == noun.i or (
        holder.left_edge.i == noun.i + 2 and noun.doc[noun.i + 1].text == ",")))


# What a person can lose or suffer: "a guard lost his life", "a constable suffered a gunshot
# wound" are harmed.
_OWN_BODY = frozenset({"life", "live", "leg", "arm", "eye", "hand", "foot", "limb", "sight", "wound", "injury",
                       "burn"})


def _does_the_harm(noun: Token, verb: Token) -> bool:
    """ "a man shot dead two employees": the active subject of a harm verb with an object of
    its own is who did the harm, not one harmed."""
    return noun.dep_ == "nsubj" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in _OWN_BODY
                                        for c in verb.children)


_IDENTIFYING = frozenset({"identify", "name", "list", "describe"})


def _identifies(number: Token) -> bool:
    """A figure inside the "as" phrase of "identified as", "named as": it tells who the harmed
    were, a breakdown of a toll already given."""
    token, hops = number, 0
    while token.head.i != token.i and hops < 8:
        if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_.lower() in _IDENTIFYING:
            return True
        if token.head.pos_ in ("VERB", "AUX"):
            return False  # a clause of its own ("a gang that killed 12") says what befell them
        token, hops = token.head, hops + 1
    return False
# Whom captives get away from: "fled from their captors".
_CAPTORS = frozenset({"captor", "kidnapper", "abductor", "captivity", "hostage-taker"})


def _captive_group(number: Token, noun: Token, verb: Token, lexicon: HarmLexicon) -> bool:
    """Whether the counted people were held when they fled: hostages, "the kidnapped girls",
    "nine of the captives", or people who fled "from their captors"."""
    def held(token: Token) -> bool:
        if token.pos_ == "NOUN" and lexicon.nouns.get(token.lemma_.lower()) is CountKind.ABDUCTED:
            return True
        if _participle_kind_of_word(token.lower_, lexicon) is CountKind.ABDUCTED and token.pos_ in ("ADJ", "VERB", "NOUN"):
            return True  # "the abducted", "the kidnapped"
        return any(c.dep_ == "amod" and _participle_kind_of_word(c.lower_, lexicon) is CountKind.ABDUCTED
                   for c in token.children)
    groups = [noun, *(g for c in (*number.children, *noun.children) if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj")]
    if any(held(g) for g in groups):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(g.lemma_.lower() in _CAPTORS for g in c.children)
               for c in verb.children)


def _freed_later(noun: Token) -> bool:
    """ "seized four farmers near X; they were freed a week later": a later clause of the
    sentence frees the captives it counted, through "they" (FORMAT: freed -> survived)."""
    lexicon = load_harm_lexicon()
    for token in noun.doc[noun.i + 1:]:
        if token.like_num:
            return False  # "... and 12 others; they were ...": whom "they" means is unclear
        if token.lower_ in ("they", "all") and token.dep_ == "nsubjpass":  # "all (of them) were freed"
            verb = token.head
            return verb.pos_ == "VERB" and lexicon.verbs.get(verb.lemma_.lower()) is CountKind.SURVIVED \
                and not _is_negated_or_hypothetical(verb)
    return False


def _conjoined_kinds(anchor: Token, noun: Token, kind: CountKind, lexicon: HarmLexicon) -> tuple[CountKind, ...]:
    """Kinds of harm words joined to ``anchor`` by "and": "kidnapped and (later) killed"
    befell the same people. "killed or unaccounted for" names alternatives: the first only;
    "40 killed and dozens injured" are two clauses with figures of their own."""
    if anchor.pos_ not in ("VERB", "NOUN", "ADJ"):
        return ()
    linked = []
    if anchor.pos_ != "NOUN":
        subject_here = noun.head is anchor and noun.dep_ in ("nsubj", "nsubjpass")
        # a later verb shares the figure when the figure is the first verb's subject and the
        # later verb has none of its own ("12 were kidnapped and killed")
        # ("left one person dead and about 25 injured": a figure of its own hung on the later word)
        linked += [c for c in anchor.children if c.dep_ == "conj" and not any(
            g.dep_ in ("nsubj", "nsubjpass", "dobj") or (g.like_num and g.i < c.i) for g in c.children)]
        # an earlier verb shares it when the figure is the later verb's object ("kidnapped and killed 12")
        if anchor.dep_ == "conj" and not subject_here and not any(
                g.dep_ in ("nsubj", "nsubjpass") for g in anchor.children) and noun.dep_ == "dobj" \
                and not any(g.dep_ == "dobj" for g in anchor.head.children):
            linked.append(anchor.head)
    else:
        linked += [c for c in anchor.children if c.dep_ == "conj"]
        if anchor.dep_ == "conj":
            linked.append(anchor.head)
    found: list[CountKind] = []
    for other in linked:
        first, second = sorted((anchor, other), key=lambda t: t.i)
        joiners = [t.lower_ for t in anchor.doc[first.i + 1:second.i] if t.dep_ == "cc"]
        if joiners != ["and"] or second.i - first.i > 4:
            continue
        other_kind = _harm_word_kind(other, lexicon)
        if other_kind is not None and other_kind is not kind and other_kind not in found:
            found.append(other_kind)
    return tuple(found)


# Verbs that list people one by one: "listed 112 victims by name", "named 40 of the dead".
_NAMING_VERBS = frozenset({"list", "name"})
_VICTIM_NOUNS = frozenset({"victim", "people", "person", "civilian", "villager", "resident"})


def _kind_by_naming(number: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """Victims a source lists by name, or the dead it names, are a toll of that source's: the
    naming verb (a reporting verb) anchors the claimant search at whoever lists them."""
    noun = number.head if number.dep_ == "nummod" else number
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB" or verb.lemma_.lower() not in _NAMING_VERBS:
        return None
    if _is_negated_or_hypothetical(verb):
        return None
    # "named 40 of the dead", "listed 12 of the slain": the figure counts the dead it names
    dead = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj" and (lexicon.adjectives.get(g.lower_) or lexicon.nouns.get(g.lemma_.lower()))
            is CountKind.KILLED and g.lemma_.lower() not in ("toll", "death", "life")]
    if dead and noun is number:
        return CountKind.KILLED, verb, noun
    # "listed 112 victims by name": people listed one by one as victims are the dead
    by_name = any(c.dep_ == "prep" and c.lower_ == "by" and any(g.lemma_.lower() == "name" for g in c.children)
                  for c in (*verb.children, *noun.children))
    if by_name and noun is not number and noun.lemma_.lower() in _VICTIM_NOUNS:
        return CountKind.KILLED, verb, noun
    return None


# Verbs that say what the dead were: "described the dead as 27 subversives".
_DESCRIBING_VERBS = frozenset({"describe", "list", "record", "register", "class", "classify", "count", "report"})


def _described_dead(number: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """ "Military records described the dead as '27 subversives'": the figure in the "as"
    phrase counts the dead the verb describes, a toll of whoever describes them (unlike "the
    dead were identified as X, Y and five farm workers", a list of who they were)."""
    noun = number.head if number.dep_ == "nummod" else number
    if noun.dep_ != "pobj" or noun.head.lower_ != "as" or noun.conjuncts:
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _DESCRIBING_VERBS or _is_negated_or_hypothetical(verb):
        return None
    dead = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")
            and (lexicon.adjectives.get(c.lower_) or lexicon.nouns.get(c.lemma_.lower())) is CountKind.KILLED
            and c.lemma_.lower() not in ("toll", "death", "life")]
    return (CountKind.KILLED, verb, noun) if dead else None


# "a third", "a fifth": one more person after a figure (numbers._ONE_MORE).
_ORDINAL = re.compile(r"[Aa]\s+[a-z]+(?:nd|rd|th)", re.IGNORECASE)
_ORDINAL_PREDICATE = re.compile(r"\s+(?:was|had\s+been|has\s+been|is)\s+(?:later\s+|also\s+)?([a-z]+(?:\s+[a-z]+){0,2})")


def _ordinal_predicate(text: str, end: int, number: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token] | None:
    """ "and a fifth was shot dead": the ordinal's own passive predicate, read on the words
    (the parser tends to join "a fifth" to the noun of the figure before it)."""
    m = _ORDINAL_PREDICATE.match(text, end)
    if m is None:
        return None
    rest = m.group(1).lower()
    for phrase, kind in lexicon.phrases_at(rest):
        if rest == phrase or rest.startswith(phrase + " "):
            return kind, number
    kind = _participle_kind_of_word(rest.split()[0], lexicon)
    return (kind, number) if kind is not None else None


def _first_alternative(anchor: Token, kind: CountKind, lexicon: HarmLexicon) -> CountKind:
    """The kind of "killed or wounded 40", "23 dead or missing": harm words joined by "or"
    name alternatives, and FORMAT.md counts them as the first kind named (the parser hangs
    the figure on the last word)."""
    if anchor.dep_ != "conj" or not 0 < anchor.i - anchor.head.i <= 3:
        return kind
    first = anchor.head
    joiners = [t.lower_ for t in anchor.doc[first.i + 1:anchor.i] if t.dep_ == "cc" or t.pos_ == "CCONJ"]
    if joiners != ["or"]:
        return kind
    return _harm_word_kind(first, lexicon) or kind


def _harm_word_kind(token: Token, lexicon: HarmLexicon) -> CountKind | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in lexicon.verbs:
        return lexicon.verbs[lemma]
    if token.pos_ == "NOUN":
        if lemma in _TOLL_NOUNS or lemma in ("life", "body", "corpse"):
            return None
        return lexicon.nouns.get(lemma) or _nominal_kind(token, lexicon)
    return lexicon.adjectives.get(token.lower_)


# "the kidnapped party of", "an abducted group of": a harmed group, then its size.
_COLLECTIVE_BEFORE = re.compile(r"\b([a-z]+ed|slain|dead|missing)\s+(?:group|party|convoy|busload|batch|band|contingent|"
                                r"crowd|team|delegation)\s+of\s+$", re.IGNORECASE)


# "9 of the 61 miners", "all but six of the pupils": the figure is a part of a group
# named after it, and only its own predicate says what befell it.
_PARTITIVE_AFTER = re.compile(r"\s+of\s+(?:them|whom)\b|\s+of\s+(?:the\s+|those\s+|these\s+|its\s+|their\s+)?(?:\d|[a-z-]+\s+(?:hundred|thousand)\b|"
                              r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                              r"sixty|seventy|eighty|ninety)\b)", re.IGNORECASE)
_ALL_BUT = re.compile(r"\ball\s+but\s+$", re.IGNORECASE)
# Verbs whose complement, after "all but N", is what the N are not: "all but six have been
# accounted for / freed" leaves six missing.
_ALL_BUT_MISSING = frozenset({"account", "free", "release", "rescue", "return", "escape", "find", "recover", "locate"})


def _partitive_kind(text: str, start: int, end: int, number: Token,
                    lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | tuple[()] | None:
    """A part's kind: the predicate of "N of M ..." or "all but N of ...", () when that
    predicate names no harm (a subset, not a row), None when the figure is no part."""
    all_but = bool(_ALL_BUT.search(text[max(0, start - 12):start]))
    if not all_but and not _PARTITIVE_AFTER.match(text, end):
        return None
    # The part's own predicate: the verb the figure (or the phrase it sits in) is subject of;
    # "300 were hospitalised, 90 of them children" gives the 259 none.
    if all_but:  # "all but six ... have been accounted for": "all" heads the subject
        verb = number
        hops = 0
        while verb.pos_ not in ("VERB", "AUX") and verb is not verb.head and hops < 5:
            verb = verb.head
            hops += 1
        return (CountKind.MISSING, verb, number) if verb.lemma_.lower() in _ALL_BUT_MISSING else ()
    part = number
    hops = 0
    while part.dep_ in ("quantmod", "nummod", "compound", "amod", "pobj", "prep") and part is not part.head and hops < 5:
        part = part.head
        hops += 1
    if part.dep_ == "dobj" and part.head.pos_ == "VERB" and part.head.lemma_.lower() in lexicon.verbs \
            and part.head.lemma_.lower() not in _INTRANSITIVE:
        return lexicon.verbs[part.head.lemma_.lower()], part.head, number  # "killing four of them"
    if part.dep_ == "dobj" and _led_off(part.head, part):
        return CountKind.ABDUCTED, part.head, number  # "marched dozens of pupils into the bush"
    if part.dep_ not in ("nsubj", "nsubjpass") or part.head.pos_ not in ("VERB", "AUX"):
        return ()
    verb = _achieved(part.head) if part.dep_ == "nsubj" else part.head
    lemma = verb.lemma_.lower()
    if verb.pos_ == "VERB" and lemma in lexicon.verbs:
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        # "9 of the 61 kidnapped miners have returned": a part of a captive group that
        # returns has come back alive (a returning crowd in general is no harm)
        if passive or lemma in _INTRANSITIVE or lemma == "return":
            return lexicon.verbs[lemma], verb, number
    for child in verb.children:  # "were found dead"
        if child.dep_ in ("oprd", "acomp", "xcomp") and child.lower_ in lexicon.adjectives:
            return lexicon.adjectives[child.lower_], verb, number
    # "seven of the pupils are still being held": a harm phrase of harm.tsv as the predicate
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "advmod") and c.i < verb.i)])
    for start in range(first, verb.i + 1):
        rest = span_text(verb.doc[start:min(len(verb.doc), start + 5)]).lower()
        for phrase, kind in lexicon.phrases_at(rest):
            if rest == phrase or rest.startswith((phrase + " ", phrase + ",", phrase + ".")):
                return kind, verb, number
    return ()


# "the whereabouts of (the remaining) 15 are unknown": read on the words, as the parser
# loses the clause.
_WHEREABOUTS_BEFORE = re.compile(r"\bwhereabouts\s+of\s+(?:the\s+|those\s+|these\s+)?(?:remaining\s+|other\s+|"
                                 r"missing\s+|last\s+)?(?:[a-z-]+\s+)?$", re.IGNORECASE)
_UNKNOWN_AFTER = re.compile(r"[^.;:!?]{0,60}?\b(?:are|is|were|was|remain|remains|remained)\s+(?:still\s+)?"
                            r"(?:unknown|unclear|not\s+known)\b", re.IGNORECASE)


def _kind_by_whereabouts(text: str, start: int, end: int, number: Token) -> tuple[CountKind, Token, Token] | None:
    if _WHEREABOUTS_BEFORE.search(text[max(0, start - 60):start]) and _UNKNOWN_AFTER.match(text, end):
        return CountKind.MISSING, number, number
    return None


def _kind_by_label(text: str, start: int, number: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """An infobox field: the figure follows the field's label at the start of its line
    ("Fatalities: 64", "- Injuries: 120", "DeathsAt least 71"), and the label names the kind."""
    line_start = max(text.rfind("\n", 0, start), -1) + 1
    label = text[line_start:start].strip(" \t•*-–:").lower()
    words = label.split()
    kind = lexicon.labels.get(" ".join(words))
    # "Civilians reported killed: 29–43", "Confirmed deaths: 12": a dataset's field names who
    # and how surely before the kind; the field still states the figure.
    while kind is None and len(words) > 1 and words[0] in _LABEL_QUALIFIERS and text[start - 1:start] in (":", " ", "\t"):
        words = words[1:]
        kind = lexicon.labels.get(" ".join(words))
    if kind is None:
        return None
    # "Hostages112 rescued", "Hostages: 40 freed": a participle after the figure says what
    # befell the people the field counts.
    line_end = text.find("\n", start)
    after = _LABEL_PARTICIPLE.match(text, start, line_end if line_end != -1 else len(text))
    befell = _participle_kind_of_word(after.group(1), lexicon) if after else None
    return (befell or kind, number, number)


_LABEL_PARTICIPLE = re.compile(r"[\d,.]+\+?\s+([a-z]+)\b")


_LABEL_QUALIFIERS = frozenset({"civilians", "civilian", "people", "persons", "reported", "confirmed", "total",
                               "estimated", "alleged", "possible", "likely", "children", "combatants", "militants",
                               "soldiers", "of", "number"})


def _predicate_after_participle(noun: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token] | None:
    """The harm of the passive predicate after a participle phrase on ``noun`` ("... were
    released", "... have been freed"), read on the words up to the sentence's next comma."""
    doc = noun.doc
    for token in doc[noun.i + 2:min(len(doc), noun.i + 20)]:
        if token.is_punct:
            return None
        if token.lower_ in ("were", "was", "have", "has", "had"):
            for verb in doc[token.i + 1:min(len(doc), token.i + 4)]:
                kind = lexicon.verbs.get(verb.lemma_.lower()) if verb.tag_ == "VBN" else None
                if kind is not None and kind is not CountKind.ABDUCTED:
                    return kind, verb
                if verb.lower_ not in ("been", "later", "finally", "all", "since", "also"):
                    return None
            return None
    return None


_LISTING_VERBS = frozenset({"list", "record", "register", "classify", "declare", "count"})


def _kind_by_listing(number: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """ "The ministry lists the four as missing", "listed 12 soldiers as dead": the harm is what
    the listing verb's "as" says they are."""
    noun = number.head if number.dep_ == "nummod" else number
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in _LISTING_VERBS:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for word in prep.children:
                kind = lexicon.adjectives.get(word.lower_)
                if kind is not None:
                    return kind, verb, noun
    return None


def _got_away(noun: Token, lexicon: HarmLexicon) -> bool:
    """The clause of ``noun`` (its verb, or a clause on that verb) tells an escape or release."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    clauses = [verb, *(t for c in verb.children if c.dep_ in ("advcl", "prep", "xcomp", "conj")
                       for t in c.subtree if t.pos_ == "VERB")]
    return any(lexicon.verbs.get(t.lemma_.lower()) is CountKind.SURVIVED for t in clauses)


# People who are in a hospital without being hurt there.
_HOSPITAL_PEOPLE = frozenset({"patient", "doctor", "nurse", "staff", "worker", "visitor", "employee", "surgeon", "medic"})

# Words that open an aside on who the counted people were ("among them", "including", "most of them").
_ASIDE_OPENERS = frozenset({"among", "including", "most", "many", "mostly", "some", "all", "both", "half", "several"})

# Words that may stand between a figure and a harm phrase ("1,200 people were kept hostage").
_PHRASE_GAP = frozenset({"people", "persons", "others", "more", "were", "was", "are", "is", "have", "has", "had", "currently", "now",
                         "been", "being", "remain", "remained", "remaining", "still", "reportedly", "later", "also",
                         "all", "of", "them", "whom", "who", "the", "those"})  # "seven of the pupils are still being held"


def _kind_by_phrase(number: Token, char_span: SpacySpan, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """A harm phrase of ``harm.tsv`` right after the figure and its noun ("were kept hostage",
    "have been in hospital", "are still held"): the phrase decides the kind."""
    if not lexicon.phrases:
        return None
    doc = number.doc
    i = number.i + 1
    noun = number
    skipped = 0
    while i < len(doc) and skipped < 5:
        token = doc[i]
        rest = span_text(doc[i:min(len(doc), i + 5)]).lower()
        for phrase, kind in lexicon.phrases_at(rest):
            if rest == phrase or rest.startswith(phrase + " ") or rest.startswith(phrase + ",") or rest.startswith(phrase + "."):
                if "hospital" in phrase and noun.lemma_.lower() in _HOSPITAL_PEOPLE:
                    return None  # "80 patients were in the hospital": where they were, not a harm
                return kind, token, noun
        if token.text == "," and noun is not number and i + 1 < len(doc) and doc[i + 1].lower_ in _ASIDE_OPENERS:
            # "13 people, among them two police officers, lost their lives": an aside on who
            # they were stands between the figure and its harm.
            close = next((t.i for t in doc[i + 1:min(len(doc), i + 12)] if t.text == ","), None)
            if close is not None:
                i = close + 1
                continue
        if token.is_space:
            i += 1  # a blanked stretch ("twenty six (26) students": the restated digits)
            continue
        if token.pos_ == "VERB" and token.tag_ == "VBN" and i + 2 < len(doc) and doc[i + 1].lower_ == "and" \
                and any(span_text(doc[i + 2:min(len(doc), i + 7)]).lower().startswith(phrase)
                        for phrase, _ in lexicon.phrases_at(span_text(doc[i + 2:min(len(doc), i + 7)]).lower())):
            # "the suspect was struck and taken into custody": a participle joined to the phrase
            i += 2
            skipped += 2
            continue
        if token.is_punct or not (token.lower_ in _PHRASE_GAP or (token.pos_ in ("NOUN", "ADJ") and skipped < 3)):
            return None
        if token.pos_ == "NOUN" and noun is number:
            noun = token
        i += 1
        skipped += 1
    return None


# "holding dozens of people hostage", "taking 40 guests and staff as hostages": a verb of
# holding or taking, the figure as its object, and the role the people were held in.
_HOLDING = frozenset({"hold", "holds", "holding", "held", "keep", "keeps", "keeping", "kept", "take", "takes", "taking",
                      "took", "taken"})
_ROLE_AFTER = frozenset({"hostage", "hostages", "captive", "captives"})


def _held_as(char_span: SpacySpan, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    doc = char_span.doc
    first, last = char_span[0], char_span[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    if before is None or before.lower_ not in _HOLDING:
        return None
    for token in doc[last.i + 1:min(len(doc), last.i + 9)]:
        if token.is_punct or token.lower_ in ("who", "which", "that", "while", "when"):
            return None
        if token.lower_ in _ROLE_AFTER:
            kind = lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get("hostage")
            return (kind, before, last) if kind is not None else None
    return None


# Words of a passive or of a state between a subject and its harm word ("were later killed").
_BE_FORMS = frozenset({"were", "was", "are", "is", "been", "being"})


def _aside_end(doc, comma: int) -> int | None:
    """The index of the comma that closes a breakdown aside opened at ``comma`` (", 11 of
    them women,", ", six of whom were elderly,", ", including two nurses,"), or None when
    the words after ``comma`` are no such aside."""
    first = comma + 1
    if first + 2 >= len(doc):
        return None
    opens = doc[first].lower_ in _ASIDE_OPENERS or doc[first].lower_ == "including" or (
        doc[first].like_num and doc[first + 1].lower_ == "of" and doc[first + 2].lower_ in ("them", "whom"))
    if not opens:
        return None
    return next((t.i for t in doc[first + 1:min(len(doc), first + 12)] if t.text == ","), None)


def _kind_after_aside(number: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """ "more than 50 people, 11 of them women, were killed": a breakdown between commas cuts
    the figure off its predicate, and the small parser then hangs both on whatever comes
    before. The predicate after the aside says what befell the whole figure."""
    doc = number.doc
    i, noun = number.i + 1, number
    while i < len(doc) and i - number.i <= 3 and doc[i].pos_ in ("NOUN", "ADJ", "PROPN") and doc[i].text != ",":
        if doc[i].pos_ != "ADJ":
            noun = doc[i]
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    close = _aside_end(doc, i)
    if close is None:
        return None
    passive = False
    for token in doc[close + 1:min(len(doc), close + 6)]:
        rest = span_text(doc[token.i:min(len(doc), token.i + 5)]).lower()
        for phrase, kind in lexicon.phrases_at(rest):
            if rest == phrase or rest.startswith((phrase + " ", phrase + ",", phrase + ".")):
                return kind, token, noun
        lemma = token.lemma_.lower()
        if token.tag_ in ("VBN", "VBD") and lemma in lexicon.verbs and (passive or lemma in _INTRANSITIVE):
            return lexicon.verbs[lemma], token, noun  # "were killed", "died"
        if token.lower_ in lexicon.adjectives and passive:
            return lexicon.adjectives[token.lower_], token, noun  # "were missing"
        if token.lower_ in _BE_FORMS:
            passive = True
        elif token.lower_ not in _PHRASE_GAP and token.pos_ != "ADV":
            return None
    return None


def _kind_by_window(number: Token, char_span: SpacySpan, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """Adjacent words when the parse is unhelpful (headlines, lists): "200 killed", "killing 12"."""
    doc = number.doc
    # After: up to three words, skipping adjectives and nouns of people ("52 unarmed residents killed").
    for i in range(number.i + 1, min(len(doc), number.i + 5)):
        token = doc[i]
        if token.is_punct or token.lower_ in ("and", "or", "but", "of", "in", "at", "on"):
            break
        if any(c.dep_ == "nsubj" and number.i < c.i < token.i for c in token.children) and any(
                c.dep_ == "dobj" for c in token.children):
            return None  # "some ten armed men killed five": the figure counts the doers
        if token.lower_ in lexicon.adjectives:
            return lexicon.adjectives[token.lower_], token, number
        if token.lemma_.lower() in lexicon.nouns and token.lemma_.lower() not in ("toll", "death", "life", "casualty"):
            if token.lemma_.lower() in ("body", "corpse") and not _bodies_found(token):
                return None
            if token.dep_ == "compound" and token.head.lemma_.lower() in _NOT_PEOPLE:
                return None  # "30 body fragments": the fragments are counted, not people
            return lexicon.nouns[token.lemma_.lower()], token, token
        if token.tag_ in ("VBN", "VBD") and token.lemma_.lower() in lexicon.verbs:
            if token.lemma_.lower() not in _INTRANSITIVE and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children) \
                    and not any(c.dep_ == "auxpass" for c in token.children):
                return None  # "5,000 residents have returned": an active perfect tells what they did
            return lexicon.verbs[token.lemma_.lower()], token, number
        if token.pos_ not in ("ADJ", "NOUN", "PROPN", "AUX", "PART", "ADV"):
            break
    # Before: an active harm verb right before the figure ("killed 27", "killing 52").
    start = char_span[0].i
    for i in range(start - 1, max(-1, start - 3), -1):
        token = doc[i]
        if token.pos_ in ("VERB",) and token.lemma_.lower() in lexicon.verbs and token.lemma_.lower() not in _INTRANSITIVE:
            return lexicon.verbs[token.lemma_.lower()], token, number
        # "killed at least 27", "killing some 50"; not "killed in two massacres"
        if not (token.pos_ in ("ADV", "PART", "DET") or token.lower_ in (
                "at", "least", "some", "about", "more", "than", "up", "to", "over", "nearly", "almost", "around")):
            break
    return None


def _kind_by_pronoun(number: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """ "forced the group of 58 people off the road and executed them all", "the 30 pilgrims
    were on their way home when they were kidnapped": a later clause of the same sentence
    harms the counted people through "they"/"them"."""
    noun = number.head if number.dep_ == "nummod" else number
    if noun.pos_ not in ("NOUN", "NUM") or noun.lemma_.lower() in _NOT_PEOPLE:
        return None
    for pronoun in noun.doc[noun.i + 1:]:
        if pronoun.lower_ not in ("they", "them") or not (
                pronoun.dep_ == "nsubjpass" or (pronoun.dep_ == "dobj" and any(c.lower_ == "all" for c in pronoun.children)
                                                or pronoun.dep_ == "dobj" and pronoun.nbor(1).lower_ == "all")):
            continue
        verb = pronoun.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.verbs and verb.lemma_.lower() not in _INTRANSITIVE:
            return lexicon.verbs[verb.lemma_.lower()], verb, noun
    return None


_TOLL_CHANGE = frozenset({"raise", "revise", "lower", "increase", "update", "bring", "push", "put"})


def _kind_by_toll_pronoun(number: Token, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    """ "He gave a death toll of nine early on Saturday, and raised it to 14": "it" is the toll
    the sentence named before, and the figure it was changed to is of the toll's kind."""
    if number.dep_ != "pobj" or number.head.lower_ not in ("to", "at"):
        return None
    verb = number.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _TOLL_CHANGE \
            or not any(c.dep_ in ("dobj", "obj") and c.lower_ == "it" for c in verb.children):
        return None
    tolls = [t for t in number.doc[:verb.i] if t.lemma_.lower() == "toll"]
    if not tolls:
        return None
    kind = lexicon.nouns.get("toll")  # a toll counts the dead (data/harm.tsv)
    return (kind, verb, number) if kind is not None else None


_RELEASE_NOUNS = frozenset({"liberation", "release", "rescue", "freeing"})


def _freed_object(noun: Token, lexicon: HarmLexicon) -> Token | None:
    """ "troops freed eleven citizens held hostage", "succeeded in rescuing six villagers kept
    captive": the people a verb of release takes as its object, whom a phrase of captivity
    after them only describes; the release is what befell them (FORMAT: freed -> survived)."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lower_ in _HOLDING and head.dep_ in ("ccomp", "xcomp") \
            and head.head.i < noun.i:
        head = head.head  # (a parse that makes "citizens held hostage" a clause the release verb governs)
    elif noun.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and head.lower_ in _HOLDING:
        return None
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _RELEASE_NOUNS:
        return head.head  # "the liberation of eleven citizens held hostage"
    if (noun.dep_ in ("dobj", "obj") or head is not noun.head) and head.pos_ == "VERB" and lexicon.verbs.get(head.lemma_.lower()) is CountKind.SURVIVED \
            and head.lemma_.lower() not in ("survive", "return", "recover") and not _is_negated_or_hypothetical(head):
        return head
    return None


# "our community lost seven of its members", "the village lost 12 of its sons": a body losing
# some of its own people counts their deaths.
_LOST_BEFORE = re.compile(r"\b(?:lost|loses|lose|losing|has\s+lost|have\s+lost|had\s+lost)\s+$", re.IGNORECASE)
_OF_ITS_OWN = re.compile(r"\s+of\s+(?:its|their|our|his|her|my)\s+(?:own\s+)?(?:members|people|sons|daughters|children|"
                         r"residents|citizens|men|women|colleagues|staff|soldiers|officers|brothers|sisters|pupils|"
                         r"students|worshippers|villagers)\b", re.IGNORECASE)


def _kind_by_loss(text: str, start: int, end: int, number: Token) -> tuple[CountKind, Token, Token] | None:
    if _LOST_BEFORE.search(text[max(0, start - 16):start]) and _OF_ITS_OWN.match(text, end):
        verb = number.head if number.head.lemma_.lower() == "lose" else number
        return CountKind.KILLED, verb, number
    return None


# "a security guard, Mr X (43), who later died in hospital": one person whose death the
# relative clause after their name tells.
_WHO_DIED_AFTER = re.compile(r"(?:,[ ][^,;.()]{1,40}?(?:[ ]\(\d{1,3}\))?,)?[ ]who[ ](?:later[ ]|subsequently[ ]|then[ ])?"
                             r"(?P<verb>died|succumbed)\b")


def _kind_by_relative_death(text: str, end: int, number: Token, sent: SpacySpan) -> tuple[CountKind, Token, Token] | None:
    match = _WHO_DIED_AFTER.match(text, end)
    if match is None:
        return None
    verb = next((t for t in sent if t.idx - sent.start_char == match.start("verb")), None)
    return (CountKind.KILLED, verb, number) if verb is not None else None
