"""A generated corpus of ordinary and hostile upload files, for fault drills and tests.

Everything is made here from code (no fixtures from elsewhere), deterministic per seed.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator

NAMES = [
    ("Dmitri Peskow", "Kremlsprecher"),
    ("Annalena Baerbock", "Außenministerin"),
    ("Wolodymyr Selenskyj", "Präsident"),
    ("Emmanuel Macron", "Präsident"),
    ("Olaf Scholz", "Bundeskanzler"),
]
COUNTRIES_DE = ["Russland", "Nordkorea", "die Ukraine", "China", "Frankreich", "Polen", "Japan"]
COUNTRIES_EN = ["Russia", "North Korea", "Ukraine", "China", "France", "Poland", "Japan"]


def ordinary_article(rng: random.Random, n: int) -> tuple[str, bytes]:
    """A plausible scraped article in German or English, with quotes and a unique number."""
    name, role = rng.choice(NAMES)
    surname = name.split()[-1]
    if rng.random() < 0.6:
        country, other = rng.sample(COUNTRIES_DE, 2)
        text = (
            f"{role} {surname} äußert sich zu {country} (Meldung {n})\n\n"
            f"„Wir setzen die Gespräche mit {country} fort, auch wenn der Weg schwierig bleibt“, sagte "
            f"{role} {name} am Mittwoch.\n\n"
            f"{surname} sagte, {other} sei bereit, über neue Vereinbarungen zu verhandeln. "
            f"Beobachter rechnen mit weiteren Treffen, Nummer {rng.randrange(10**9)}.\n\n"
            "Lesen Sie mehr mit Euractiv\n\nsource-12\n\nLeave a Reply\n"
        )
    else:
        country, other = rng.sample(COUNTRIES_EN, 2)
        text = (
            f"{surname} speaks about {country} (report {n})\n\n"
            f'"We will continue the talks with {country}, even if the road is hard," {name} said '
            "on Wednesday.\n\n"
            f"{surname} said that {other} was ready to negotiate new agreements. "
            f"Observers expect more meetings, number {rng.randrange(10**9)}.\n\nShare this article\n"
        )
    return f"article-{n:05d}.txt", text.encode("utf-8")


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def hostile_files(rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """Files an archive must survive: each is either rejected with a reason or stored and extracted."""
    yield "empty.txt", b""
    yield "only-whitespace.txt", b" \n\t\r\n  \n"
    for i in range(10):
        yield f"binary-{i}.txt", bytes(rng.randrange(256) for _ in range(4096))
    yield "nul-bytes.txt", b"Titel\n\nText mit \x00 NUL \x00 Bytes " * 50
    yield "invalid-utf8.txt", b"Titel\n\n" + b"Gr\xfc\xdfe aus K\xf6ln \xff\xfe\xfa " * 200
    yield "one-paragraph-10mb.txt", b"Grosse Datei\n\n" + b"Das ist ein Satz ohne Ende und " * 340_000
    yield "one-line-1m.txt", b"Lange Zeile\n\n" + b"x" * 1_000_000
    yield "quotes-50k.txt", b"Anfuehrungszeichen\n\n" + ("„" * 25_000 + "“" * 25_000).encode()
    yield "straight-quotes-50k.txt", b"Quotes\n\n" + b'"' * 50_000
    yield "unclosed-quotes.txt", ("Offen\n\n" + "„Das ist offen, sagte er. " * 2000).encode()
    yield (
        "nested.html",
        (
            "<html><head><title>Tief</title></head><body>"
            + "<div>" * 5000
            + "Inhalt"
            + "</div>" * 5000
            + "</body></html>"
        ).encode(),
    )
    yield (
        "script.html",
        (
            "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>"
            "<article><p>Der Kreml erklärte, Russland sei bereit.</p><script>alert(1)</script>"
            "</article></body></html>"
        ).encode(),
    )
    yield (
        "rtl-zero-width.txt",
        (
            "عنوان\u200f مع \u200bنص\n\n"
            + "\u202eRussland\u202c sagte\u200b, \u2066Moskau\u2069 sei bereit. " * 100
        ).encode(),
    )
    yield "control-chars.txt", ("Kontrolle\n\n" + "Text\x07\x1b[31m rot \x1b[0m " * 300).encode()
    yield "bomb.zip", _zip({"bomb.txt": b"0" * 50_000_000})
    yield "many-members.zip", _zip({f"m{i}.txt": b"Titel\n\nText %d" % i for i in range(2000)})
    yield "nested.zip", _zip({"inner.zip": _zip({"a.txt": b"Titel\n\nInnen."})})
    yield "corrupt.zip", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2000))
    yield "corrupt.pdf", b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(3000))
    yield "corrupt.docx", _zip({"word/document.xml": b"<not-xml"})
    yield "unsupported.exe", b"MZ" + bytes(100)
    yield "../../etc/passwd.txt", b"Pfad\n\nDer Name darf kein Pfad werden."
    yield "<img src=x onerror=alert(1)>.txt", b"Name\n\nDer Dateiname ist feindlich."
    yield "template-{{7*7}}.txt", b"{{ 7|add:1 }} {% now 'Y' %}\n\nTemplate-Syntax bleibt Text."


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def many_paragraphs_docx(paragraphs: int = 150_000) -> bytes:
    """A small .docx of very many empty paragraphs (about 60 KB for 150,000) and one line of
    text: python-docx looks up the default style once per paragraph, quadratic in their number."""
    empty = "".join(f'<w:p w:rsidR="{(i * 7919) % 1024:08X}"/>' for i in range(paragraphs))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
        "<w:p><w:r><w:t>Leere Absätze</w:t></w:r></w:p>"
        f"{empty}<w:p><w:r><w:t>{'Dazwischen steht ein einziger Absatz mit Text. ' * 5}</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    return _zip(
        {
            "[Content_Types].xml": (
                b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                b'2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                b'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.wordprocessingml.document.main+xml"/></Types>'
            ),
            "_rels/.rels": (
                b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                b"</Relationships>"
            ),
            "word/document.xml": document.encode(),
        }
    )


def corpus(seed: int = 1, ordinary: int = 180) -> Iterator[tuple[str, bytes]]:
    """Ordinary articles with the hostile files spread among them."""
    rng = random.Random(seed)
    hostile = list(hostile_files(rng))
    step = max(1, ordinary // max(1, len(hostile)))
    for n in range(ordinary):
        yield ordinary_article(rng, n)
        if n % step == 0 and hostile:
            yield hostile.pop(0)
    yield from hostile
