"""Language identification, restricted to the languages the archive extracts."""

from functools import lru_cache

SUPPORTED_LANGUAGES = ("de", "en", "fr")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text` among SUPPORTED_LANGUAGES, or None if there is no text to judge."""
    sample = text[:20000]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    language, _probability = _identifier().classify(sample)
    return language
