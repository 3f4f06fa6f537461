"""The API tests read the same small archive as the search pages."""

from tests.annotations.search.conftest import archive  # noqa: F401
