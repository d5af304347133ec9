"""Counts of harmed people: which number phrases are tolls, of what kind, about whom.

A number becomes a count only when the dependency parse ties it to a harm word of
``data/harm.tsv``: the noun it counts is harmed ("7 hostages", "52 bodies"), is the subject
of a passive harm verb ("627 were killed") or the object of an active one ("killed
fifty-two"), carries a harm participle ("52 killed", "147 dead"), or is the value of a death
toll ("putting the dead at 150", "the toll rose to 46"). A short word window backs the parse
up where the small model mis-attaches a headline. Negated and hypothetical clauses, subsets
("including six women", "259 of them children") and the harm *doers* ("five gunmen killed")
are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from reckon.extract.doc_text import doc_text, span_text
from reckon.extract.lexicon import HarmLexicon, load_harm_lexicon, load_reporting_verbs
from reckon.extract.taking import CARRY_OFF, carries_off, leads_off, makes_off_with, takes_along, takes_to_hideout
from reckon.model import Count, CountKind, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from reckon.extract.numbers import Quantity

__all__ = ["CountCandidate", "classify_quantity", "inherit_from_list", "share_claimant", "without_breakdowns"]

_HYPOTHETICAL = frozenset({"could", "would", "might", "may", "should", "can"})
# Words of intent whose infinitive is an aim, not an event ("an effort to free 20 hostages").
_INTENT = frozenset({"effort", "attempt", "bid", "plan", "try", "seek", "want", "vow", "threaten", "pledge", "promise",
                     "aim", "intend", "hope", "plot", "demand", "urge", "struggle", "mission", "campaign", "prepare",
                     "need", "push", "work", "wish", "offer", "refuse", "fail"})
_SUBSET_BEFORE = ("including", "includes", "included", "among them", "among whom", "of whom", "of them",
                  "among those", "among the", "exception of", "except", "except for", "apart from", "other than")
# Verbs that make their *object* the harmed people ("killed 52"), or their subject when
# intransitive ("52 died"); for transitive verbs an active subject is the doer, never a toll.
_INTRANSITIVE = frozenset({"die", "perish", "survive", "escape", "flee", "disappear"})
# People one can lose to violence: "lost four men", "lost two sons".
_LOST_PEOPLE = frozenset({"man", "soldier", "troop", "fighter", "officer", "policeman", "member", "comrade",
                          "colleague", "son", "daughter", "child", "brother", "sister", "relative", "men"})
_TOLL_NOUNS = frozenset({"toll", "dead", "death", "deaths", "fatality", "fatalities", "casualty", "casualties"})
_TOLL_VERBS = frozenset({"put", "rise", "climb", "reach", "stand", "increase", "jump", "hit", "exceed", "place",
                         "give", "estimate", "raise", "be"})
# Nouns of life: "claimed 147 lives", "fifty-two lives were extinguished".
_LIFE_VERBS = frozenset({"claim", "lose", "take", "extinguish", "end", "cost"})
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
    return noun.head.i == anchor.i and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and not noun.conjuncts \
        and anchor.pos_ in ("VERB", "AUX") and anchor.dep_ not in ("acl", "relcl", "amod") \
        and not any(c.dep_ == "acl" and c.tag_ == "VBN" for c in noun.children)


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


def _led_off(verb: Token, led: Token) -> bool:
    """Whether ``led`` (the object) is taken away by ``verb``: "carried off 40 villagers",
    "marched dozens of pupils into the bush", "taking nine girls with them"."""
    return carries_off(verb) or leads_off(verb, led) or takes_along(verb) or takes_to_hideout(verb, led)


# Verbs that say their complement came off: "managed to escape", "succeeded in fleeing"
# ("tried to escape" did not, and stays no count).
_ACHIEVED = frozenset({"manage", "succeed"})
# Whom captives get away from: "fled from their captors".
_CAPTORS = frozenset({"captor", "kidnapper", "abductor", "captivity", "hostage-taker"})


def _achieved(verb: Token) -> Token:
    """The verb "managed to", "succeeded in", "were able to" introduce, which says what befell
    their subject; ``verb`` itself otherwise."""
    lemma = verb.lemma_.lower()
    if lemma == "be":  # "were able to escape"
        able = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "able"), None)
        if able is None:
            return verb
        verb, lemma = able, "manage"
    if lemma not in _ACHIEVED and verb.lower_ != "able":
        return verb
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            return child
        if child.dep_ == "prep" and child.lower_ == "in":
            done = next((g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
            if done is not None:
                return done
    return verb


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


# States a harm verb leaves its object in, written right after the verb ("shot dead seven").
_RESULTATIVE = frozenset({"dead"})


@dataclass(frozen=True, slots=True, kw_only=True)
class CountCandidate:
    """A quantity tied to a harm word, before the claimant is known."""

    kind: CountKind
    min: int | None
    max: int | None
    span: Span  # document offsets of the number phrase
    token: Token  # the token the claimant search starts from (the harm word or the noun)
    victims: str | None
    quantity_text: str
    # Further kinds the same figure has through coordinated harm words ("kidnapped and
    # killed 12", "the taking hostage and killing of hundreds"): one row per kind.
    also: tuple[CountKind, ...] = ()


# "four passengers had fled into the bush and had not been found by nightfall": people who
# fled and are not yet found are unaccounted for, not (yet) known to be displaced.
_NOT_FOUND_AFTER = re.compile(r"[^.;:!?]{0,80}?\band\s+(?:had|have|has)\s+(?:still\s+)?not\s+(?:yet\s+)?been\s+"
                              r"(?:found|seen|located|traced|heard\s+from|accounted\s+for)\b", re.IGNORECASE)


def classify_quantity(quantity: Quantity, sent: SpacySpan, *, offset: int) -> CountCandidate | None:
    """The count a quantity states in the parsed sentence ``sent`` (whose text starts at ``offset``)."""
    candidate = _classify_quantity(quantity, sent, offset=offset)
    if candidate is not None and candidate.kind == CountKind.DISPLACED \
            and _NOT_FOUND_AFTER.match(span_text(sent), quantity.span.end - offset):
        return replace(candidate, kind=CountKind.MISSING)
    return candidate


def _classify_quantity(quantity: Quantity, sent: SpacySpan, *, offset: int) -> CountCandidate | None:
    if quantity.min is None and quantity.max is None:
        return None
    lexicon = load_harm_lexicon()
    doc = sent.doc
    char_span = doc.char_span(quantity.span.start - offset, quantity.span.end - offset, alignment_mode="expand")
    if char_span is None or len(char_span) == 0:
        return None
    number = char_span[-1]
    text = span_text(sent)  # read by most tests below: joined once
    if _is_subset(text, quantity.span.start - offset) or _is_aggregate(text, quantity.span.start - offset):
        return None
    if _is_increment(text, quantity.span.end - offset):
        return None  # "the bodies of two men were found, bringing the number of dead to 24": a part of the 24
    if _RAISED_AFTER.search(text[max(0, quantity.span.start - offset - 80):quantity.span.start - offset]):
        return None  # "raised it to 17 after three wounded passengers died": the three are in the 17
    if char_span[0].i > 0 and doc[char_span[0].i - 1].like_num and not doc[char_span[0].i - 1].is_punct:
        return None  # "toll rises to 51 2": a figure run into another is an image label's number
    start = quantity.span.start - offset
    counted = number.head if number.dep_ == "nummod" else number
    if counted.dep_ == "conj" and any(c.dep_ == "nummod" for c in counted.head.children) \
            and counted.lemma_.lower() in _SEX_AGE and counted.head.lemma_.lower() in _SEX_AGE:
        return None  # "three men and one woman are in custody": one group told by sex, a part of it
    if any(c.dep_ == "relcl" for c in number.children) and _BREAKDOWN.search(text[:start]):
        return None  # "9 had returned – two who ran from a truck and 7 who slipped away": parts
    described = _described_dead(number, lexicon)
    if described is None and _identifies(number):
        return None  # "the dead were identified as X, Y and five farm workers": who, not how many
    if quantity.one_person and _ORDINAL.fullmatch(quantity.text):
        after = _ordinal_predicate(text, quantity.span.end - offset, number, lexicon)
        if after is not None:  # "... and a fifth was shot dead": read on the words
            return CountCandidate(kind=after[0], min=1, max=1, span=quantity.span, token=after[1], victims=None,
                                  quantity_text=quantity.text)
    partitive = described or _kind_by_naming(number, lexicon) or _partitive_kind(text, start, quantity.span.end - offset, number, lexicon)
    collective = _COLLECTIVE_BEFORE.search(text[max(0, start - 48):start])
    if partitive is not None:
        found = partitive or None
    elif collective and _participle_kind_of_word(collective.group(1), lexicon) is not None:
        # "the kidnapped party of more than 30 people": the group's participle is their harm
        found = (_participle_kind_of_word(collective.group(1), lexicon), number, number)
    else:
        found = _kind_by_label(text, start, number, lexicon) or _held_as(char_span, lexicon) \
            or _kind_by_listing(number, lexicon) \
            or _kind_by_whereabouts(text, start, quantity.span.end - offset, number) \
            or _kind_by_phrase(number, char_span, lexicon) or _kind_after_aside(number, lexicon) \
            or _kind_by_parse(number, char_span, lexicon) \
            or _kind_by_window(number, char_span, lexicon) or _kind_by_pronoun(number, lexicon) \
            or _kind_by_toll_pronoun(number, lexicon)
    if found is None:
        return None
    kind, anchor, noun = found
    kind = _first_alternative(anchor, kind, lexicon)
    if kind is CountKind.ABDUCTED and anchor.dep_ == "amod" and anchor.head.i == noun.i and anchor.i < noun.i \
            and not re.search(r"\bof(?:\s+the)?\s*$", text[:start]) and _got_away(noun, lexicon):
        # ("14 of 129 kidnapped schoolgirls have returned": the 129 are the whole taken, not the returned)
        # "Two abducted students reach an army post after escaping": who they were, and their escape
        kind, anchor = CountKind.SURVIVED, noun.head
    whole = doc[max(0, char_span[0].i - 2):char_span[0].i].text.lower().endswith(("of", "of the"))
    if kind is CountKind.ABDUCTED and anchor.i == noun.i + 1 and not whole:  # "9 of the 61 ... returned": the 9's
        # "14 traders abducted from a market last month were released on Sunday": the
        # participle tells who they were, the predicate after it what now befell them
        later = _predicate_after_participle(noun, lexicon)
        if later is not None:
            kind, anchor = later
    if kind is CountKind.DISPLACED and anchor.lemma_.lower() == "flee" and _captive_group(number, noun, anchor, lexicon):
        kind = CountKind.SURVIVED  # "nine of the captives managed to flee": they got away (FORMAT: escaped)
    fronted = _OF_THOSE.match(text)
    if fronted and fronted.end() <= start:
        word = fronted.group(1).lower()
        harm = lexicon.adjectives.get(word) or next(
            (lexicon.verbs[w] for w in (word, word[:-2], word[:-1]) if w in lexicon.verbs), None)
        if harm is kind:
            return None  # "Of those arrested, 14 were still in custody": a part of the arrested, same harm
    if quantity.one_person and not _one_person_harmed(noun, anchor):
        return None
    group = [g for c in number.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if kind is CountKind.KILLED and group and (lexicon.adjectives.get(group[0].lower_) or lexicon.nouns.get(
            group[0].lemma_.lower())) is CountKind.INJURED:
        return None  # "two of the wounded later died": already inside the toll, not a toll
    # "has not exceeded about 40": a negation the hedge already read is a bound, not a denial.
    inside = {t.i for t in char_span} | {t.i for t in doc[char_span[0].i:char_span[-1].i + 1]}
    if _is_negated_or_hypothetical(anchor, inside) or _is_negated_or_hypothetical(noun, inside):
        # "the 40 remaining hostages might be released": people whose release is still awaited
        # are held, hence missing.
        remaining = any(c.lower_ in ("remaining", "still") for c in (*noun.children, *anchor.children))
        if kind is CountKind.SURVIVED and remaining and not any(c.dep_ == "neg" for c in anchor.children):
            return CountCandidate(kind=CountKind.MISSING, min=quantity.min, max=quantity.max, span=quantity.span,
                                  token=anchor, victims=None, quantity_text=quantity.text)
        return None
    victims = None
    # "hundreds of cattle": a number word counts what its "of" names ("residents of the camp"
    # are people).
    if (noun is number or noun.pos_ == "NUM" or noun.lemma_.lower() in _QUANTITY_WORDS) and any(
            c.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in _NOT_PEOPLE for g in c.children)
            for c in noun.children):
        return None
    if noun is not number and noun.lemma_.lower() not in lexicon.nouns and noun.pos_ in ("NOUN", "PROPN"):
        if noun.lemma_.lower() in _NOT_PEOPLE or noun.lower_ in _NOT_PEOPLE:
            return None
        victims = _victim_phrase(noun, char_span)
    also = _conjoined_kinds(anchor, noun, kind, lexicon)
    if kind is CountKind.ABDUCTED and CountKind.SURVIVED not in also and _freed_later(noun):
        also = (*also, CountKind.SURVIVED)
    return CountCandidate(kind=kind, min=quantity.min, max=quantity.max, span=quantity.span, token=anchor,
                          victims=victims, quantity_text=quantity.text, also=also)


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


# Totals over a span of time are not an incident's toll ("killed more than 10,000 people
# last year", "had killed over 200 in the two years before", "since 2009").
_AGGREGATE = re.compile(
    r"\b(?:last|this|past|previous|preceding)\s+(?:year|decade|month)s?\b(?!['’]s)|\bin\s+(?:the\s+)?(?:(?:past|last|previous|"
    r"preceding|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)+(?:years|decades|months)\b|\bsince\s+(?:19|20)\d\d\b"
    r"|\bsince\s+(?:the\s+)?(?:start|beginning|outbreak)\b|\bso\s+far\s+this\s+year\b|\bfor\s+years\b|\bin\s+recent\s+years\b"
    r"|\byears\s+(?:prior|before)\b|\b(?:a|per|each|every)\s+year\b(?!\s+(?:ago|earlier|later|after|before|on)\b)|\bannually\b|\bover\s+the\s+(?:years|decades)\b"
    # "since January" (a month, no day): a tally kept over months, not one event's toll
    r"|\bsince\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
    # "between 2020 and 2024", "from 2019 to 2023", "in 2023 alone": a tally kept over years
    r"|\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until|through)\s+(?:19|20)\d\d\b|\bin\s+(?:19|20)\d\d\s+alone\b"
    # "attacks blamed on the group killed more than 140 civilians in 2025": many attacks over a year
    r"|\battacks\b[^.;]{0,120}?\bin[ ](?:19|20)\d\d\b(?![ ]\d|-|/)"
    # "Iraq 212 events / 187 fatalities", "year to date": a monitor's tally over many events
    r"|\b\d[\d,]*\s+(?:events|incidents)\b|\b(?:year|month)[ -]to[ -]date\b"
    # "displaced by its attacks": one figure over a group's many attacks
    r"|\b(?:by|in)\s+(?:its|their)\s+(?:attacks|raids|operations)\b"
    # "since 1 January": from the first of a month, a running tally, as is "over the same period"
    r"|\bsince\s+1(?:st)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?:over|in|during)\s+the\s+same\s+period\b"
    # "documented 112 violent deaths in the province in 2025": a whole area over a whole year
    r"|\b(?:in|across|throughout)\s+the\s+(?:province|region|country|state|district|county|territory)\s+"
    r"(?:in|during|for)\s+(?:19|20)\d\d\b(?!\s*[-–/]\d)"
    # "at least 79 ... in 2023, compared with 53 in 2022": a year's tally set against another's
    r"|\bcompared\s+(?:with|to)\s+[\d,]+\s+(?:in|during|for)\s+(?:19|20)\d\d\b"
    # "Raiders kill 11 in two Osk villages": one figure over the attacks on several settlements
    r"|\b(?:in|across)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple)\s+(?:[A-Z][\w'’-]+\s+)?"
    r"(?:villages|towns|communities|localities|hamlets|settlements)\b"
    # "three attacks since March in which 16 were killed": one figure over several events
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple|a\s+series\s+of|a\s+string\s+of|"
    r"a\s+wave\s+of)\s+(?:separate\s+|other\s+|similar\s+|deadly\s+)?(?:attacks|raids|massacres|bombings|ambushes|"
    r"assaults|incidents|killings)\b",
    re.IGNORECASE,
)


# "the kidnapped party of", "an abducted group of": a harmed group, then its size.
_COLLECTIVE_BEFORE = re.compile(r"\b([a-z]+ed|slain|dead|missing)\s+(?:group|party|convoy|busload|batch|band|contingent|"
                                r"crowd|team|delegation)\s+of\s+$", re.IGNORECASE)


def _participle_kind_of_word(word: str, lexicon: HarmLexicon) -> CountKind | None:
    """The harm of a participle or adjective read as a word ("kidnapped", "slain")."""
    lowered = word.lower()
    if lowered in lexicon.adjectives:
        return lexicon.adjectives[lowered]
    for lemma in (lowered[:-2], lowered[:-1], lowered[:-3]):  # kidnapped -> kidnapp/kidnap, freed -> free
        if lemma in lexicon.verbs:
            return lexicon.verbs[lemma]
    return None


# Nouns that split one group by sex or age ("three men and one woman"), unlike roles
# ("23 civilians and 15 assailants" are two groups).
_SEX_AGE = frozenset({"man", "woman", "men", "women", "boy", "girl", "child", "children", "adult", "minor", "teenager"})

# A dash or colon after a figure opens its breakdown ("9 returned – two who ran ...").
_BREAKDOWN = re.compile(r"\d[^–—:]*\s[–—:]\s|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"[a-z]+teen|twenty|thirty|forty|fifty)\b[^–—:]*\s[–—:]\s", re.IGNORECASE)


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


# "one of the deadliest attacks this year", "the worst since 2009": a period after a
# superlative ranks the event; it does not sum a toll over the period.
_RANKING = re.compile(r"\b(?:\w+iest|worst|largest|biggest|greatest|highest|gravest|latest|most\s+\w+|first|second|third|"
                      r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,8}$",
                      re.IGNORECASE)
# "in March last year" dates the event; it does not make its toll a yearly sum.
_MONTH_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\s+$")


# "several bombings in recent years, among them the 2017 bombing of X that killed 11": one
# event singled out of a series has its own toll.
_SINGLED_OUT = re.compile(r"\b(?:among\s+them|including|such\s+as|notably|most\s+recently)\s+the\s+"
                          r"(?:[\w-]+\s+){0,3}(?:attack|bombing|massacre|raid|ambush|"
                          r"assault|shooting|killing|abduction|kidnapping)\b", re.IGNORECASE)


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


def _is_aggregate(text: str, start: int) -> bool:
    clause_start = max(text.rfind(";", 0, start), text.rfind(". ", 0, start)) + 1
    singled = [m for m in _SINGLED_OUT.finditer(text, clause_start, start)]
    if singled:
        clause_start = singled[-1].start()
    stops = [i for i in (text.find(";", start), text.find(". ", start)) if i != -1]
    clause_end = min(stops) if stops else len(text)
    return _is_aggregate_clause(text[clause_start:clause_end])


# "missing since April", "held since the start of the siege": how long people have been
# gone, not a tally summed over the time.
_STATE_SINCE = re.compile(r"\b(?:missing|unaccounted\s+for|held|captivity|captive|hostage)\s+$", re.IGNORECASE)


# "pupils abducted from their school last month": the month dates one abduction.
_TAKEN_IN = re.compile(r"\b(?:abducted|kidnapped|seized|snatched|taken)\b[^,;.]{0,60}$", re.IGNORECASE)


@lru_cache(maxsize=4096)  # every figure of a clause asks about the same clause ("killed 12 and wounded 30")
def _is_aggregate_clause(clause: str) -> bool:
    return any(not _RANKING.search(clause[:m.start()]) and not _MONTH_BEFORE.search(clause[:m.start()])
               and not _dates_one_event(clause, m)
               and not (m.group(0).lower().startswith("since") and _STATE_SINCE.search(clause[:m.start()]))
               and not (re.fullmatch(r"(?:last|this|past)\s+month", m.group(0), re.IGNORECASE)
                        and _TAKEN_IN.search(clause[:m.start()]))
               for m in _AGGREGATE.finditer(clause))


# "Last year, gunmen killed six worshippers at a mosque in X": a period fronted before the
# clause, whose figure happened at one site, dates a single event; "killed 2,000 across the
# state last year" sums many.
_FRONTED_PERIOD = re.compile(r"\s*(?:last|this|past|previous)\s+(?:year|month)\s*,", re.IGNORECASE)
_ONE_SITE = re.compile(r"\b(?:at|on|in|inside|near)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:mosque|church|chapel|temple|"
                       r"shrine|school|college|university|dormitory|hostel|market|village|camp|bar|hotel|restaurant|"
                       r"checkpoint|wedding|funeral|bus|truck|convoy|hospital|clinic|police\s+post|police\s+station|"
                       r"army\s+base|barracks|farm|mine)\b", re.IGNORECASE)


def _dates_one_event(clause: str, period: re.Match[str]) -> bool:
    if not _FRONTED_PERIOD.match(clause, period.start()) or clause[:period.start()].strip(" \n\"'“”"):
        return False
    return bool(_ONE_SITE.search(clause, period.end()))


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


# A sentence opening on a partitive of people already counted: "Of those arrested, ...", "Of
# the wounded, ...". A figure of the same harm after it is a part of that total; another harm
# ("Of the 40 abducted, 12 escaped") is its own figure.
_OF_THOSE = re.compile(r"\s*[Oo]f[ ]+(?:those|these|the)[ ]+(?:\w+[ ]+){0,2}?(\w+ed|dead|wounded|injured|missing)[ ]*,")


# "..., bringing the number of dead to 24", "raising the toll to eight": the clause before
# adds to a running toll; the toll it reaches is the row (FORMAT: breakdowns are no rows).
_BRINGING = re.compile(r",?\s+(?:bringing|raising|taking|pushing|lifting)\s+the\s+(?:overall\s+|total\s+|official\s+)?"
                       r"(?:death\s+toll|toll|number|total|tally|count)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d[\d,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|"
                     r"hundreds|thousands)\b", re.IGNORECASE)


# "the government raised it to 17 after three wounded passengers died in hospital": the
# figure that raised a toll is a part of the toll it raised.
_RAISED_AFTER = re.compile(r"\b(?:raised|raising|brought|bringing|pushed|took|revised|increased|lifted|rose|climbed)\b"
                           r"[^.;:]{0,40}?\bto\s+\d[\d,]*\s+(?:after|when|as)\s+$", re.IGNORECASE)


def _is_increment(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is the last one before "bringing the toll to N"
    in its clause."""
    stops = [i for i in (text.find(";", end), text.find(". ", end)) if i != -1]
    clause_end = min(stops) if stops else len(text)
    match = _BRINGING.search(text, end, clause_end)
    # "Three more victims of the attack on two minibuses have died, bringing ...": a figure
    # after a preposition describes what the victims were in, not a second harm
    return match is not None and not any(
        not re.search(r"\b(?:on|of|in|at|from|into|aboard)\s+(?:the\s+)?$", text[max(0, f.start() - 12):f.start()])
        for f in _FIGURE.finditer(text, end, match.start()))


