"""The kind of harm a figure counts, read on the dependency parse, and the harm-word tests it needs.

A number is a count only when the parse ties it to a harm word of ``data/harm.tsv``: the
noun it counts is harmed ("7 hostages", "52 bodies"), is the subject of a passive harm verb
("627 were killed") or the object of an active one ("killed fifty-two"), carries a harm
participle ("52 killed", "147 dead"), or is the value of a death toll ("putting the dead at
150", "the toll rose to 46"). ``_kind_by_parse`` is that reader; the small tests beside it
(negated or hypothetical clauses, captors, nominal harms, bodies found, toll verbs) are the
vocabulary it and the fallback readers of ``harm_phrases`` share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reckon.extract.lexicon import HarmLexicon, load_harm_lexicon, load_reporting_verbs
from reckon.extract.taking import CARRY_OFF, carries_off, leads_off, makes_off_with, takes_along, takes_to_hideout
from reckon.model import CountKind

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


_HYPOTHETICAL = frozenset({"could", "would", "might", "may", "should", "can"})
# Words of intent whose infinitive is an aim, not an event ("an effort to free 20 hostages").
_INTENT = frozenset({"effort", "attempt", "bid", "plan", "try", "seek", "want", "vow", "threaten", "pledge", "promise",
                     "aim", "intend", "hope", "plot", "demand", "urge", "struggle", "mission", "campaign", "prepare",
                     "need", "push", "work", "wish", "offer", "refuse", "fail"})
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


def _led_off(verb: Token, led: Token) -> bool:
    """Whether ``led`` (the object) is taken away by ``verb``: "carried off 40 villagers",
    "marched dozens of pupils into the bush", "taking nine girls with them"."""
    return carries_off(verb) or leads_off(verb, led) or takes_along(verb) or takes_to_hideout(verb, led)


# Verbs that say their complement came off: "managed to escape", "succeeded in fleeing"
# ("tried to escape" did not, and stays no count).
_ACHIEVED = frozenset({"manage", "succeed"})


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


# States a harm verb leaves its object in, written right after the verb ("shot dead seven").
_RESULTATIVE = frozenset({"dead"})


def _participle_kind_of_word(word: str, lexicon: HarmLexicon) -> CountKind | None:
    """The harm of a participle or adjective read as a word ("kidnapped", "slain")."""
    lowered = word.lower()
    if lowered in lexicon.adjectives:
        return lexicon.adjectives[lowered]
    for lemma in (lowered[:-2], lowered[:-1], lowered[:-3]):  # kidnapped -> kidnapp/kidnap, freed -> free
        if lemma in lexicon.verbs:
            return lexicon.verbs[lemma]
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
            # "described the 300 deaths reported across several media": the toll noun and its
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
                         "lie", "bring", "collect", "bury", "receive", "dump", "litter",
                         # "18 bodies were taken to the mortuary", "families washed 16 bodies"
                         "take", "carry", "transport", "deliver", "deposit", "transfer", "hand", "wash", "return"})


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
