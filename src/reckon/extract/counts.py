"""Counts of harmed people: which number phrases are tolls, of what kind, about whom.

A number becomes a count only when the dependency parse ties it to a harm word of
``data/harm.tsv``: the noun it counts is harmed ("7 hostages", "52 bodies"), is the subject
of a passive harm verb ("627 were killed") or the object of an active one ("killed
fifty-two"), carries a harm participle ("52 killed", "147 dead"), or is the value of a death
toll ("putting the dead at 150", "the toll rose to 46"). A short word window backs the parse
up where the small model mis-attaches a headline. Negated and hypothetical clauses, subsets
("including six women", "259 of them children") and the harm *doers* ("five gunmen killed")
are refused.

This module is the entry point ``run`` calls: ``classify_quantity`` tries the readers in
order and builds the candidate, then ``inherit_from_list``, ``share_claimant`` and
``without_breakdowns`` work on the candidates of a sentence or document. The readers live
beside it, one idea each: ``harm_parse`` (the kind of harm on the dependency parse and the
harm-word tests), ``harm_phrases`` (fallback readers on the words around a figure) and
``count_scope`` (tallies over time or events, subsets and increments of a total).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reckon.extract.count_scope import (
    _BREAKDOWN, _OF_THOSE, _RAISED_AFTER, _SEX_AGE, _is_aggregate, _is_increment, _is_rejected, _is_subset,
)
from reckon.extract.doc_text import doc_text, span_text
from reckon.extract.harm_parse import (
    _is_negated_or_hypothetical, _kind_by_parse, _participle_kind_of_word,
)
from reckon.extract.harm_phrases import (
    _COLLECTIVE_BEFORE, _NOT_PEOPLE, _ORDINAL, _QUANTITY_WORDS, _captive_group,
    _conjoined_kinds, _described_dead, _first_alternative, _freed_later, _freed_object, _got_away, _held_as,
    _identifies, _kind_after_aside, _kind_by_label, _kind_by_listing, _kind_by_naming,
    _kind_by_loss, _kind_by_phrase, _kind_by_relative_death, _kind_by_pronoun, _kind_by_toll_pronoun, _kind_by_whereabouts,
    _kind_by_window, _one_person_harmed, _ordinal_predicate, _partitive_kind,
    _predicate_after_participle,
)
from reckon.extract.lexicon import load_harm_lexicon, load_reporting_verbs
from reckon.model import Count, CountKind, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from reckon.extract.numbers import Quantity


__all__ = ["CountCandidate", "classify_quantity", "inherit_from_list", "share_claimant", "without_breakdowns",
           "without_custody_releases", "without_partitives"]


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
    inside_span = {t.i for t in char_span}
    while quantity.min == quantity.max and number.dep_ in ("conj", "cc") and number.head.i in inside_span \
            and number.head.i != number.i:
        # "one hundred and twelve (112) suspects": a number written in words is parsed as a
        # coordination; its first part is the one that counts the noun
        number = number.head
    text = span_text(sent)  # read by most tests below: joined once
    if _is_subset(text, quantity.span.start - offset) or _is_aggregate(text, quantity.span.start - offset) \
            or _is_rejected(text, quantity.span.start - offset) \
            or _KIN_OF_ONE.search(text[max(0, quantity.span.start - offset - 30):quantity.span.start - offset]):
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
    if _MET_BEFORE.search(text[max(0, start - 40):start]):
        return None  # "which interviewed 22 survivors": the people a researcher spoke to, not a toll
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
            or _kind_by_toll_pronoun(number, lexicon) \
            or _kind_by_loss(text, start, quantity.span.end - offset, number) \
            or (_kind_by_relative_death(text, quantity.span.end - offset, number, sent) if quantity.one_person else None)
    if found is None:
        return None
    kind, anchor, noun = found
    kind = _first_alternative(anchor, kind, lexicon)
    at = anchor.idx - sent.start_char
    if _CHARGE_BEFORE.search(text[max(0, at - 40):at]) or anchor.lemma_.lower() in _CHARGE_VERBS:
        return None  # "Four men were charged with murder": a charge, not a toll (FORMAT)
    if kind is CountKind.SURVIVED and anchor.lemma_.lower() in ("release", "free") and (
            _FROM_CUSTODY.match(text, at + len(anchor.text))
            or _DETAINED.search(text) and not _TAKEN.search(text)):
        return None  # "23 were detained ...; 19 of them were released without charge": out of custody, not saved
    if kind is CountKind.SURVIVED and anchor.i == noun.i and noun.dep_ == "nsubj" \
            and noun.head.lemma_.lower() in ("tell", "say"):
        return None  # "Two survivors told OCDH they recognised ...": witnesses a report quotes, not a count
    freed = _freed_object(noun, lexicon) if kind is CountKind.ABDUCTED else None
    if freed is not None:
        kind, anchor = CountKind.SURVIVED, freed  # "troops freed eleven citizens held hostage"
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
    if quantity.the_attacker and kind is not CountKind.ARRESTED:
        return None  # "the gunman was shot dead": no figure stated; "the suspect was arrested": one arrest
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


# Words before a harm word that make it a charge: "charged with murder", "convicted of kidnapping".
_CHARGE_BEFORE = re.compile(r"\b(?:charged|convicted|accused|suspected|guilty|acquitted|indicted|sentenced|"
                            r"counts?|charges?)\s+(?:(?:later|formally|jointly|also|each|all|then|both)\s+)?(?:with|of|for)\s+"
                            r"(?:the\s+)?$", re.IGNORECASE)
# Verbs of reaching people for research: who was interviewed is a sample, not a count of harm.
_MET_BEFORE = re.compile(r"\b(?:interviewed|interviewing|spoke\s+(?:to|with)|speaking\s+(?:to|with)|talked\s+(?:to|with)|"
                         r"met(?:\s+with)?|surveyed|consulted|contacted)\s+(?:(?:more\s+than|over|at\s+least|some|about|"
                         r"nearly|almost)\s+)?$", re.IGNORECASE)
# "the mother of one missing 17-year-old told us": who a speaker is, not a count.
# ("killed a family of six": an indefinite family "of" a number is its size, the people harmed)
_KIN_OF_ONE = re.compile(r"\b(?:mother|father|parents?|brother|sister|son|daughter|wife|husband|widow|uncle|aunt|"
                         r"cousin|grandmother|grandfather|relatives?|(?<!\ba[ ])family|friend|neighbou?r)\s+of\s+$",
                         re.IGNORECASE)
# Verbs of a court or prosecutor: "four men were charged with murder" is no toll, whatever the charge.
_CHARGE_VERBS = frozenset({"charge", "convict", "indict", "sentence", "prosecute", "acquit"})
# Release from custody, not from captors: "released without charge", "freed on bail".
_FROM_CUSTODY = re.compile(r"\s+(?:\w+\s+)?(?:without\s+charges?|on\s+bail|from\s+(?:police\s+)?(?:custody|detention|"
                           r"prison|jail))\b", re.IGNORECASE)
_DETAINED = re.compile(r"\b(?:detained|arrested|in\s+custody|detention|detainees)\b", re.IGNORECASE)
_TAKEN = re.compile(r"\b(?:abduct\w*|kidnap\w*|hostages?|captives?|captors?|seized)\b", re.IGNORECASE)


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


_RAISED_TO = re.compile(r"(?:,|\band|\bthen|\blater)\s+(?:\w+\s+)?(?:raised|revised|increased|updated|lifted|rising|rose|"
                        r"climbing|climbed)\s+(?:\w+\s+)?to\s+$"
                        # "has risen to 31, the agency said, up from 24 a day earlier": the earlier toll
                        r"|,\s+(?:up|down)\s+from\s+(?:an?\s+(?:earlier|previous|initial)\s+(?:toll|figure|count)\s+of\s+)?$",
                        re.IGNORECASE)
# A later time right after a bare figure: "and 14 that afternoon", "and 20 the next day".
_LATER_AFTER = re.compile(
    r"\s+(?:(?:that|this|the\s+(?:next|following))\s+(?:morning|afternoon|evening|night|day)|later\b|"
    r"(?:by|on)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|evening|afternoon|"
    r"nightfall|night|midday|noon)\b|(?:a|one|two|three)\s+days?\s+later\b)"
)


def inherit_from_list(quantity: Quantity, sent: SpacySpan, *, offset: int,
                      classified: list[CountCandidate]) -> CountCandidate | None:
    """A bare figure coordinated with a classified one takes its kind ("9 dead, 4 in X")."""
    if quantity.min is None and quantity.max is None or not classified:
        return None
    if quantity.one_person:
        # one person is a count only by its own harm word, or added to a classified figure
        # ("12 people were injured, plus a police constable who was shot in the leg")
        text = span_text(sent)
        before = [c for c in classified if c.span.start < quantity.span.start]
        if before and _ADDITIVE.search(text[max(0, quantity.span.start - offset - 24):quantity.span.start - offset]):
            other = max(before, key=lambda c: c.span.start)
            return CountCandidate(kind=other.kind, min=1, max=1, span=quantity.span, token=other.token,
                                  victims=None, quantity_text=quantity.text)
        return None
    char_span = sent.doc.char_span(quantity.span.start - offset, quantity.span.end - offset, alignment_mode="expand")
    if char_span is None or len(char_span) == 0:
        return None
    number = char_span[-1]
    text = span_text(sent)
    if quantity.maybe_age or re.match(r"\s+of\s+(?:them|whom|those|these|the)\b", text[quantity.span.end - offset:]) \
            or _is_rejected(text, quantity.span.start - offset):
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
    # "an initial toll of seven dead, raised to nine by the morning": the raised toll is the same
    # kind of toll, from the same source.
    if before and _RAISED_TO.search(text[max(0, quantity.span.start - offset - 40):quantity.span.start - offset]):
        other = max(before, key=lambda c: c.span.start)
        return CountCandidate(kind=other.kind, min=quantity.min, max=quantity.max, span=quantity.span,
                              token=other.token, victims=other.victims, quantity_text=quantity.text)
    # "a toll of 9 dead on the morning of 13 September and 14 that afternoon": a bare figure
    # joined to a classified one and dated later is the same toll, grown.
    if before and re.search(r"\b(?:and|then)\s+(?:to\s+)?$", text[:quantity.span.start - offset]) \
            and _LATER_AFTER.match(text, quantity.span.end - offset):
        other = max(before, key=lambda c: c.span.start)
        return CountCandidate(kind=other.kind, min=quantity.min, max=quantity.max, span=quantity.span,
                              token=other.token, victims=other.victims, quantity_text=quantity.text)
    shared = _shared_predicate(number, sent, offset, classified)
    if shared is not None and not _is_subset(text, quantity.span.start - offset):
        return CountCandidate(kind=shared.kind, min=quantity.min, max=quantity.max, span=quantity.span,
                              token=shared.token, victims=None, quantity_text=quantity.text)
    if number.dep_ not in ("conj", "appos", "npadvmod", "dep", "dobj", "nsubj") or _is_subset(text, quantity.span.start - offset):
        return None
    # "One source said there were 61 dead and another said 70": a bare figure a reporting
    # verb states, after a classified one, gives the same kind of toll.
    # ("while residents said 15": the parser may take the bare figure for an adverbial)
    if number.dep_ in ("dobj", "npadvmod") and number.head.lemma_.lower() in load_reporting_verbs():
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


# "Eleven inmates and seven": a group's noun (no participle) and the next group's figure
_GROUPS_JOINED = re.compile(r"[ ]+(?:(?![a-z]+ed\b)[a-z-]+[ ]+){1,3}and[ ]+")


def _shared_predicate(number: Token, sent: SpacySpan, offset: int,
                      classified: list[CountCandidate]) -> CountCandidate | None:
    """ "Eleven inmates and seven police personnel were taken to hospital": two groups joined as
    the subject of one predicate share its harm; the first group's figure takes the kind the
    second's was read with (not "three men and one woman", one group told by sex)."""
    text = span_text(sent)
    end = number.idx + len(number.text) - sent.start_char
    for other in classified:
        # (the parse may miss the pair at a sentence's start: "Eleven inmates and seven police personnel were")
        gap = _GROUPS_JOINED.fullmatch(text, end, other.span.start - offset) if other.span.start - offset > end else None
        if gap is not None and not ({w.lower() for w in gap.group(0).split()} & _SEX_AGE):
            return other
    noun = number.head
    if number.dep_ != "nummod" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.lemma_.lower() in _SEX_AGE:
        return None
    for other in classified:
        other_span = sent.doc.char_span(other.span.start - offset, other.span.end - offset, alignment_mode="expand")
        if other_span is None or other_span[-1].dep_ != "nummod":
            continue
        partner = other_span[-1].head
        if partner.i > noun.i and partner in noun.conjuncts and partner.lemma_.lower() not in _SEX_AGE:
            return other
    return None