def _is_subset(text: str, start: int) -> bool:
    before = text[max(0, start - 16):start].lower().rstrip()
    if before.endswith("among the") and _MEMBER_OF.search(text[max(0, start - 30):start]):
        return False  # "The bride was among the 112 people rescued": one of the whole, which is the figure
    return before.endswith(_SUBSET_BEFORE) or bool(_LISTED_AMONG.search(text[max(0, start - 70):start]))


# "abducting seven people, among them the hamlet chief and his two sons": a figure later in
# the list an "among them" opens is still a part of the total.
_LISTED_AMONG = re.compile(r"\b(?:among\s+them|among\s+whom|including)\s+(?:the|a|an|his|her|their)\s+"
                           r"[^,;:.()\d]{1,40}?\s+and\s+(?:his|her|their|the|its)\s+$", re.IGNORECASE)


_MEMBER_OF = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:also\s+)?among\s+the\s*$", re.IGNORECASE)


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


def _reduced_passive(verb: Token) -> bool:
    """ "47 injured and 112 hostages rescued": a bare participle after its noun, no auxiliary
    and no object, is a passive the parser read as active."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in verb.children)


def _through_total(noun: Token) -> Token:
    """ "A total of 112 hostages were rescued": the clause's subject is the total, and what
    befell it befell the hostages it counts."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("total", "number"):
        return head.head
    return noun


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


