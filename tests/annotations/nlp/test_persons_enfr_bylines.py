"""English and French persons: the author's byline names no person of the story."""

from __future__ import annotations

from tests.annotations.nlp.helpers import run


def test_french_byline_is_not_a_person():
    text = (
        "Par Hélène Marchal (à Genève)\n\n"
        "La présidente suisse, Karin Keller-Sutter, a reçu mardi son homologue autrichien."
    )
    assert [name for name, _n in run(text, "fr").persons()] == ["Karin Keller-Sutter"]


def test_english_byline_is_not_a_person():
    text = "By Thomas Whitfield\n\nIrish Prime Minister Micheál Martin met union leaders on Monday."
    assert [name for name, _n in run(text, "en").persons()] == ["Micheál Martin"]
