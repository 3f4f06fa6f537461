"""Entry point: one pipeline per language, loaded once per process.

German: spaCy's blank tokenizer and sentencizer, then rules (persons from a first-name
lexicon, role nouns and the archive's known persons; quotes from speech verbs,
Konjunktiv and source phrases). English and French: the small spaCy models (parser and
NER) with rules on top. Every language shares the direct-quote scanner, the country
gazetteer and the speaker inheritance.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from articles.ingest.language import detect_language

from . import loaders
from .article import Article, build_article
from .countries import find_countries
from .lexicon import DE_DETERMINERS, DE_FUNCTION_WORDS, DE_PREPOSITIONS
from .persons import (
    first_names,
    german_candidates,
    is_name_word,
    model_candidates,
    resolve_persons,
    role_name_candidates,
)
from .quotes import Candidate, TokenIndex, direct_quotes, inherit_speakers, to_spans
from .types import EntitySpan, ExtractionResult, KnownPerson

if TYPE_CHECKING:
    from .learned import LearnedModel

PIPELINE_VERSION = "1.0"

# The trained German NER (when shipped) adds persons the lexicon misses: +0.019 attributed
# F1 on wikinews-dev, neutral on dev. It runs only on speech sentences with a possible
# name start that the rules have not explained, yet still costs more than the rules
# alone. bench_extract reports both; switch off here for throughput.
GERMAN_NER_ENABLED = True

_PERSON_LABELS = {"en": frozenset({"PERSON"}), "fr": frozenset({"PER"}), "de": frozenset({"PER"})}


def extract(
    text: str,
    language: str | None = None,
    *,
    known_persons: Iterable[KnownPerson] = (),
    model: LearnedModel | None = None,
) -> ExtractionResult:
    """Run the pipeline for `language` (detected when None) over `text`.

    With a learned `model` for that language, the rules' quotes go through it: it may
    drop or add quotes and re-rank their speakers (see `annotations.nlp.learned`)."""
    result, article = extract_with_article(text, language, known_persons=known_persons)
    if model is not None and article is not None and model.language == result.language:
        result.quotes = model.refine(article, result.quotes)
        result.pipeline = f"newsarchive-{result.language}+learned"
        result.version = f"{PIPELINE_VERSION}+{model.version}"
    return result


def extract_with_article(
    text: str, language: str | None = None, *, known_persons: Iterable[KnownPerson] = ()
) -> tuple[ExtractionResult, Article | None]:
    """The rules' result and the article they worked on (None for empty text)."""
    language = language or detect_language(text) or "en"
    if language not in ("de", "en", "fr"):
        language = "en"
    result = ExtractionResult(language=language, pipeline=f"newsarchive-{language}", version=PIPELINE_VERSION)
    if not text.strip():
        return result, None
    known = tuple(known_persons)
    nlp = loaders.pipeline_for(language)
    article = build_article(text, language, nlp, parsed=language != "de")

    countries = find_countries(text, language)
    _mark_countries(article, countries)
    _find_persons(article, known)

    index = TokenIndex(article)
    if language == "de":
        from . import quotes_de

        candidates, masked = direct_quotes(article, index, quotes_de.after_cue, quotes_de.colon_cue)
        candidates += quotes_de.german_indirect(article, masked, candidates)
    else:
        from . import quotes_dep

        rules = quotes_dep.rules_for(language)
        candidates, masked = direct_quotes(article, index, rules.after_cue, rules.colon_cue)
        candidates += quotes_dep.indirect(article, masked, rules)
    candidates.sort(key=_order)
    inherit_speakers(candidates)

    result.mentions = sorted(
        [*countries, *(_person_span(m) for m in article.persons)], key=lambda m: (m.start, m.end)
    )
    result.quotes = to_spans(article, candidates)
    return result, article


def _order(cand: Candidate) -> int:
    return cand.start


def _mark_countries(article: Article, countries: list[EntitySpan]) -> None:
    if not countries:
        return
    index = TokenIndex(article)
    for span in countries:
        i = index.at_or_after(span.start)
        while i < len(article.toks) and article.toks[i].start < span.end:
            article.country_toks.add(i)
            i += 1


def _find_persons(article: Article, known: tuple[KnownPerson, ...]) -> None:
    if article.language == "de":
        candidates = german_candidates(article, known)
        ner = loaders.german_ner() if GERMAN_NER_ENABLED else None
        if ner is not None:
            candidates += _german_model_persons(article, ner, candidates)
        resolve_persons(article, candidates, min_words=2)
    else:
        candidates = model_candidates(article, _PERSON_LABELS[article.language])
        taken = {k for first, end, _ in candidates for k in range(first, end)}
        candidates += [c for c in role_name_candidates(article) if not taken.intersection(range(c[0], c[1]))]
        if known:
            candidates += german_candidates(article, known)
        resolve_persons(article, candidates, min_words=2)