def _kind_by_parse(number: Token, char_span: SpacySpan, lexicon: HarmLexicon) -> tuple[CountKind, Token, Token] | None:
    noun = number
    if number.dep_ in ("nummod", "quantmod", "amod", "compound", "det", "npadvmod") and number.head.i > number.i:
        noun = number.head
    elif number.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "oprd", "ROOT", "dep"):
        noun = number
    if noun is not number and noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN", "VERB"):
        noun = noun.head  # "12 Union inmates": the figure counts the inmates
    if noun is number:
        # "hundreds of bodies", "dozens of hostages": a figure read as a noun counts its "of" phrase
        counted = [g for c in number.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
                   and not any(d.dep_ in ("det", "poss") for d in g.children)]
        if counted and counted[0].lemma_.lower() in lexicon.nouns and counted[0].lemma_.lower() not in _TOLL_NOUNS | {"life"}:
            harmed = counted[0]
            if harmed.lemma_.lower() not in ("body", "corpse") or _bodies_found(harmed):
                return lexicon.nouns[harmed.lemma_.lower()], harmed, harmed
        adjective = [g for c in number.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" and g.lower_ in lexicon.adjectives
                     and not any(d.dep_ in ("det", "poss") for d in g.children)]  # "one of the wounded" is a part
        if adjective:  # "dozens of wounded", "hundreds of dead"
            return lexicon.adjectives[adjective[0].lower_], adjective[0], adjective[0]
    lemma = noun.lemma_.lower()
    lower = noun.lower_
    # 1. the counted noun is itself a harm noun: "7 hostages", "52 bodies", "24 dead".
    if noun is not number and (lemma in lexicon.nouns or lower in lexicon.adjectives) and lemma not in ("toll", "death", "life", "casualty"):
        kind = lexicon.nouns.get(lemma) or lexicon.adjectives.get(lower)
        # "325 hostages ... were killed": what befell the hostages is the count's kind;
        # "four hostages managed to escape": what "managed to" introduces.
        subject = _through_total(noun)
        verb = _achieved(subject.head) if subject.dep_ == "nsubj" else subject.head
        # Bodies are dead whatever finds them: "19 bodies were recovered" is no rescue.
        if lemma not in ("body", "corpse") and subject.dep_ in ("nsubjpass", "nsubj") and verb.pos_ == "VERB" \
                and lexicon.verbs.get(verb.lemma_.lower()) \
                not in (None, kind) and (subject.dep_ == "nsubjpass" or verb.lemma_.lower() in _INTRANSITIVE
                                         or _reduced_passive(verb)):
            return lexicon.verbs[verb.lemma_.lower()], verb, noun
        # "soldiers rescued 30 hostages", "killed five hostages": so does an active verb's object
        if lemma not in ("body", "corpse") and noun.dep_ in ("dobj", "obj") and verb.pos_ == "VERB" \
                and verb.lemma_.lower() not in _INTRANSITIVE and lexicon.verbs.get(verb.lemma_.lower()) not in (None, kind) \
                and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return lexicon.verbs[verb.lemma_.lower()], verb, noun
        # "12 detainees killed in a van", "7 hostages freed": a participle after the noun
        # says what then befell them.
        for child in noun.children:
            if child.dep_ in ("acl", "amod") and 0 < child.i - noun.i <= 2 and lemma not in ("body", "corpse"):
                befell = _participle_kind(child, lexicon)
                if befell is not None and befell is not kind:
                    return befell, child, noun
        if lemma not in ("body", "corpse") or _bodies_found(noun):
            return kind, noun, noun
    # "took over 300 people as hostages": the role the people were held in is the harm.
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            role = [g for g in child.children if g.dep_ == "pobj" and g.lemma_.lower() in lexicon.nouns]
            if role and role[0].lemma_.lower() not in _TOLL_NOUNS | {"body", "corpse", "life"}:
                return lexicon.nouns[role[0].lemma_.lower()], role[0], noun
    # 2. a harm participle or adjective right after the noun: "52 killed", "147 dead";
    # after a coordinated noun it qualifies both ("60 boys and young men abducted").
    for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        for child in conj.children:
            if child.i > conj.i and child.dep_ in ("acl", "amod") and child.i - conj.i <= 2:
                kind = _participle_kind(child, lexicon)
                if kind is not None:
                    return kind, child, noun
    for child in noun.children:
        if child.i > noun.i and child.dep_ in ("amod", "acl", "oprd", "advmod", "relcl", "appos", "dep", "conj"):
            kind = _participle_kind(child, lexicon)
            # "four individuals who have been apprehended": a relative clause may hold auxiliaries
            near = child.i - noun.i <= 3 or (child.dep_ == "relcl" and child.i - noun.i <= 5 and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which") for c in child.children))
            # "60 boys and young men abducted": a coordinated noun may stand between
            conjoined = {t.i for c in noun.children if c.dep_ in ("conj", "cc") for t in c.subtree}
            near = near or (child.dep_ == "acl" and all(i in conjoined for i in range(noun.i + 1, child.i)))
            if kind is not None and near:
                return kind, child, noun
    # "20 people with gunshot wounds": the people bear the harm
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "with" and child.i == noun.i + 1:
            borne = [g for g in child.children if g.dep_ == "pobj" and lexicon.nouns.get(g.lemma_.lower()) is CountKind.INJURED
                     or g.dep_ == "pobj" and g.lemma_.lower() == "wound"]
            if borne:
                return CountKind.INJURED, borne[0], noun
    held = _held_by(noun)
    if held is not None:
        return held[0], held[1], noun
    # "61 kidnapped miners have returned": the participle between figure and noun names
    # the harm the figure counts; the clause may tell of a later turn for some of them.
    # But "30 displaced people were killed": what the clause says befell them comes first,
    # unless the figure is the whole a part is taken from ("9 of 61 kidnapped miners ...").
    whole = number.doc[max(0, char_span[0].i - 2):char_span[0].i].text.lower().endswith(("of", "of the"))
    predicate = noun.head
    befell = None
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and predicate.pos_ == "VERB" and predicate.lemma_.lower() in lexicon.verbs and (
            noun.dep_ == "nsubjpass" or predicate.lemma_.lower() in _INTRANSITIVE
            or (noun.dep_ == "dobj" and predicate.lemma_.lower() not in _INTRANSITIVE)):
        befell = lexicon.verbs[predicate.lemma_.lower()]  # "killing 44 displaced civilians"
    for child in noun.children:
        if child.dep_ == "amod" and number.i < child.i < noun.i and (child.tag_ in ("VBN", "VBD") or child.lower_.endswith("ed")):
            kind = _participle_kind(child, lexicon) or _participle_kind_of_word(child.lower_, lexicon)
            if kind is not None and (befell is None or whole):
                return kind, child, noun
    nxt = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.tag_ in ("VBN", "JJ") and _participle_kind(nxt, lexicon) is not None:
        return _participle_kind(nxt, lexicon), nxt, noun
    # 3. the governing verb: subject of a passive (or intransitive) harm verb, object of an active one.
    head, dep = noun.head, noun.dep_
    hops = 0
    while dep == "conj" and head is not head.head and hops < 4:  # "52 killed and 7 hostages"
        head, dep = head.head, head.dep_
        hops += 1
    if dep == "nsubj":
        head = _achieved(head)  # "some 600 residents managed to flee"
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "life" \
            and head.head.head.lemma_.lower() in _LIFE_VERBS:
        return CountKind.KILLED, head.head, noun  # "claimed the lives of 12 villagers"
    if dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        # "the deaths of 50 members", "the abduction of seven students"
        owner = head.head
        owner_kind = lexicon.nouns.get(owner.lemma_.lower()) or _nominal_kind(owner, lexicon) \
            or _DOER_NOUNS.get(owner.lemma_.lower())
        # "the bodies of 14 people were found": bodies someone finds are a toll (_bodies_found);
        # so are "the remains of 96 people" someone recovers or exhumes
        if owner.lower_ == "remains" and _bodies_found(owner):
            return CountKind.KILLED, owner, noun
        if owner_kind is not None and owner.lemma_.lower() not in ("toll", "life") and (
                owner.lemma_.lower() not in ("body", "corpse") or _bodies_found(owner)):
            return owner_kind, owner, noun
    if dep == "pobj" and head.lower_ == "to" and head.i > 0 and any(
            owner.lemma_.lower() in ("injury", "wound", "harm") for owner in (head.head, head.doc[head.i - 1])):
        # "injuries to at least 52 others": the injuries befell them (the parser may hang "to"
        # on the verb, but the noun right before it still says what befell them)
        return CountKind.INJURED, head.head, noun
    if dep == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NUM", "NOUN", "PRON"):
        # "two of the gunmen were killed": the partitive governs.
        carrier = head.head
        head, dep = carrier.head, carrier.dep_
    if dep in ("dobj", "obj", "nsubjpass") and _led_off(head, noun):
        # "marched 30 pupils into the forest", "three were led away by the attackers"
        return CountKind.ABDUCTED, head, noun
    if dep == "pobj" and head.lower_ in ("off", "away") and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in CARRY_OFF:
        return CountKind.ABDUCTED, head.head, noun  # "carried off 40 villagers", parsed with "off" a preposition
    if dep == "pobj" and head.lower_ == "with" and makes_off_with(head.head):
        return CountKind.ABDUCTED, head.head, noun  # "made off with 14 travellers"
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in ("take", "hold") and any(
            c.lower_ in ("hostage", "hostages", "captive", "captives") for c in head.children):
        return CountKind.ABDUCTED, head, noun
    if head.lemma_.lower() == "take" and head.tag_ == "VBN" and dep == "nsubjpass" and not any(
            c.dep_ in ("prep", "oprd", "xcomp", "dative") and c.lower_ not in ("from", "by", "during", "in", "on", "at")
            or c.dep_ == "prt" and c.lower_ != "away" for c in head.children):
        return CountKind.ABDUCTED, head, noun  # "30 pupils were taken (away, from the school)": abducted
    if noun is not number and noun.lemma_.lower() in ("death", "fatality") and dep == "pobj" \
            and head.lower_ in ("of", "about") and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in load_reporting_verbs() | {"speak", "talk", "write", "hear"}:
        # "the embassy spoke of six deaths", "residents told of 12 deaths": deaths spoken of (the
        # noun anchors the claimant search, which then finds who spoke)
        return CountKind.KILLED, noun, noun
    if dep in ("dobj", "obj") and head.lemma_.lower() == "lose" and noun.lemma_.lower() in _LOST_PEOPLE \
            and not _is_negated_or_hypothetical(head):
        # "the army lost four men", "she lost two sons in the attack": they were killed
        return CountKind.KILLED, head, noun
    if dep == "nsubj" and head.lemma_.lower() == "lose" and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "life" for c in head.children):
        # "Two of our gallant soldiers lost their lives": whatever stands between the figure
        # and the verb, those who lose their lives are killed
        return CountKind.KILLED, head, noun
    if dep == "nsubjpass" and head.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
            for verb in (head, *head.conjuncts) for c in verb.children):
        # "12 villagers were shot or hacked to death": "to death" says what the blows did,
        # whichever of the conjoined verbs holds it.
        return CountKind.KILLED, head, noun
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        verb_kind = lexicon.verbs.get(head.lemma_.lower()) or lexicon.adjectives.get(head.lower_)
        if lemma == "life" and head.lemma_.lower() in _LIFE_VERBS:
            return CountKind.KILLED, noun, noun
        if verb_kind is not None and lemma != "life":
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) or dep == "nsubjpass"
            # "have been missing since April": the tagger may take the adjective for a verb
            # form ("missing", VBG); the adjective, not the verb "miss", is the harm
            adjective = head.pos_ == "ADJ" or head.tag_ == "VBG" and head.lower_ in lexicon.adjectives
            # "seven dead and eleven wounded": a bare figure before a harm verb with no object
            # and no auxiliary is a participle the tagger read as a past tense.
            bare_figure = dep == "nsubj" and noun is number and head.tag_ in ("VBD", "VBN") and not any(
                c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "aux", "dative", "agent") for c in head.children)
            if dep == "nsubjpass" or (dep == "nsubj" and (passive or bare_figure or head.lemma_.lower() in _INTRANSITIVE
                                                          or adjective)):
                return verb_kind, head, noun
            if dep in ("dobj", "obj", "attr", "oprd") and head.lemma_.lower() not in _INTRANSITIVE:
                return verb_kind, head, noun
        # "were shot dead", "were found dead": the predicate adjective carries the harm.
        if dep in ("nsubjpass", "nsubj", "dobj"):
            for child in head.children:
                if child.dep_ in ("oprd", "acomp", "xcomp") and child.lower_ in lexicon.adjectives:
                    return lexicon.adjectives[child.lower_], head, noun
        # "shooting dead nine civilians": the parser hangs the verb's resulting state on its
        # object, but the word right after the verb still says what the shots did.
        if dep in ("dobj", "obj") and head.i + 1 < noun.i and head.pos_ == "VERB":
            after = head.doc[head.i + 1]
            if after.lower_ in _RESULTATIVE and after.head.i in (head.i, noun.i):
                return lexicon.adjectives.get(after.lower_, CountKind.KILLED), head, noun
        # "hacked 12 villagers to death", "beat two men to death": whatever the verb, "to death"
        # says its object was killed.
        if dep in ("dobj", "obj") and head.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                for c in (*head.children, *noun.children)):
            return CountKind.KILLED, head, noun
        # "took seven hostages" is caught by rule 1; "left 52 killed, 7 hostages" below.
        if head.lemma_.lower() in ("force", "drive") and dep == "dobj" and any(
                (c.dep_ == "prep" and c.lower_ in ("from", "out")) or (c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "away"))
                or (c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in ("flee", "leave", "abandon")) for c in head.children):
            return CountKind.DISPLACED, head, noun  # "forced thousands from their homes", "drove 500 to flee"
        if head.lemma_.lower() == "leave" and dep == "dobj":
            # "left 23 people, including four reporters, dead": the predicate comes after an aside
            for child in head.subtree:
                if child.i > noun.i + 1 and child.lower_ in lexicon.adjectives and child.nbor(-1).text == "," \
                        and child.dep_ in ("advcl", "oprd", "acomp", "xcomp", "ccomp", "amod"):
                    return lexicon.adjectives[child.lower_], head, noun
        if head.lemma_.lower() == "leave" and dep in ("dobj", "nsubj", "ccomp"):
            for child in noun.children:
                kind = _participle_kind(child, lexicon)
                if kind is not None:
                    return kind, child, noun
    # 4. tolls: "death toll of 52", "putting the dead at 150", "the toll rose to 46".
    if dep in ("pobj", "attr", "dobj", "npadvmod", "nummod") or number.dep_ == "pobj":
        anchor = head if head.pos_ != "ADP" else head.head
        hops = 0
        while (anchor.pos_ in ("ADP", "NUM") or anchor.dep_ == "acomp") and anchor is not anchor.head and hops < 3:
            anchor = anchor.head  # "had risen from four to eleven": "to nine" hangs on "three"
            hops += 1
        if _mentions_toll(anchor):
            toll = [c for c in anchor.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_.lower() in _TOLL_NOUNS
                    and any(g.dep_ == "acl" and g.tag_ == "VBN" for g in c.children)]
            # "described the 900 deaths reported across several media": the toll noun and its
            # reporting participle, not the describing verb, say whose figure it is.
            return CountKind.KILLED, (toll[0] if toll else anchor), noun
        tally = _tally_kind(anchor, lexicon) if anchor.pos_ in ("VERB", "AUX") else None
        if tally is not None:
            return tally, anchor, noun
    return None


