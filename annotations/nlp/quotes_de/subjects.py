"""The speaker of a cue: the subject before or after a speech verb, appositions, passives."""

from __future__ import annotations

from ..article import Article, Mention
from ..lexicon import DE_DETERMINERS, DE_FUNCTION_WORDS, DE_PREPOSITIONS
from ..persons import is_name_word, is_role_word
from ..quotes import Speaker
from .phrases import _np_backward, np_forward
from .speakers import speaker_from_np
from .tokens import (
    _CLAUSE_BREAK,
    _MARKS,
    _NAME_LINKS,
    _PUNCT_END,
    _RELATIVE,
    _is_adjective,
    _is_capital,
    _is_head,
)


def _subject_after(article: Article, i: int, end: int) -> Speaker | None:
    """First subject-like phrase from token i on, skipping prepositional phrases and adverbs."""
    toks = article.toks
    j = i
    while j < end:
        tok = toks[j]
        if tok.text in _CLAUSE_BREAK or tok.text in _PUNCT_END:
            return None
        named = _particle_name(article, j, end)
        if named is not None:
            return named  # "sagte von der Leyen": a particle opens the surname
        if tok.lower in DE_PREPOSITIONS:
            j += 1
            stop = np_forward(article, j, end)
            j = stop if stop is not None else j
            continue
        if tok.lower in ("er", "sie", "es", "man"):
            return speaker_from_np(article, j, j + 1) if tok.lower in ("er", "sie") else None
        if article.person_at.get(j) is not None or tok.lower in DE_DETERMINERS or _is_capital(tok):
            stop = np_forward(article, j, end)
            if stop is not None:
                speaker = speaker_from_np(article, j, stop)
                if speaker is not None and speaker.label != "PERSON":
                    # "sagte die Präsidentin des Pflegerats, Christine Vogler.": the name after
                    # the comma is the speaker
                    named = _trailing_apposition(article, stop, end)
                    if named is not None:
                        return named
                return speaker
        j += 1
    return None


def _person_after_comma(article: Article, comma: int, end: int) -> Mention | None:
    """The person whose name starts right after the comma at `comma` (before `end`)."""
    if comma + 1 >= end or article.toks[comma].text != ",":
        return None
    mention = article.person_at.get(comma + 1)
    return mention if mention is not None and mention.first_tok == comma + 1 else None


def _trailing_apposition(article: Article, comma: int, end: int) -> Speaker | None:
    """A person named right after the comma at `comma`, with nothing of a clause after the
    name (a comma, a stop, a quotation mark or the end follows it)."""
    toks = article.toks
    mention = _person_after_comma(article, comma, end)
    if mention is None:
        return None
    after = mention.last_tok + 1
    if after < len(toks) and toks[after].text not in _CLAUSE_BREAK and toks[after].text not in _PUNCT_END:
        if toks[after].text not in _MARKS:
            return None
    return Speaker(mention.key, mention.start, mention.end, "PERSON")


def _particle_name(article: Article, j: int, end: int) -> Speaker | None:
    """The person whose surname starts with particles at j ("von der Leyen", "de Maizière")."""
    toks = article.toks
    k = j
    while k < end and k - j < 3 and toks[k].lower in _NAME_LINKS and toks[k].text.islower():
        k += 1
    if k == j or k >= end:
        return None
    mention = article.person_at.get(k)
    if mention is None or mention.first_tok != k:
        return None
    return Speaker(mention.key, toks[j].start, mention.end, "PERSON")


_ADVERB_ENDINGS = ("lich", "weise", "mals", "falls", "dings")


_OBJECT_DETS = frozenset("dem den einem einen diesem diesen".split())


_PERFECT_AUX = frozenset("hat hatte haben hatten ist war sind waren wurde wurden".split())


_COORD = frozenset("und sowie oder aber".split())


