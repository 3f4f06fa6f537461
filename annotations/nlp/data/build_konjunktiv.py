"""Derive de_konjunktiv1.txt (3rd person singular Konjunktiv I candidates) from GermEval 2014 tokens.

Usage: python annotations/nlp/data/build_konjunktiv.py ../shared/data/germeval2014/NER-de-train.tsv

A lowercase word stem+"e" is taken as a Konjunktiv I form when the corpus also has
stem+"en" and stem+"t" or stem+"te" (so the stem conjugates like a verb), and the
word itself rarely follows an article or a possessive (which would make it an
adjective: "neue", "große", "rechte").
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

_DETERMINERS = set(
    "der die das den dem des ein eine einer einen einem eines kein keine keinen keiner keinem "
    "sein seine seinen seiner seinem ihr ihre ihren ihrer ihrem unser unsere unseren unserer "
    "diese dieser diesen diesem jede jeder jeden jedem alle als sehr zu am im vom zum zur beim "
    "so wie ganz immer noch".split()
)
_NOT_VERBS = set(
    "eine keine seine ihre meine deine unsere eure diese jene jede welche manche solche alle "
    "beide viele einige wenige andere ohne gerne heute bitte ende hilfe liebe ruhe mitte reihe "
    "folge rede frage lage seite weise zeile runde grenze menge stelle sache strafe woche".split()
)


def konjunktiv_forms(path: Path) -> list[str]:
    vocab: Counter[str] = Counter()
    after_det: Counter[str] = Counter()
    prev = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or line.startswith("#"):
            prev = ""
            continue
        token = parts[1]
        vocab[token] += 1
        if prev.lower() in _DETERMINERS:
            after_det[token] += 1
        prev = token
    # stems that conjugate like a verb: stem+"en" and stem+"t"/"te"/"et" all occur;
    # the Konjunktiv I form stem+"e" itself is rare in news, so it need not occur
    stems = set()
    for word in vocab:
        # -ern/-eln verbs: ändern -> ändert -> Konjunktiv I "ändere"
        if word.islower() and word.isalpha() and word.endswith(("ern", "eln")) and len(word) > 5:
            if word[:-1] + "t" in vocab and word[:-1] + "te" in vocab and word[:-1] + "e" not in _NOT_VERBS:
                stems.add(word[:-1] + "e")
        if len(word) < 4 or not word.islower() or not word.isalpha() or not word.endswith("en"):
            continue
        stem = word[:-2]
        if len(stem) < 2 or not (stem + "t" in vocab or stem + "te" in vocab or stem + "et" in vocab):
            continue
        form = stem + "e"
        if form in _NOT_VERBS:
            continue
        if vocab[form] and after_det[form] / vocab[form] > 0.2:
            continue  # mostly an adjective or noun form
        stems.add(form)
    return sorted(stems)


if __name__ == "__main__":
    target = Path(__file__).with_name("de_konjunktiv1.txt")
    forms = konjunktiv_forms(Path(sys.argv[1]))
    header = (
        "# Konjunktiv I (3rd sg) forms derived from GermEval 2014 tokens (CC BY 4.0); "
        "see build_konjunktiv.py\n"
    )
    target.write_text(header + "\n".join(forms) + "\n", encoding="utf-8")
    print(f"{len(forms)} forms -> {target}")