# Who holds people they took: "held by the kidnappers" (not "held by police", an arrest).
_CAPTOR_WORDS = frozenset({"kidnappers", "abductors", "captors", "gunmen", "bandits", "militants", "hostage-takers",
                           "jihadists", "insurgents", "rebels", "attackers", "assailants", "pirates", "terrorists",
                           "militiamen", "gang", "group", "fighters"})


def _held_by(noun: Token) -> tuple[CountKind, Token] | None:
    """ "80 miners still in the group's custody", "hostages in the hands of the gang": people
    someone other than the state holds are missing; "in custody" alone is an arrest (read
    on the words, as the parser often hangs the "in" on the verb)."""
    doc = noun.doc
    i = noun.i + 1
    while i < len(doc) and doc[i].lower_ in ("still", "now", "currently", "remaining", "believed", "thought", "to", "be",
                                              "are", "is", "were", "was", "remain", "remains", "remained", "being", "held"):
        i += 1
    if i < len(doc) and doc[i].lower_ == "by" and doc[i - 1].lower_ == "held":
        # "twelve passengers are being held by the kidnappers": still held, so missing
        for j in range(i + 1, min(len(doc), i + 4)):
            if doc[j].lower_ in _CAPTOR_WORDS:
                return CountKind.MISSING, doc[j]
        return None
    if i >= len(doc) or doc[i].lower_ != "in":
        return None
    for j in range(i + 1, min(len(doc), i + 7)):
        lemma = doc[j].lemma_.lower()
        if lemma in ("custody", "captivity", "hand") and doc[j].pos_ == "NOUN":
            between = doc[i + 1:j]
            owned = any(t.dep_ == "poss" or t.tag_ == "POS" for t in between) or doc[j].lower_ == "hands"
            if lemma == "captivity" or owned:
                return CountKind.MISSING, doc[j]
            return (CountKind.ARRESTED, doc[j]) if lemma == "custody" else None
        if doc[j].is_punct or doc[j].pos_ in ("VERB", "ADP"):
            return None
    return None