_PARTITIVE_OF = re.compile(r"\s+of\s+(?:the|these|those)\s+")


def without_partitives(candidates: list[CountCandidate], sent: SpacySpan, *, offset: int) -> list[CountCandidate]:
    """ "two of the three people they acknowledged had died were hit by stones": a figure of
    the same harm taken out of the figure after it is a part of that figure, no row."""
    text = span_text(sent)
    starts = {c.span.start: c for c in candidates}
    out = []
    for candidate in candidates:
        partitive = _PARTITIVE_OF.match(text, candidate.span.end - offset)
        whole = starts.get(partitive.end() + offset) if partitive else None
        if whole is not None and whole.kind is candidate.kind:
            continue
        out.append(candidate)
    return out


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
                 and c.kind is total.kind and c.min is not None
                 # ("Nine martyred" heading "Three policemen and six civilians were martyred, officials said":
                 # the report's own total over its sources' parts)
                 and (c.claimant.name == total.claimant.name or total.claimant.name == "author")
                 and c.min == c.max and c.min < total.min and c.span.start > total.span.end]
        if len(parts) >= 2 and sum(found[p][1].min for p in parts) == total.min and _parts_of(total, [found[p][1] for p in parts]):
            dropped.update(parts)
            continue
        # "Seven confirmed dead. Six died at the scene and one overnight. Earlier updates said
        # six.": the parts of one sentence add up though a later figure does not belong to them
        for sentence in sorted({found[p][0] for p in parts}):
            own = [p for p in parts if found[p][0] == sentence]
            if len(own) >= 2 and sum(found[p][1].min for p in own) == total.min and _parts_of(total, [found[p][1] for p in own]):
                dropped.update(own)
                break
    return [item for p, item in enumerate(found) if p not in dropped]


def _parts_of(total: Count, parts: list[Count]) -> bool:
    """Whether another source's figures that add up to the author's total break it down: only
    when they split it by who was harmed ("Nine martyred" over "three policemen and six
    civilians ..., officials said"), not when they are the same people told in instalments
    ("17 bodies pulled from the river on Friday, besides 9 found the day before": the source's own rows)."""
    if all(c.claimant.name == total.claimant.name for c in parts):
        return True
    victims = [(c.victims or "").lower() for c in parts]
    return all(victims) and len(set(victims)) == len(victims)


_RELEASED_AFTER = re.compile(r"[^.;:!?]{0,40}?\b(?:released|freed|let\s+go)\b", re.IGNORECASE)


def without_custody_releases(found: list[tuple[int, Count]], text: str) -> list[tuple[int, Count]]:
    """ "11 people were detained ... Two were released on 15 September": in a text that tells of
    no abduction at all, people released were let out of custody, not saved from captors
    (FORMAT: survived is for escaped, freed or rescued victims)."""
    if _TAKEN.search(text) or not _DETAINED.search(text):
        return found
    return [(i, c) for i, c in found
            if not (c.kind is CountKind.SURVIVED and _RELEASED_AFTER.match(text, c.span.end))]
