"""Leftover removal: scraper litter goes, real paragraphs stay, wherever they are."""

from __future__ import annotations

import pytest

from articles.ingest import parse_pasted
from articles.ingest.clean import is_strong_leftover, reflow_paragraphs, remove_leftovers

REAL = [
    "Der Kreml rechnet mit einem Besuch des nordkoreanischen Machthabers in Russland.",
    "Die EU-Kommission will Cookie-Banner vereinfachen; Nutzer sollen einmal im Browser zustimmen.",
    "Laut einer Studie lesen immer mehr Menschen Nachrichten über einen Newsletter statt auf Facebook.",
    "Er sagte, man werde sich das Urheberrecht genau ansehen.",
    "Copyright law is changing in the EU, the commissioner said.",
    "Share prices fell sharply in Tokyo on Monday.",
    "Die Regierung erklärte, sie habe sich alle Rechte vorbehalten.",
    "Facebook und X wollen die Regeln ändern, teilte die Kommission mit.",
    "Lesen Sie mehr über die Hintergründe in unserem Dossier, sagte die Ministerin.",
    "Das Video zeigt den Angriff; die Regierung bestätigte seine Echtheit.",
    "Auf dem Foto: Peskow und Lawrow beim Gipfel, das der Kreml am Montag veröffentlichte.",
    "Er schrieb auf X (@Bundeskanzler), die Gespräche seien konstruktiv gewesen und würden fortgesetzt.",
    "Die Ausstellung zeigt 40 Fotos aus dem Krieg, sagte die Kuratorin.",
]


@pytest.mark.parametrize(
    "line",
    [
        "source-127",
        "Leave a Reply",
        "Laisser un commentaire",
        "Teilen Sie diesen Artikel:",
        "Share this article",
        "Partager cet article",
        "Facebook | X | WhatsApp | E-Mail",
        "Facebook  X  LinkedIn  Email",
        "Lesen Sie mehr mit Euractiv",
        "Read more with Euractiv",
        "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Alle akzeptieren | Einstellungen",
        "Diese Website verwendet Cookies. Wenn Sie weiter surfen, stimmen Sie dem zu. [OK]",
        'We use cookies. By clicking "Accept all", you agree. Accept all | Manage settings',
        "[OK]",
        "Accept all | Manage settings",
        "Jetzt den Newsletter abonnieren!",
        "Sign up for our daily newsletter",
        "Mehr zum Thema: Marine | Indopazifik | Sicherheitspolitik",
        "© 2024 The Associated Press",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
        "The Associated Press. All rights reserved.",
        "Foto: Kay Nietfeld/dpa",
        "Anzeige",
        "Auf Facebook teilen",
        "Per E-Mail versenden",
        "Partager sur Facebook  Partager sur X  Envoyer par e-mail",
        "Share on Facebook | Share on X | Send by email",
        "Your email address will not be published. Required fields are marked *",
        "Cancel reply",
        "Melden Sie sich für unseren Newsletter an",
        "Lesezeit: 3 Min.",
        "Dieser Artikel erschien zuerst bei Euractiv.",
        "(dpa)",
        "Mit Material von AFP und dpa",
        "Bild vergrößern",
        "Video abspielen",
        "Audio herunterladen (3:12 Min.)",
        "Zur Startseite",
        "Listen to this article",
        "Agrandir l'image",
        "Kremlsprecher Dmitri Peskow im Januar in Moskau. Foto: Alexander Zemlianichenko/AP/dpa",
        "Russia's President Vladimir Putin at the Kremlin. (Photo: Mikhail Klimentyev/Sputnik)",
        "We are ready to talk. pic.twitter.com/AbC123xyz",
        "— Dmitry Peskov (@peskov) March 5, 2024",
    ],
)
def test_leftover_lines_are_recognised(line: str):
    assert is_strong_leftover(line) or remove_leftovers(["Title", "Real text here.", line]).removed == [line]


@pytest.mark.parametrize("line", REAL)
def test_real_paragraphs_are_kept(line: str):
    assert not is_strong_leftover(line)
    paragraphs = ["Titel", "Erster Absatz des Artikels.", line, "Letzter Absatz des Artikels."]
    assert remove_leftovers(paragraphs, keep_first=True).paragraphs == paragraphs


def test_real_paragraph_at_the_end_is_kept_but_the_litter_after_it_goes():
    text = "\n\n".join(["Titel", "Erster Absatz.", *REAL, "source-12", "Leave a Reply"])
    document = parse_pasted(text)
    assert document.body.split("\n\n") == ["Erster Absatz.", *REAL]


def test_seed_like_scrape_loses_exactly_its_leftovers():
    text = (
        "Russland gibt zu, in „sensiblen“ Bereichen Beziehungen zu Nordkorea aufzubauen\n\n\n"
        "Russland entwickelt seine Beziehungen zu Nordkorea in allen Bereichen, sagte Peskow.\n\n"
        "Putin hat die Beziehungen zu Nordkorea seit 2022 vertieft.\n\n"
        "Lesen Sie mehr mit Euractiv\n\n\n\nsource-127\n\nLeave a Reply\n"
    )
    document = parse_pasted(text)
    assert document.title == "Russland gibt zu, in „sensiblen“ Bereichen Beziehungen zu Nordkorea aufzubauen"
    assert document.body == (
        "Russland entwickelt seine Beziehungen zu Nordkorea in allen Bereichen, sagte Peskow.\n\n"
        "Putin hat die Beziehungen zu Nordkorea seit 2022 vertieft."
    )
    assert document.source == "Euractiv"