# Nominalisations of harm verbs: "the killing of", "the abduction of", "the kidnapping of".
_NOMINALS = {"killing": "kill", "murder": "murder", "massacre": "massacre", "execution": "execute",
             "abduction": "abduct", "kidnapping": "kidnap", "arrest": "arrest", "detention": "detain",
             "injury": "injure", "wounding": "wound", "displacement": "displace", "rescue": "rescue",
             "release": "release", "disappearance": "disappear"}


# Doers named by what they did to the people of their "of" phrase: "the killers of 11
# farmers", "the kidnappers of 43 pupils".
_DOER_NOUNS = {"killer": CountKind.KILLED, "murderer": CountKind.KILLED, "assassin": CountKind.KILLED,
               "kidnapper": CountKind.ABDUCTED, "abductor": CountKind.ABDUCTED, "captor": CountKind.ABDUCTED}


def _nominal_kind(token: Token, lexicon: HarmLexicon) -> CountKind | None:
    verb = _NOMINALS.get(token.lemma_.lower())
    if verb == "disappear":
        return CountKind.MISSING
    return lexicon.verbs.get(verb) if verb else None


# Bodies are a toll only when someone finds, sees or counts them ("had seen 52 bodies"),
# not when the text speaks of paperwork about them ("reports for the 173 bodies").
_BODY_VERBS = frozenset({"see", "find", "recover", "count", "discover", "retrieve", "exhume", "identify", "pull",
                         "remain", "strew", "scatter", "pile", "line", "float",
                         "lie", "bring", "collect", "bury", "receive", "dump", "litter"})