def _subject_before(article: Article, s: int, j: int, *, passive_agent: bool = True) -> Speaker | None:
    """Subject of a speech verb at j, looked for before it; None sends the caller after it.

    Walks back from the verb over adverbs, auxiliaries and prepositional phrases to the
    first noun phrase or pronoun; "X, der Gouverneur, sagte" and "X und sagte" take the
    phrase that opens the sentence.
    """
    toks = article.toks
    np_end = np_forward(article, s, j)
    if (
        np_end is not None
        and np_end < j
        and toks[np_end].text == ","
        and toks[s].lower not in DE_PREPOSITIONS
        # "Die Zeugin Anna Roth, eine Buchhalterin, sagte …": an article before a named person
        and (toks[s].lower not in _RELATIVE or any(i in article.person_at for i in range(s, np_end)))
    ):
        # "Andres Granier, der Gouverneur von Tabasco, sagte …"
        return speaker_from_np(article, s, np_end)
    aux = _finite_auxiliary(article, s, j)
    if aux is not None and passive_agent and toks[aux].lower in _PASSIVE_AUX:
        # "In einer Stellungnahme des Ministeriums wird die Entscheidung damit begründet":
        # the grammatical subject of a passive is what is talked about; the source is
        # the agent ("von X") or the document the claim stands in
        return _passive_source(article, s, j)
    if aux is not None:
        # "X hatte den Standpunkt vertreten", "X hat anlässlich der Eröffnung erklärt":
        # between auxiliary and participle stand objects; the subject stands before the
        # auxiliary or right after it
        before = _subject_before(article, s, aux)
        return before if before is not None else _subject_after(article, aux + 1, j)
    k = j - 1
    while k >= s:
        tok = toks[k]
        if tok.text == ")":
            # "Der Verband der Automobilindustrie (VDA) teilte mit": the short form in
            # brackets repeats the phrase before it
            m = next((m for m in range(k - 1, max(s, k - 6) - 1, -1) if toks[m].text == "("), None)
            if m is not None and m > s:
                k = m - 1
                continue
        if tok.text == ",":
            # "…, Will Grant, berichtete": a name right before the comma
            if k - 1 >= s and article.person_at.get(k - 1) is not None:
                mention = article.person_at[k - 1]
                return Speaker(mention.key, mention.start, mention.end, "PERSON")
            return _name_apposition(article, s, k)
        if tok.lower in _COORD:
            first = toks[s]
            if first.lower in ("er", "sie"):
                return speaker_from_np(article, s, s + 1)
            stop = np_forward(article, s, k)
            return (
                speaker_from_np(article, s, stop)
                if stop is not None and first.lower not in DE_PREPOSITIONS
                else None
            )
        if tok.lower in ("er", "sie"):
            return speaker_from_np(article, k, k + 1)
        if tok.lower in ("man", "es", "wir", "ich"):
            return None
        if k == s and tok.lower.endswith(_ADVERB_ENDINGS) and article.person_at.get(k) is None:
            return None  # "Ähnlich äußerte sich der Präsident": a fronted adverb, the subject follows
        if _is_head(tok) or article.person_at.get(k) is not None:
            start = _np_backward(article, k, s)
            if toks[start].lower in _OBJECT_DETS and start > s:
                # "Nachdem die Anwältin dem Richter mitgeteilt hatte": a dative or
                # accusative phrase is an object; the subject stands before it
                k = start - 1
                continue
            prep = _preposition_before(article, start, s)
            if prep is None and _fronted_als(article, s, start, j):
                prep = s
            if prep is not None:
                k = prep - 1  # a prepositional phrase ("am Montag", "nach dem knapp zweistündigen Gespräch")
                continue
            if article.person_at.get(k) is None:
                # "Der Zeitung sagte Filep Karma": a fronted object, the person follows the verb
                after = _person_after(article, j + 1)
                if after is not None:
                    return after
            # "Das Außenministerium in Peking erklärte": keep the place the phrase ends with
            stop = np_forward(article, start, j)
            return speaker_from_np(article, start, max(k + 1, stop or 0))
        k -= 1
    return None


def _name_apposition(article: Article, s: int, comma: int) -> Speaker | None:
    """ "Der Korrespondent in Mexiko-Stadt, Will Grant, berichtete": two to four name
    words set off by commas before the verb name the speaker, even when no lexicon knows them."""
    toks = article.toks
    m = comma - 1
    while m > s and comma - m <= 4 and is_name_word(toks[m]) and toks[m].lower not in DE_FUNCTION_WORDS:
        m -= 1
    words = comma - 1 - m
    if m <= s or toks[m].text != "," or not 2 <= words <= 4:
        return None
    start, end = toks[m + 1].start, toks[comma - 1].end
    return Speaker(article.text[start:end], start, end, "PERSON")


def _apposed_person(article: Article, comma: int, e: int) -> tuple[Speaker, int] | None:
    """A person named between two commas right after a phrase: ", Ihor Terechow," —
    with the token after the second comma."""
    toks = article.toks
    mention = _person_after_comma(article, comma, e - 1)
    if mention is None:
        return None
    after = mention.last_tok + 1
    if after + 1 >= e or toks[after].text != ",":
        return None
    return Speaker(mention.key, mention.start, mention.end, "PERSON"), after + 1


def _fronted_als(article: Article, s: int, start: int, j: int) -> bool:
    """ "Als Grund für … gab die Sprachschule an": "als" with a noun before a verb in second
    place; "Als X sagte, …" (verb last in its clause) is a subordinate clause, X its subject."""
    toks = article.toks
    if toks[s].lower != "als" or j + 1 >= len(toks) or toks[j + 1].text in _CLAUSE_BREAK:
        return False
    return start - 1 == s or any(toks[m].lower in DE_PREPOSITIONS for m in range(s + 1, start))


_PASSIVE_AUX = frozenset("wird werden wurde wurden".split())


