"""Persons: rules and gazetteers in German, NER plus rules in English and French."""

from __future__ import annotations

from annotations.nlp import KnownPerson
from tests.annotations.nlp.helpers import quote_containing, run


def test_german_first_name_lexicon_and_role_nouns():
    text = (
        "Kremlsprecher Dmitri Peskow äußerte sich am Donnerstag. Außenminister Lawrow schwieg. "
        "Die Expertin Hanna Liebig sieht das anders. Peskow sagte später nichts mehr."
    )
    persons = dict(run(text, "de").persons())
    assert persons["Dmitri Peskow"] == 2  # surname-only mention resolved
    assert "Lawrow" in persons
    assert "Hanna Liebig" in persons
    assert "Kremlsprecher" not in " ".join(persons)


def test_german_persons_are_named_individuals_only():
    text = (
        "Der Präsident Frankreichs reiste nach Berlin. Die Regierung in Paris schwieg. "
        "Am Montag kam der Minister."
    )
    assert run(text, "de").persons() == []


def test_known_persons_are_found_next_time():
    text = "Zuletzt äußerte sich Xaver Quirin zur Lage. Quirin forderte mehr Geld."
    assert run(text, "de").persons() == []  # unknown first name, no role: not found
    known = [KnownPerson("Xaver Quirin", aliases=("Quirin",))]
    assert dict(run(text, "de", known_persons=known).persons()) == {"Xaver Quirin": 2}


def test_german_names_with_particles_after_the_first_name():
    text = (
        "Bundesarbeitsministerin Ursula von der Leyen reiste nach Brüssel, wo Alexis de Souza "
        "wartete. Von der Leyen betonte, die Gespräche seien gut verlaufen. Der Sprecher "
        "Jonas Falk von der Umweltbehörde und Präsident Keller von Frankreich schwiegen."
    )
    result = run(text, "de")
    persons = dict(result.persons())
    assert persons["Ursula von der Leyen"] == 2
    assert "Alexis de Souza" in persons
    # a particle run after a surname or a role noun starts a phrase, not a name
    assert "Jonas Falk" in persons and "Keller" in persons
    assert result.quotes[0].speaker == "Ursula von der Leyen"


def test_genitive_surname_resolves():
    text = "Präsident Wladimir Putin reiste ab. Putins Sprecher bestätigte die Reise."
    assert dict(run(text, "de").persons()) == {"Wladimir Putin": 2}


def test_english_ner_with_surname_resolution():
    text = (
        "Secretary of State Antony Blinken arrived in Kyiv on Tuesday. "
        "Blinken met Ukrainian Foreign Minister Dmytro Kuleba. Kuleba thanked him."
    )
    persons = dict(run(text, "en").persons())
    assert persons["Antony Blinken"] == 2
    assert persons["Dmytro Kuleba"] == 2
    assert set(persons) == {"Antony Blinken", "Dmytro Kuleba"}


def test_french_persons():
    text = "Le chancelier allemand Olaf Scholz a parlé avec Emmanuel Macron. Scholz a ensuite quitté Paris."
    persons = dict(run(text, "fr").persons())
    assert persons.get("Olaf Scholz") == 2
    assert "Emmanuel Macron" in persons


def test_pronoun_speaker_prefers_the_subject_over_an_object():
    text = (
        "Blinken, who also met President Volodymyr Zelensky, warned against complacency. "
        '"Russia is betting that we will lose interest," he said.'
    )
    text = "Secretary of State Antony Blinken arrived on Tuesday. " + text
    result = run(text, "en")
    assert result.quotes[0].speaker == "Antony Blinken"


def test_english_hyphenated_names_and_names_after_a_role_noun():
    text = (
        "North Korean leader Kim Jong-un has sent troops to Russia. In Moscow, Foreign Minister "
        "Sergei Lavrov, speaking alongside his North Korean counterpart Choe Son Hui, said the "
        "cooperation was legal."
    )
    names = {m.text for m in run(text, "en").mentions if m.label == "PERSON"}
    assert {"Kim Jong-un", "Choe Son Hui", "Sergei Lavrov"} <= names


def test_a_pronoun_is_never_the_surname_of_an_east_asian_name():
    text = (
        "Trade Commissioner Anna Berg spent two days in talks. "
        "He said the Commission would not lift the duties. "
        "Commerce ministry spokesman He Yadong said the door remained open."
    )
    result = run(text, "en")
    assert [m.text for m in result.mentions if m.label == "PERSON"] == ["Anna Berg", "He Yadong"]


