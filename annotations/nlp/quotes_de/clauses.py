"""Clause boundaries: where a reported clause starts and ends, and the clauses that
look like reports but are not (infinitives, relative clauses, second predicates)."""

from __future__ import annotations

from ..article import Article
from ..lexicon import DE_COMPLEMENTIZERS, DE_DETERMINERS, DE_PREPOSITIONS, DE_SPEECH_VERBS, DE_TRAILING_CUES
from .cues import _is_cue_verb
from .konjunktiv import _MODAL_KONJ_II, _konj_candidates, is_konjunktiv
from .phrases import np_forward
from .tokens import (
    _CLAUSE_BREAK,
    _MARKS,
    _MAX_CUE_GAP,
    _PUNCT_END,
    _RELATIVE,
    _TIME_NOUNS,
    _is_adjective,
    _is_capital,
    _segment_end,
)


def _clause_span(article: Article, a: int, b: int, masked: list[bool]) -> tuple[int, int] | None:
    """Char span of tokens [a, b) without the final stop; None if empty or quoted directly."""
    toks = article.toks
    # the report ends where the writer's own words resume after a semicolon, unless the
    # part after it is in Konjunktiv ("…; die meisten seien abgeschossen worden")
    for k in range(a + 3, b):
        if toks[k].text == ";":
            konj = _konj_candidates()
            if not any(toks[m].lower in konj and is_konjunktiv(article, m, k + 1) for m in range(k + 1, b)):
                b = k
            break
    # an opening mark of the next quote can hang at the end of the sentence before it; a
    # mark that closes a term quoted inside the report ("werde „nicht unbeantwortet
    # bleiben“.") stays
    while b > a and (toks[b - 1].text in _PUNCT_END or toks[b - 1].text in _MARKS):
        if toks[b - 1].text in _MARKS and sum(toks[k].text in _MARKS for k in range(a, b)) % 2 == 0:
            break
        b -= 1
    if a < b and toks[a].lower in DE_COMPLEMENTIZERS:
        a += 1
    if b - a < 3:
        return None
    if any(masked[a:b]):
        return None
    return toks[a].start, toks[b - 1].end


def _infinitive_clause(article: Article, a: int, b: int) -> bool:
    """ "…, die Angriffe einzustellen" — an infinitive, not reported speech."""
    toks = article.toks
    while b > a and toks[b - 1].text in _PUNCT_END:
        b -= 1
    if b - a < 2 or toks[a].lower in DE_COMPLEMENTIZERS:
        return False
    last = toks[b - 1].lower
    return toks[b - 2].lower == "zu" or (
        "zu" in last[2:-3] and last.endswith("en") and not _is_capital(toks[b - 1])
    )


def _noun_infinitive(article: Article, j: int, comma: int, e: int) -> bool:
    """ "meldet seit Wochen mehr Versuche, die Grenze zu überqueren": an infinitive after a
    common noun is that noun's content, not what the subject says ("kündigte an, Soldaten
    zu entsenden" still reports an announcement)."""
    toks = article.toks
    noun = comma - 1
    if noun <= j or not _is_capital(toks[noun]) or toks[noun].lower in _TIME_NOUNS:
        return False
    if article.person_at.get(noun) is not None or noun in article.country_toks:
        return False
    return _infinitive_clause(article, comma + 1, _segment_end(article, comma + 1, e))


def _apposed_name_before(article: Article, s: int, j: int) -> bool:
    """ "Israels Botschafter in Berlin, Ron Prosor, warnte vor …": the name between commas
    is the subject's apposition, the verb after it is the main verb, not a trailing cue."""
    toks = article.toks
    mention = article.person_at.get(j - 2)
    return (
        mention is not None
        and mention.last_tok == j - 2
        and mention.first_tok - 1 > s
        and toks[mention.first_tok - 1].text == ","
    )


def _apposed_subject_with_clause(article: Article, s: int, j: int, e: int) -> bool:
    """ "Martin Lee, der Gründer der Partei, sagte dazu, dies sei …": subject, apposition, verb, clause."""
    toks = article.toks
    np_end = np_forward(article, s, j)
    if np_end is None or toks[np_end].text != "," or toks[s].lower in DE_PREPOSITIONS:
        return False
    return any(toks[k].text in (",", ":") for k in range(j + 1, min(e, j + 1 + _MAX_CUE_GAP)))


_ADVERBIAL_OPENERS = frozenset("als wo nachdem bevor während weil da wenn ehe bis".split())


def _clause_follows(article: Article, j: int, e: int) -> bool:
    """ "…angesprochen, sagte Peskow, dass …": the reported clause follows the cue, not precedes it."""
    toks = article.toks
    for k in range(j + 1, min(e - 2, j + 1 + _MAX_CUE_GAP)):
        if toks[k].text in _PUNCT_END:
            return False
        if toks[k].text in (",", ":"):
            nxt = toks[k + 1].lower
            if nxt in _RELATIVE:
                # "…, die Auszahlung auszusetzen" (article) vs "…, die gestern kam" (relative)
                if _relative_pronoun(article, k + 1, e):
                    return False
                np_end = np_forward(article, k + 1, e)
                return np_end is not None and np_end < e - 1
            return nxt not in _ADVERBIAL_OPENERS
    return False


