"""Reporting verbs and the source each one names.

``is_verb`` tells a reporting verb ("said", "told", "claims") from the noun and the
participle of the same form ("the report", "a statement posted on …"); ``from_verb`` finds the
words that name who the verb credits: the subject before it (through relative clauses,
asides, coordinated verbs and "what X called"), the subject after an inverted verb ("…,”
said the minister"), the agent of a passive, or whose words a "quoted … as saying" gives.
It is separate because it reads a clause, not a quotation: the finders beside a quotation
and the search of the narrative before it both ask it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.extract.quote_marks import WORD as _WORD
from reckon.extract.quote_marks import trim as _trim
from reckon.extract.quote_sentences import MASK, previous_word, sentence_stops, word_matches
from reckon.extract.speech_verbs import load_speech_verbs


_AUX = frozenset(
    "has have had will would was were is are been be also later then earlier further "
    "again finally repeatedly once reportedly previously first".split()
)
PASSIVE = frozenset("been be being is are was were".split())
_NOUN_MARKERS = frozenset(
    "the a an its his her their this that these those our my your whose of in".split()
)
# Verbs that may come before their subject after a quote ("…,” said the minister).
INVERTING = frozenset(
    "say add ask write reply continue explain insist warn declare state note tell remark recall "
    "respond answer concede admit conclude argue claim report shout cry exclaim whisper tweet post "
    "announce confirm acknowledge stress urge reiterate lament vow "
    "plead recount complain boast caution retort observe demand promise".split()
)
# Verbs of saying whose bare complement has its own subject ("He said the gunmen shouted");
# not "posted", "claimed", which also follow a noun as participles ("a statement posted …").
_COMPLEMENT_SAYING = frozenset("say tell recall explain insist add".split())


# A comma and a past participle opening an aside about the noun before it.
_PARTICIPIAL_ASIDE = re.compile(
    r",\s+(?:titled|entitled|dated|published|released|issued|signed|written|made public|sent|posted)\b"
)
CLAUSE_BREAK = re.compile(
    r"(?:[;—]|\s[–-]\s|,\s+(?:but|while|and|whereas|as)\s|\s(?:but|while|whereas|that)\s)"
)


@dataclass(frozen=True, slots=True)
class Source:
    surface: str  # the words naming the speaker, as written
    position: int  # where they start


_DOCUMENT_WORDS = frozenset({"statement", "communique", "communiqué", "message", "letter", "report", "declaration",
                             "address", "speech", "notice", "post", "video", "audio", "recording"})


# The words before a bare form that make it the head of a noun phrase: a singular article
# ("in a social media post that …"); a plural subject takes the bare verb ("the media
# report that", "a few residents say").
_INSIDE_NOUN_PHRASE = re.compile(
    r"\b(?:a|an|each|every)\s+(?!(?:few|lot|couple|number|handful|dozen)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+$"
)


# A sentence adverb set off by commas between a subject and its verb.
_ASIDE_BEFORE = re.compile(
    r",\s*(?:however|meanwhile|too|though|instead|moreover|for\s+(?:their|his|her|its)\s+part)\s*,\s*$"
)


# "the baseless claims", "these unfounded reports": an article, then a word with an adjective's
# ending, make the -s form of a reporting verb a plural noun ("the group claims" stays a verb).
_ADJECTIVE_BEFORE_NOUN = re.compile(
    r"\b(?:the|these|those|such|its|their|his|her|our|some|many|repeated|similar)\s+"
    r"[a-z-]+(?:less|ous|ful|ive|ical|able|ible|est|ated|unded|ent|ant|ic|ary)\s*$", re.IGNORECASE
)


def is_verb(masked: str, word: re.Match[str]) -> bool:
    """A reporting verb, not the noun ("the report", "its post") nor an infinitive ("to
    say “no”"); a bare present form ("say", "call") needs a plural or pronoun subject."""
    form = word.group().lower()
    lemma = load_speech_verbs().get(form)
    if lemma is None:
        return False
    if word.group()[:1].isupper():  # only at a sentence's start ("Said Daniel Eyre:")
        before = masked[max(0, word.start() - 3) : word.start()].strip()
        if before and before[-1] not in '.!?"”\x00':
            return False
    previous = previous_word(masked, word.start())
    if previous in _NOUN_MARKERS or previous == "to":
        return False
    if (form.endswith("s") and form != lemma
            and _ADJECTIVE_BEFORE_NOUN.search(masked[max(0, word.start() - 40) : word.start()])):
        return False  # "The baseless claims spread by …": a noun
    if previous in _DOCUMENT_WORDS and re.match(r"\s+(?:out\s+)?(?:on|by|at|in|over|to)\b", masked[word.end():]):
        return False  # "a statement read on national television by X": a participle naming the document
    if form.endswith("ing"):
        # "the regular briefing", "a daily posting": an article and an adjective before an
        # -ing form make it a noun
        before = _WORD.findall(masked[max(0, word.start() - 40) : word.start()])
        comma = masked[max(0, word.start() - 2) : word.start()].strip() == ","  # "the accusation, saying"
        if len(before) >= 2 and before[-2].lower() in _NOUN_MARKERS and before[-1].islower() and not comma:
            return False
    if form == lemma and form not in ("said", "read", "put"):
        if _INSIDE_NOUN_PHRASE.search(masked, max(0, word.start() - 60), word.start()):
            return False  # "in a social media post that …": a noun after "a" or a preposition
        aside = _ASIDE_BEFORE.search(masked, max(0, word.start() - 40), word.start())
        if aside:  # "Residents, however, insist": the subject is before the aside
            previous = previous_word(masked, aside.start())
        return (
            previous in ("they", "we", "i", "you", "police", "media", "people", "officials", "which", "who")
            or (previous.endswith("s") and not previous.endswith("ss"))
            or previous
            in ("also", "would", "will", "did", "do", "does", "may", "might", "could", "can")
        )
    return True


def _subject_before(text: str, masked: str, verb: re.Match[str], lo: int) -> Source | None:
    """The subject of a reporting verb: the words of its clause before it. In "X released
    the findings and concluded" the subject is X, before the first verb of the pair."""
    region = masked[lo : verb.start()]
    breaks = list(CLAUSE_BREAK.finditer(region))
    while breaks and (_closes_relative(masked, lo, breaks[-1], verb) or _inside_relative_aside(masked, lo, breaks[-1], verb)):
        breaks.pop()
    start = lo + (breaks[-1].end() if breaks else 0)
    words = word_matches(masked, start, verb.start())
    if words and words[-1].group() == "and":
        # "the group said “…” and claimed that “…”": the second verb shares the subject
        # of the nearest reporting verb before it.
        shared = next((w for w in reversed(words[:-1]) if is_verb(masked, w)), None)
        if shared is not None:
            return _subject_before(text, masked, shared, lo)
        if breaks and breaks[-1].group().strip() == "that":
            # "X denied that troops had harmed anyone and said “…”": the second verb shares
            # the subject of the verb whose "that" clause comes between.
            governing = next((w for w in reversed(word_matches(masked, lo, lo + breaks[-1].start()))
                              if is_verb(masked, w)), None)
            if governing is not None:
                return _subject_before(text, masked, governing, lo)
        first_verb = next(
            (n for n, w in enumerate(words) if n and re.fullmatch(r"[a-z]+(?:ed|ied)", w.group())),
            None,
        )
        if first_verb:
            words = words[:first_verb]
    inner = [n for n, w in enumerate(words)
             if n and is_verb(masked, w) and load_speech_verbs()[w.group().lower()] in _COMPLEMENT_SAYING]
    if (
        inner
        and inner[-1] < len(words) - 1
        and load_speech_verbs().get(verb.group().lower()) in INVERTING  # "shouted", not "counted"
        and "," not in masked[words[inner[-1]].end() : verb.start()]  # not "who asked …, said"
    ):
        # "He said the gunmen shouted “…”": the complement of an earlier reporting verb
        # has its own subject, the words after that verb.
        words = words[inner[-1] + 1 :]
    # (also "..., which the police called “…”": the relative's own subject follows "which";
    # not "which oversees the police, said", where "which" is the subject)
    whats = [n for n, w in enumerate(words) if w.group().lower() == "what" or (
        w.group().lower() == "which" and n + 1 < len(words) and _RELATIVE_SUBJECT.fullmatch(words[n + 1].group()))]
    if whats and whats[-1] < len(words) - 1:
        # "turned the market into what one rescue worker called “…”": the subject of the
        # free relative is the words after "what"
        words = words[whats[-1] + 1 :]
    while words and (words[-1].group().lower() in _AUX or _is_manner_adverb(words[-1].group())):
        words.pop()
    if not words:
        return None
    last = words[-1].group().lower()
    if last in ("which", "who") and len(words) > 1:
        # "figures published on certain websites, which speak of “…”": the relative
        # pronoun stands for the noun phrase right before it.
        return _antecedent_of_relative(text, masked, words[-1].start(), start)
    # ("One survivor, a farmer whose wife was shot in front of him, told us:": a pronoun after
    # a preposition ends an aside about the subject, it is not the subject)
    after_preposition = len(words) > 1 and last in ("him", "her", "them", "it") and words[-2].group().lower() in (
        "of", "to", "for", "with", "before", "behind", "beside", "near", "at", "by", "from")
    if last in ("he", "she", "it", "they", "i", "we", "you", "him", "them") and not (
            after_preposition and not ANAPHORIC.fullmatch(" ".join(w.group().lower() for w in words[-3:]))):
        one_of = ANAPHORIC.fullmatch(" ".join(w.group().lower() for w in words[-4:][-3:]))
        words = words[-3:] if one_of and len(words) >= 3 else words[-1:]  # "one of them said"
    begin, end = words[0].start(), words[-1].end()
    # "The Bureau's report, titled “…” and published in May, states:": the participial
    # phrase set off by commas describes the subject, which is the noun phrase before it.
    aside = _PARTICIPIAL_ASIDE.search(masked, begin, end)
    if aside and aside.start() > begin and MASK not in masked[begin : aside.start()]:
        end = aside.start()
    if MASK in masked[begin:end]:
        begin = masked.rfind(MASK, begin, end) + 1
    surface = text[begin:end].strip(" ,")
    return Source(surface, begin) if surface else None


# Nouns ending in "-ly" that are no manner adverb ("the family said").
_LY_NOUNS = frozenset("family ally assembly rally supply monopoly anomaly homily belly bully lily jelly folly "
                      "italy daily weekly monthly quarterly fly".split())


def _is_manner_adverb(word: str) -> bool:
    """ "Survivors … consistently described": an adverb before the verb is not the subject."""
    return word.islower() and len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS


def _closes_relative(masked: str, lo: int, brk: re.Match[str], verb: re.Match[str]) -> bool:
    """A "that" after a noun opening a relative clause closed by a comma before the verb:
    in "the group, formed from the movement that once held the south, claimed “…”" the
    subject is the group, not the words of the relative clause."""
    if brk.group().strip() != "that":
        return False
    before = word_matches(masked, lo, lo + brk.start())
    if not before or is_verb(masked, before[-1]) or not before[-1].group().isalpha():
        return False
    inside = masked[lo + brk.end() : verb.start()]
    return inside.rstrip().endswith(",") and MASK not in inside


# ", who asked that her name not be withheld," opened before a "that": a relative aside.
RELATIVE_OPENED = re.compile(r",\s+(?:who|which)\s[^,;\x00]*$")


def _inside_relative_aside(masked: str, lo: int, brk: re.Match[str], verb: re.Match[str]) -> bool:
    """A "that" inside a relative aside set off by commas before the verb: in "a nurse, who
    asked that her name not be published, told …" the subject is the nurse, not the words
    after the aside's "that"."""
    if brk.group().strip() != "that":
        return False
    if RELATIVE_OPENED.search(masked[lo : lo + brk.start()]) is None:
        return False
    inside = masked[lo + brk.end() : verb.start()]
    return inside.rstrip().endswith(",") and MASK not in inside and inside.count(",") == 1


def _antecedent_of_relative(text: str, masked: str, at: int, lo: int) -> Source | None:
    """The noun phrase a "which" or "who" at ``at`` stands for: the words since the last
    preposition, verb or clause break before it ("… published on certain websites, which")."""
    apposed = _NAME_THEN_ROLE.search(masked, lo, at)
    if apposed:
        # "said Umar Haddad, a cousin of the dead shepherd, who said": the relative after a
        # description set off by commas is the person described, not the description's noun
        return Source(text[apposed.start(1) : apposed.end(1)], apposed.start(1))
    region = masked[lo:at].rstrip(" ,")
    words = word_matches(masked, lo, lo + len(region))
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        if word.group().lower() in _PHRASE_BREAKS or is_verb(masked, word):
            break
        kept.insert(0, word)
    if not kept:
        return None
    surface = text[kept[0].start() : kept[-1].end()]
    return Source(surface, kept[0].start())


_NAME_WORD = r"(?:(?:al|el|bin|ibn|abu|de|da|van|von|del)[- ])?[A-Z][\w’'.-]*"
# A name, then a description set off by commas, right before a relative pronoun.
_NAME_THEN_ROLE = re.compile(
    r"(?<![\w’'-])(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,4}),\s+(?:a|an|the)\s+[^,;:\x00]{1,80},\s*$"
)


# Words that end a noun phrase read backwards from a relative pronoun.
_PHRASE_BREAKS = frozenset(
    "on in at of by from to with for about into onto over under after before than and or but "
    "is are was were has have had".split()
)


def subject_after(text: str, masked: str, lo: int, hi: int) -> Source | None:
    """ "said Mr. X, a spokesman." -> the words after an inverted verb, up to the stop."""
    stops = sentence_stops(masked, lo, hi)
    end = stops[0] if stops else hi
    stop = re.search(r"[;:]\s|" + MASK, masked[lo:end])
    end = lo + stop.start() if stop else end
    end = end - 1 if masked[end - 1 : end] in ".!?" else end
    begin, end = _trim(text, lo, end)
    surface = text[begin:end].strip(" ,")
    return Source(surface, begin) if surface else None


# Plural nouns for things that carry claims ("reports claiming", "websites saying").
_CARRIERS = frozenset("reports websites sites posts outlets media platforms accounts messages videos".split())


def from_verb(
    text: str, masked: str, verb: re.Match[str], lo: int, hi: int
) -> Source | None | bool:
    """The source a reporting verb names; False when the verb is an agentless passive
    ("have been reported to be “heavy”": nobody is credited)."""
    form = verb.group().lower()
    after = masked[verb.end() : hi]
    quoted_as = re.match(r"\s+(.{1,80}?)\s+as\s+(?:saying|telling|stating)\b", after)
    if (
        form in ("quoted", "quoting", "quote", "quotes", "cited", "citing", "cite", "cites")
        and quoted_as
        and previous_word(masked, verb.start()) not in PASSIVE  # "X was quoted by the Post as saying"
    ):
        return Source(
            text[verb.end() + quoted_as.start(1) : verb.end() + quoted_as.end(1)],
            verb.end() + quoted_as.start(1),
        )
    cited = re.match(
        r"\s+((?:[\w’'-]+\s+){0,3}?(?:claims|accounts|reports|testimony|testimonies|sources))\b",
        after,
    )
    if form in ("cited", "citing", "cite", "cites", "quoting", "quoted") and cited:
        return Source(cited.group(1), verb.end() + cited.start(1))
    previous = previous_word(masked, verb.start())
    if previous in PASSIVE and not re.match(r"\s+(?:by\s+[^\x00]{1,80}?\s+)?as\s+(?:saying|telling|stating)\b", after):
        # ("X was quoted by the Post as saying “…”": X speaks, the Post only reports it)
        agent = re.match(r"\s+by\s+(.{1,80}?)(?=[,.;:]|$|\s+(?:that|as|on|in)\b)", after)
        if agent:
            return Source(agent.group(1), verb.end() + agent.start(1))
        return False
    clause_start = max(
        [lo] + [lo + m.end() for m in CLAUSE_BREAK.finditer(masked[lo : verb.start()])]
    )
    if not masked[clause_start : verb.start()].strip(" ,\x00"):
        if re.search(r"\band\s*$", masked[lo:clause_start]):
            # "He blamed the group, …, and said the army had launched “…”": a verb
            # coordinated with an earlier one shares its subject.
            earlier = [w for w in word_matches(masked, lo, clause_start) if is_verb(masked, w)]
            if earlier:
                return from_verb(text, masked, earlier[-1], lo, hi)
        return subject_after(text, masked, verb.end(), hi)  # "Said Daniel Eyre, researcher:"
    if (
        form.endswith("ing")
        and masked[verb.start() - 2 : verb.start()] != ", "
        and previous_word(masked, verb.start()) in _CARRIERS
    ):
        # "false reports circulating on some websites claiming that “…”": a participle right
        # after the noun, with no comma, says what those reports claim; the sentence's own
        # verb ("The police noted …") is not its source.
        return _antecedent_of_relative(text, masked, verb.start(), clause_start)
    if form.endswith("ing"):  # "…, saying that …": the subject of the clause's main verb
        lo2 = clause_start
        earlier = [w for w in word_matches(masked, lo2, verb.start()) if is_verb(masked, w)]
        if not earlier and masked[verb.start() - 2 : verb.start()] == ", ":
            # "X denied that soldiers had killed civilians, telling reporters …": the
            # participle after a comma goes with the sentence's reporting verb.
            earlier = [w for w in word_matches(masked, lo, lo2) if is_verb(masked, w)]
        if earlier:
            return from_verb(text, masked, earlier[-1], lo, hi)
        if masked[verb.start() - 2 : verb.start()] == ", ":
            # "The Front rejected the accusation, saying …": no reporting verb before the
            # participle; its subject is the clause's, the words before its first past verb.
            words = word_matches(masked, clause_start, verb.start())
            first = next((n for n, w in enumerate(words) if n and re.fullmatch(r"[a-z]+ed", w.group())), None)
            if first is not None and MASK not in masked[words[0].start() : words[first - 1].end()]:
                begin, end = words[0].start(), words[first - 1].end()
                return Source(text[begin:end].strip(" ,"), begin)
        return _subject_before(text, masked, verb, lo)
    return _subject_before(text, masked, verb, lo)


_RELATIVE_SUBJECT = re.compile(r"the|a|an|its|their|his|her|it|they|he|she|we|I|[A-Z][\w’'-]*")


# Speakers named only by reference to the narrative before the quote.
ANAPHORIC = re.compile(
    r"he|she|it|they|(?:one|another|a\s+second|a\s+third|each)(?:\s+of\s+(?:them|those))?"
    r"|(?:the|this|that)\s+(?:statement|communiqu[eé]|press\s+release|release|message|letter|report)"
)