def _bodies_found(noun: Token) -> bool:
    head = noun.head
    hops = 0
    while head.pos_ not in ("VERB", "AUX") and head is not head.head and hops < 3:
        head = head.head
        hops += 1
    return head.lemma_.lower() in _BODY_VERBS


def _mentions_toll(token: Token) -> bool:
    if token.lemma_.lower() in _TOLL_NOUNS or token.lower_ in _TOLL_NOUNS:
        return True
    if token.lemma_.lower() in _TOLL_VERBS or token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            if child.dep_ in ("nsubj", "dobj", "nsubjpass", "attr") and (child.lemma_.lower() in _TOLL_NOUNS or child.lower_ in _TOLL_NOUNS):
                return True
    return False


# Nouns that state a figure of what their "of" phrase names: "the number of nurses killed",
# "the total of those treated in clinics".
_TALLY_NOUNS = frozenset({"number", "figure", "total", "tally", "count"})


def _tally_kind(token: Token, lexicon: HarmLexicon) -> CountKind | None:
    """The kind of a tally that ``token`` (a verb: "has risen to", "stands at", "has not
    exceeded") states of its subject: "the number of people who lost their lives"."""
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in _TALLY_NOUNS:
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in child.children):
                return _harm_in([t for t in child.subtree if t.i > child.i], lexicon)
            if child.dep_ == "dobj" and token.lemma_.lower() in _TOLL_VERBS and token.dep_ == "conj":
                # "said that 19 students had died, and a week later put the final figure at 21":
                # a bare figure put by a verb joined to a clause of harm is a figure of that harm
                return _harm_in([t for t in token.sent if t.i < token.i], lexicon)
            if child.dep_ == "nsubj" and token.lemma_.lower() in _TOLL_VERBS and any(
                    d.dep_ == "det" and d.lower_ == "the" for d in child.children) and len(list(child.children)) == 1:
                # "at least 21 people were killed; leaders said the number could be close to 30": the
                # bare number the sentence goes on to give is of the harm it told before
                return _harm_in([t for t in token.sent if t.i < child.i], lexicon)
            if child.dep_ == "dobj" and token.lemma_.lower() in ("bring", "raise", "take", "push", "lift") \
                    and token.dep_ in ("advcl", "conj", "xcomp"):
                # "One more victim died, bringing the official total to 18": the total is of that harm
                return _harm_in([t for t in token.sent if t.i < token.i], lexicon)
    if token.lemma_.lower() in _TOLL_VERBS:
        # The parser sometimes takes a participle inside the subject for the main verb ("As of
        # today, the number of students confirmed dead stands at 21" parses "confirmed" as the
        # root): read the words, "the number of <harmed> <toll verb>", in the same sentence.
        words = [t for t in token.sent if t.i < token.i]
        for at, word in enumerate(words[:-1]):
            if word.lemma_.lower() in _TALLY_NOUNS and words[at + 1].lower_ == "of" and at and words[at - 1].lower_ == "the":
                return _harm_in(words[at + 2 :], lexicon)
    return None


