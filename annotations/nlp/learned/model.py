"""A trained extractor: two linear models over the rules' output, stored as JSON.

The weights are plain numbers in a JSON file (no pickle: loading a model runs no code),
and scoring is a dot product over a few dozen sparse features, so the learned layer
costs little next to tokenisation."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..article import Article
from ..types import QuoteSpan
from .features import QuoteContext, SpeakerCandidate, quote_candidates, speaker_candidates

MODEL_FILE = "extractor.json"
FORMAT = 1


class ModelError(Exception):
    """A model folder that cannot be used (missing, unreadable, wrong format)."""


@dataclass
class LinearScorer:
    weights: dict[str, float]
    bias: float = 0.0

    def score(self, features: dict[str, float]) -> float:
        w = self.weights
        return self.bias + sum(w.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: dict[str, float]) -> float:
        z = self.score(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def as_dict(self) -> dict:
        return {"bias": self.bias, "weights": self.weights}

    @classmethod
    def from_dict(cls, data: dict) -> LinearScorer:
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]))


@dataclass
class LearnedModel:
    """Speaker ranker and quote accept/reject classifier for one language."""

    language: str
    version: str
    speaker: LinearScorer
    quote: LinearScorer
    keep_rules: float = 0.5  # probability above which a rule quote is kept
    take_new: float = 0.5  # probability above which a generated quote is added
    meta: dict = field(default_factory=dict)

    def refine(self, article: Article, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
        """The rules' quotes filtered, completed and re-attributed by the model."""
        from ..quotes_de import _cue_triggers
        from ..quotes_de.konjunktiv import _konj_candidates

        ctx = QuoteContext(article)
        candidates = quote_candidates(ctx, quotes, _cue_triggers(), _konj_candidates())
        kept: list[tuple[int, int, bool, QuoteSpan | None]] = []
        extras = []
        for cand in candidates:
            p = self.quote.probability(cand.features)
            if cand.quote is not None:
                if p >= self.keep_rules:
                    kept.append((cand.start, cand.end, cand.direct, cand.quote))
            elif p >= self.take_new:
                extras.append((p, cand))
        for _p, cand in sorted(extras, key=lambda pair: -pair[0]):
            if all(cand.end <= s or e <= cand.start for s, e, _d, _q in kept):
                kept.append((cand.start, cand.end, cand.direct, None))
        kept.sort(key=lambda k: k[0])
        out: list[QuoteSpan] = []
        prev: str | None = None
        for start, end, direct, rule in kept:
            quote = rule or QuoteSpan(start=start, end=end, text=article.text[start:end], direct=direct)
            best = self.best_speaker(ctx, quote, prev, has_rules_choice=rule is not None)
            out.append(_with_speaker(article, quote, best))
            prev = out[-1].speaker or prev
        return out

    def best_speaker(
        self, ctx: QuoteContext, quote: QuoteSpan, prev: str | None, *, has_rules_choice: bool
    ) -> SpeakerCandidate | None:
        cands = speaker_candidates(ctx, quote, prev, has_rules_choice)
        if not cands:
            return None
        return max(cands, key=lambda c: self.speaker.score(c.features))

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / MODEL_FILE
        data = {
            "format": FORMAT,
            "language": self.language,
            "version": self.version,
            "keep_rules": self.keep_rules,
            "take_new": self.take_new,
            "speaker": self.speaker.as_dict(),
            "quote": self.quote.as_dict(),
            "meta": self.meta,
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
        return path

    @classmethod
    def load(cls, folder: Path | str) -> LearnedModel:
        path = Path(folder)
        if path.is_dir():
            path = path / MODEL_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read the model {path}: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{path} is not an extractor model of format {FORMAT}")
        try:
            return cls(
                language=str(data["language"]),
                version=str(data["version"]),
                speaker=LinearScorer.from_dict(data["speaker"]),
                quote=LinearScorer.from_dict(data["quote"]),
                keep_rules=float(data["keep_rules"]),
                take_new=float(data["take_new"]),
                meta=dict(data.get("meta") or {}),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{path}: {exc}") from exc


def _with_speaker(article: Article, quote: QuoteSpan, best: SpeakerCandidate | None) -> QuoteSpan:
    if best is None:
        return quote
    if best.first >= 0:
        toks = article.toks
        start, end = toks[best.first].start, toks[best.end - 1].end
    elif best.kind == "rules":
        start, end = quote.speaker_start, quote.speaker_end
    else:
        start = end = None
    label = (
        quote.speaker_label
        if best.features.get("rules")
        else ("PERSON" if best.kind in ("person", "pronoun") else None)
    )
    return QuoteSpan(
        start=quote.start,
        end=quote.end,
        text=quote.text,
        direct=quote.direct,
        cue=quote.cue,
        speaker=best.name,
        speaker_start=start,
        speaker_end=end,
        speaker_label=label,
    )