def _skip_relative(article: Article, a: int, e: int) -> int:
    """ "Dem Landrat zufolge, der am Abend vor Ort war, sind …": the report starts after the
    relative clause on the source."""
    toks = article.toks
    if a + 1 < e and toks[a].text == "," and _relative_pronoun(article, a + 1, e):
        for k in range(a + 2, e - 1):
            if toks[k].text == ",":
                return k + 1
    return a


def _second_cue(article: Article, a: int, b: int) -> tuple[int, int, int] | None:
    """ "…, und fügte hinzu, …" inside the clause [a, b): a second cue of the same subject;
    (its comma before "und", the verb, the comma that opens its own clause)."""
    toks = article.toks
    for k in range(a + 2, b - 3):
        if toks[k].text != "," or toks[k + 1].lower not in ("und", "aber") or not toks[k + 2].text.islower():
            continue
        v = k + 2
        if toks[v].lower not in DE_SPEECH_VERBS:
            continue
        for c in range(v + 1, min(b - 1, v + 6)):
            if toks[c].text in (",", ":"):
                return (k, v, c) if _is_cue_verb(article, v, c) else None
        return None
    return None


_CONJ_ADVERBS = frozenset("aber jedoch doch und allerdings".split())


_SECOND_VERBS = frozenset(
    """nannte nannten wollte wollten lehnte lehnten äußerte äußerten sprach sprachen rief riefen
    forderte forderten""".split()
)


def _second_predicate(article: Article, a: int, e: int) -> bool:
    """The comma after a cue opens a second verb of the same subject ("…, nannte aber keine
    Details", "…, aber wollte sich nicht äußern"), not a reported clause."""
    toks = article.toks
    while a < e and toks[a].lower in _CONJ_ADVERBS and toks[a].text.islower():
        a += 1
    if a >= e or not toks[a].text.islower():
        return False
    return toks[a].lower in DE_TRAILING_CUES or toks[a].lower in _SECOND_VERBS


_FINITE_AUX = frozenset(
    """solle sollen soll könne können kann werde werden wird wolle wollen will müsse müssen muss
    dürfe dürfen darf habe haben hat sei seien ist sind hätte hätten würde würden könnte könnten
    müsste müssten sollte sollten""".split()
)


def _verb_final(article: Article, a: int, b: int) -> bool:
    """ "…, die Unternehmen bei den Energiekosten entlasten solle": the clause after the noun
    phrase ends with a verb and its finite auxiliary, so it is a relative clause; a report has
    its finite verb second ("die Regierung werde die Steuern senken")."""
    toks = article.toks
    if b - a < 2 or toks[a].lower in _FINITE_AUX:
        return False
    last, before = toks[b - 1], toks[b - 2]
    return (
        last.lower in _FINITE_AUX
        and before.text.islower()
        and before.text.isalpha()
        and before.lower.endswith(("en", "t", "rn", "ln"))
        and not any(toks[k].lower in _FINITE_AUX for k in range(a, b - 1))
    )


def _reported_front(article: Article, s: int, j: int, masked: list[bool]) -> tuple[int, int] | None:
    """Span of a Konjunktiv clause that opens the sentence before ", <cue> X," (the cue at j)."""
    toks = article.toks
    if j < s + 4 or toks[j - 1].text != "," or toks[j].lower not in DE_TRAILING_CUES:
        return None
    if any(masked[s:j]) or any(toks[k].text in _CLAUSE_BREAK for k in range(s, j - 1)):
        return None
    konj = _konj_candidates()
    if not any(toks[k].lower in konj and is_konjunktiv(article, k, s) for k in range(s, j - 1)):
        return None
    return _clause_span(article, s, j - 1, masked)


def _in_relative_clause(article: Article, s: int, i: int) -> bool:
    """ "Er verwies auf die Initiative, die Unternehmen entlasten solle.": the Konjunktiv at i
    closes a relative clause on a noun of the writer's sentence, which reports nothing."""
    toks = article.toks
    k = i - 1
    while k > s and toks[k].text not in _CLAUSE_BREAK:
        k -= 1
    if k <= s + 1 or toks[k].text != "," or not _is_capital(toks[k - 1]):
        return False
    if toks[k + 1].lower not in _RELATIVE:
        return False
    end = i + 1
    return _relative_pronoun(article, k + 1, end) or _verb_final(article, k + 2, end)


def _relative_pronoun(article: Article, k: int, e: int) -> bool:
    """ "…, der die Feuerwehr leitet", "…, der am Abend kam", "…, die gestern kam": "der"
    before an article, a preposition or an adverb is a pronoun, not an article."""
    toks = article.toks
    if toks[k].lower not in _RELATIVE or k + 1 >= e:
        return False
    nxt = toks[k + 1]
    return (
        nxt.lower in DE_DETERMINERS
        or nxt.lower in DE_PREPOSITIONS
        or (nxt.text.islower() and nxt.text.isalpha() and not _is_adjective(nxt))
    )