def _harm_in(tokens: list[Token], lexicon: HarmLexicon) -> CountKind | None:
    """The first harm the words name: a phrase of harm.tsv, a harm verb, adjective or noun."""
    text = " ".join(t.lower_ for t in tokens)
    for phrase, kind in lexicon.phrases.items():
        if f" {phrase} " in f" {text} ":
            return kind
    for token in tokens:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.verbs:
            return lexicon.verbs[token.lemma_.lower()]
        if token.lower_ == "taken" and not any(c.lower_ == "to" for c in token.children):
            return CountKind.ABDUCTED  # "the number of miners taken from the pit"
        if token.lower_ in lexicon.adjectives:
            return lexicon.adjectives[token.lower_]
        if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.nouns and token.lemma_.lower() not in ("life", "body"):
            return lexicon.nouns[token.lemma_.lower()]
    return None


def _participle_kind(token: Token, lexicon: HarmLexicon) -> CountKind | None:
    if token.lower_ in lexicon.adjectives:
        return lexicon.adjectives[token.lower_]
    if token.tag_ in ("VBN", "VBD") and token.lemma_.lower() in lexicon.verbs:
        return lexicon.verbs[token.lemma_.lower()]
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


def _is_negated_or_hypothetical(token: Token, inside: set[int] = frozenset()) -> bool:
    lexicon = load_harm_lexicon()
    for child in token.children:
        if child.dep_ == "neg" and child.i not in inside:
            return True
        if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL:
            # "could have killed" is hypothetical; "could go higher" has no harm verb here.
            if any(c.lower_ == "have" for c in token.children):
                return True
            # "the remaining 40 might be released", "200 could be displaced": what a harm
            # verb under a modal states has not happened.
            if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.verbs \
                    and any(c.dep_ == "auxpass" for c in token.children):
                return True
        if child.dep_ == "aux" and child.lower_ == "to" and token.pos_ == "VERB" \
                and token.head.lemma_.lower() in _INTENT and token.lemma_.lower() in lexicon.verbs:
            return True  # "efforts to free the 80 miners", "vowed to kill 100": not (yet) done
        if child.dep_ == "det" and child.lower_ == "no":
            return True
    return False


