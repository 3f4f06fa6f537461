"""`bench_extract` prints, from one run, our rate, the reference's and their ratio."""

from __future__ import annotations

import io
import re

from django.core.management import call_command


def test_bench_extract_prints_rates_ratios_and_the_german_floors():
    out = io.StringIO()
    call_command("bench_extract", words=800, languages="de", runs=1, stdout=out)
    lines = out.getvalue().splitlines()
    rated = [line for line in lines if re.search(r"words/s \| .* words/s \| ratio \d+\.\d\d$", line)]
    labels = [line.split(":")[0] for line in rated]
    assert labels[0].startswith("de") and "words in" in rated[0]
    assert "de first stage only (tokens and sentences, no extraction)" in labels
    assert "de floor" in labels
    assert any(line.startswith("RSS after the run") for line in lines)
