"""German speakers named by a role, an apposition or an age noun (invented sentences)."""

from __future__ import annotations

from tests.annotations.nlp.helpers import quote_containing, run


def test_article_role_name_and_apposition_before_the_cue():
    text = (
        "Die Zeugin Greta Wolfram, eine 37 Jahre alte Kassiererin, sagte vor dem Amtsgericht aus, "
        "sie habe den Mann bereits im Frühjahr gesehen."
    )
    quote = quote_containing(run(text, "de"), "den Mann bereits")
    assert quote.speaker == "Greta Wolfram"


def test_court_roles_and_a_synonym_role_point_back_to_the_named_person():
    text = (
        "Die Zeugin Greta Wolfram schilderte den Abend ausführlich. „Ich habe den Wagen erst spät "
        "bemerkt“, berichtete die Zeugin.\n\n"
        "Verteidiger Holger Brandmeier hielt dagegen. Die Beleuchtung sei an jenem Abend defekt "
        "gewesen, sagte der Anwalt."
    )
    result = run(text, "de")
    assert quote_containing(result, "den Wagen erst spät").speaker == "Greta Wolfram"
    assert quote_containing(result, "Beleuchtung sei").speaker == "Holger Brandmeier"


def test_age_noun_means_the_person_named_just_before():
    text = (
        "Die Ärztin Petra Lindqvist leitet die Station seit zehn Jahren. Der Personalmangel werde "
        "immer schlimmer, sagte die 54-Jährige."
    )
    assert quote_containing(run(text, "de"), "Personalmangel").speaker == "Petra Lindqvist"


def test_age_noun_after_other_sentences_means_someone_unnamed():
    text = (
        "Amtsrichter Bernd Ostermann eröffnete die Sitzung am Vormittag. Der Saal war voll. "
        "Dem Angeklagten wurde Diebstahl vorgeworfen. Der 39-Jährige gab an, er habe das Fahrrad "
        "nur geliehen."
    )
    quote = quote_containing(run(text, "de"), "Fahrrad nur geliehen")
    assert quote.speaker != "Bernd Ostermann"


def test_turkish_first_names_make_a_person_and_a_speaker():
    text = (
        "Der Kioskbesitzer Emre Aksoy beobachtete die Flucht. „Sie sind mit einem Roller "
        "weggefahren“, berichtete er."
    )
    result = run(text, "de")
    assert "Emre Aksoy" in [name for name, _ in result.persons()]
    assert quote_containing(result, "mit einem Roller").speaker == "Emre Aksoy"


def test_party_politician_epithet_points_back_to_the_minister():
    text = (
        "Gesundheitsminister Jens Aldag zeigte sich besorgt. Eine Einigung sei möglich, "
        "sagte der SPD-Politiker."
    )
    assert quote_containing(run(text, "de"), "Einigung sei").speaker == "Jens Aldag"


def test_an_office_noun_does_not_point_back_to_someone_else():
    text = (
        "Der Skilehrer Tobias Hainz wurde befragt. Der Sohn habe sich selbst verletzt, sagte der "
        "Staatsanwalt."
    )
    assert quote_containing(run(text, "de"), "Sohn habe").speaker != "Tobias Hainz"


def test_board_role_before_a_name_is_not_part_of_the_name():
    text = "Laut Sportvorstand Markus Lindner steht der Trainer nicht zur Diskussion."
    result = run(text, "de")
    assert [name for name, _ in result.persons()] == ["Markus Lindner"]
    assert quote_containing(result, "steht der Trainer").speaker == "Markus Lindner"


def test_die_notenbank_means_the_central_bank_named_before():
    text = (
        "Auch die Bundesbank zeigte sich skeptisch. In ihrem Monatsbericht schrieb die Notenbank, "
        "die Wirtschaft dürfte im Herbst leicht schrumpfen."
    )
    assert quote_containing(run(text, "de"), "Wirtschaft dürfte").speaker == "Bundesbank"


