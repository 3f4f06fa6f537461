"""German speakers named by a role, an apposition or an age noun (invented sentences)."""

from __future__ import annotations

from tests.nlp.helpers import quote_containing, run


def test_article_role_name_and_apposition_before_the_cue():
    text = (
        "Die Zeugin Greta Wolfram, eine 37 Jahre alte Kassiererin, sagte vor dem Amtsgericht aus, "
        "sie habe den Mann bereits im Frühjahr gesehen."
    )
    quote = quote_containing(run(text, "de"), "den Mann bereits")
    assert quote.speaker == "Greta Wolfram"
