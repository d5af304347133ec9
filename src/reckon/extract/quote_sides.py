"""The speaker named in a quotation's own sentence, before or after it.

``source_before`` reads the words before the quotation ("X said, “", "X: “", "according to X",
"In her words, “", "As stated by X: “"); ``source_after`` the words after it ("…,” X said.",
"…,” said X.", "“…” Those were the words of X", a signature after a dash); ``trailing_source`` an
attribution closing the sentence of a quoted fragment ("… “within 24 hours”, the officer
told reporters."). These are the first and strongest evidence of a speaker, kept apart from
the passes over the whole page in ``quotes`` that fall back on headlines, neighbours and
the narrative.
"""

from __future__ import annotations

import re

from reckon.extract.quote_marks import RawQuote as _Raw
from reckon.extract.quote_sentences import (
    MASK,
    previous_word,
    sentence_end,
    sentence_start,
    word_matches,
)
from reckon.extract.quote_subjects import (
    CLAUSE_BREAK,
    INVERTING,
    PASSIVE,
    RELATIVE_OPENED,
    Source,
    from_verb,
    is_verb,
    subject_after,
)
from reckon.extract.speech_verbs import load_speech_verbs


def _governing(region: str, lo: int, verbs: list[re.Match[str]]) -> list[re.Match[str]]:
    """The verbs that may govern a quote at the end of ``region``: in "X said later that 27
    bodies had been counted and that “dozens” were hurt" the quote is in a second complement
    of "said", so the verbs inside the first ("counted") do not govern it."""
    coordinated = list(re.finditer(r"\band\s+that\b", region))
    if not verbs or not coordinated or coordinated[-1].start() < verbs[-1].end() - lo:
        return verbs
    first_that = re.search(r"\bthat\b", region)
    # "a nurse, who asked that her name be withheld, told us that … and that “…”": the "that"
    # the coordination pairs with is the last one before it, not one inside an aside
    first_that = _paired_that(region, coordinated[-1].start()) or first_that
    heads = [v for v in verbs if first_that and v.end() - lo <= first_that.start()]
    return heads or verbs


def _paired_that(region: str, before: int) -> re.Match[str] | None:
    """The "that" an "and that" at ``before`` continues: the first one before it that is not
    inside a relative aside (", who asked that …,")."""
    return next((m for m in re.finditer(r"\bthat\b", region[:before])
                 if not RELATIVE_OPENED.search(region[: m.start()])), None)


# "In her words," / "In the words of X," right before a quotation names its speaker.
_IN_WORDS = re.compile(
    r"\b[Ii]n\s+(?:(?P<pos>his|her|its|their)\s+(?:own\s+)?words|the\s+words\s+of\s+(?P<of>[^,\x00]{1,80}))"
    r"\s*[,:]?\s*$"
)
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "its": "it", "their": "they"}
# "As stated by the minister: “…”", "as he put it, “…”": a clause of manner names the speaker
# whose words follow; its "as" is not the subject of the verb.
_AS_SAID_BY = re.compile(
    r"\b[Aa]s\s+(?:(?:was\s+)?(?:stated|said|declared|put|noted|stressed|underlined|emphasi[sz]ed|explained|"
    r"written|announced|affirmed|reiterated)\s+by\s+(?P<by>[^,:;\x00]{1,80}?)"
    r"|(?P<pro>he|she|it|they)\s+(?:put|said|wrote|stated)\s+it)\s*[,:]?\s*$"
)


# "The claims spread by the so-called “Free Mountain Units” through their outlets, that “…”":
# claims that a named party made, with their content quoted right after "that".
_CLAIMS_BY = re.compile(
    r"\b(?:claims?|allegations?|assertions?|accusations?|statements?)\s+"
    r"(?:spread|made|circulated|put\s+about|put\s+out|issued|published|posted|repeated)\s+by\s+"
    r"(?:the\s+)?(?:so-called\s+)?[\"“]?(?P<by>[A-Z][^,;:\"”\n]{1,60}?)[\"”]?"
    r"(?:\s+(?:through|on|in|via|over)\s[^,;:\"“”\n]{1,60})?,?\s+that\s*[,:]?\s*$"
)


def _charge(masked: str, verb: re.Match[str]) -> bool:
    """A passive "charged with", "accused of" states a charge, not words said: in "X said 112
    people had been charged with public violence, “most of them …”" the quotation is X's."""
    return previous_word(masked, verb.start()) in PASSIVE and bool(
        re.match(r"\s+(?:with|of)\b", masked[verb.end() :])
    )


