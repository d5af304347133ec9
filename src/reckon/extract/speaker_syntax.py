"""Readings of the parse tree around a reporting verb: who its speaker can be (subjects that
are not events, a name set off by commas, the subject shared with the statement it
continues), whom it cites, whether it denies a figure rather than giving it, a "that" clause
the parser misread as a relative clause, and the institution behind "army records".

Separate from ``attribution`` because these are small questions put to spaCy's tree, each
answerable on one token; ``ClaimantFinder`` decides in which order to ask them and what a
name found that way is shown as.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reckon.extract.lexicon import load_violence_words

if TYPE_CHECKING:  # pragma: no cover - nlp.py is the only module that imports spaCy at run time
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["BY_SOURCE_VERBS", "FIGURE_NOUNS", "GIVEN_FIGURE_NOUNS", "SOURCE_NOUNS", "STANCE_VERBS", "cited_source",
           "denies_it", "is_event_noun", "misread_complement", "name_set_off_before", "own_colleagues",
           "records_owner", "shared_subject", "speakers_of"]


def name_set_off_before(sent: SpacySpan, verb: Token) -> Token | None:
    """The head of a name of people set off by commas right before ``verb`` (", Jean Brou, said")."""
    doc = sent.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    start = verb.i - 2
    while start > sent.start and doc[start].pos_ == "PROPN" and doc[start].text != ",":
        start -= 1
    if doc[start].text != "," or not 0 < verb.i - 2 - start <= 5:
        return None
    name = doc[start + 1 : verb.i - 1]
    if name.root.ent_type_ not in ("", "PERSON") or name.root.dep_ != "appos":
        return None
    return name.root


def speakers_of(verb: Token, finding: Token) -> list[Token]:
    """The subjects of a reporting verb that can be its speaker, nearest the verb first: not
    an event, not the phrase holding the finding ("Raiders ... killed 20, the army said"
    parsed with two subjects), and "The opposition Velmar Front said" keeps the name."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not is_event_noun(c)
                and finding not in c.subtree]
    if not subjects:
        subjects = _subject_in_time_phrase(verb)
    return sorted(subjects, key=lambda c: abs(verb.i - c.i))


def _subject_in_time_phrase(verb: Token) -> list[Token]:
    """ "By 10 pm the district governor, X, said ...", "On Sunday the army said ...": with no comma
    after an opening time phrase the parser hangs the subject on the time noun as an apposition
    and leaves the verb with none; that apposition is the speaker."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (pobj.ent_type_ in ("TIME", "DATE") or pobj.lower_ in _TIME_WORDS):
                found += [c for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i
                          and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("TIME", "DATE")]
    return found


_TIME_WORDS = frozenset({"pm", "am", "p.m.", "a.m.", "noon", "midnight", "morning", "evening", "night", "afternoon",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


# Verbs of taking a side on a harm: a speaker who blames or denies and then says more is
# still the speaker ("The army denied it and blamed X, saying seven had died").
STANCE_VERBS = frozenset({"blame", "attribute", "accuse", "deny", "reject", "dismiss", "condemn", "refute"})


# Who a figure may be cited from ("citing local health officials", "citing figures from the ministry").
SOURCE_NOUNS = frozenset({"official", "source", "witness", "resident", "authority", "doctor", "medic", "worker",
                          "volunteer", "leader", "police", "army", "ministry", "hospital", "agency", "medium",
                          "group", "survivor", "villager", "elder", "monitor", "observer", "activist", "officer"})
FIGURE_NOUNS = frozenset({"figure", "data", "report", "statistic", "record", "tally", "count", "estimate"})
# Nouns for a figure someone gives ("the figure of 24 dead that the authorities have given").
GIVEN_FIGURE_NOUNS = FIGURE_NOUNS | {"toll", "number", "total"}
# Participles and verbs of giving a figure whose subject or "by" agent is its source ("the 13
# injured counted by police", "the toll reported by the agency").
BY_SOURCE_VERBS = frozenset({"report", "claim", "cite", "give", "count", "record", "document", "confirm",
                             "announce", "register", "list", "tally", "put", "provide", "release", "issue"})


# "A doctor told the radio that staff had counted 17 bodies": the teller's own colleagues,
# named by no article, only say how the teller knows; the teller is the source.
_COLLEAGUE_NOUNS = frozenset({"staff", "colleagues", "medics", "nurses", "doctors", "volunteers", "workers"})


def own_colleagues(subject: Token) -> bool:
    return subject.lower_ in _COLLEAGUE_NOUNS and not any(
        c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in subject.children)


def denies_it(clause: Token) -> bool:
    """ "a figure police did not confirm", "a toll the army has never given": who did not give
    a figure is not its source; the figure stays with who gave it."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in clause.children)