def test_german_he_is_a_surname_not_a_pronoun():
    text = (
        "Ministeriumssprecher He Yadong äußerte sich am Montag. "
        "„Wir werden unsere Interessen verteidigen“, sagte He."
    )
    result = run(text, "de")
    assert quote_containing(result, "Interessen verteidigen").speaker == "He Yadong"


def test_german_arabic_surnames_with_the_article():
    text = (
        "Der jordanische Außenminister Aiman al-Safadi warnte vor einer Ausweitung. "
        "Die Region stehe am Rand eines Flächenbrands, sagte Safadi."
    )
    result = run(text, "de")
    assert [name for name, _ in result.persons()] == ["Aiman al-Safadi"]
    assert quote_containing(result, "Region stehe").speaker == "Aiman al-Safadi"


def test_a_shared_surname_with_another_given_name_is_another_person():
    text = (
        "Le porte-parole du ministère chinois des Affaires étrangères, Lin Jian, a déclaré que le dialogue "
        "reprendrait.\n\n"
        "L’analyste Bonnie Lin, du Center for Strategic and International Studies, reste prudente."
    )
    result = run(text, "fr")
    assert [m.key for m in result.mentions if m.label == "PERSON"] == ["Lin Jian", "Bonnie Lin"]
    text = "Joe Biden met the press on Monday. Hunter Biden was not there. Biden said nothing."
    keys = [m.key for m in run(text, "en").mentions if m.label == "PERSON"]
    assert keys[:2] == ["Joe Biden", "Hunter Biden"]


def test_german_name_with_a_middle_initial():
    text = "Der frühere US-Präsident George W. Bush besuchte am Montag Berlin."
    assert [name for name, _ in run(text, "de").persons()] == ["George W. Bush"]


def test_a_name_the_model_cut_short_after_a_hyphenated_role_and_adjective():
    text = "Le vice-ministre japonais Takehiro Funakoshi s’est montré prudent."
    assert [m.text for m in run(text, "fr").mentions if m.label == "PERSON"] == ["Takehiro Funakoshi"]


def test_a_country_the_model_tags_as_a_person_is_not_one():
    text = (
        "Mali and Burkina Faso, both also ruled by juntas, said in a joint statement that talks had failed."
    )
    assert [m for m in run(text, "en").mentions if m.label == "PERSON"] == []


def test_demonym_before_a_title_is_not_part_of_the_name_and_a_name_apposed_to_a_role_phrase():
    text = "Slovak President Peter Pellegrini said through a spokesman that Slovakia would not block it."
    assert [m.text for m in run(text, "en").mentions if m.label == "PERSON"] == ["Peter Pellegrini"]
    text = (
        "Le Brésil, par la voix de son ministre des Affaires étrangères, Mauro Vieira, a appelé au dialogue."
    )
    assert [m.text for m in run(text, "fr").mentions if m.label == "PERSON"] == ["Mauro Vieira"]


def test_french_title_and_elided_article_are_not_part_of_a_name():
    text = (
        "Le chef des conservateurs, Friedrich Merz, a gagné. Paris a salué le résultat. L’Élysée a fait "
        "savoir qu’Emmanuel Macron avait appelé M. Merz pour le féliciter."
    )
    mentions = [m for m in run(text, "fr").mentions if m.label == "PERSON"]
    assert sorted({m.key for m in mentions}) == ["Emmanuel Macron", "Friedrich Merz"]


def test_common_german_first_names_in_an_apposition_after_a_place():
    text = (
        "Die Bürgermeisterin von Neuhaus, Katrin Wendel, widerspricht. Der Plan sei überhastet, "
        "kritisierte die Politikerin. Der Landrat Ronny Brehm schwieg."
    )
    result = run(text, "de")
    persons = dict(result.persons())
    assert "Katrin Wendel" in persons
    assert "Ronny Brehm" in persons
    assert quote_containing(result, "Der Plan sei").speaker == "Katrin Wendel"


def test_competition_names_after_a_role_word_are_not_persons():
    text = "Der Stürmer Timo Brandt wechselt in die englische Premier League. Premier Li Qiang gratulierte."
    persons = dict(run(text, "de").persons())
    assert "League" not in " ".join(persons)
    assert "Timo Brandt" in persons
    assert "Li Qiang" in persons