_DOCUMENTS = frozenset(
    "Stellungnahme Erklärung Mitteilung Pressemitteilung Bericht Schreiben Brief Interview Rede "
    "Studie Gutachten Dokument Papier Urteil Beschluss Botschaft Antwort".split()
)


def _passive_source(article: Article, s: int, j: int) -> Speaker | None:
    toks = article.toks
    for m in range(s, j - 1):
        low = toks[m].lower
        if low in ("von", "vom") or (low in ("in", "im") and m + 1 < j):
            stop = np_forward(article, m + 1, j)
            if stop is None:
                continue
            heads = [t.text for t in toks[m + 1 : stop] if _is_capital(t)]
            if low in ("von", "vom") or (heads and heads[0] in _DOCUMENTS):
                return speaker_from_np(article, m + 1, stop)
    return None


def _quoted_one(article: Article, s: int, j: int, colon: int) -> Speaker | None:
    """Who is quoted: "X wird mit den Worten zitiert:" — the subject; "Die Zeitung zitiert X
    mit den Worten:" — the object after the verb, not the paper."""
    aux = _finite_auxiliary(article, s, j)
    if aux is not None and article.toks[aux].lower in _PASSIVE_AUX:
        return _subject_before(article, s, j, passive_agent=False)
    quoted = _subject_after(article, j + 1, colon)
    return quoted if quoted is not None else _subject_before(article, s, j)


def _finite_auxiliary(article: Article, s: int, j: int) -> int | None:
    """An auxiliary of the verb at j, with words between them, in the same clause."""
    toks = article.toks
    for k in range(j - 2, s - 1, -1):
        tok = toks[k]
        if tok.text in _CLAUSE_BREAK or tok.text in _MARKS:
            return None
        if (tok.lower in _PERFECT_AUX or tok.lower in _PASSIVE_AUX) and tok.text.islower():
            return k
    return None


def _person_after(article: Article, i: int) -> Speaker | None:
    """A person named (or a pronoun) right after a verb: "sagte Filep Karma", "sagte er"."""
    toks = article.toks
    if i < len(toks) and toks[i].lower in ("er", "sie") and toks[i].text.islower():
        return speaker_from_np(article, i, i + 1)
    for k in range(i, min(len(toks), i + 3)):
        mention = article.person_at.get(k)
        if mention is not None:
            return Speaker(mention.key, mention.start, mention.end, "PERSON")
        if toks[k].text in _CLAUSE_BREAK or toks[k].text in _PUNCT_END:
            break
    return None


def _preposition_before(article: Article, start: int, s: int) -> int | None:
    """Index of a preposition governing the phrase at `start` (adverbs may intervene)."""
    toks = article.toks
    for m in range(start - 1, max(s, start - 4) - 1, -1):
        low = toks[m].lower
        if low in DE_PREPOSITIONS:
            return m
        if not (
            low in DE_DETERMINERS or (toks[m].text.islower() and toks[m].text.isalpha() and low not in _COORD)
        ):
            return None
        if low in ("er", "sie", "es", "man", "wie", "dass"):
            return None
    return None


_SOURCE_PREPS = frozenset("aus von vom in im seitens".split())


_SOURCE_VERBS = frozenset("hieß heißt verlautete verlautet".split())


def _source_pp(article: Article, a: int, b: int) -> Speaker | None:
    """ "hieß es aus dem Ministerium" / "Aus dem Kreml hieß es": the place a claim comes from."""
    toks = article.toks
    for m in range(a, b):
        if toks[m].lower in _SOURCE_PREPS:
            stop = np_forward(article, m + 1, b)
            if stop is not None:
                return speaker_from_np(article, m + 1, stop)
    return None


def _opening_person(article: Article, s: int, end: int) -> Speaker | None:
    toks = article.toks
    k = s
    while k < end and (
        toks[k].lower in DE_DETERMINERS or _is_adjective(toks[k]) or is_role_word(toks[k].lower)
    ):
        k += 1
    if k >= end:
        return None
    if k == s and toks[k].text in ("Er", "Sie"):
        return speaker_from_np(article, k, k + 1)
    if k > s and toks[k].text == "," and k + 1 < end:
        k += 1  # "Der deutsche Regierungssprecher, Steffen Seibert, versuchte …:"
    mention = article.person_at.get(k)
    if mention is None or mention.first_tok != k:
        return None
    return Speaker(mention.key, mention.start, mention.end, "PERSON")


def _previous_subject(article: Article, sent: int) -> Speaker | None:
    """The subject of sentence `sent` when it is a name or a phrase with an article ("In Kiew
    meldete die Luftwaffe …"); None (the last speaker goes on) for "Zuerst habe sie …"."""
    ps, pe = article.sents[sent]
    speaker = _subject_after(article, ps, pe)
    if speaker is None or speaker.label != "ORG":
        return speaker
    toks = article.toks
    first = next((k for k in range(ps, pe) if toks[k].start == speaker.start), None)
    return speaker if first is not None and first > ps and toks[first - 1].lower in DE_DETERMINERS else None
