"""Reprints and syndicated copies count as one source: find the independence groups.

A wire story run by twelve sites is one account, not twelve. Two documents are in one
group when their word 5-shingle sets are near-duplicates (estimated Jaccard >= 0.5), when
one is a trimmed copy of the other (estimated containment >= 0.8), or when both carry the
same wire credit ("(AFP)", "- Reuters", "Associated Press") and are at least moderately
alike (Jaccard >= 0.25 or containment >= 0.5): sites trim and re-headline wire copy, and
the credit tells us the copies came from one desk.

Why a small MinHash here instead of the ``datasketch`` package: the whole of it is ~40
lines over numpy (already installed with spaCy), it is vectorised the same way, and it
keeps the signatures deterministic across processes (Python's ``hash`` is salted; we use
CRC-32 of words and fixed seeds), which matters because group ids end up in the ledger.

Cost: one pass to sign each document (linear in text length), then locality-sensitive
hashing in ``BANDS`` bands of ``ROWS`` values: only documents that collide in a band are
compared, so the work is near-linear in the number of documents, not all-pairs.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from reckon.model import Document

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "Signature",
    "find_independence_groups",
    "find_wire_credits",
    "is_near_duplicate",
    "sign_text",
    "sign_texts",
]

SHINGLE_WORDS = 5
BANDS = 32
ROWS = 2
NUM_PERM = BANDS * ROWS
# With 2 rows per band, a pair with Jaccard 0.25 collides in some band with probability
# 1-(1-0.25**2)**32 = 0.87 and a pair at 0.5 with probability ~1; unrelated texts
# (Jaccard < 0.02) almost never do. Candidates are then checked on the full signature.
NEAR_DUPLICATE_JACCARD = 0.5
TRIMMED_COPY_CONTAINMENT = 0.8
WIRE_JACCARD = 0.25
WIRE_CONTAINMENT = 0.5
# Containment is only trusted when the smaller text has this many shingles: two short
# notes that share one stock sentence are not copies of each other.
MIN_SHINGLES_FOR_CONTAINMENT = 25
# A band bucket this large is a shared stock phrase or a very widely syndicated story;
# its members are checked against a few representatives instead of all pairs.
MAX_BUCKET_PAIRS = 48
REPRESENTATIVES = 3

_RNG = np.random.default_rng(20240611)
# Multiply-add-shift hashing (Dietzfelbinger): odd 64-bit multipliers, top 32 bits kept.
_MULTIPLIERS = (
    _RNG.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) << np.uint64(1)
) | np.uint64(1)
_ADDENDS = _RNG.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_POSITION_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    ],
    dtype=np.uint64,
)
_WORD = re.compile(r"\w+")
_CHUNK = 1 << 15  # shingles hashed at once: 32k x NUM_PERM x 8 bytes = 16 MB of scratch
_BATCH = 1024  # texts signed together

# Wire credits as agencies print them: a dateline "(AFP)", a sign-off "- Reuters", or the
# agency's name in a byline. "told Reuters" deep in a body is a source, not a credit, so
# only the first and last CREDIT_WINDOW characters are read.
CREDIT_WINDOW = 400
_WIRE = re.compile(
    r"\b(?:(?P<Reuters>Reuters)|(?P<AFP>AFP|Agence France[- ]Presse)|(?P<AP>Associated Press))\b"
    r"|(?P<AP_>\(AP\)|[-\u2013\u2014]\s*AP\s*$)",  # bare "AP" is a word too often
    re.M,
)


@dataclass(frozen=True, slots=True)
class Signature:
    """MinHash values of a text's shingles and how many distinct shingles it had."""

    values: np.ndarray
    size: int


def find_wire_credits(text: str) -> frozenset[str]:
    """The news agencies a text credits: {"Reuters"}, {"AFP", "AP"}, or empty."""
    # Datelines open a story and sign-offs close it: only the edges are read, which also
    # keeps the cost per document constant.
    edges = text[:CREDIT_WINDOW] + "\n" + text[-CREDIT_WINDOW:]
    return frozenset((match.lastgroup or "").rstrip("_") for match in _WIRE.finditer(edges))


