"""Gold-annotated article folders (`NAME.txt` + `NAME.gold.json`, the evaluation format)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from articles.ingest import IngestError, parse_file


class CorpusError(Exception):
    """A folder or file that is not in the annotated format."""


@dataclass
class AnnotatedFile:
    name: str
    raw: bytes
    body: str
    gold: dict


def read_corpus(folder: Path) -> Iterator[AnnotatedFile]:
    """Every `NAME.txt` with a `NAME.gold.json` beside it, in name order; the text goes
    through intake cleaning as an upload would, so offsets match what extraction sees."""
    if not folder.is_dir():
        raise CorpusError(f"{folder} is not a folder")
    for gold_path in sorted(folder.glob("*.gold.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CorpusError(f"{gold_path.name}: {exc}") from exc
        if not isinstance(gold, dict) or not isinstance(gold.get("quotes", []), list):
            raise CorpusError(f"{gold_path.name}: not a gold annotation object")
        name = str(gold.get("file") or gold_path.name.removesuffix(".gold.json") + ".txt")
        text_path = folder / Path(name).name
        try:
            raw = text_path.read_bytes()
            document = parse_file(text_path.name, raw)
        except (OSError, IngestError) as exc:
            raise CorpusError(f"{text_path.name}: {exc}") from exc
        yield AnnotatedFile(name=text_path.name, raw=raw, body=document.body, gold=gold)
