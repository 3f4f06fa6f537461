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


def test_bench_extract_times_german_with_a_learned_model_against_en_core_web_sm(tmp_path):
    from annotations.nlp.learned.training import train
    from tests.annotations.nlp.test_learned import org_article

    model = train([org_article(n) for n in range(12)], language="de", version="bench-1", log=lambda _: None)
    model.save(tmp_path)
    out = io.StringIO()
    call_command("bench_extract", words=800, languages="de", runs=1, model=tmp_path, stdout=out)
    line = next(line for line in out.getvalue().splitlines() if "learned model" in line)
    assert re.search(
        r"^de with the learned model bench-1: ours [\d,]+ words/s \| "
        r"en_core_web_sm nlp.pipe .* ratio \d+\.\d\d$",
        line,
    )