def _victim_phrase(noun: Token, char_span: SpacySpan) -> str:
    tokens = [t for t in noun.subtree if t.i >= char_span[-1].i + 1 and t.i <= noun.i] or [noun]
    tokens = [t for t in tokens if not t.is_punct]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return doc_text(noun.doc)[start:end]


_ADDITIVE = re.compile(r"\b(?:on\s+top\s+of|in\s+addition\s+to|excluding|not\s+including|as\s+well\s+as|besides|"
                       r"plus)\s+(?:the\s+|another\s+|a\s+further\s+)?$"
                       # an infobox's "Deaths31 (+2 perpetrators)"
                       r"|\(\s*\+\s*$", re.IGNORECASE)


def share_claimant(candidates: list[CountCandidate], sent: SpacySpan, *, offset: int) -> list[CountCandidate]:
    """ "the raid that left 30 people dead and 37 wounded": figures joined by "and" within a
    few words are one statement, so the later one is attributed as the first (the parser
    often hangs the second on the sentence's main verb)."""
    ordered = sorted(candidates, key=lambda c: c.span.start)
    out = ordered[:1]
    for before, after in zip(ordered, ordered[1:]):
        between = span_text(sent)[before.span.end - offset:after.span.start - offset]
        if re.fullmatch(r"\s+(?:[a-z]+\s+){0,2}and\s+", between) and before.kind is not after.kind:
            after = CountCandidate(kind=after.kind, min=after.min, max=after.max, span=after.span, token=before.token,
                                   victims=after.victims, quantity_text=after.quantity_text, also=after.also)
        out.append(after)
    return out


# A later time right after a bare figure: "and 14 that afternoon", "and 20 the next day".
_LATER_AFTER = re.compile(
    r"\s+(?:(?:that|this|the\s+(?:next|following))\s+(?:morning|afternoon|evening|night|day)|later\b|"
    r"(?:by|on)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|evening|afternoon|"
    r"nightfall|night|midday|noon)\b|(?:a|one|two|three)\s+days?\s+later\b)"
)


def inherit_from_list(quantity: Quantity, sent: SpacySpan, *, offset: int,
                      classified: list[CountCandidate]) -> CountCandidate | None:
    """A bare figure coordinated with a classified one takes its kind ("9 dead, 4 in X")."""
    if quantity.min is None and quantity.max is None or not classified or quantity.one_person:
        return None  # one person is a count only by its own harm word
    char_span = sent.doc.char_span(quantity.span.start - offset, quantity.span.end - offset, alignment_mode="expand")
    if char_span is None or len(char_span) == 0:
        return None
    number = char_span[-1]
    text = span_text(sent)
    if quantity.maybe_age or re.match(r"\s+of\s+(?:them|whom|those|these|the)\b", text[quantity.span.end - offset:]):
        return None  # "Ivo Marr, 19," is an age; "one of them a farmer" is a part
    things = re.match(r"\s+(?:head\s+)?of\s+(?:(?:their|the|its|his|her)\s+)?([a-z]+)", text[quantity.span.end - offset:])
    if things and (things.group(1) in _NOT_PEOPLE or things.group(1).rstrip("s") in _NOT_PEOPLE):
        return None  # "kill 11 ..., drive off thousands of cattle": a list's next figure counts animals
    if any(c.dep_ == "relcl" for c in number.children):
        return None  # "9 returned – two who ran from a truck and 7 who slipped away": a breakdown
    # "19 bodies on Friday, on top of 12 found on Thursday", "71 (excluding 6 attackers)":
    # a figure added to a classified one is more of the same harm, not a part of it.
    before = [c for c in classified if c.span.start < quantity.span.start]
    if before and _ADDITIVE.search(text[max(0, quantity.span.start - offset - 24):quantity.span.start - offset]):
        other = max(before, key=lambda c: c.span.start)
        return CountCandidate(kind=other.kind, min=quantity.min, max=quantity.max, span=quantity.span,
                              token=number, victims=None, quantity_text=quantity.text)
    # "a toll of 9 dead on the morning of 13 September and 14 that afternoon": a bare figure
    # joined to a classified one and dated later is the same toll, grown.
    if before and re.search(r"\b(?:and|then)\s+(?:to\s+)?$", text[:quantity.span.start - offset]) \
            and _LATER_AFTER.match(text, quantity.span.end - offset):
        other = max(before, key=lambda c: c.span.start)
        return CountCandidate(kind=other.kind, min=quantity.min, max=quantity.max, span=quantity.span,
                              token=other.token, victims=other.victims, quantity_text=quantity.text)
    if number.dep_ not in ("conj", "appos", "npadvmod", "dep", "dobj", "nsubj") or _is_subset(text, quantity.span.start - offset):
        return None
    # "One source said there were 61 dead and another said 70": a bare figure a reporting
    # verb states, after a classified one, gives the same kind of toll.
    if number.dep_ == "dobj" and number.head.lemma_.lower() in load_reporting_verbs():
        before = [c for c in classified if c.span.start < quantity.span.start]
        if before:
            other = max(before, key=lambda c: c.span.start)
            return CountCandidate(kind=other.kind, min=quantity.min, max=quantity.max, span=quantity.span,
                                  token=number.head, victims=other.victims, quantity_text=quantity.text)
    for other in classified:
        other_span = sent.doc.char_span(other.span.start - offset, other.span.end - offset, alignment_mode="expand")
        if other_span is None:
            continue
        # "left 30 dead, 12 in Tarrow and 9 in Osk": the later figures hang on the verb
        # that governs the classified one's harm word.
        other_tokens = {t.i for t in other_span} | {other_span[-1].head.i} | (
            {other.token.head.i} if other.token.dep_ in ("oprd", "acomp", "xcomp") else set())
        current, hops = number, 0
        while current.head is not current and hops < 3:
            if current.dep_ not in ("conj", "appos", "npadvmod", "dep", "dobj", "nsubj", "punct"):
                break
            current = current.head
            hops += 1
            if current.i in other_tokens:
                return CountCandidate(kind=other.kind, min=quantity.min, max=quantity.max, span=quantity.span,
                                      token=other.token, victims=other.victims, quantity_text=quantity.text)
    return None


def without_breakdowns(found: list[tuple[int, Count]]) -> list[tuple[int, Count]]:
    """Drop the parts of a total that the next sentences break it into: "31 pupils have been
    found safe. Twelve of them escaped; nineteen were freed" gives one row, 31 (FORMAT: a
    breakdown of a stated total is no row). Parts are exact figures of the same kind and
    claimant, in the total's sentence or the two after it, that add up to it exactly."""
    dropped: set[int] = set()
    for at, (index, total) in enumerate(found):
        if total.min is None or total.min != total.max or at in dropped:
            continue
        parts = [p for p, (i, c) in enumerate(found) if p > at and index <= i <= index + 2 and p not in dropped
                 and c.kind is total.kind and c.claimant.name == total.claimant.name and c.min is not None
                 and c.min == c.max and c.min < total.min and c.span.start > total.span.end]
        if len(parts) >= 2 and sum(found[p][1].min for p in parts) == total.min:
            dropped.update(parts)
    return [item for p, item in enumerate(found) if p not in dropped]
