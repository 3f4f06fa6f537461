"""Load time and CPU speed of the shipped German NER model, on the GermEval test split text.

Usage (one thread):
    OMP_NUM_THREADS=1 python training/german_ner/bench.py [MODEL_DIR] [TEST_SPACY]

Words = GermEval tokens of the test split (sentences re-joined with spaces, as in
`spacy evaluate`). Prints words/sec of the model's nlp.pipe and, for scale, of the blank
"de" tokenizer alone on the same text.
"""

from __future__ import annotations

import sys
import time

t0 = time.perf_counter()
import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

IMPORT_S = time.perf_counter() - t0


def main(model_dir: str, test_path: str) -> None:
    t = time.perf_counter()
    nlp = spacy.load(model_dir)
    load_s = time.perf_counter() - t

    blank = spacy.blank("de")
    docs = list(DocBin().from_disk(test_path).get_docs(blank.vocab))
    texts = [d.text for d in docs]
    n_words = sum(len(d) for d in docs)
    list(nlp.pipe(texts[:200]))  # warm-up

    def rate(fn) -> float:
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t)
        return n_words / best

    model_wps = rate(lambda: list(nlp.pipe(texts, batch_size=256)))
    tok_wps = rate(lambda: list(blank.pipe(texts, batch_size=256)))
    print(f"import spacy: {IMPORT_S:.2f} s; spacy.load(model): {load_s:.2f} s")
    print(f"test split: {len(texts)} sentences, {n_words} words")
    print(f"model nlp.pipe: {model_wps:,.0f} words/s; blank 'de' tokenizer: {tok_wps:,.0f} words/s")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(
        args[0] if args else "annotations/nlp/models/de_germeval",
        args[1] if len(args) > 1 else "var/german_ner/test.spacy",
    )
