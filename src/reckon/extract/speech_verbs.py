"""Speech verbs: every inflected form of a verb that frames quoted words, and its lemma.

The list of reporting verbs in data/reporting_verbs.txt is tuned for the claimants of
figures; a verb that frames a quotation ("pledged", "shouted", "told") needs no claim
behind it. The quotation readers (``quotes``, ``quote_marks``) and the reading of speakers'
names (a name run opening with "Said ...") all ask the same question of a word, so the
inflection of the list lives here, apart from who is speaking.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["load_speech_verbs"]


# Verbs that introduce quotations but are not in data/reporting_verbs.txt, whose list is
# tuned for the claimants of figures; here a verb only needs to frame quoted words.
_QUOTE_VERBS = (
    "call condemn express pledge elaborate read describe stress urge reiterate recall remark "
    "reply respond answer ask shout cry exclaim recount continue argue assert observe vow "
    "promise threaten demand appeal plead lament complain boast whisper agree assure caution "
    "charge contend maintain emphasise emphasize underline proclaim retort blame accuse slam "
    "decry denounce praise hail thank brief inform comment post speak talk predict recount "
    "conclude concede insist"
)
_IRREGULAR = {
    "say": "said",
    "tell": "told",
    "write": "wrote written",
    "read": "read",
    "speak": "spoke spoken",
    "find": "found",
    "show": "shown",
    "put": "put",
    "quote": "quoted",
    "hold": "held",
    "give": "gave given",
    "tweet": "tweeted",
    "admit": "admitted admitting",
    "regret": "regretted",
    "plead": "pled",
}


@lru_cache(maxsize=1)
def load_speech_verbs() -> dict[str, str]:
    """Every inflected form of a verb that frames quoted words -> its lemma."""
    text = (
        resources.files("reckon.data").joinpath("reporting_verbs.txt").read_text(encoding="utf-8")
    )
    lemmas = {
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    }
    lemmas |= set(_QUOTE_VERBS.split())
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        if " " in lemma or not lemma.isalpha():
            continue
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        variants = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "ed"}
        if re.search(r"[^aeiou]y$", lemma):
            variants |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
        variants |= set(_IRREGULAR.get(lemma, "").split())
        for form in variants:
            forms.setdefault(form, lemma)
    for lemma, past in _IRREGULAR.items():  # "told" listed as a lemma is still tell's past
        for form in past.split():
            forms[form] = lemma
    return forms
