"""Duplicate detection: the same article text gives the same fingerprint, whatever the scrape."""

from __future__ import annotations

from articles.ingest import content_fingerprint, parse_file, parse_pasted

BODY = [
    "Russland entwickelt seine Beziehungen zu Nordkorea in allen Bereichen, auch in „sensiblen“, "
    "sagte Kremlsprecher Dmitri Peskow am Mittwoch (17. Januar).",
    "„Die Demokratische Volksrepublik Korea ist unser sehr wichtiger Partner“, sagte Peskow.",
]
TITLE = "Russland gibt zu, in „sensiblen“ Bereichen Beziehungen zu Nordkorea aufzubauen"


def test_rescrape_with_other_leftovers_has_the_same_fingerprint():
    leftovers = "Lesen Sie mehr mit Euractiv\n\n\n\nsource-127\n\nLeave a Reply\n"
    first = f"{TITLE}\n\n\n{BODY[0]}\n\n{BODY[1]}\n\n{leftovers}"
    second = (
        f"{TITLE}\r\n\r\n{BODY[0]}\r\n{BODY[1]}\r\n\r\nTeilen Sie diesen Artikel:\r\n"
        "Facebook | X | WhatsApp | E-Mail\r\nsource-9\r\n"
        "Wir verwenden Cookies. Alle akzeptieren | Einstellungen\r\n"
    )
    a = parse_file("a.txt", first.encode("utf-8"))
    b = parse_file("b.txt", second.encode("cp1252"))
    assert a.body == b.body
    assert content_fingerprint(a.body) == content_fingerprint(b.body)


def test_fingerprint_ignores_case_whitespace_and_quote_style():
    straight = 'He said: "We will not give up." Then   he left.\n\nSecond paragraph.'
    curly = "he said: “We will not give up.” Then he left. Second paragraph."
    french = "He said : « We will not give up. » Then he left.\n\nSecond paragraph."
    assert content_fingerprint(straight) == content_fingerprint(curly) == content_fingerprint(french)
    assert content_fingerprint("„Zitat“, sagte er.") == content_fingerprint('"Zitat", sagte er.')
    assert content_fingerprint("It’s here.") == content_fingerprint("It's here.")


def test_different_text_has_a_different_fingerprint():
    assert content_fingerprint("Peskow sagte das.") != content_fingerprint("Peskow sagte dies.")
    fingerprint = content_fingerprint(parse_pasted(f"{TITLE}\n\n{BODY[0]}").body)
    assert len(fingerprint) == 64 and int(fingerprint, 16) >= 0
