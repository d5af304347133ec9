from __future__ import annotations

import random

import pytest

from reckon.resolve.independence import (
    _candidate_pairs,
    find_independence_groups,
    find_wire_credits,
    is_near_duplicate,
    sign_text,
    sign_texts,
)

from ._builders import make_document

STORY = (
    "Gunmen stormed the market town of Orlo Bask before dawn on Tuesday, setting fire to "
    "stalls and a grain store, the district commissioner said. At least nineteen people "
    "were killed and thirty wounded, according to the commissioner, who blamed the Red "
    "Hand militia for the raid. The militia did not respond to requests for comment. "
    "Survivors said the attackers arrived on motorcycles and left toward the hills after "
    "two hours. A nurse at the town clinic said the wards were full and that supplies of "
    "blood were running short. The provincial governor ordered an inquiry and sent "
    "soldiers to guard the road to the river crossing, where families gathered to leave."
)


def _words(seed: str, count: int) -> str:
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(5000)]
    return " ".join(rng.choice(vocabulary) for _ in range(count))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ORLO BASK (AFP) - Gunmen stormed a market.", {"AFP"}),
        ("Gunmen stormed a market, officials said.\n- Reuters", {"Reuters"}),
        ("By Mara Quill, Associated Press\nGunmen stormed a market.", {"AP"}),
        ("Gunmen stormed a market (AP) on Tuesday.", {"AP"}),
        ("Agence France-Presse\nGunmen stormed a market.", {"AFP"}),
        (_words("a", 200) + " a witness told Reuters on Tuesday " + _words("b", 200), set()),
        ("Gunmen stormed a market, officials said.", set()),
    ],
)
def test_find_wire_credits_reads_credit_not_mentions(text: str, expected: set[str]) -> None:
    assert find_wire_credits(text) == expected


def test_sign_text_is_deterministic() -> None:
    assert (sign_text(STORY).values == sign_text(STORY).values).all()
    assert sign_text(STORY).size == sign_text(STORY).size > 0


def test_is_near_duplicate_reprint_with_site_furniture() -> None:
    reprint = "Home | World | Africa\n" + STORY + "\nShare this story. Copyright Daily Quill."
    assert is_near_duplicate(sign_text(STORY), sign_text(reprint))


def test_is_near_duplicate_trimmed_copy_by_containment() -> None:
    trimmed = STORY[: len(STORY) * 2 // 3]
    assert is_near_duplicate(sign_text(STORY), sign_text(trimmed))


def test_is_near_duplicate_same_event_different_wording_is_not_a_copy() -> None:
    other = (
        "The Red Hand militia was blamed by the district commissioner for a dawn raid on "
        "Orlo Bask in which nineteen people died. Traders counted their losses on Wednesday "
        "as smoke still rose over the burned grain store and the shuttered clinic."
    )
    assert not is_near_duplicate(sign_text(STORY), sign_text(other))


def test_find_independence_groups_reprints_share_the_original() -> None:
    original = make_document(STORY, published="2031-05-06", key="orig")
    reprint = make_document(
        "Daily Quill\n" + STORY + "\nAll rights reserved.", published="2031-05-07"
    )
    unrelated = make_document(key="other", published="2031-05-06")
    groups = find_independence_groups([reprint, unrelated, original])
    assert groups[reprint.id] == groups[original.id] == original.id
    assert groups[unrelated.id] == unrelated.id


def test_find_independence_groups_wire_copies_rewritten_heads_group() -> None:
    body = "ORLO BASK (AFP) - " + STORY
    long_copy = "Market raid kills nineteen\n" + body + " " + _words("extra", 120)
    short_copy = "Nineteen dead in dawn raid on Orlo Bask\n" + body[: len(body) // 2]
    other_wire = "KESSA PORT (AFP) - " + _words("another story", 150)
    documents = [
        make_document(long_copy, published="2031-05-06"),
        make_document(short_copy, published="2031-05-06"),
        make_document(other_wire, published="2031-05-06"),
    ]
    groups = find_independence_groups(documents)
    assert groups[documents[0].id] == groups[documents[1].id]
    assert groups[documents[2].id] == documents[2].id


def test_find_independence_groups_same_text_twice_is_one_entry() -> None:
    document = make_document(STORY)
    assert find_independence_groups([document, document]) == {document.id: document.id}


def test_find_independence_groups_is_order_independent() -> None:
    documents = [
        make_document(STORY + f" Update {n}.", published=f"2031-05-0{n}") for n in range(1, 5)
    ]
    forward = find_independence_groups(documents)
    backward = find_independence_groups(list(reversed(documents)))
    assert forward == backward
    assert set(forward.values()) == {documents[0].id}


def test_candidate_pairs_are_not_all_pairs() -> None:
    # 400 unrelated texts: LSH must propose almost none of the 79,800 pairs.
    import numpy as np

    signatures = np.stack([sign_text(_words(str(n), 150)).values for n in range(400)])
    assert len(_candidate_pairs(signatures)) < 400


def test_sign_texts_batch_equals_one_by_one() -> None:
    texts = [STORY, "", "two words", _words("long", 40000), STORY[:300]]
    batch = sign_texts(texts)
    for text, signature in zip(texts, batch, strict=True):
        alone = sign_text(text)
        assert signature.size == alone.size
        assert (signature.values == alone.values).all()
    assert [s.size for s in batch[1:3]] == [0, 1]
