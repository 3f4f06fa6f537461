"""Optional statistical German NER trained on GermEval 2014.

The model lives in ``annotations/nlp/models/de_germeval/`` (built by
``training/german_ner/train.sh``): spaCy blank "de" tokenizer + small CNN tok2vec + NER,
labels PER, LOC, ORG, OTH and LOCderiv (country/place adjectives such as "russische").
It is loaded from the package directory only, once per process; nothing is downloaded.

GermEval 2014 NER data: D. Benikova, C. Biemann, M. Reznicek. NoSta-D Named Entity
Annotation for German: Guidelines and Dataset. LREC 2014. CC BY 4.0.

No Django imports here: this module must work without settings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "models" / "de_germeval"
LABELS = ("PER", "LOC", "ORG", "OTH", "LOCderiv")


@cache
def load_german_ner():
    """The trained German NER pipeline (a spaCy ``Language``), or None when no model is shipped.

    Cached: the same object is returned for the lifetime of the process.
    """
    if not (MODEL_DIR / "config.cfg").is_file():
        return None
    import spacy  # local import: keep importing this module cheap

    return spacy.load(MODEL_DIR)


def german_ner_spans(text: str) -> list[tuple[int, int, str]]:
    """Entity spans as ``(start_char, end_char, label)`` over `text`; [] when no model is shipped."""
    nlp = load_german_ner()
    if nlp is None or not text:
        return []
    doc = nlp(text)
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