def test_cookie_notice_without_buttons_goes_only_at_the_edges():
    notice = "Diese Seite nutzt Cookies. Mit der Nutzung stimmen Sie der Datenschutzerklärung zu."
    middle = ["Titel", "Erster Absatz.", notice, "Letzter Absatz."]
    assert remove_leftovers(middle, keep_first=True).paragraphs == middle
    top = ["Titel", notice, "Erster Absatz.", "Letzter Absatz."]
    assert remove_leftovers(top, keep_first=True).paragraphs == ["Titel", "Erster Absatz.", "Letzter Absatz."]


def test_trailing_related_articles_list_is_removed():
    paragraphs = [
        "Titel",
        "Erster Absatz " * 20,
        "Zweiter Absatz " * 20,
        "Themenverwandte Artikel",
        "Anderer Artikel (31.10.2007)",
        "Noch einer (31.07.2005)",
    ]
    assert remove_leftovers(paragraphs, keep_first=True).paragraphs == paragraphs[:3]


def test_a_teaser_headline_after_a_read_also_label_goes_with_it():
    text = (
        "Titel\n\nErster Absatz des Artikels.\n\nLesen Sie auch:\nInflation in Europa sinkt weiter\n\n"
        "Zweiter Absatz des Artikels.\n\nLire aussi :\n\nJO 2024 : la sécurité renforcée à Paris"
    )
    assert parse_pasted(text).body == "Erster Absatz des Artikels.\n\nZweiter Absatz des Artikels."


def test_a_short_real_paragraph_after_a_read_also_link_stays():
    # the label carries its own link, so the next line is the story again
    text = "Titel\n\nErster Absatz.\n\nLesen Sie auch: Inflation sinkt\n\nDie Lage bleibt angespannt."
    assert parse_pasted(text).body == "Erster Absatz.\n\nDie Lage bleibt angespannt."


@pytest.mark.parametrize(
    "footer",
    [
        ["Most viewed"],
        ["Mehr Nachrichten aus Asien"],
        ["Impressum", "Datenschutzerklärung", "Kontakt"],
        ["Les plus lus", "Mentions légales"],
        ["More news from Europe", "Privacy Policy", "Terms of Use"],
        ["Was this article helpful?", "Related Topics"],
        ["Cet article vous a été utile ?", "Réagir"],
    ],
)
def test_site_navigation_under_the_story_goes(footer: list[str]):
    paragraphs = ["Titel", "Erster Absatz " * 20, "Letzter Absatz des Artikels.", *footer]
    assert remove_leftovers(paragraphs, keep_first=True).paragraphs == paragraphs[:3]


@pytest.mark.parametrize(
    "chrome",
    [
        ["Skip to main content", "Menu", "Search"],
        ["Home > Politik > Ausland"],
        ["Zum Inhalt springen", "Startseite › Nachrichten › Welt"],
        ["Aller au contenu principal", "Accueil", "Se connecter"],
    ],
)
def test_site_chrome_above_the_headline_goes(chrome: list[str]):
    paragraphs = [*chrome, "Kreml weist Vorwürfe zurück", "Der Kreml hat die Vorwürfe zurückgewiesen."]
    assert remove_leftovers(paragraphs, keep_first=True).paragraphs == paragraphs[-2:]


def test_a_headline_with_an_arrow_or_guillemets_is_no_breadcrumb():
    for headline in ["»Wir bleiben« – Scholz über die Koalition", "Mietpreise: Berlin > München?"]:
        assert remove_leftovers([headline, "Der Text."], keep_first=True).paragraphs == [
            headline,
            "Der Text.",
        ]


def test_navigation_words_inside_the_story_stay():
    paragraphs = ["Titel", "Impressum", "Der erste Absatz.", "Kontakt", "Der letzte Absatz."]
    assert remove_leftovers(paragraphs, keep_first=True).paragraphs == [
        "Titel",
        "Der erste Absatz.",
        "Kontakt",
        "Der letzte Absatz.",
    ]


def test_leftovers_between_paragraphs_are_removed_too():
    text = "Title\n\nFirst paragraph.\n\nShare this article\nFacebook | X\n\nSecond paragraph."
    document = parse_pasted(text)
    assert document.body == "First paragraph.\n\nSecond paragraph."


def test_hard_wrapped_lines_are_reflowed_into_paragraphs():
    text = (
        "Bundeskanzler Olaf Scholz hat der Ukraine bei einem Treffen mit Präsident\n"
        "Wolodymyr Selenskyj weitere Hilfe bei der Abwehr russischer Luftangriffe zu-\n"
        "gesagt. Das Treffen fand im Kanzleramt statt.\n"
        "Laut Verteidigungsminister Boris Pistorius sollen zwei weitere Iris-T-Systeme\n"
        "noch vor dem Winter eintreffen."
    )
    assert reflow_paragraphs(text) == [
        "Bundeskanzler Olaf Scholz hat der Ukraine bei einem Treffen mit Präsident Wolodymyr Selenskyj "
        "weitere Hilfe bei der Abwehr russischer Luftangriffe zugesagt. "
        "Das Treffen fand im Kanzleramt statt.",
        "Laut Verteidigungsminister Boris Pistorius sollen zwei weitere Iris-T-Systeme noch vor dem Winter "
        "eintreffen.",
    ]


def test_cookie_notice_above_the_headline_goes_but_a_cookie_headline_stays():
    notice = "Wir verwenden Cookies. Mit der weiteren Nutzung stimmen Sie unserer Datenschutzerklärung zu."
    document = parse_pasted(f"{notice}\nTitel\n\nDer Text des Artikels steht hier.")
    assert document.title == "Titel"
    headline = "EU will Cookie-Banner abschaffen: Nutzer sollen nur einmal zustimmen"
    body = "Die Kommission legte am Dienstag einen Vorschlag vor, der Banner auf Webseiten überflüssig macht."
    document = parse_pasted(f"{headline}\n\n{body}")
    assert (document.title, document.body) == (headline, body)