class _WordCodes(dict[str, int]):
    """word -> CRC-32, filled on first sight (``map(codes.__getitem__, ...)`` runs in C)."""

    def __missing__(self, word: str) -> int:
        code = self[word] = zlib.crc32(word.encode("utf-8"))
        return code


def _combine(words: np.ndarray, width: int) -> np.ndarray:
    """Hash of every run of ``width`` consecutive word codes (order-sensitive)."""
    count = len(words) - width + 1
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        hashes = (hashes ^ words[offset : offset + count]) * _POSITION_MIX[offset]
    return hashes


def sign_texts(texts: Sequence[str]) -> list[Signature]:
    """MinHash signatures (``NUM_PERM`` values) of each text's word 5-shingles.

    Vectorised over batches of ``_BATCH`` texts: one numpy pass hashes every shingle of a
    batch and one takes the minima, instead of a dozen small numpy calls per document;
    batches keep the arrays in cache and the sorting cost linear in the number of texts.
    """
    cache = _WordCodes()
    signatures: list[Signature] = []
    for start in range(0, len(texts), _BATCH):
        signatures.extend(_sign_batch(texts[start : start + _BATCH], cache))
    return signatures


def _sign_batch(texts: Sequence[str], cache: _WordCodes) -> list[Signature]:
    codes: list[int] = []
    bounds = [0]
    for text in texts:
        codes.extend(map(cache.__getitem__, _WORD.findall(text.casefold())))
        bounds.append(len(codes))
    words = np.asarray(codes, dtype=np.uint64)
    ends = np.asarray(bounds[1:], dtype=np.int64)
    hashes = [np.zeros(0, dtype=np.uint64)]
    owners = [np.zeros(0, dtype=np.int64)]
    if len(words) >= SHINGLE_WORDS:
        every = _combine(words, SHINGLE_WORDS)
        starts = np.arange(len(every), dtype=np.int64)
        owner = np.searchsorted(ends, starts, side="right")
        valid = starts + SHINGLE_WORDS <= ends[np.minimum(owner, len(ends) - 1)]
        hashes.append(every[valid])
        owners.append(owner[valid])
    for number, (start, end) in enumerate(pairwise(bounds)):
        if 0 < end - start < SHINGLE_WORDS:  # a text shorter than a shingle is one shingle
            hashes.append(_combine(words[start:end], end - start))
            owners.append(np.array([number], dtype=np.int64))
    flat, owner = np.concatenate(hashes), np.concatenate(owners)
    order = np.lexsort((flat, owner))
    flat, owner = flat[order], owner[order]
    if len(flat):
        distinct = np.r_[True, (flat[1:] != flat[:-1]) | (owner[1:] != owner[:-1])]
        flat, owner = flat[distinct], owner[distinct]
    sizes = np.bincount(owner, minlength=len(texts))

    values = np.full((len(texts), NUM_PERM), np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(flat), _CHUNK):
        chunk, chunk_owner = flat[start : start + _CHUNK], owner[start : start + _CHUNK]
        mixed = (chunk[:, None] * _MULTIPLIERS + _ADDENDS) >> np.uint64(32)
        segments = np.flatnonzero(np.r_[True, chunk_owner[1:] != chunk_owner[:-1]])
        np.minimum.at(values, chunk_owner[segments], np.minimum.reduceat(mixed, segments, axis=0))
    return [Signature(values=values[i], size=int(sizes[i])) for i in range(len(texts))]


def sign_text(text: str) -> Signature:
    """The MinHash signature of one text (``sign_texts`` is faster for many)."""
    return sign_texts([text])[0]


def _estimates(a: Signature, b: Signature) -> tuple[float, float]:
    if a.size == 0 or b.size == 0:
        return 0.0, 0.0
    jaccard = float(np.count_nonzero(a.values == b.values)) / NUM_PERM
    shared = jaccard * (a.size + b.size) / (1.0 + jaccard)
    containment = min(1.0, shared / min(a.size, b.size))
    return jaccard, containment


