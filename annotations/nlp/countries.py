"""Country mentions by name, adjective, capital or metonym (PLACEHOLDER until the gazetteer lands)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .types import EntitySpan


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """One ISO 3166-1 country with what the archive needs to find it in text."""

    alpha2: str
    alpha3: str
    names: dict[str, str]  # language code -> name, at least de/en/fr
    aliases: dict[str, list[str]] = field(default_factory=dict)  # language -> adjectives, capitals...


def country_records() -> list[CountryRecord]:
    """Every ISO 3166-1 country (used to fill the Country table)."""
    return []


def find_countries(text: str, language: str) -> list[EntitySpan]:
    """COUNTRY spans in `text` (key = alpha-2 code), in text order, without overlaps."""
    return []
