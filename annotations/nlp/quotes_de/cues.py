"""Speech cues: the words that mark a sentence as speech, and the cues of direct quotes
("„…“, sagte X", "X sagte: „…“")."""

from __future__ import annotations

from functools import lru_cache

from ..article import Article, Tok
from ..lexicon import (
    DE_COLON_VERBS,
    DE_DASS_ONLY,
    DE_DETERMINERS,
    DE_SPEECH_NOUNS,
    DE_SPEECH_PARTICLE,
    DE_SPEECH_VERBS,
    DE_TRAILING_CUES,
)
from ..quotes import Speaker
from .subjects import _SOURCE_VERBS, _opening_person, _quoted_one, _source_pp, _subject_after, _subject_before
from .tokens import _PUNCT_END, _sentence_end

_AUX = frozenset("hatte hat hatten haben habe".split())


@lru_cache(maxsize=1)
def _cue_triggers() -> frozenset[str]:
    """Lower-case words without which a sentence has no cue of its own."""
    nouns = {word.lower() for word in DE_SPEECH_NOUNS}
    return frozenset(
        DE_SPEECH_VERBS
        | nouns
        | {
            "laut",
            "gemäß",
            "zufolge",
            "nach",
            "demnach",
            "wonach",
            "so",
            "soll",
            "sollen",
            "eigenen",
            "eigener",
            "worten",
        }
        | _AUX
    )


def _is_cue_verb(article: Article, i: int, comma: int) -> bool:
    lower = article.toks[i].lower
    if lower not in DE_SPEECH_VERBS:
        return False
    need = DE_SPEECH_PARTICLE.get(lower)
    if need is None:
        return True
    if lower in _COPULAS:
        # "X ist überzeugt, dass" / "wie X überzeugt ist": the adjective must be the word
        # itself ("erdbebensicher sind" is not "sicher sind") and not open the sentence
        # ("Sicher ist nur, dass …" is the writer's statement)
        toks = article.toks
        sent = toks[i].sent
        after = any(t.lower in need for t in toks[i + 1 : comma + 1])
        before = any(
            toks[k].lower in need and k > 0 and toks[k - 1].sent == sent for k in range(max(0, i - 3), i)
        )
        return after or before
    # main clause "teilte … mit," or subordinate "wie X bekannt gab," (particle before)
    window = [*article.toks[i + 1 : comma + 1], *article.toks[max(0, i - 3) : i]]
    return any(t.lower in need or t.lower.endswith(tuple(need)) for t in window)


_COPULAS = frozenset("ist sind war waren".split())


def after_cue(article: Article, i: int) -> tuple[str, Speaker | None] | None:
    """„…“, sagte X / „…“, so X / „…“ fragte er — cue after a closing mark."""
    toks = article.toks
    n = len(toks)
    if i < n and toks[i].text in ("“", "”", '"', "«", "»"):
        i += 1
    if i < n and toks[i].text == ",":
        i += 1
    elif i + 1 < n and toks[i].text in ("–", "—") and toks[i + 1].lower == "so":
        i += 1  # „…“ – so fasste X die Stimmung zusammen
    if i >= n:
        return None
    tok = toks[i]
    if (
        tok.lower == "so"
        and i + 2 < n
        and not _so_source(toks[i + 1])
        and (toks[i + 1].lower in _NAMING_VERBS or toks[i + 2].lower == "sich")
    ):
        return None  # "„Wikiasari“, so heißt das Projekt" / "so nennt sich": a name, not speech
    if tok.lower in _AUX and tok.text.islower():
        # „…“, hatte VW-Chef Winterkorn in einem Interview erklärt.
        b = _sentence_end(article, i, min(n, i + 20))
        while b > i + 1 and toks[b - 1].text in _PUNCT_END:
            b -= 1
        verb = toks[b - 1]
        if (
            b - 1 > i + 1
            and verb.text.islower()
            and verb.lower in DE_SPEECH_VERBS
            and verb.lower.endswith("t")
            and verb.lower not in DE_DASS_ONLY
        ):
            return verb.text, _subject_after(article, i + 1, b - 1)
        return None
    if tok.lower == "so" or tok.lower in DE_TRAILING_CUES or tok.lower in ("fragte", "rief"):
        if tok.lower in DE_SPEECH_PARTICLE and not _is_cue_verb(article, i, min(n - 1, i + 6)):
            return None
        if tok.lower in _SOURCE_VERBS:
            # „…“, heißt es in einer Erklärung der Junta: the source is where it stands
            return tok.text, _source_pp(article, i + 1, _sentence_end(article, i, min(n, i + 14)))
        return tok.text, _subject_after(article, i + 1, min(n, i + 14))
    return None


_NAMING_VERBS = frozenset("heißt hieß heißen hießen nennt nannte lautet lautete".split())


def _so_source(tok: Tok) -> bool:
    """The word after a trailing "so" that opens its source: "so Peskow", "so der Minister"
    (else a verb follows: "so charakterisierte ihn X", "so nennt sich …")."""
    return tok.text[:1].isupper() or tok.lower in DE_DETERMINERS or tok.lower in ("er", "sie", "ein", "eine")


def colon_cue(article: Article, colon: int) -> tuple[str, Speaker | None] | None:
    """X sagte: „…“ / Lawrow: „…“ — speaker before a colon that opens a quote."""
    toks = article.toks
    s = colon
    sent = toks[colon].sent
    while s > 0 and toks[s - 1].sent == sent and colon - s < 80:
        s -= 1
    for j in range(colon - 1, s - 1, -1):
        if toks[j].lower in DE_COLON_VERBS or toks[j].lower.startswith("zitiert"):
            if toks[j].lower in DE_SPEECH_PARTICLE and not _is_cue_verb(article, j, colon):
                continue
            if toks[j].lower.startswith("zitiert"):
                return toks[j].text, _quoted_one(article, s, j, colon)
            if toks[j].lower in _SOURCE_VERBS:
                # "In einer Erklärung des Verbands hieß es: „…“": the source is where it stands
                return toks[j].text, _source_pp(article, s, colon)
            speaker = _subject_before(article, s, j)
            if speaker is None:
                speaker = _subject_after(article, j + 1, colon)
            return toks[j].text, speaker
    # "Selenskyj: „…“"
    if colon - 1 >= s:
        mention = article.person_at.get(colon - 1)
        if mention is not None:
            return ":", Speaker(mention.key, mention.start, mention.end, "PERSON")
    # "Orbán vor Beginn der Beratungen: „…“", "Abdelatty wandte sich an die Parteien: „…“":
    # no speech verb, but the person the sentence opens with introduces the quote
    opener = _opening_person(article, s, colon)
    if opener is not None:
        return ":", opener
    # "Die Forderung wies Bürgermeister Paul Krämer zurück: „…“": the one person standing
    # where a subject stands
    subjects = {
        m.key: m
        for k in range(s, colon)
        if (m := article.person_at.get(k)) is not None and m.subject and m.first_tok == k
    }
    others = {m.key for k in range(s, colon) if (m := article.person_at.get(k)) is not None}
    if len(subjects) == 1 and len(others) == 1:
        mention = next(iter(subjects.values()))
        return ":", Speaker(mention.key, mention.start, mention.end, "PERSON")
    return None
