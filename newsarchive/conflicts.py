"""Lost-update protection for forms that edit a whole row (article details, sources).

The form carries, signed, the values it was rendered with (`seen_token`); the service locks
the row and compares them with what is stored now (`conflict_check`). Someone else's change
in between raises `EditConflict` naming each field, what this editor saw and what it is now,
so the view answers 409 instead of silently writing the stale values back. Quotes and
mentions use a version column for the same purpose.
"""

from __future__ import annotations

import json
from typing import Any

from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder

_SALT = "newsarchive.conflicts.seen"


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    # Dates, decimals and the like compare as the JSON they are signed as.
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def seen_token(values: dict[str, Any]) -> str:
    """A tamper-proof hidden-field value for the values a form shows."""
    return signing.dumps(_plain(values), salt=_SALT, compress=True)


def seen_values(token: str) -> dict[str, Any] | None:
    """The values a form was rendered with; None for a missing or forged token."""
    if not token:
        return None
    try:
        return signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None


class EditConflict(Exception):
    """The row changed after the editor's form was rendered: {field: (seen, current)}."""

    def __init__(self, changes: dict[str, tuple[Any, Any]]):
        self.changes = changes
        details = "; ".join(
            f"{name}: {_shown(seen)} → {_shown(now)}" for name, (seen, now) in changes.items()
        )
        super().__init__(
            f"Someone else saved changes meanwhile ({details}). Nothing was saved: the form keeps "
            "your values; check them against the current ones and save again."
        )


def _shown(value: Any) -> str:
    if value in (None, "", []):
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return f"“{value}”"


def conflict_check(*, seen: dict[str, Any] | None, current: dict[str, Any]) -> None:
    """Raise EditConflict when any field the editor saw differs from `current` (no check
    without `seen`: scripts that never rendered a form)."""
    if seen is None:
        return
    now = _plain(current)
    changes = {name: (seen[name], now.get(name)) for name in seen if name in now and seen[name] != now[name]}
    if changes:
        raise EditConflict(changes)
