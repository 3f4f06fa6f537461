"""Gold comparison for training and held-out scores: the conventions of the shared
evaluation (`score.py`): quotes match one-to-one when their words overlap by at least
half of the longer side; speakers match after folding case and accents, a surname alone
matching a full name; a gold speaker that is missing or a bare pronoun is not compared."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
PRONOUNS = frozenset(
    "er sie es ihr ihm ihn ihnen sein seine seiner seinem seinen ihre ihrer ihrem ihren man wir ich du "
    "he she it they him her them his hers their theirs we i you demnach dieser diese".split()
)


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace("-", " ").strip()


def words(text: str | None) -> list[str]:
    return _WORD.findall(fold(text))


def same_person(gold: str | None, pred: str | None) -> bool:
    """Lenient name match (surname alone, role nouns before a name, institutions by containment)."""
    g, p = words(gold), words(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    if g[-1] != p[-1]:
        fg, fp = " ".join(g), " ".join(p)
        return len(g) > 1 and len(p) > 1 and (fg in fp or fp in fg)
    if len(g) == 1 or len(p) == 1:
        return True
    return g[-2] == p[-2] or g[-2][0] == p[-2][0] or bool(set(g[:-1]) & set(p[:-1]))


def resolvable(speaker: str | None) -> bool:
    """A gold speaker a name can be compared with: not empty, not a bare pronoun."""
    toks = words(speaker)
    return bool(toks) and not all(t in PRONOUNS for t in toks)


def overlap(a: str, b: str) -> float:
    ca, cb = Counter(words(a)), Counter(words(b))
    if not ca or not cb:
        return 0.0
    return sum((ca & cb).values()) / max(sum(ca.values()), sum(cb.values()))


def match(gold_texts: list[str], pred_texts: list[str]) -> dict[int, int]:
    """Predicted index -> gold index, one-to-one, best overlaps first."""
    pairs = []
    for gi, g in enumerate(gold_texts):
        for pi, p in enumerate(pred_texts):
            o = overlap(g, p)
            if o >= 0.5:
                pairs.append((o, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for _o, gi, pi in pairs:
        if gi in used_g or pi in out:
            continue
        used_g.add(gi)
        out[pi] = gi
    return out


@dataclass
class Tally:
    """Counts for quotes and attributed quotes over a set of articles."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    attributed: int = 0

    def add(self, gold_quotes: list[dict], pred_quotes: list[tuple[str, str | None]]) -> None:
        """`pred_quotes` are (text, speaker) pairs."""
        pairs = match([g["text"] for g in gold_quotes], [t for t, _ in pred_quotes])
        self.gold += len(gold_quotes)
        self.pred += len(pred_quotes)
        self.matched += len(pairs)
        for pi, gi in pairs.items():
            speaker = gold_quotes[gi].get("speaker")
            if not resolvable(speaker) or same_person(speaker, pred_quotes[pi][1]):
                self.attributed += 1

    @staticmethod
    def f1(tp: int, pred: int, gold: int) -> float:
        return 2 * tp / (pred + gold) if pred + gold else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "quotes_f1": round(self.f1(self.matched, self.pred, self.gold), 3),
            "attributed_f1": round(self.f1(self.attributed, self.pred, self.gold), 3),
            "speaker_share": round(self.attributed / self.matched, 3) if self.matched else 0.0,
            "gold": self.gold,
            "pred": self.pred,
            "matched": self.matched,
            "attributed": self.attributed,
        }
