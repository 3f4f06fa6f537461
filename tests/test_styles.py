"""Templates and the one stylesheet stay in step: a table's class is one app.css styles.

Merged branches each brought pages; a table whose class no rule names renders unstyled
(centred headers, no rules between rows) and no view test notices."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSS = (ROOT / "static" / "css" / "app.css").read_text(encoding="utf-8")
TABLE_CLASS = re.compile(r'<table\b[^>]*\bclass="([^"]+)"')


def test_every_classed_table_is_styled():
    unstyled = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for classes in TABLE_CLASS.findall(path.read_text(encoding="utf-8")):
            names = [c for c in classes.split() if "{" not in c]
            if not any(re.search(rf"\.{re.escape(name)}\b", CSS) for name in names):
                unstyled.append(f"{path.relative_to(ROOT)}: {classes}")
    assert unstyled == []