def test_name_after_the_role_behind_a_trailing_cue_is_the_speaker():
    text = (
        "„Wir haben früh gewarnt“, sagte die Präsidentin des Pflegerats, Christine Vogel, "
        "„aber niemand hat zugehört.“"
    )
    result = run(text, "de")
    assert quote_containing(result, "früh gewarnt").speaker == "Christine Vogel"
    assert quote_containing(result, "niemand hat").speaker == "Christine Vogel"


def test_ihm_zufolge_means_the_man_named_before():
    text = "Minister Karl Brenner stellte den Bericht vor. Ihm zufolge fehlen bundesweit 50.000 Pflegekräfte."
    assert quote_containing(run(text, "de"), "fehlen bundesweit").speaker == "Karl Brenner"


def test_hiess_es_before_a_colon_names_the_place_of_the_statement():
    text = (
        "Minister Karl Brenner stellte den Bericht vor. In einer Erklärung des Verbands hieß es: "
        "„Wir lehnen die Pläne ab.“"
    )
    speaker = quote_containing(run(text, "de"), "lehnen die Pläne").speaker
    assert speaker != "Karl Brenner"
    assert "Verbands" in speaker


def test_role_does_not_point_forward_to_a_person_introduced_later():
    text = (
        "Die Delegationen trafen sich in Genf. Der chinesische Außenminister fügte hinzu: "
        "„Wir sind Partner, keine Rivalen.“\n\n"
        "Polens Außenminister Jan Wrona schrieb später auf X: „Das ist eine Lüge.“"
    )
    result = run(text, "de")
    assert quote_containing(result, "Partner, keine").speaker != "Jan Wrona"
    assert quote_containing(result, "eine Lüge").speaker == "Jan Wrona"


def test_colleague_role_introduces_a_foreign_name():
    text = (
        "Die Außenministerin traf ihren Amtskollegen Zhao Minghui in Peking. Zhao erklärte, man wolle "
        "die Beziehungen vertiefen."
    )
    result = run(text, "de")
    assert "Zhao Minghui" in [name for name, _ in result.persons()]
    assert quote_containing(result, "Beziehungen vertiefen").speaker == "Zhao Minghui"


def test_party_chief_compound_points_back_to_the_premier():
    text = (
        "Ministerpräsident Bernd Falkner hat die Regierung kritisiert. Sie habe das Vertrauen "
        "verspielt, sagte der CSU-Chef am Montag."
    )
    assert quote_containing(run(text, "de"), "Vertrauen").speaker == "Bernd Falkner"


def test_profession_noun_points_back_to_the_expert_named_before():
    text = (
        "Die Studie leitete Sonja Albers von der Universität Kiel. „Die Werte sind zu hoch“, "
        "sagte die Epidemiologin. Der Sportmediziner Paul Gerber sieht das anders. "
        "Die Messungen seien ungenau, sagte der Mediziner."
    )
    result = run(text, "de")
    assert quote_containing(result, "Die Werte sind").speaker == "Sonja Albers"
    assert quote_containing(result, "Die Messungen seien").speaker == "Paul Gerber"


def test_demonym_noun_means_the_person_named_just_before():
    text = (
        "Freiburgs Trainer Jonas Albrecht lobte sein Team. Die Abwehr habe gut gestanden, "
        "sagte der Schwabe. Die Ministerin Ewa Kowalczyk reiste ab. Die Lage sei ernst, "
        "sagte die Polin. Die Ukraine widersprach. Die Lage sei ruhig, erklärte die Ukraine."
    )
    result = run(text, "de")
    assert quote_containing(result, "Die Abwehr habe").speaker == "Jonas Albrecht"
    assert quote_containing(result, "Die Lage sei ernst").speaker == "Ewa Kowalczyk"
    assert quote_containing(result, "Die Lage sei ruhig").speaker == "Ukraine"
