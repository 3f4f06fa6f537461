"""Plain-text intake: encodings, line ends, and files that only pretend to be text."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from articles.ingest import IngestError, parse_file, parse_pasted

TODAY = dt.date(2026, 11, 28)
ARTICLE = (
    "Scholz sichert Kiew weitere Luftverteidigung zu\n"
    "\n"
    "BERLIN (dpa) - Bundeskanzler Olaf Scholz hat der Ukraine weitere Hilfe zugesagt.\n"
    "\n"
    "„Deutschland wird nicht nachlassen“, sagte Scholz – und fügte hinzu, Gespräche würden folgen.\n"
)
BODY = (
    "BERLIN (dpa) - Bundeskanzler Olaf Scholz hat der Ukraine weitere Hilfe zugesagt.\n\n"
    "„Deutschland wird nicht nachlassen“, sagte Scholz – und fügte hinzu, Gespräche würden folgen."
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("cp1252"), "cp1252"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (ARTICLE.replace("„", '"').replace("“", '"').replace("–", "-").encode("latin-1"), None),
        (ARTICLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (ARTICLE.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "utf16-bom", "latin1", "crlf", "cr"],
)
def test_every_encoding_and_line_end_gives_the_same_text(data: bytes, encoding: str | None):
    document = parse_file("scholz.txt", data, today=TODAY)
    assert document.title == "Scholz sichert Kiew weitere Luftverteidigung zu"
    expected = BODY if encoding else BODY.replace("„", '"').replace("“", '"').replace("–", "-")
    assert document.body == expected
    assert document.language == "de"
    assert document.source == "dpa"
    assert "\r" not in document.body
    if encoding:
        assert document.original_encoding == encoding


def test_cp1252_quotes_are_not_read_as_latin1_controls():
    document = parse_file("a.txt", "Titel\n\n„Zitat“ – Ende des Satzes.".encode("cp1252"))
    assert document.body == "„Zitat“ – Ende des Satzes."
    assert document.original_encoding == "cp1252"


@pytest.mark.parametrize("data", [b"", b"   \n\n  \r\n", codecs.BOM_UTF8])
def test_empty_file_is_rejected(data: bytes):
    with pytest.raises(IngestError, match="empty"):
        parse_file("empty.txt", data)


def test_binary_junk_named_txt_is_rejected():
    junk = bytes(range(256)) * 40
    with pytest.raises(IngestError, match="binary"):
        parse_file("notes.txt", junk)


def test_control_characters_without_nul_are_rejected():
    junk = bytes(b % 31 + 1 for b in range(4000))  # no NUL, mostly C0 controls
    with pytest.raises(IngestError, match="binary|control"):
        parse_file("notes.txt", junk)


def test_pdf_renamed_to_txt_says_what_it_is():
    with pytest.raises(IngestError, match="PDF"):
        parse_file("article.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")


def test_headline_only_is_rejected():
    with pytest.raises(IngestError, match="No article text"):
        parse_file("title.txt", b"Just a headline\n\nsource-12\n\nLeave a Reply\n")


def test_whitespace_is_normalised_once():
    text = "  Title  \n\n\n\nFirst\t paragraph   with  spaces.  \n   \n\nSecond paragraph.\u00a0\n\n\n"
    document = parse_pasted(text)
    assert document.title == "Title"
    assert document.body == "First paragraph with spaces.\n\nSecond paragraph."


def test_no_break_spaces_inside_french_quotes_are_kept():
    text = "Titre\n\nIl a déclaré\u00a0: «\u00a0Aucune option ne peut être écartée\u00a0».\n"
    document = parse_pasted(text)
    assert document.body == "Il a déclaré\u00a0: «\u00a0Aucune option ne peut être écartée\u00a0»."


def test_invisible_characters_are_dropped():
    document = parse_pasted("Titel\n\nVertei\u00addigungs\u200bminister sagte etwas.")
    assert document.body == "Verteidigungsminister sagte etwas."


def test_pasted_text_behaves_like_a_txt_file():
    assert parse_pasted(ARTICLE, today=TODAY).body == parse_file("a.txt", ARTICLE.encode(), today=TODAY).body
    with pytest.raises(IngestError, match="empty"):
        parse_pasted("  \n ")


def test_text_without_headline_gets_a_title_from_its_first_sentence():
    paragraph = "Der Bundestag hat am Donnerstag ein Gesetz beschlossen. " * 8
    document = parse_pasted(paragraph + "\n\nZweiter Absatz.")
    assert document.title == "Der Bundestag hat am Donnerstag ein Gesetz beschlossen."
    assert document.body.startswith("Der Bundestag")
    assert document.warnings


def test_mostly_utf8_file_with_one_bad_byte_stays_utf8_and_says_so():
    from articles.ingest import txt

    data = "Grüße aus Köln\n\nDie Straße führt über die Brücke, sagte Müller.".encode() + b" \x96 Ende."
    extracted = txt.extract("gruss.txt", data)
    assert extracted.encoding == "utf-8"
    assert extracted.text.startswith("Grüße aus Köln")
    assert "\ufffd Ende." in extracted.text
    assert extracted.warnings == ["The file is UTF-8 but 1 invalid byte was replaced by �."]


def test_a_real_cp1252_file_is_still_read_as_cp1252():
    from articles.ingest import txt

    text = "Grüße aus Köln\n\n„Die Straße führt über die Brücke“, sagte Müller."
    assert txt.decode_text(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(encoding):
    from articles.ingest import txt

    text = "Grüße aus Köln\n\n„Die Straße führt über die Brücke“, sagte Müller."
    assert txt.decode_text(text.encode(encoding)) == (text, encoding)


def test_the_upload_report_notes_replaced_bytes(analyst, django_capture_on_commit_callbacks):
    from articles.services import upload_process

    data = ("Grüße aus Köln\n\n" + "Die Straße führt über die Brücke, sagte Müller. " * 4).encode() + b"\xff."
    with django_capture_on_commit_callbacks(execute=False):
        upload = upload_process(user=analyst, files=[("gruss.txt", data)])
    item = upload.items.get()
    assert item.outcome == "stored"
    assert "1 invalid byte was replaced" in item.reason
    assert item.article.body.startswith("Die Straße")
