"""Derive de_first_names.txt from the PER spans of GermEval 2014 (CC BY 4.0).

Usage: python annotations/nlp/data/build_first_names.py ../shared/data/germeval2014/NER-de-train.tsv

A token counts as a first name when it opens a multi-token PER span at least once
and opens such a span in at least half of its occurrences (so "Präsident" or
"Herr", which precede names but are mostly used otherwise, stay out).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path


def first_names(path: Path, min_count: int = 1, min_share: float = 0.5) -> list[str]:
    opens: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    sentence: list[tuple[str, str]] = []

    def flush() -> None:
        for i, (token, tag) in enumerate(sentence):
            seen[token] += 1
            nxt = sentence[i + 1][1] if i + 1 < len(sentence) else "O"
            if tag == "B-PER" and nxt == "I-PER":
                opens[token] += 1
        sentence.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            sentence.append((parts[1], parts[2]))
    flush()
    names = [
        token
        for token, n in opens.items()
        if n >= min_count
        and n / seen[token] >= min_share
        and token[:1].isupper()
        and token.replace("-", "").isalpha()
        and len(token) > 1
    ]
    return sorted(names)


if __name__ == "__main__":
    source = Path(sys.argv[1])
    target = Path(__file__).with_name("de_first_names.txt")
    names = first_names(source)
    header = "# First names from GermEval 2014 NER-de-train PER spans (CC BY 4.0); see build_first_names.py\n"
    target.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {target}")
