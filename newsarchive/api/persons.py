"""/api/persons/: persons matching a name in any spelling."""

from __future__ import annotations

from annotations.search.persons import person_search
from newsarchive.api.base import _require, api
from newsarchive.api.schemas import ERRORS, PersonOut, _person_out
from newsarchive.roles import Role


@api.get("/persons/", response={200: list[PersonOut], **ERRORS}, url_name="person_list")
def person_list(request, q: str):
    """Persons matching a name in any spelling, best first, with their quote counts."""
    _require(request, Role.VIEWER)
    return [_person_out(m) for m in person_search(q, limit=20)]
