"""Bytes -> text: find the encoding, refuse what is not text, normalise newlines.

Order of evidence, strongest first: a byte-order mark; strict UTF-8 (a non-ASCII byte
string that decodes as UTF-8 is almost never anything else); evident BOM-less UTF-16
(NUL bytes in every other position); an encoding the caller saw declared (HTTP header,
``<meta charset>``); then the legacy single-byte code pages that news sites actually
used, each decoded strictly and scored for plausibility, with charset-normalizer as the
last resort for anything else (CJK and rarer code pages).

charset-normalizer alone is not trusted for short texts: on a 150-character Persian
paragraph in windows-1256 it finds nothing, and it reads short French Latin-1 as
windows-1250. Hence the small plausibility score below, which knows two facts about
real text: words do not mix scripts, and Latin-script words are mostly ASCII.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

import charset_normalizer

from reckon.errors import IngestError

__all__ = ["decode_bytes", "is_binary", "normalise_text", "sha256_hex"]

# Legacy code pages, in the order that breaks ties: Western first (also covers
# ISO-8859-1, whose printable range it shares), Cyrillic (KOI8-R before Arabic: Russian
# KOI8-R read as windows-1256 looks like clean Arabic, the reverse does not hold),
# Arabic/Persian, Central European, Greek, Turkish, Hebrew, and the ISO variants.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252",
    "cp1251",
    "koi8-r",
    "cp1256",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1255",
    "iso-8859-6",
    "iso-8859-5",
    "iso-8859-2",
    "iso-8859-15",
    "latin-1",
)

# Share of suspicious non-ASCII characters above which a decoding is refused. Real
# text in the right code page scores 0 or near it; mojibake scores well above 0.3.
_MAX_PENALTY = 0.25
# A binary file: more than this share of C0 control bytes (other than \t\n\r\f\v, ESC).
_MAX_CONTROL_RATIO = 0.05
_SAMPLE = 64 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of formats that are never text; cheaper and surer than ratios.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"MZ",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"SQLite format 3",
)

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Control characters that carry no text: C0 except \t and \n, DEL, and C1.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_BYTES = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}) | {0x7F}
# Non-ASCII characters that show up in honest text and say nothing about the code page.
_NEUTRAL = frozenset("\u00a0\u00ab\u00bb\u00b0\u00a3\u20ac\u00a9\u00ae\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u200c\u200d\u200e\u200f\u060c\u061b\u061f\u066a\u066b\u066c\u00b7\u00d7")


def sha256_hex(raw: bytes) -> str:
    """The SHA-256 of the raw bytes, as kept for chain of custody."""
    return hashlib.sha256(raw).hexdigest()


def decode_bytes(raw: bytes, *, where: str, declared: str | None = None) -> str:
    """Decode ``raw`` to normalised text, or raise IngestError R102/R103/R104.

    ``declared`` is an encoding the transport or markup named; it is tried after UTF-8
    because mislabelled pages (UTF-8 served as ISO-8859-1) are common.
    """
    if not raw:
        raise IngestError("the input has no bytes", where=where, code="R102")
    text = _decode(raw, where=where, declared=declared)
    text = normalise_text(text)
    if not text.strip():
        raise IngestError("the input holds only whitespace", where=where, code="R102")
    return text


def normalise_text(text: str) -> str:
    """Newlines to ``\\n``, control characters other than ``\\n`` and ``\\t`` removed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return _CONTROLS.sub("", _NEWLINES.sub("\n", text))


def is_binary(raw: bytes) -> bool:
    """True when ``raw`` is evidently not text: a known magic number, NULs, or many controls."""
    sample = raw[:_SAMPLE]
    if any(sample.startswith(magic) for magic in _BINARY_MAGIC):
        return True
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_RATIO * len(sample)


def _decode(raw: bytes, *, where: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(
                    f"the bytes after the {encoding} byte-order mark are not valid {encoding}",
                    where=where,
                    code="R104",
                ) from None
    utf16 = _sniff_utf16(raw)
    if utf16 is not None:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError:
            pass  # fall through: the NULs then mark it as binary
    if is_binary(raw):
        raise IngestError("the input is binary (NUL bytes or control codes)", where=where, code="R103")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _decode_mostly_utf8(raw)
    if mostly_utf8 is not None:
        return mostly_utf8
    if declared:
        text = _try_strict(raw, declared)
        if text is not None and _penalty(text) <= _MAX_PENALTY:
            return text
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        text = _try_strict(raw, encoding)
        if text is None:
            continue
        penalty = _penalty(text)
        if best is None or (penalty, rank) < best[:2]:
            best = (penalty, rank, text)
    if best is not None and best[0] <= _MAX_PENALTY:
        return best[2]
    guess = charset_normalizer.from_bytes(raw).best()
    if guess is not None and guess.chaos < 0.1 and guess.coherence > 0.0:
        text = str(guess)
        if _penalty(text) <= _MAX_PENALTY:
            return text
    raise IngestError("no text encoding decodes these bytes plausibly", where=where, code="R104")


def _sniff_utf16(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in mostly-Latin UTF-16."""
    sample = raw[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    # Latin-script UTF-16 has a NUL in nearly every other byte; binary data with a few
    # NULs must not pass for it, so the bar is high on one side and near zero on the other.
    if odd > 0.7 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.7 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a truncated scrape) rather than a legacy code page.

    Accepted only when valid multi-byte sequences outnumber the broken ones many times, so
    genuine Latin-1 (which has no valid multi-byte sequences) never lands here.
    """
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    if broken and multibyte >= 10 * broken:
        return text
    return None


def _try_strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _script(char: str) -> str:
    """The script of a letter, from its Unicode name ('LATIN', 'ARABIC', 'CYRILLIC', ...)."""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "?"
    return name.split(" ", 1)[0]


def _penalty(text: str) -> float:
    """Share of non-ASCII characters that look like mojibake (0.0 = perfectly plausible).

    Counted as suspicious: C1 controls and unassigned code points; symbols outside the
    few that honest text uses; letters in a word that mixes scripts; letters of a
    Latin-script word made mostly of non-ASCII letters (Arabic or Cyrillic bytes read
    as Western give such words, real Latin text almost never does); and case flips
    inside non-ASCII words (an Arabic text read as Cyrillic gives 'ЗбЪСИнЙ').
    """
    sample = text[:_SAMPLE]
    non_ascii = [char for char in sample if ord(char) > 0x7F]
    if not non_ascii:
        return 0.0
    bad = 0
    for char in non_ascii:
        if char in _NEUTRAL:
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cn", "Co", "Cs"):
            return 1.0
        if category[0] in "SN" and category != "Nd":
            bad += 1
    for word in re.findall(r"[^\W\d_]+", sample):
        if word.isascii():
            continue
        letters = [char for char in word if char.isalpha()]
        scripts = {_script(char) for char in letters}
        if len(scripts) > 1:
            bad += sum(1 for char in letters if not char.isascii())
            continue
        outside = sum(1 for char in letters if not char.isascii())
        # Two thirds, not half: French "été" (two accented letters of three) is honest.
        if scripts == {"LATIN"} and len(word) >= 3 and outside > 2 * len(word) / 3:
            bad += outside
            continue
        flips = sum(1 for a, b in zip(word, word[1:]) if a.islower() and b.isupper())
        if flips:
            bad += outside
    return bad / len(non_ascii)
