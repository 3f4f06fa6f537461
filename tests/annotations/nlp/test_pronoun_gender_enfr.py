"""English and French pronouns skip a person whose first name, title or role shows the other gender."""

from __future__ import annotations

import pytest

from tests.annotations.nlp.helpers import quote_containing, run


@pytest.mark.parametrize(
    ("language", "text", "words", "speaker"),
    [
        (
            "en",
            "Prime Minister Keir Starmer met Commission President Ursula von der Leyen on Monday. "
            "She said the EU was ready to deepen ties.",
            "ready to deepen",
            "Ursula von der Leyen",
        ),
        (
            "en",
            "Ursula von der Leyen met Prime Minister Keir Starmer on Monday. "
            "He said Britain wanted closer ties.",
            "Britain wanted",
            "Keir Starmer",
        ),
        (
            "en",
            "Mrs Okafor met Mr Bello in Abuja. He said the talks had gone well.",
            "talks had gone well",
            "Bello",
        ),
        (
            "en",
            "Mr Bello met Mrs Okafor in Abuja. She said the talks had gone well.",
            "talks had gone",
            "Okafor",
        ),
        (
            "fr",
            "Le président Emmanuel Macron a reçu la cheffe du gouvernement italien Giorgia Meloni. "
            "Elle a affirmé que l'Italie soutenait le projet.",
            "l'Italie soutenait",
            "Giorgia Meloni",
        ),
        (
            "fr",
            # no first name in the list: the article before the epicene role shows the gender
            "Le député Paul Durand a reçu mardi la porte-parole Maud Brégeon. "
            "Elle a assuré que le texte serait voté.",
            "le texte serait voté",
            "Maud Brégeon",
        ),
    ],
)
def test_pronoun_skips_a_person_of_the_other_gender(language, text, words, speaker):
    assert quote_containing(run(text, language), words).speaker.endswith(speaker)


def test_pronoun_without_gender_evidence_keeps_the_last_subject():
    # neither first name is in the list: the subject of the sentence before speaks
    text = "Kim Tanaka met Alex Moreau in Paris. She said the deal was close."
    assert quote_containing(run(text, "en"), "deal was close").speaker == "Kim Tanaka"


def test_a_first_name_the_french_model_tags_as_a_noun_still_opens_a_name():
    text = (
        "La ministre de la Santé Catherine Vautrin a rencontré le Premier ministre François Bayrou mardi. "
        "Elle a déclaré que la réforme serait présentée en juin."
    )
    result = run(text, "fr")
    assert "Catherine Vautrin" in [name for name, _ in result.persons()]
    assert quote_containing(result, "la réforme serait").speaker == "Catherine Vautrin"