def _german_model_persons(
    article: Article, ner, found_by_rules: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """PER spans of the trained German model, mapped onto the article's tokens."""
    index = TokenIndex(article)
    covered = _explained_by_rules(article, found_by_rules)
    found = []
    for offset, doc in zip(*_speech_sentences(article, ner, covered), strict=True):
        for ent in doc.ents:
            if ent.label_ not in ("PER", "PERSON", "B-PER"):
                continue
            first = index.at_or_after(offset + ent.start_char)
            last = index.before(offset + ent.end_char)
            if 0 <= first <= last and _plausible_model_person(article, first, last + 1):
                found.append((first, last + 1, ""))
    return found


def _explained_by_rules(article: Article, found_by_rules: list[tuple[int, int, str]]) -> set[int]:
    """Tokens the rules already account for: their persons with the role word before
    each, countries, and a surname of theirs standing alone (`resolve_persons` links it
    to the full name). A model span starting there adds nothing new."""
    toks = article.toks
    covered = set(article.country_toks)
    surnames: set[str] = set()
    for first, end, role in found_by_rules:
        covered.update(range(first - 1 if role else first, end))
        if end - first >= 2:
            surnames.add(toks[end - 1].text)
    if surnames:
        last = len(toks) - 1
        covered.update(
            k
            for k, tok in enumerate(toks)
            if tok.text in surnames and (k == last or not is_name_word(toks[k + 1]))
        )
    return covered


def _plausible_model_person(article: Article, first: int, end: int) -> bool:
    """Keep model PER spans that look like names: "Kim, Washington" or "die russische
    Exklave Kaliningrad" are not; a name is not preceded by an article or adjective, and
    does not open with a capitalised function word ("Über", "Dem")."""
    toks = article.toks
    if end - first > 4 or not all(is_name_word(toks[k]) for k in range(first, end)):
        return False
    return _plausible_start(toks, first, first_names())


def _plausible_start(toks, i: int, names: frozenset[str]) -> bool:
    """Whether a model PER span may start at token i (`_plausible_model_person` keeps
    only spans that start where this allows, so the model can be skipped elsewhere)."""
    tok = toks[i]
    if not is_name_word(tok):
        return False
    if tok.text in names:
        return True
    if tok.lower in DE_FUNCTION_WORDS or tok.lower in DE_DETERMINERS or tok.lower in DE_PREPOSITIONS:
        return False
    if i == 0:
        return True
    prev = toks[i - 1]
    return not (prev.lower in DE_DETERMINERS or prev.text.islower() or prev.text[:1].isdigit())


def _speech_sentences(article: Article, ner, covered: set[int]) -> tuple[list[int], list]:
    """Run the model only over sentences that carry a cue or a quotation mark.

    The CNN costs some 30 times the rules; speakers and the persons that pronouns point
    back to sit in these sentences, so the rest of the article is left to the rules.
    """
    from .quotes_de import _cue_triggers

    triggers = _cue_triggers()
    names = first_names()
    toks = article.toks
    offsets: list[int] = []
    texts: list[str] = []
    for (s, e), words in zip(article.sents, article.sent_words(), strict=True):
        if words.isdisjoint(triggers) and not any(toks[i].text in _QUOTE_MARKS for i in range(s, e)):
            continue
        if not any(i not in covered and _plausible_start(toks, i, names) for i in range(s, e)):
            # every model span is kept only if it starts where `_plausible_model_person`
            # allows, so a sentence without such a token cannot change the result: skip
            # the model there (about half the speech sentences in ordinary news); a start
            # the rules already explain (a person they found, a country) adds nothing new
            continue
        start, end = toks[s].start, toks[e - 1].end
        if end - start > _NER_MAX_SENTENCE:
            continue  # a run-on "sentence" (tables, garbage) is no place for a speaker
        offsets.append(start)
        texts.append(article.text[start:end])
    return offsets, list(ner.pipe(texts))


_NER_MAX_SENTENCE = 1500
_QUOTE_MARKS = frozenset('„“”"»«‹›')


def _person_span(mention) -> EntitySpan:
    return EntitySpan(mention.start, mention.end, "PERSON", mention.text, mention.key)