# "had responded to “a planned provocation”": what one replies or reacts to is someone else's
# words or deed, not the reply; the quotation goes with the verb that reports the sentence.
_REPLYING_TO = re.compile(r"(?i:respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|react(?:s|ed|ing)?|answer(?:s|ed|ing)?)$")


def _replies_to_quote(masked: str, verb: re.Match[str], opener: int) -> bool:
    return _REPLYING_TO.match(verb.group()) is not None and re.fullmatch(
        r"\s+to\s+(?:(?:a|an|the|what|this|that)\s+)?(?:[a-z-]+\s+){0,2}", masked[verb.end() : opener]) is not None


def source_before(text: str, masked: str, raw: _Raw, floor: int) -> Source | None | bool:
    """Attribution before the quote in its sentence: "X said, “", "X: “", "X said it was “"."""
    lo = sentence_start(masked, raw.opener, floor)
    region = masked[lo : raw.opener]
    own_words = _IN_WORDS.search(region)
    if own_words:  # "In her words, “…”", "In the words of the mayor, “…”"
        who = own_words.group("of") or _POSSESSIVE_PRONOUN[own_words.group("pos").lower()]
        at = lo + own_words.start("of" if own_words.group("of") else "pos")
        return Source(who, at)
    spread = _CLAIMS_BY.search(text, lo, raw.opener)
    if spread:  # "the claims spread by the so-called “Free Units” … that “…”"
        return Source(spread.group("by").strip(), spread.start("by"))
    manner = _AS_SAID_BY.search(region)
    if manner:  # "As stated by our Minister X: “…”"
        key = "by" if manner.group("by") else "pro"
        return Source(text[lo + manner.start(key) : lo + manner.end(key)], lo + manner.start(key))
    according = list(re.finditer(r"\b[Aa]ccording\s+to\s+([^,.;:\x00]{1,80})", region))
    verbs = [w for w in word_matches(masked, lo, raw.opener) if is_verb(masked, w) and not _charge(masked, w)
             and not _replies_to_quote(masked, w, raw.opener)]
    verbs = _governing(region, lo, verbs)
    if according and (not verbs or according[-1].start() > verbs[-1].start() - lo):
        who = according[-1]
        return Source(text[lo + who.start(1) : lo + who.end(1)].strip(), lo + who.start(1))
    if verbs:
        verb = verbs[-1]
        for earlier in reversed(verbs[:-1]):  # "cited witness claims that": cite, not claims
            if (
                earlier.group().lower() in ("cited", "citing", "quoted", "quoting")
                and verb.start() - earlier.end() < 40
            ):
                verb = earlier
                break
        return from_verb(text, masked, verb, lo, raw.opener)
    colon = re.search(r"([^:\x00]{1,80}):\s*$", region)
    if colon:  # "Solberg was adamant: “"
        clause = colon.group(1)
        clause = re.split(r"\s+(?:was|is|were|are|remained|seemed|appeared)\b", clause)[0]
        if is_country(clause.strip()):
            return None  # "Peru: “They Told Us …”": a report's country label, not a speaker
        begin = lo + colon.start(1)
        return Source(text[begin : begin + len(clause)].strip(), begin)
    return None


_INLINE_SIGNATURE = re.compile(r"[.!?,]?[ \t]*(?:—|―|–|--)[ \t]*(?P<who>[A-Z][^\n\x00]*)(?=\n|$)")
# A sentence after a quotation that names whose words they were.
_WORDS_OF = re.compile(
    r"(?:(?:Those|These|They|Such)\s+(?:were|are)|(?:That|This|It|Such)\s+(?:was|is))\s+"
    r"(?:the\s+|his\s+|her\s+)?(?:own\s+|very\s+|exact\s+)?words\s+of\s+"
)


