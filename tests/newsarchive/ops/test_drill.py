"""The fault drill over the generated hostile corpus: nothing lost, every rejection explained."""

import pytest

from articles.models import UploadItem
from newsarchive.ops.drill import run_drill
from newsarchive.ops.hostile import corpus


@pytest.mark.integration
def test_fault_drill_loses_nothing(transactional_db, capsys):
    files = list(corpus(ordinary=180))
    assert len(files) >= 200
    summary = run_drill(files=files, timeout=600)
    with capsys.disabled():
        print("\n" + summary.line())
    assert summary.lost == 0
    assert summary.corrections > 0 and summary.corrections_lost == 0
    assert summary.stored >= 150 and summary.extracted >= 150
    assert not UploadItem.objects.filter(outcome="rejected", reason="").exists()
    # Every top-level file got at least one report line.
    names = list(UploadItem.objects.values_list("name", flat=True))
    for name, _data in files:
        assert any(n == name or n.startswith(name) for n in names), name