_REL_PRONOUNS = frozenset("dem der denen deren dessen den welchem welcher welchen".split())


_REL_WORDS = frozenset("was wo wobei weshalb weswegen womit wodurch worauf".split())


def _relative_opener(article: Article, a: int, e: int) -> bool:
    """ "…, in dem 185 Länder aufgelistet sind" / "…, was ein Hinweis ist" open a relative
    clause; "…, in der Stadt sei niemand verletzt worden" opens the report: there the
    pronoun is an article, with a noun (and perhaps adjectives) after it."""
    toks = article.toks
    if toks[a].lower in _REL_WORDS:
        return True
    if not (a + 1 < e and toks[a].lower in DE_PREPOSITIONS and toks[a + 1].lower in _REL_PRONOUNS):
        return False
    if toks[a + 1].lower not in ("dem", "der", "den"):
        return True  # "denen", "deren", "welchem" are never articles
    k = a + 2
    while k < e and _is_adjective(toks[k]) and toks[k].lower not in _QUANTIFIERS:
        k += 1
    return not (k < e and _is_capital(toks[k]) and toks[k].lower not in ("sie", "er", "wir", "ihr"))


_QUANTIFIERS = frozenset("viele einige alle mehrere wenige manche zahlreiche beide".split())


def _cue_closes(article: Article, j: int, e: int) -> bool:
    """A trailing cue (", berichtete Hahn.") ends the sentence after token j."""
    toks = article.toks
    for k in range(e - 2, j + 1, -1):
        if toks[k].text == "," and toks[k + 1].lower in DE_TRAILING_CUES and toks[k + 1].text.islower():
            return e - k <= 8
    return False


def _late_comma(article: Article, j: int, e: int, masked: list[bool]) -> int | None:
    """ "sagte am Montag nach einem Treffen mit Vermittlern aus Katar und den USA in Kairo,
    beide Seiten müssten …": a long adverbial between verb and comma; the clause counts
    only when its mood or a "dass" marks it as reported."""
    toks = article.toks
    for k in range(j + 1, min(e - 2, j + 1 + _MAX_CUE_GAP * 2)):
        text = toks[k].text
        if text in _PUNCT_END or text in (";", ":") or masked[k] or toks[k].lower in DE_SPEECH_VERBS:
            return None
        if text != ",":
            continue
        if k - j <= _MAX_CUE_GAP:
            return None  # the ordinary search saw this comma and let it go
        if toks[k + 1].lower in DE_COMPLEMENTIZERS:
            return k
        konj = _konj_candidates()
        for m in range(k + 1, e):
            if toks[m].text in _CLAUSE_BREAK or toks[m].text in _PUNCT_END:
                break
            if toks[m].lower in _MODAL_KONJ_II or (
                toks[m].lower in konj and is_konjunktiv(article, m, k + 1, with_ii=True)
            ):
                return k
        return None
    return None


def _writer_resumes(article: Article, a: int, e: int) -> int:
    """ "…, dass etwas abfällt, denn bisher gibt es kein Telefon": a "denn" clause in the
    indicative is the writer's explanation; the report ends before it."""
    toks = article.toks
    konj = _konj_candidates()
    for k in range(a + 2, e - 2):
        if toks[k].text == "," and toks[k + 1].lower == "denn":
            if not any(
                toks[i].lower in konj and is_konjunktiv(article, i, k + 1, with_ii=True)
                for i in range(k + 2, e)
            ):
                return k
            break
    return e


def _not_speech_frame(article: Article, j: int, comma: int) -> bool:
    """ "erklärte die Ausschreibung für fehlerhaft" (declared it void) and "meldete sich bei
    X" (got in touch) use a speech verb without reporting anything."""
    toks = article.toks
    lower = toks[j].lower
    between = [t.lower for t in toks[j + 1 : comma]]
    if lower.startswith("erklär") and "für" in between:
        return True
    return lower.startswith("meldet") and "sich" in between[:2]


_SUBORDINATORS = frozenset("nachdem als weil da obwohl während bevor wenn sobald seit".split())


_NOT_FINITE_OPENERS = frozenset("und oder aber sondern dass die der das den dem des wie wo um".split())


def _main_clause_start(article: Article, s: int, a: int, e: int, j: int | None = None) -> int:
    """ "Nachdem X mitgeteilt hatte, dass A, hatte dieser …" and "Für Putin, der sagt, A,
    ermöglicht …": a cue in a subordinate or relative clause; the report stops before the
    main clause resumes."""
    toks = article.toks
    relative = j is not None and j - 2 >= s and toks[j - 1].lower in _RELATIVE and toks[j - 2].text == ","
    if toks[s].lower not in _SUBORDINATORS and not relative:
        return e
    for k in range(a + 2, e - 1):
        if toks[k].text == ",":
            nxt = toks[k + 1]
            if (
                nxt.text.islower()
                and nxt.lower not in _NOT_FINITE_OPENERS
                and nxt.lower not in DE_PREPOSITIONS
            ):
                return k
    return e