def cited_source(verb: Token) -> Token | None:
    for cited in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        lemma = cited.lemma_.lower()
        if lemma in FIGURE_NOUNS:
            return next((p for c in cited.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                         for p in c.children if p.dep_ == "pobj"), None)
        if cited.pos_ == "PROPN" or lemma in SOURCE_NOUNS:
            return cited
    return None


def shared_subject(verb: Token, finding: Token, speech: frozenset[str]) -> Token | None:
    """The subject a subjectless reporting verb shares with the statement it continues: a
    participle ("blamed X, saying ...") or a conjoined verb ("blamed X and said ..."); not
    with a clause of what was reported ("said X had done it and claimed ...")."""
    current = verb
    for hop in range(4):
        # "X went further, telling a radio station that 30 had died": a participle set off after
        # the main clause of the sentence has that clause's subject, whatever its verb.
        adjunct = hop == 0 and current.dep_ == "advcl" and current.tag_ == "VBG" and current.head.dep_ == "ROOT" \
            and current.i > current.head.i and current.doc[current.i - 1].text == ","
        if not (current.dep_ == "conj" or current.dep_ == "advcl" and current.tag_ == "VBG") \
                or current.head.i == current.i or current.head.pos_ not in ("VERB", "AUX") \
                or (current.head.lemma_.lower() not in speech and not adjunct):
            return None
        current = current.head
        subjects = [c for c in current.children if c.dep_ == "nsubj" and not is_event_noun(c)
                    and finding not in c.subtree and c.pos_ != "PRON" or c.dep_ == "nsubj" and c.pos_ == "PRON"
                    and c.lower_ in ("he", "she", "it", "they", "we")]
        if subjects:
            return subjects[0]
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in current.children):
            return None
    return None


def is_event_noun(token: Token) -> bool:
    """Subjects that are events, not sources ("the attack has claimed 147 lives")."""
    return token.lemma_.lower() in load_violence_words()[1] or token.lemma_.lower() in (
        "toll", "blast", "explosion", "fire", "incident", "clash", "violence", "unrest", "riot", "fighting", "battle")


# Verbs that take no object: a "that" the parser hangs on one as its object is a complementiser.
_NO_OBJECT = frozenset({"die", "perish", "survive", "escape", "flee", "disappear", "succumb"})


def misread_complement(clause: Token) -> bool:
    """ "Police said on the morning after the attack that 19 students had died": the parser
    reads "that 19 students had died" as a relative clause on "attack", with "that" as the
    object of "died". A verb that takes no object, or a passive with its own subject, cannot
    have "that" for its object: the clause is what the police said."""
    if clause.dep_ != "relcl":
        return False
    that = [c for c in clause.children if c.lower_ == "that" and c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    if not that:
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
    if not subjects:
        return False
    return clause.lemma_.lower() in _NO_OBJECT or any(c.dep_ == "nsubjpass" for c in subjects)


# Nouns for papers an institution keeps: "army records", "police files", "hospital logs".
_RECORD_NOUNS = frozenset({"record", "file", "archive", "log", "register", "document"})


def records_owner(head: Token) -> list[Token] | None:
    """The institution words before a records noun ("Military records" -> "Military"), or
    None: records a named keeper holds state that keeper's figure."""
    if head.lemma_.lower() not in _RECORD_NOUNS or head.pos_ != "NOUN":
        return None
    words = [c for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i and c.pos_ in ("ADJ", "NOUN", "PROPN")]
    if not words or words[-1].i != head.i - 1 or any(w.lower_ in ("official", "public", "court", "medical", "old", "new")
                                                     for w in words):
        return None
    start = min(t.i for w in words for t in w.subtree)
    return list(head.doc[start:head.i])
