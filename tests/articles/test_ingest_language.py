"""Language detection lives with ingest: it judges a document before any extraction runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from articles.ingest import parse_pasted
from articles.ingest.language import SUPPORTED_LANGUAGES, detect_language

ROOT = Path(__file__).resolve().parents[2]


def test_detects_the_three_archive_languages():
    assert detect_language("Der Kanzler sagte am Mittwoch, die Regierung werde die Steuern senken.") == "de"
    assert detect_language("The chancellor said on Wednesday that the government would cut taxes.") == "en"
    assert (
        detect_language("Le chancelier a déclaré mercredi que le gouvernement baisserait les impôts.") == "fr"
    )


def test_other_languages_get_one_of_the_supported_ones_and_too_little_text_none():
    assert detect_language("El canciller dijo el miércoles que el gobierno bajaría los impuestos.") in (
        SUPPORTED_LANGUAGES
    )
    assert detect_language("") is None
    assert detect_language("12.03.2024 – 17:45 / 3 / 4") is None


def test_pasted_text_gets_its_language_from_ingest():
    document = parse_pasted(
        "Steuern sollen sinken\n\n"
        "Die Regierung werde die Steuern senken, sagte der Minister am Mittwoch in Berlin. "
        "Die Opposition kritisierte den Plan als unbezahlbar und forderte eine Abstimmung."
    )
    assert document.language == "de"


def test_ingest_imports_nothing_from_annotations():
    # a fresh interpreter: in this one the test run has imported annotations already
    code = (
        "import sys, articles.ingest, articles.ingest.language; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('annotations', 'spacy', 'django')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
