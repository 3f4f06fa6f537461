"""Run intake cleaning and the extraction pipeline on files, without the database."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from annotations.nlp import extract
from annotations.nlp.learned import LearnedModel, ModelError
from articles.ingest import IngestError, parse_file
from articles.ingest.language import detect_language


class Command(BaseCommand):
    help = "Extract language, title, source, date, countries, persons and quotes from FILES."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--json", action="store_true", help="one JSON object per file")
        parser.add_argument(
            "--model",
            type=Path,
            help="a trained extractor folder (default: the adopted version, else the rules)",
        )
        parser.add_argument("--rules", action="store_true", help="the rules alone, whatever is adopted")

    def handle(self, *args, files: list[Path], json: bool, model: Path | None, rules: bool, **options):
        self.models = _models(model, rules)
        failures = 0
        for path in files:
            try:
                record = self._extract_file(path)
            except (OSError, IngestError) as exc:
                failures += 1
                self.stderr.write(f"{path}: {exc}")
                continue
            if json:
                self.stdout.write(_dumps(record))
            else:
                self._write_human(record)
        if failures == len(files):
            raise CommandError("no file could be read")

    def _extract_file(self, path: Path) -> dict:
        document = parse_file(path.name, path.read_bytes())
        language = document.language or detect_language(document.body)
        result = extract(document.body, language, model=self.models.get(language or ""))
        return {
            "file": path.name,
            "language": result.language,
            "title": document.title,
            "source": document.source,
            # an inferred date (weekday without a year) is a guess, not a date the file states
            "published": None
            if document.published_inferred or not document.published
            else document.published.isoformat(),
            "countries": [{"code": code, "mentions": n} for code, n in result.countries()],
            "persons": [{"name": name, "mentions": n} for name, n in result.persons()],
            "quotes": [
                {
                    "text": quote.text,
                    "speaker": quote.speaker,
                    "direct": quote.direct,
                    "cue": quote.cue,
                    "start": quote.start,
                    "end": quote.end,
                }
                for quote in result.quotes
            ],
        }

    def _write_human(self, record: dict) -> None:
        self.stdout.write(f"== {record['file']} [{record['language']}] {record['title']}")
        self.stdout.write(f"   source={record['source']} published={record['published']}")
        countries = ", ".join(f"{c['code']}×{c['mentions']}" for c in record["countries"])
        self.stdout.write(f"   countries: {countries}")
        persons = ", ".join(f"{p['name']}×{p['mentions']}" for p in record["persons"])
        self.stdout.write(f"   persons: {persons}")
        for quote in record["quotes"]:
            kind = "direct" if quote["direct"] else "indirect"
            self.stdout.write(f"   [{kind}] {quote['speaker']} ({quote['cue']}): {quote['text'][:100]}")


def _models(folder: Path | None, rules_only: bool) -> dict[str, LearnedModel]:
    """Language -> model: the given folder, else the adopted versions, else none (the rules)."""
    if rules_only:
        return {}
    if folder is not None:
        try:
            model = LearnedModel.load(folder)
        except ModelError as exc:
            raise CommandError(str(exc)) from exc
        return {model.language: model}
    from annotations.learning.extractors import adopted_models

    return adopted_models(quiet=True)


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)
