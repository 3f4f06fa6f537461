"""Which learned extractor the workers use: loaded once per process per adopted version."""

from __future__ import annotations

import logging
from functools import lru_cache

from annotations.nlp.learned import LearnedModel, ModelError

logger = logging.getLogger(__name__)


def adopted_extractors(*, quiet: bool = False) -> dict[str, tuple[int, LearnedModel]]:
    """Language -> (ExtractorVersion id, model) of the adopted versions; a language
    without one (or whose model file cannot be read) uses the rules alone."""
    from django.db import DatabaseError

    from annotations.models import ExtractorVersion

    try:
        rows = list(ExtractorVersion.objects.adopted().values_list("pk", "language", "path", "version"))
    except DatabaseError:
        if not quiet:
            raise
        return {}
    out = {}
    for pk, language, path, version in rows:
        model = _load(path, version)
        if model is not None:
            out[language] = (pk, model)
    return out


def adopted_models(*, quiet: bool = False) -> dict[str, LearnedModel]:
    return {language: model for language, (_pk, model) in adopted_extractors(quiet=quiet).items()}


@lru_cache(maxsize=8)
def _load(path: str, version: str) -> LearnedModel | None:
    try:
        return LearnedModel.load(path)
    except ModelError:
        logger.exception("adopted extractor %s cannot be loaded; using the rules", version)
        return None