def is_near_duplicate(a: Signature, b: Signature, *, same_wire: bool = False) -> bool:
    """Whether two signed texts are copies of one account (see the module docstring)."""
    jaccard, containment = _estimates(a, b)
    if jaccard >= NEAR_DUPLICATE_JACCARD:
        return True
    long_enough = min(a.size, b.size) >= MIN_SHINGLES_FOR_CONTAINMENT
    if long_enough and containment >= TRIMMED_COPY_CONTAINMENT:
        return True
    if same_wire:
        return jaccard >= WIRE_JACCARD or (long_enough and containment >= WIRE_CONTAINMENT)
    return False


def _candidate_pairs(signatures: np.ndarray) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    count = signatures.shape[0]
    for band in range(BANDS):
        # Two 32-bit values fill one 64-bit key, so each band is one sortable column.
        columns = signatures[:, band * ROWS : (band + 1) * ROWS]
        keys = columns[:, 0]
        for row in range(1, ROWS):
            keys = (keys << np.uint64(32)) ^ columns[:, row]
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], count]
        shared = ends - starts >= 2  # most buckets hold one document: skip them in numpy
        for start, end in zip(starts[shared].tolist(), ends[shared].tolist(), strict=True):
            pairs.update(_pairs_within(sorted(order[start:end].tolist()), limit=MAX_BUCKET_PAIRS))
    return pairs


def _pairs_within(members: list[int], *, limit: int) -> set[tuple[int, int]]:
    """Every pair of a small bucket; a crowded one is compared to a few representatives only."""
    if len(members) * (len(members) - 1) // 2 <= limit:
        return {(members[i], members[j]) for i in range(len(members)) for j in range(i + 1, len(members))}
    pairs: set[tuple[int, int]] = set()
    for head in members[:REPRESENTATIVES]:
        pairs.update((min(head, m), max(head, m)) for m in members if m != head)
    return pairs


def _wire_pairs(
    credits: list[frozenset[str]], documents: Sequence[Document]
) -> set[tuple[int, int]]:
    # Wire copies are trimmed and re-headlined more than LSH's threshold tolerates, so
    # documents with one credit on one publication day are compared directly.
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, (agencies, document) in enumerate(zip(credits, documents, strict=True)):
        day = (document.published or "")[:10]
        for agency in agencies:
            blocks[(agency, day)].append(position)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        pairs.update(_pairs_within(members, limit=MAX_BUCKET_PAIRS * 4))
    return pairs


def find_independence_groups(
    documents: Sequence[Document], *, signatures: Mapping[str, Signature] | None = None
) -> dict[str, str]:
    """Map each document id to its independence group id.

    The group id is the id of the group's presumed original: its earliest-published member
    (undated documents last, then the smallest id). A document with no copy is its own
    group. ``signatures`` may hold precomputed ``sign_text`` results by document id.
    """
    unique: dict[str, Document] = {}
    for document in documents:
        unique.setdefault(document.id, document)  # Document.id hashes the text: once each
    identifiers = sorted(unique)
    ordered = [unique[identifier] for identifier in identifiers]
    if not ordered:
        return {}
    known = signatures or {}
    missing = [i for i, identifier in enumerate(identifiers) if identifier not in known]
    fresh = dict(zip(missing, sign_texts([ordered[i].text for i in missing]), strict=True))
    signed = [fresh.get(i) or known[identifier] for i, identifier in enumerate(identifiers)]
    credits = [find_wire_credits(document.text) for document in ordered]
    matrix = np.stack([signature.values for signature in signed])

    parent = list(range(len(ordered)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in sorted(_candidate_pairs(matrix) | _wire_pairs(credits, ordered)):
        root_a, root_b = find(a), find(b)
        if root_a == root_b:
            continue
        if is_near_duplicate(signed[a], signed[b], same_wire=bool(credits[a] & credits[b])):
            parent[max(root_a, root_b)] = min(root_a, root_b)

    members: dict[int, list[int]] = defaultdict(list)
    for position in range(len(ordered)):
        members[find(position)].append(position)
    groups: dict[str, str] = {}
    for group in members.values():
        # The presumed original: earliest published, undated last, then the smallest id.
        first = min(
            group,
            key=lambda p: (
                ordered[p].published is None,
                ordered[p].published or "",
                identifiers[p],
            ),
        )
        for position in group:
            groups[identifiers[position]] = identifiers[first]
    return groups
