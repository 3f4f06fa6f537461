"""Convert GermEval 2014 NER TSV files to spaCy DocBin (.spacy) files.

Usage:
    python training/german_ner/convert.py [--data DIR] [--out DIR]

Reads NER-de-{train,dev,test}.tsv from --data (default /work/shared/data/germeval2014,
or $GERMEVAL_DIR) and writes {train,dev,test}.spacy into --out (default var/german_ner/).

Input format: optional "#\tURL\t[date]" line per sentence, then one token per line
"index\ttoken\touter\tinner", a blank line between sentences. Only the outer column (3) is
used.

Label mapping (outer column, BIO):
  PER, LOC, ORG, OTH  -> kept as is
  LOCderiv            -> kept (adjectives such as "russische", "deutschen": useful for
                         countries)
  *part (LOCpart, ORGpart, PERpart, OTHpart) -> O
        These tag a whole compound token ("EU-Kommission", "Russland-Politik") whose
        entity is only a part of the token: tagging the whole token as LOC/ORG would teach
        the model wrong spans, and the country gazetteer handles compounds anyway.
  PERderiv, ORGderiv, OTHderiv -> O
        Rare (62/41/236 training spans) and of no use downstream.
All data splits (including test) go through the same mapping, so the scores are for these
five labels, not the official 12-label GermEval metric.

Stray C1 control characters (U+0080..U+009F, Windows-1252 bytes mis-decoded as Latin-1)
are re-decoded as Windows-1252 ("\\x96" -> "–", "\\x92" -> "’"); the five code points
Windows-1252 leaves undefined are dropped. A token left empty is replaced by "-".

Quote-mark augmentation (train split only, seeded): GermEval writes every quotation mark
as '"', German news uses „…“ and »…«. In 30% of the training sentences with an even
number of '"' tokens the pairs become „ “, in another 10% » «.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

KEEP = {"PER", "LOC", "ORG", "OTH", "LOCderiv"}
SPLITS = {"train": "NER-de-train.tsv", "dev": "NER-de-dev.tsv", "test": "NER-de-test.tsv"}
_C1 = re.compile("[\u0080-\u009f]")


def _fix_c1(match: re.Match) -> str:
    try:
        return match.group(0).encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:
        return ""


def clean_token(token: str) -> str:
    token = _C1.sub(_fix_c1, token)
    token = "".join(token.split())  # no whitespace inside a token
    return token or "-"


def map_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if label not in KEEP:
        return "O"
    return f"{prefix}-{label}"


def repair_bio(tags: list[str]) -> list[str]:
    """Make the sequence valid IOB after dropping labels: an I- without a matching
    preceding tag becomes B-."""
    fixed = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag
    return fixed


def read_sentences(path: Path):
    """Yield (tokens, outer_tags) per sentence."""
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise ValueError(f"{path}: bad line {line!r}")
            tokens.append(clean_token(cols[1]))
            tags.append(cols[2].strip())
    if tokens:
        yield tokens, tags


def vary_quotes(tokens: list[str], rng: random.Random) -> list[str]:
    idx = [i for i, t in enumerate(tokens) if t == '"']
    if not idx or len(idx) % 2:
        return tokens
    r = rng.random()
    if r < 0.3:
        pair = ("„", "“")
    elif r < 0.4:
        pair = ("»", "«")
    else:
        return tokens
    tokens = list(tokens)
    for k, i in enumerate(idx):
        tokens[i] = pair[k % 2]
    return tokens


def convert(src: Path, dest: Path, vocab, stats: Counter, augment: bool = False) -> int:
    db = DocBin(store_user_data=False)
    rng = random.Random(2014)
    n = 0
    for tokens, tags in read_sentences(src):
        if augment:
            tokens = vary_quotes(tokens, rng)
        for tag in tags:
            if tag.startswith("B-"):
                stats[("in", tag[2:])] += 1
        iob = repair_bio([map_tag(t) for t in tags])
        doc = Doc(vocab, words=tokens, ents=iob)
        for ent in doc.ents:
            stats[("out", ent.label_)] += 1
        db.add(doc)
        n += 1
    dest.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(dest)
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("GERMEVAL_DIR", "/work/shared/data/germeval2014"))
    parser.add_argument("--out", default="var/german_ner")
    args = parser.parse_args(argv)
    nlp = spacy.blank("de")
    for split, name in SPLITS.items():
        stats: Counter = Counter()
        n = convert(
            Path(args.data) / name,
            Path(args.out) / f"{split}.spacy",
            nlp.vocab,
            stats,
            augment=(split == "train"),
        )
        kept = {k[1]: v for k, v in sorted(stats.items()) if k[0] == "out"}
        dropped = {k[1]: v for k, v in sorted(stats.items()) if k[0] == "in" and k[1] not in KEEP}
        print(f"{split}: {n} sentences, entities {kept}, mapped to O {dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
