"""German clauses that look like reports but are not (invented sentences)."""

from __future__ import annotations

from tests.annotations.nlp.helpers import no_quote_containing, quote_containing, run


def test_relative_clause_with_verb_and_auxiliary_at_the_end_is_not_a_report():
    text = "Ministerin Karla Nowak betonte die Initiative, die Unternehmen bei den Kosten entlasten solle."
    no_quote_containing(run(text, "de"), "Unternehmen bei den Kosten")
    # with the finite verb second the same words report what she said
    text = "Ministerin Karla Nowak betonte die Initiative, die Unternehmen würden bei den Kosten entlastet."
    assert quote_containing(run(text, "de"), "Unternehmen würden").speaker == "Karla Nowak"


def test_konjunktiv_inside_a_relative_clause_does_not_continue_the_last_report():
    text = (
        "Minister Arne Vossberg kündigte an, die Regierung werde ihre Prognose senken. "
        "Er verwies auf das geplante Programm, das Betriebe bei den Energiekosten entlasten solle."
    )
    result = run(text, "de")
    assert quote_containing(result, "Regierung werde").speaker == "Arne Vossberg"
    no_quote_containing(result, "Betriebe bei den Energiekosten")


def test_indirect_report_split_by_its_cue_gives_both_halves():
    text = (
        "Landrat Ulf Beermann besuchte die Helfer. Die Feuerwehr stehe bereit, teilte das Landratsamt "
        "mit, bislang sei aber kein Ersuchen gestellt worden."
    )
    result = run(text, "de")
    front = quote_containing(result, "Feuerwehr stehe bereit")
    assert not front.direct
    assert front.speaker == "Landratsamt"
    assert "Ersuchen" not in front.text
    assert quote_containing(result, "kein Ersuchen").speaker == "Landratsamt"


def test_newspaper_title_in_quotation_marks_is_the_source():
    text = (
        "Der Trainer bleibt im Amt. Nach Informationen der „Abendpost“ soll es im Verein bereits "
        "erste kritische Stimmen geben."
    )
    quote = quote_containing(run(text, "de"), "kritische Stimmen")
    assert quote.speaker == "Abendpost"
    assert not quote.text.startswith("Nach")


def test_a_schedule_with_a_weekday_does_not_continue_the_report():
    text = (
        "Regierungschef Lars Eklund sagte, die Reform sei ein Fehler. "
        "Die Beratungen sollen am Freitagvormittag fortgesetzt werden."
    )
    result = run(text, "de")
    assert quote_containing(result, "Reform sei").speaker == "Lars Eklund"
    no_quote_containing(result, "Beratungen sollen")


def test_laut_with_a_title_in_quotation_marks_gives_the_title_without_marks():
    text = "Laut „Abendpost“ ist der Vertrag des Trainers bereits verlängert worden."
    assert quote_containing(run(text, "de"), "Vertrag des Trainers").speaker == "Abendpost"


def test_an_allegation_with_soll_before_any_report_quotes_nobody():
    text = (
        "Der Bauunternehmer Rainer Kolbe soll Hunderte Kunden um ihr Geld gebracht haben. "
        "Seit Montag steht er vor Gericht."
    )
    no_quote_containing(run(text, "de"), "Kunden um ihr Geld")


def test_an_allegation_with_soll_after_a_report_still_continues_it():
    text = (
        "Die Polizei teilte mit, die Täter seien geflohen. "
        "Einer der Männer soll eine rote Jacke getragen haben."
    )
    assert quote_containing(run(text, "de"), "rote Jacke").speaker == "Polizei"


def test_warf_vor_reports_a_konjunktiv_clause_but_not_an_infinitive():
    text = "Die Opposition warf der Regierung vor, sie habe das Parlament getäuscht."
    quote = quote_containing(run(text, "de"), "Parlament getäuscht")
    assert quote.speaker == "Opposition"
    assert quote.cue == "warf"
    text = "Der Kreml warf dem Westen vor, die Spannungen gezielt anzuheizen."
    assert run(text, "de").quotes == []


def test_a_second_verb_after_the_cue_is_not_a_report():
    text = "Die Polizei bestätigte den Einsatz, nannte aber keine weiteren Einzelheiten."
    no_quote_containing(run(text, "de"), "keine weiteren Einzelheiten")
    text = "Wie die Feuerwehr mitteilte, waren die Bewohner rechtzeitig gewarnt worden."
    assert quote_containing(run(text, "de"), "Bewohner rechtzeitig").speaker == "Feuerwehr"


def test_second_cue_joined_by_und_splits_the_report():
    text = (
        "Kanzlerin Ute Brandl sagte am Rande des Gipfels, man sei auf einem guten Weg, und fügte "
        "hinzu, die Gespräche gingen am Abend weiter."
    )
    result = run(text, "de")
    first = quote_containing(result, "guten Weg")
    assert "Gespräche" not in first.text
    assert first.speaker == "Ute Brandl"
    assert quote_containing(result, "Gespräche gingen").speaker == "Ute Brandl"


def test_own_source_phrase_opening_the_sentence_is_not_part_of_the_report():
    text = "Präsident Ivo Marek trat vor die Presse. Nach eigenen Worten will Marek weiter kämpfen."
    quote = quote_containing(run(text, "de"), "weiter kämpfen")
    assert quote.text == "will Marek weiter kämpfen"
    assert quote.speaker == "Ivo Marek"
    text = "Der Konzern machte Gewinn. Eigenen Angaben zufolge stieg der Umsatz um zehn Prozent."
    quote = quote_containing(run(text, "de"), "Umsatz")
    assert quote.text.startswith("stieg")
    assert quote.speaker == "Konzern"


def test_infinitive_after_a_warning_is_not_a_report():
    text = (
        "Die Klimaforscherin Lea Dorn warnte, die Anpassung an die Hitze zu vernachlässigen. "
        "Die Ärzteverbände mahnten, die Versorgung der Kranken nicht zu gefährden. "
        "Dorn warnte, die Pegel würden weiter steigen."
    )
    result = run(text, "de")
    no_quote_containing(result, "zu vernachlässigen")
    no_quote_containing(result, "nicht zu gefährden")
    assert quote_containing(result, "die Pegel würden").speaker == "Lea Dorn"
