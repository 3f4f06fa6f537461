"""The layout's one-way arrows: articles knows nothing of annotations; annotations and the
project package (API, accounts, operations) may use both."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(source: str) -> set[str]:
    """Every module a file imports, at any depth (function-local and TYPE_CHECKING imports too)."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
            # "from annotations import tasks" names the package itself
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def imports_of(package: str, forbidden: str) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        names = imported_modules(path.read_text(encoding="utf-8"))
        bad = sorted(n for n in names if n == forbidden or n.startswith(f"{forbidden}."))
        if bad:
            found.append(f"{path.relative_to(ROOT)}: {', '.join(bad)}")
    return found


def test_articles_imports_nothing_from_annotations():
    assert imports_of("articles", "annotations") == []


@pytest.mark.parametrize("package", ["articles", "annotations"])
def test_the_apps_import_nothing_from_the_api_accounts_or_operations(package):
    for upper in ("newsarchive.api", "newsarchive.accounts", "newsarchive.ops"):
        assert imports_of(package, upper) == []


def test_nlp_has_no_database_access():
    assert imports_of("annotations/nlp", "django.db") == []
    assert imports_of("annotations/nlp", "annotations.models") == []


@pytest.mark.parametrize(
    "source",
    [
        "from annotations.models import Country",
        "import annotations.tasks",
        "def f():\n    from annotations import tasks",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from annotations.models import Country",
    ],
)
def test_the_scan_sees_every_kind_of_import(source):
    assert any(n.split(".")[0] == "annotations" for n in imported_modules(source))


def test_the_scan_ignores_relative_and_similar_names():
    names = imported_modules("from . import models\nfrom annotations_extra import x\nimport articles")
    assert not any(n == "annotations" or n.startswith("annotations.") for n in names)


def test_articles_hands_extraction_off_by_a_registered_task_name():
    from annotations import tasks
    from articles.services import EXTRACT_TASK
    from newsarchive.celery import app

    assert app.tasks[EXTRACT_TASK] is tasks.article_extract._get_current_object()
    assert app.amqp.router.route({}, EXTRACT_TASK)["queue"].name == "nlp"
