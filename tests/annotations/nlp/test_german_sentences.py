"""German sentence splitting without a per-token loop matches the Sentencizer's rule.

The reference below is the straightforward per-token loop the fast path replaced: a line
break ends a sentence, and after a sentence-final mark the next word that is not a mark
opens one, or an opening quotation mark (space before, word glued after). The fast path
must give the same tokens and sentences on awkward inputs.
"""

from __future__ import annotations

import pytest

from annotations.nlp import loaders
from annotations.nlp.article import (
    _QUOTE_MARKS,
    _SENT_PUNCT,
    _repair_sentences,
    analysis_text,
    build_article,
    chunks,
)


def _reference(text: str) -> tuple[list[tuple[str, int]], list[tuple[int, int]]]:
    tokenizer = loaders.pipeline_for("de").tokenizer
    toks: list[tuple[str, int]] = []
    sents: list[tuple[int, int]] = []
    for offset, piece in chunks(analysis_text(text)):
        s = len(toks)
        seen_period = False
        for token in tokenizer(piece):
            if token.is_space:
                if "\n" in token.text and len(toks) > s:
                    sents.append((s, len(toks)))
                    s, seen_period = len(toks), False
                continue
            start = offset + token.idx
            word = text[start : start + len(token)]
            in_punct = word in _SENT_PUNCT
            after = piece[token.idx + len(token) : token.idx + len(token) + 1]
            opener = word in _QUOTE_MARKS and piece[token.idx - 1 : token.idx].isspace() and after.isalnum()
            if seen_period and not in_punct and (word[0].isalnum() or word[-1].isalnum() or opener):
                if len(toks) > s:
                    sents.append((s, len(toks)))
                    s = len(toks)
                seen_period = False
            elif in_punct:
                seen_period = True
            toks.append((word, start))
            if "\n" in piece[token.idx + len(token) : token.idx + len(token) + 1] and len(toks) > s:
                sents.append((s, len(toks)))
                s, seen_period = len(toks), False
        if len(toks) > s:
            sents.append((s, len(toks)))
    return toks, sents


CASES = [
    "Er kam. Sie ging! Wer blieb? Niemand.",
    "„Wir bleiben.“ Dann ging er.\nNeue Zeile ohne Punkt\n\nAbsatz.",
    "Ende. „\nWort“ und. \n„ Wort weiter. ... … Noch?! Ja.",
    "\n\n  Titel\nBerlin (dpa) - Der Satz. 5.000. Danach 17. Januar. Schluss",
    "Die Zahl stieg auf 40. Das teilte die Polizei mit. Der 40. Jahrestag und am 3. Oktober.",
    "Punkt.\n",
    "   ",
    "A" * 200 + ". Weiter. " + "x" * 70 + "\nEnde.",
    "Satz eins.“ sagte er. (Klammer.) [Noch.] Fertig",
    'Er kam. „Wir bleiben“, sagte er. »Nein.« Dann. "Ja" sagte sie. « Oui » fini.',
]


@pytest.mark.parametrize("text", CASES)
def test_fast_sentences_match_reference(text):
    nlp = loaders.pipeline_for("de")
    article = build_article(text, "de", nlp, parsed=False)
    toks, sents = _reference(text)
    assert [(t.text, t.start) for t in article.toks] == toks
    assert [t.i for t in article.toks] == list(range(len(toks)))
    expected = _repair_sentences(article.toks, sents, text)
    assert article.sents == expected


def test_opening_mark_after_a_full_stop_opens_the_next_sentence():
    text = "Beobachter erwarten weitere Treffen. „Wir bleiben hier“, sagte Falk."
    article = build_article(text, "de", loaders.pipeline_for("de"), parsed=False)
    first, second = (text[article.toks[s].start : article.toks[e - 1].end] for s, e in article.sents)
    assert first == "Beobachter erwarten weitere Treffen."
    assert second.startswith("„Wir bleiben")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Die Zahl der Toten stieg auf 40. Das teilte die Polizei mit.",
            ["Die Zahl der Toten stieg auf 40.", "Das teilte die Polizei mit."],
        ),
        ("Am 3. Oktober feiert man den 40. Jahrestag der Einheit.", None),
        ("Sie wurde 52. Sie sagte, sie bleibe.", ["Sie wurde 52.", "Sie sagte, sie bleibe."]),
    ],
)
def test_a_number_ends_a_sentence_before_a_sentence_opener_but_an_ordinal_does_not(text, sentences):
    article = build_article(text, "de", loaders.pipeline_for("de"), parsed=False)
    got = [text[article.toks[s].start : article.toks[e - 1].end] for s, e in article.sents]
    assert got == (sentences or [text])
