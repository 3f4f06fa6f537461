"""Split an article body into segments, each with the annotations covering it.

Templates render each segment's text with autoescaping on: article text is never
marked safe, so hostile text stays text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Layer:
    start: int
    end: int
    css: str  # e.g. "m-person", "q-direct"
    ref: str  # the element id of the annotation, e.g. "mention-12"


@dataclass(slots=True)
class Segment:
    text: str
    layers: list[Layer] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(sorted({layer.css for layer in self.layers}))

    @property
    def refs(self) -> str:
        return " ".join(layer.ref for layer in self.layers)


def segments(body: str, layers: list[Layer]) -> list[Segment]:
    """Cut `body` at every layer boundary; O((n + k) log k) for k layers."""
    valid = [layer for layer in layers if 0 <= layer.start < layer.end <= len(body)]
    cuts = sorted({0, len(body), *(layer.start for layer in valid), *(layer.end for layer in valid)})
    starts: dict[int, list[Layer]] = {}
    for layer in valid:
        starts.setdefault(layer.start, []).append(layer)
    active: list[Layer] = []
    result: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = [layer for layer in active if layer.end > left]
        active.extend(starts.get(left, ()))
        result.append(Segment(body[left:right], list(active)))
    return result
