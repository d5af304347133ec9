"""decode_bytes: encodings found, non-text refused with the right code.

Every sentence is invented for these tests (fictional towns, people and events).
"""

from __future__ import annotations

import codecs
import random

import pytest

from reckon.errors import IngestError
from reckon.ingest.decode import decode_bytes, is_binary, normalise_text

ENGLISH = "Nine people died when the river Arl flooded the fictional town of Vossberg on Tuesday."
FRENCH = "Le maire de Vaudrelle a déclaré que neuf personnes étaient mortes après la crue, à l'aube."
GERMAN = "Die Straße in Übermünden stand nach dem Hochwasser zwei Tage lang unter Wasser."
# Persian written with the Arabic yeh, as windows-1256 encodes it; ZWNJ (U+200C) included.
PERSIAN = "گزارش‌های محلی می‌گویند که دست‌کم نه نفر در روستای خیالی دشت‌آباد کشته شدند.".replace("\u06cc", "\u064a")
ARABIC = "قال مسؤولون محليون إن تسعة أشخاص قتلوا في قرية خيالية بعد فيضان النهر."
RUSSIAN = "Местные власти сообщили, что девять человек погибли после наводнения в вымышленном городе."
GREEK = "Οι τοπικές αρχές ανέφεραν ότι εννέα άνθρωποι σκοτώθηκαν στην πλημμύρα."


def _random_high_bytes(size: int) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(size))


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param(ENGLISH + " Café owners — “shocked”.", "utf-8", id="utf-8"),
        pytest.param(PERSIAN, "utf-8", id="utf-8-persian"),
        pytest.param(FRENCH, "latin-1", id="latin-1-french"),
        pytest.param(GERMAN, "latin-1", id="latin-1-german"),
        pytest.param(FRENCH + " Il a dit « assez ».", "cp1252", id="windows-1252"),
        pytest.param(PERSIAN, "cp1256", id="windows-1256-persian"),
        pytest.param(PERSIAN[:24], "cp1256", id="windows-1256-persian-short"),
        pytest.param(ARABIC, "cp1256", id="windows-1256-arabic"),
        pytest.param(RUSSIAN, "cp1251", id="windows-1251-russian"),
        pytest.param(RUSSIAN, "koi8-r", id="koi8-r-russian"),
        pytest.param(GREEK, "cp1253", id="windows-1253-greek"),
    ],
)
def test_decode_bytes_finds_encoding(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), where="t") == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(codecs.BOM_UTF8 + ENGLISH.encode(), ENGLISH, id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), FRENCH, id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + PERSIAN.encode("utf-16-be"), PERSIAN, id="utf-16-be-bom"),
        pytest.param(FRENCH.encode("utf-16"), FRENCH, id="utf-16-native-bom"),
        pytest.param(ENGLISH.encode("utf-16-le"), ENGLISH, id="utf-16-le-no-bom"),
        pytest.param(ENGLISH.encode("utf-16-be"), ENGLISH, id="utf-16-be-no-bom"),
        pytest.param(codecs.BOM_UTF32_LE + GERMAN.encode("utf-32-le"), GERMAN, id="utf-32-le-bom"),
    ],
)
def test_decode_bytes_reads_unicode_forms(raw: bytes, expected: str) -> None:
    assert decode_bytes(raw, where="t") == expected


def test_decode_bytes_prefers_declared_encoding_over_guessing() -> None:
    # Six letters are too few to tell windows-1250 from windows-1252 by themselves.
    raw = "Žluť".encode("cp1250")
    assert decode_bytes(raw, where="t", declared="windows-1250") == "Žluť"


def test_decode_bytes_tolerates_a_few_broken_utf8_sequences() -> None:
    raw = ("Déjà vu à côté du café, " * 4).encode() + b"\xff" + " fin.".encode()
    text = decode_bytes(raw, where="t")
    assert text.startswith("Déjà vu à côté")
    assert "\ufffd" in text


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        pytest.param(b"", "R102", id="empty"),
        pytest.param(b"  \n\t\r\n ", "R102", id="whitespace-only"),
        pytest.param(b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x10", "R103", id="nul-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "R103", id="png-magic"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "R103", id="pdf-magic"),
        pytest.param(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15] * 20) + b"some letters", "R103", id="control-codes"),
        pytest.param(bytes(range(0x80, 0x100)) * 4, "R104", id="all-high-bytes"),
        pytest.param(_random_high_bytes(600), "R104", id="random-high-bytes"),
        pytest.param(codecs.BOM_UTF8 + b"valid start \xc3\x28 invalid", "R104", id="broken-after-utf8-bom"),
    ],
)
def test_decode_bytes_refuses_non_text(raw: bytes, code: str) -> None:
    with pytest.raises(IngestError) as caught:
        decode_bytes(raw, where="sample.txt")
    assert caught.value.code == code
    assert caught.value.where == "sample.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("one\r\ntwo\rthree\n", "one\ntwo\nthree\n", id="newlines"),
        pytest.param("tab\tkept\x07bell\x0bvt\x1bescape\x7f", "tab\tkeptbellvtescape", id="controls"),
        pytest.param("\ufeffleading bom", "leading bom", id="bom-char"),
        pytest.param("c1\x85next\x9dend", "c1\nnextend", id="c1-controls"),
    ],
)
def test_normalise_text_cleans_controls(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_decode_bytes_normalises_newlines() -> None:
    assert decode_bytes(b"first line\r\nsecond line\r\n", where="t") == "first line\nsecond line\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(ENGLISH.encode(), False, id="ascii"),
        pytest.param(PERSIAN.encode("cp1256"), False, id="legacy-code-page"),
        pytest.param(b"\x1f\x8b\x08\x00rest", True, id="gzip"),
        pytest.param(b"text with a \x00 inside", True, id="nul"),
    ],
)
def test_is_binary(raw: bytes, expected: bool) -> None:
    assert is_binary(raw) is expected