def source_after(text: str, masked: str, raw: _Raw) -> Source | None | bool:
    """Attribution after the quote: "…,” X said." / "…,” said X." / "…,” according to X."."""
    if raw.closer is None:
        return None
    lo = raw.closer + 1
    hi = sentence_end(masked, lo)
    rest = masked[lo:hi]
    lead = re.match(r"^\s*[,.!?]?\s*(?:[—–-]+\s*)?", rest)
    begin = lo + (lead.end() if lead else 0)
    # ("“They were shouting ‘Get down!’” he said": a nested quotation's mark after the "!")
    inner_end = text[raw.start : raw.end].rstrip(" '’\"”")[-1:]
    ends_clause = (
        text[raw.end - 1 : raw.end] in ",?!"
        or (inner_end != "" and inner_end in ",?!")
        or rest[:1] in ",—–-"
        or (text[raw.end - 1 : raw.end] == "." and rest.strip()[:1].islower())
    )
    line_start = masked.rfind("\n", 0, raw.opener) + 1
    signed = _INLINE_SIGNATURE.match(masked, lo)
    if (
        signed
        and not masked[line_start : raw.opener].strip()
        and len(signed.group("who").split(",")[0].split()) <= 4  # a name, not a headline's clause
    ):
        # "“I want the world to know.” – Abdi, 19, a student": a quotation on its own line
        # signed after a dash, as an epigraph is on the next line.
        who = signed.group("who").split(",")[0].strip()
        return Source(who, signed.start("who"))
    words_of = _WORDS_OF.match(masked, begin, hi)
    if words_of:  # "“…” Those were the words of our party leader, Dr. Jane Doe, …"
        found = subject_after(text, masked, words_of.end(), hi)
        if found is not None:
            cut = CLAUSE_BREAK.search(found.surface)
            return Source(found.surface[: cut.start()] if cut else found.surface, found.position)
    according = re.match(r"\s*[Aa]ccording\s+to\s+([^,.;:\x00]{1,80})", masked[begin:hi])
    if according:
        return Source(
            text[begin + according.start(1) : begin + according.end(1)].strip(),
            begin + according.start(1),
        )
    if not ends_clause:
        return None
    words = word_matches(masked, begin, hi)[:14]
    aside = False  # inside ", whose husband and son were killed,": the speaker described
    previous_end = begin
    for n, word in enumerate(words):
        comma_before = "," in masked[previous_end : word.start()]
        previous_end = word.end()
        if aside and comma_before:
            aside = False
        elif n and comma_before and word.group().lower() in ("who", "whose", "which"):
            aside = True
        if aside:
            continue
        if word.group().lower() in (
            "but",
            "while",
            "and",
            "whereas",
            "although",
            "though",
            "yet",
            "because",
        ):
            return None  # "…”, but local media reported …": a new clause, another source
        if is_verb(masked, word):
            if n == 0:
                if load_speech_verbs()[word.group().lower()] not in INVERTING:
                    return None  # "“Dead Silence”, documents abuses": not "…,” said X"
                if word.group().lower().endswith("ing"):
                    return None  # "were “well trained”, adding that …": the sentence's subject speaks
                return subject_after(text, masked, word.end(), hi)
            return from_verb(text, masked, word, begin, hi)
    return None


# Words after a trailing attribution's verb that keep it a bare attribution ("told reporters on Monday").
_TRAILING_REST = re.compile(
    r"(?:\s+(?:to|on|in|at|by|from|via|over|late|early|last|this|the|a|an|[A-Z][\w’'.-]*|reporters|journalists|"
    r"correspondents|telephone|phone|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"morning|afternoon|evening|night|later|earlier|separately))*\s*(?:[.!?]|,\s+(?:adding|saying)\b|:|$)"
)


def trailing_source(text: str, masked: str, raw: _Raw) -> Source | None:
    """ "A committee will be formed “within 24 hours” to investigate, the district officer told
    reporters.": a quoted fragment inside a clause, credited by an attribution closing the
    sentence after a comma, with no other quotation between."""
    if raw.closer is None:
        return None
    lo = raw.closer + 1
    hi = sentence_end(masked, lo)
    for comma in re.finditer(r",\s+", masked[lo:hi]):
        start = lo + comma.end()
        if MASK in masked[lo:start]:
            return None
        words = word_matches(masked, start, hi)[:8]
        if not words or words[0].group().lower() in ("who", "which", "whose", "and", "but", "while", "as",
                                                     "although", "though", "because", "where", "when"):
            continue
        verb = next((n for n, w in enumerate(words) if is_verb(masked, w)), None)
        if not verb:
            continue  # none, or a participle opening an aside (", adding")
        word = words[verb]
        if load_speech_verbs()[word.group().lower()] not in INVERTING:
            continue
        if not _TRAILING_REST.match(masked, word.end()):
            continue  # "…, the minister said the army had …": a new clause with a content of its own
        found = from_verb(text, masked, word, start, hi)
        return found if isinstance(found, Source) else None
    return None


def is_country(name: str) -> bool:
    from reckon.extract.places import find_countries  # places loads the gazetteer: import late

    return any(m.kind == "country" and m.span.start == 0 and m.span.end == len(name) for m in find_countries(name))
