"""The shipped GermEval 2014 German NER model (annotations/nlp/models/de_germeval/)."""

from __future__ import annotations

import pytest

from annotations.nlp.german_ner import MODEL_DIR, german_ner_spans, load_german_ner

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "config.cfg").is_file(), reason="German NER model not shipped"
)


def _ents(text: str) -> set[tuple[str, str]]:
    return {(text[start:end], label) for start, end, label in german_ner_spans(text)}


def test_loaded_once_per_process():
    first = load_german_ner()
    assert first is not None
    assert load_german_ner() is first
    assert set(first.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "OTH", "LOCderiv"}


def test_finds_persons_and_places():
    text = (
        "Der Bürgermeister Thomas Schneider traf am Dienstag in Hamburg die Abgeordnete "
        "Katharina Vogel, bevor er nach Frankreich weiterreiste."
    )
    ents = _ents(text)
    assert ("Thomas Schneider", "PER") in ents
    assert ("Katharina Vogel", "PER") in ents
    assert ("Hamburg", "LOC") in ents
    assert ("Frankreich", "LOC") in ents


def test_news_style_quote_and_country_adjective():
    text = (
        "„Wir sind zu Gesprächen bereit“, sagte der polnische Außenminister Jan Kowalski "
        "am Freitag in Warschau."
    )
    ents = _ents(text)
    assert ("Jan Kowalski", "PER") in ents
    assert ("Warschau", "LOC") in ents
    assert ("polnische", "LOCderiv") in ents
    assert not any(label == "PER" and "Gesprächen" in span for span, label in ents)


def test_spans_are_character_offsets():
    text = "Gestern sprach Maria Fischer in Wien."
    spans = german_ner_spans(text)
    assert spans, "no entity found"
    for start, end, label in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert label in {"PER", "LOC", "ORG", "OTH", "LOCderiv"}
    assert german_ner_spans("") == []


class _Recorder:
    """The real model, recording the sentences it is asked about."""

    def __init__(self, model):
        self.model = model
        self.texts: list[str] = []

    def pipe(self, texts):
        texts = list(texts)
        self.texts += texts
        return self.model.pipe(texts)


def test_model_runs_only_where_the_rules_leave_a_name_unexplained(monkeypatch):
    from annotations.nlp import loaders, pipeline

    recorder = _Recorder(load_german_ner())
    monkeypatch.setattr(loaders, "german_ner", lambda: recorder)
    monkeypatch.setattr(pipeline, "GERMAN_NER_ENABLED", True)
    text = (
        "Außenminister Jonas Falk sagte, die Lage sei ernst.\n\n"
        "Falk betonte, dass die Gespräche weitergehen müssten.\n\n"
        "Über die Pläne sagte er, sie seien fertig.\n\n"
        "Tabaré Vázquez erklärte, die Entscheidung sei falsch."
    )
    result = pipeline.extract(text, "de")
    # the role pattern found Falk, "Falk" alone resolves to him, "Über" is no name:
    # only the sentence with a name the rules do not know goes to the model
    assert recorder.texts == ["Tabaré Vázquez erklärte, die Entscheidung sei falsch."]
    speakers = {q.speaker for q in result.quotes}
    assert "Jonas Falk" in speakers
    assert "Tabaré Vázquez" in speakers
    assert "Tabaré Vázquez" in {m.text for m in result.mentions if m.label == "PERSON"}
