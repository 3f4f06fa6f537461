"""English and French wire patterns: Reuters datelines, long role phrases, particles in
names, anonymous sources, and the writer's tail after a reported clause."""

from __future__ import annotations

from tests.nlp.helpers import no_quote_containing, quote_containing, run


def test_reuters_dateline_with_day_is_not_the_speaker():
    text = (
        "ROME, June 12 (Reuters) - Eni said on Tuesday it would sell a stake in its "
        "biofuels unit to a US fund before the end of the year."
    )
    quote = quote_containing(run(text, "en"), "would sell a stake")
    assert quote.speaker == "Eni"


def test_long_role_and_name_after_the_quote():
    text = (
        '"We are ready to help our neighbours," Qatari Foreign Affairs Minister Sheikh '
        "Mohammed bin Abdulrahman told reporters in Doha."
    )
    result = run(text, "en")
    assert quote_containing(result, "ready to help").speaker == "Mohammed bin Abdulrahman"


def test_lower_case_particle_and_surname_after_the_model_span():
    text = (
        "À Brasilia, le président brésilien Luiz Inácio Lula da Silva a jugé que les "
        "négociations avançaient bien."
    )
    result = run(text, "fr")
    assert [name for name, _n in result.persons()] == ["Luiz Inácio Lula da Silva"]
    assert quote_containing(result, "négociations avançaient").speaker == "Luiz Inácio Lula da Silva"


def test_writers_tail_after_the_reported_clause_is_cut():
    text = (
        "The central bank said it would keep rates on hold until the autumn, sending "
        "the currency to a two-year low.\n\n"
        "Opposition leader Mark Dunmore said his party would vote against the plan, "
        'calling it "a tax on families".\n\n'
        "The mayor insisted that the stadium would open on time, despite protests by "
        "residents over the noise."
    )
    result = run(text, "en")
    assert quote_containing(result, "keep rates on hold").text.endswith("until the autumn")
    assert quote_containing(result, "vote against").text == "his party would vote against the plan"
    assert quote_containing(result, "stadium would open").text.endswith("on time")


def test_one_or_several_unnamed_sources_are_no_source():
    en = run("The strike could last until March, according to one minister.", "en")
    no_quote_containing(en, "strike could last")
    fr = run(
        "Selon plusieurs élus de la majorité, le texte pourrait être retiré. Un cadre du "
        "parti assure, sous couvert d’anonymat, que la décision est déjà prise.",
        "fr",
    )
    no_quote_containing(fr, "texte pourrait")
    no_quote_containing(fr, "décision est déjà prise")
    named = run("Selon un communiqué du ministère, la ville est tombée dans la nuit.", "fr")
    assert quote_containing(named, "ville est tombée").speaker


def test_relative_clause_on_the_subject_is_no_reported_clause():
    text = "Londres, qui a quitté l’accord en 2020, soutient la démarche de ses voisins."
    assert run(text, "fr").quotes == []


def test_the_word_before_a_particle_names_the_same_person():
    text = (
        "Le président brésilien Luiz Inácio Lula da Silva est arrivé lundi à Rome. "
        "Lula a ensuite rencontré le pape."
    )
    assert run(text, "fr").persons() == [("Luiz Inácio Lula da Silva", 2)]
