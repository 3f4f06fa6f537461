"""Copy a trained pipeline into the package directory, stripped for shipping.

Usage:
    python training/german_ner/package.py SRC_MODEL_DIR DEST_DIR

- copies only what spacy.load needs (config.cfg, meta.json, tokenizer, vocab, tok2vec, ner);
- replaces vocab/strings.json (every string seen in training, ~2 MB) by the NER labels:
  the model's features are hashes, strings are re-added as text is processed;
- fills in meta.json (name, description, licence, data source with attribution) and
  writes README.md with the CC BY attribution;
- checks that the stripped copy predicts exactly what the original predicts on a sample.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import spacy

ATTRIBUTION = (
    "GermEval 2014 NER data: D. Benikova, C. Biemann, M. Reznicek. NoSta-D Named Entity "
    "Annotation for German: Guidelines and Dataset. Proceedings of LREC 2014, Reykjavik. CC BY 4.0."
)
SAMPLE = [
    "Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten "
    "Emmanuel Macron empfangen.",
    "Kremlsprecher Dmitri Peskow sagte der Nachrichtenagentur Interfax, Russland sei zu Gesprächen bereit.",
    "„Wir werden die Ukraine weiter unterstützen“, erklärte Außenministerin Annalena Baerbock in Kiew.",
    "Die Vereinten Nationen warnten vor einer Hungersnot im Sudan und in Äthiopien.",
]


def ents(nlp, texts):
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def main(src: str, dest: str) -> int:
    src_dir, dest_dir = Path(src), Path(dest)
    if dest_dir.exists():
        shutil.rmtree(dest_dir)
    dest_dir.mkdir(parents=True)
    for name in ("config.cfg", "meta.json"):
        shutil.copy2(src_dir / name, dest_dir / name)
    for name in ("tokenizer",):
        shutil.copy2(src_dir / name, dest_dir / name)
    for name in ("vocab", "tok2vec", "ner"):
        shutil.copytree(src_dir / name, dest_dir / name)

    original = spacy.load(src_dir)
    labels = sorted(original.get_pipe("ner").labels)
    (dest_dir / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")

    meta = json.loads((dest_dir / "meta.json").read_text(encoding="utf-8"))
    meta.update(
        name="de_germeval",
        version="1.0.0",
        description=(
            "Small CPU German NER for newsarchive: blank 'de' tokenizer, HashEmbedCNN tok2vec "
            "(width 96, depth 4, no pretrained vectors) and transition-based NER, trained on "
            "GermEval 2014 (outer spans; labels PER, LOC, ORG, OTH, LOCderiv; *part and non-LOC "
            "*deriv mapped to O). Built by training/german_ner/train.sh."
        ),
        license="CC BY 4.0 (training data)",
        sources=[
            {
                "name": "GermEval 2014 NER",
                "url": "https://sites.google.com/site/germeval2014ner/",
                "license": "CC BY 4.0",
                "author": "D. Benikova, C. Biemann, M. Reznicek (LREC 2014)",
            }
        ],
        notes=ATTRIBUTION,
    )
    (dest_dir / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")

    (dest_dir / "README.md").write_text(
        "# de_germeval: small German NER for newsarchive\n\n"
        f"{meta['description']}\n\nTraining data: {ATTRIBUTION}\n"
        "Licence of the data: https://creativecommons.org/licenses/by/4.0/\n",
        encoding="utf-8",
    )

    stripped = spacy.load(dest_dir)
    a, b = ents(original, SAMPLE), ents(stripped, SAMPLE)
    if a != b:
        print("stripped model predicts differently:", a, b, file=sys.stderr)
        return 1
    for text, spans in zip(SAMPLE, b, strict=True):
        print([(text[s:e], label) for s, e, label in spans])
    size = sum(p.stat().st_size for p in dest_dir.rglob("*") if p.is_file())
    print(f"packaged {dest_dir} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
