"""How a person's name is written: the titles around it, the words it is made of, and the
capitalised words that start no name.

"Major General Chris Olukolade" is the person "Chris Olukolade" with the titles "major" and
"general"; "Mr" and "Mrs" tell the gender, as "he" and "she" do; "al-Karkhi" and "bin" are
parts of a name, "Ministry" and "Division" are never; "Monday", "In" and "According" open a
sentence without naming anyone. These are tests on the words alone, with no document behind
them, which the reading of a document's people (``named_people``), of unnamed sources
(``unnamed_sources``), of the NER's windows (``name_windows``) and the speaker resolver all use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reckon.extract.actors import AliasTable, load_alias_table

__all__ = ["CALENDAR", "FEMALE", "INTRO", "MALE", "PRONOUNS", "TITLES", "looks_like_person", "strip_titles",
           "word_key"]


TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor gen general lt lieutenant col colonel maj major capt captain "
    "sgt sergeant cpl corporal pvt private adm admiral brig brigadier cmdr commander cdr gov governor "
    "sen senator rep president vice prime minister secretary ambassador judge justice chief "
    "superintendent supt inspector commissioner director spokesman spokeswoman spokesperson mayor "
    "king queen prince princess sheikh sheik imam ayatollah mullah pope father rev reverend bishop "
    "archbishop cardinal rabbi lord lady sir dame emir sultan chancellor premier speaker marshal "
    "officer detective constable prosecutor prosecutor-general attorney attorney-general "
    "deputy acting head leader chairman chairwoman chair envoy consul minister-counsellor "
    "commandant warden sheriff senior former retired then regional provincial interior foreign "
    "defence defense health information justice army navy police military federal national "
    "state country resident staff special headteacher headmaster headmistress principal "
    "president-elect coordinator representative hon honourable honorable".split()
)
# Offices that take a portfolio or a place before them ("Transport Minister", "Lagos Governor").
_PORTFOLIO_TITLES = frozenset(
    "minister secretary commissioner governor mayor ambassador director spokesman spokeswoman "
    "spokesperson chief".split()
)
MALE = frozenset("mr sir lord king prince father brother".split())
FEMALE = frozenset("mrs ms miss lady dame queen princess sister".split())
_ORG_WORDS = frozenset(
    "ministry department police force forces army navy council committee organization organisation "
    "agency news times court university college centre center group brigade brigades front party "
    "movement commission office service headquarters network foundation institute international "
    "watch nations union republic state states government television radio hospital school mosque "
    "camp square street avenue road district province city town village island river lake airport "
    "prison coalition alliance corporation company bank club church fund programme program mission "
    "authority board association society federation press daily post journal herald tribune "
    "guardian telegraph reuters division battalion regiment corps command detachment squadron unit "
    "platoon garrison gazette courier chronicle observer mirror express standard bulletin dispatch "
    "inquirer sentinel directorate secretariat bureau directorate-general "
    "inspectorate prefecture municipality administration".split()  # military units ("Osk Division") and newspapers are never people
)
_PARTICLES = frozenset(
    "al al- el bin bint ibn abu abdul de da di du van von der den la le dos del mac mc".split()
)
# A surname written with its article joined by a hyphen: "al-Karkhi", "el-Sayed", "ash-Shami".
_PARTICLE_JOINED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|d|l)[-’'][A-Z][\w’'-]*")
INTRO = re.compile(
    r"^(?:in|on|at|during|while|after|before|speaking|according|following|meanwhile|earlier|later|"
    r"asked|answering|responding|replying|referring|commenting|reacting|addressing|interviewed|contacted|"
    r"yesterday|today|tonight|last|this|that|by|from|with|as|when|since|for|of|about|under|over|"
    # "Late on Thursday, a statement ... said": a time of day, not a name
    r"late|early|shortly|overnight|"
    r"\d)\b",
    re.IGNORECASE,
)
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "it": "o",
    "its": "o",
    "they": "p",
    "them": "p",
    "their": "p",
}
CALENDAR = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)


def strip_titles(name: str) -> tuple[str, set[str]]:
    """ "Major General Chris Olukolade" -> ("Chris Olukolade", {"major", "general"})."""
    bare, titles = _strip_titles(name, load_alias_table())
    return bare, set(titles)  # the caller's own set: some add the titles they read next to it


@lru_cache(maxsize=1 << 14)  # a document strips the same names many times (each mention, each speaker)
def _strip_titles(name: str, table: AliasTable) -> tuple[str, frozenset[str]]:
    words = name.replace("Mr.", "Mr. ").replace("Mrs.", "Mrs. ").replace("Dr.", "Dr. ").split()
    titles: set[str] = set()
    if len(words) > 2 and word_key(words[1]) in _PORTFOLIO_TITLES and words[0][:1].isupper():
        # "Transport Minister Kofi Asante": a portfolio names the office, not the person
        titles.add(word_key(words[0]))
        words = words[1:]
    while len(words) > 1 and (
        word_key(words[0]) in TITLES
        or all(part in TITLES for part in word_key(words[0]).split("-"))  # "Secretary-General"
        or _is_upper_acronym(words[0])
        or table.is_demonym(words[0])
    ):
        titles.add(word_key(words[0]))
        words = words[1:]
    if words and word_key(words[-1]) in ("jr", "sr", "jnr", "snr") and len(words) > 1:
        words[-2] = words[-2].rstrip(",")
    return " ".join(words).strip(" ,"), frozenset(titles)


def word_key(word: str) -> str:
    return word.lower().strip(".,;:’'")


def _is_upper_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isupper() and letters.isalpha()


def looks_like_person(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    for word in words:
        k = word_key(word)
        if k in _ORG_WORDS:
            return False
        if not (word[:1].isupper() or k in _PARTICLES or k.rstrip("-") in _PARTICLES
                or _PARTICLE_JOINED.fullmatch(word)):
            return False
    return not all(w.isupper() and len(w) > 1 for w in words) or len(words) == 1
