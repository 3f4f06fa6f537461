#!/usr/bin/env bash
# Rebuild the shipped German NER model (annotations/nlp/models/de_germeval/) from GermEval 2014.
#
#   training/german_ner/train.sh            # full rebuild (run from anywhere)
#   MAX_STEPS=200 training/german_ner/train.sh   # smoke run of the whole path
#
# Steps: convert TSV -> var/german_ner/{train,dev,test}.spacy; spacy train (1 thread,
# max_steps from config.cfg); package model-best (stripped) into the package directory;
# spacy evaluate the shipped model on the TEST split -> var/german_ner/test_metrics.json.
#
# Time, full rebuild on this machine (2 shared cores, OMP_NUM_THREADS=1), measured 2026-11-28:
# 25.5 min wall / 19.4 min CPU with other agents loading the machine (load avg ~4); training
# stopped by patience (3000) at step 8500 of max_steps 10000, best dev F 70.6 at step 5500.
# Without early stopping the 10000 steps add ~3 min: <= 35 min.
#
# Env: PYTHON (default .venv/bin/python), GERMEVAL_DIR (default /work/shared/data/germeval2014),
#      MAX_STEPS (override training.max_steps), OUT (default var/german_ner),
#      DEST (default annotations/nlp/models/de_germeval).
set -euo pipefail

cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PYTHON=${PYTHON:-.venv/bin/python}
OUT=${OUT:-var/german_ner}
DEST=${DEST:-annotations/nlp/models/de_germeval}
CFG=training/german_ner/config.cfg
EXTRA=()
if [[ -n "${MAX_STEPS:-}" ]]; then
    EXTRA+=(--training.max_steps "$MAX_STEPS" --training.eval_frequency "$(( MAX_STEPS < 500 ? 100 : 500 ))")
fi

start=$(date +%s)
"$PYTHON" training/german_ner/convert.py --out "$OUT"
rm -rf "$OUT/model"
"$PYTHON" -m spacy train "$CFG" --output "$OUT/model" \
    --paths.train "$OUT/train.spacy" --paths.dev "$OUT/dev.spacy" \
    --nlp.batch_size 256 "${EXTRA[@]}"
"$PYTHON" training/german_ner/package.py "$OUT/model/model-best" "$DEST"
"$PYTHON" -m spacy evaluate "$DEST" "$OUT/test.spacy" --output "$OUT/test_metrics.json"
du -sh "$DEST"
echo "total wall time: $(( $(date +%s) - start )) s"
