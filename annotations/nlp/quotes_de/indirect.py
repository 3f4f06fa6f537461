"""Indirect and reported speech, sentence by sentence: cues, source phrases and Konjunktiv
sentences that go on reporting the last speaker."""

from __future__ import annotations

from bisect import bisect_left

from ..article import Article
from ..lexicon import (
    DE_COMPLEMENTIZERS,
    DE_DASS_ONLY,
    DE_DETERMINERS,
    DE_SPEECH_NOUNS,
    DE_SPEECH_PARTICLE,
    DE_SPEECH_VERBS,
    DE_SUBJECT_PRONOUNS,
    DE_TRAILING_CUES,
)
from ..quotes import Candidate, Speaker
from .clauses import (
    _apposed_name_before,
    _apposed_subject_with_clause,
    _clause_follows,
    _clause_span,
    _cue_closes,
    _in_relative_clause,
    _infinitive_clause,
    _late_comma,
    _main_clause_start,
    _not_speech_frame,
    _noun_infinitive,
    _relative_opener,
    _relative_pronoun,
    _reported_front,
    _second_cue,
    _second_predicate,
    _verb_final,
    _writer_resumes,
)
from .cues import _AUX, _cue_triggers, _is_cue_verb
from .konjunktiv import (
    _KONJ_AUX,
    _MODAL_REPORT,
    _MUST_KONJ_II,
    _continues_claim,
    _deadline,
    _konj_candidates,
    _reportative,
    is_konjunktiv,
)
from .phrases import np_forward
from .sources import _source_phrase, _unnamed_claim
from .speakers import _can_speak
from .subjects import (
    _SOURCE_VERBS,
    _previous_subject,
    _source_pp,
    _subject_after,
    _subject_before,
)
from .tokens import (
    _CLAUSE_BREAK,
    _MARKS,
    _MAX_CUE_GAP,
    _PUNCT_END,
    _RELATIVE,
    _is_capital,
    _segment_end,
)

FOLLOW_ON_SENTENCES = 99  # a Konjunktiv sentence this close to a quote continues it


def german_indirect(
    article: Article, masked: list[bool], direct: list[Candidate] | None = None
) -> list[Candidate]:
    """Indirect and reported speech in German sentences (`direct` may get a later source)."""
    toks = article.toks
    out: list[Candidate] = list(direct or [])
    given = len(out)
    _uncued_after_subject(article, out, masked)
    last_quote_sent = -10
    unnamed_sent = -10
    sent_words = article.sent_words()
    for sent_no, (s, e) in enumerate(article.sents):
        if all(masked[s:e]):
            last_quote_sent = sent_no if any(masked[s:e]) else last_quote_sent
            continue
        words = sent_words[sent_no]
        if (
            words.isdisjoint(_cue_triggers())
            and words.isdisjoint(_konj_candidates())
            and words.isdisjoint(_MUST_KONJ_II)
        ):
            continue  # most sentences: nothing to look at
        if sent_no and _points_back(article, s, e):
            # "… Gazastreifen. Das meldet die Zeitung Haaretz." — the sentence before is the report
            _attribute_previous(article, sent_no - 1, s, e, masked, out)
            last_quote_sent = sent_no
            continue
        if sent_no and _with_these_words(article, s, e, masked):
            # "„Was sollen wir noch tun?“ Mit diesen Worten wandte sich X an …"
            _attribute_previous(article, sent_no - 1, s + 2, e, masked, out, only_direct=True)
            last_quote_sent = sent_no
            continue
        found = _sentence_cues(article, s, e, masked) if not words.isdisjoint(_cue_triggers()) else []
        if found:
            out.extend(found)
            last_quote_sent = sent_no
            continue
        if any(masked[i] and toks[i].text not in _MARKS for i in range(s, e)):
            last_quote_sent = sent_no
            continue
        if _unnamed_claim(article, s, e):
            # "Der Entwurf sieht Berichten zufolge … vor. In dieser Zeit sollen …": a claim
            # without a named source, and the sentences that go on with it, quote nobody
            unnamed_sent = sent_no
            continue
        # reportative "soll … verletzt worden sein": the writer passes on a claim
        # with no report before it, the claim has no named source: "Der Unternehmer soll
        # Anleger um Millionen gebracht haben" opening an article quotes nobody
        if _reportative(article, s, e, masked) and (
            last_quote_sent >= 0 or any(c.start < toks[s].start for c in out)
        ):
            span = _clause_span(article, s, e, masked)
            if span:
                out.append(Candidate(span[0], span[1], False, None, None, inherit=True))
                last_quote_sent = sent_no
                continue
        if sent_no - 1 == unnamed_sent and _continues_claim(article, s, e, masked):
            continue
        if _denial(article, s, e):
            # "wies Vorwürfe zurück, seine Regierung steuere …": the clause is what the
            # accusers say, and the subject denies it
            continue
        # follow-on Konjunktiv: a sentence without a cue that keeps reporting
        if sent_no - last_quote_sent <= FOLLOW_ON_SENTENCES and e - s >= 4:
            near = sent_no - last_quote_sent <= 2
            konj = _konj_candidates()
            reporting = any(
                toks[i].lower in konj
                and not masked[i]
                and is_konjunktiv(article, i, s, with_ii=near)
                and not _in_relative_clause(article, s, i)
                for i in range(s, e)
            ) or (near and not words.isdisjoint(_MODAL_REPORT) and not _deadline(article, s, e))
            # "Die Diplomaten müssten das Land verlassen" right after a report: "müsste" is
            # Konjunktiv II only (the indicative is "musste"), it reports the speaker's demand
            reporting = reporting or (
                sent_no - last_quote_sent <= 1
                and toks[s].lower not in _WRITER_SUBORDINATORS
                and any(toks[i].lower in _MUST_KONJ_II and not masked[i] for i in range(s, e))
                and not _in_relative_clause(
                    article, s, next(i for i in range(s, e) if toks[i].lower in _MUST_KONJ_II)
                )
            )
            if reporting:
                # "X schloss sich der Kritik an: Die Mittel seien …": the report follows the colon
                colon = next((k for k in range(s + 2, e - 3) if toks[k].text == ":"), None)
                a = colon + 1 if colon is not None else s
                span = _clause_span(article, a, e, masked)
                if span:
                    cand = Candidate(span[0], span[1], False, None, None, inherit=True)
                    if colon is not None:
                        cand.speaker = _subject_before(article, s, colon)
                        cand.inherit = cand.speaker is None
                    if sent_no - last_quote_sent > 2 and cand.speaker is None:
                        # far from the last quote: the person last seen as a subject speaks
                        mention = article.last_person_before(toks[s].start)
                        if mention is not None:
                            cand.speaker = Speaker(mention.key, mention.start, mention.end, "PERSON")
                    out.append(cand)
                    last_quote_sent = sent_no
    return out[given:]


def _uncued_after_subject(article: Article, direct: list[Candidate], masked: list[bool]) -> None:
    """ "Die SPD will am Kurs festhalten. „Wir wollen ein Europa, …“": a quote without a cue
    right after a sentence without a quote in the same paragraph belongs to that sentence's
    subject, not to whoever spoke last."""
    toks = article.toks
    starts: list[int] | None = None
    for cand in direct:
        if cand.speaker is not None or not cand.inherit:
            continue
        if starts is None:
            starts = [tok.start for tok in toks]
        i = bisect_left(starts, cand.start)
        if i >= len(toks) or i == 0:
            continue
        sent = toks[i].sent
        if toks[i - 1].sent == sent:
            ps = i - 1
            while ps > 0 and toks[ps - 1].sent == sent:
                ps -= 1
            if any(not masked[k] and toks[k].text not in _MARKS for k in range(ps, i)):
                continue  # the quote sits inside a sentence of the writer's
            if sent == 0:
                continue
            sent -= 1
        elif sent == 0:
            continue
        else:
            sent = toks[i - 1].sent
        ps, pe = article.sents[sent]
        if any(masked[ps:pe]) or "\n\n" in article.text[toks[pe - 1].end : cand.start]:
            continue  # a quote before (the last speaker goes on) or another paragraph
        konj = _konj_candidates()
        if _sentence_cues(article, ps, pe, masked) or any(
            toks[k].lower in konj and is_konjunktiv(article, k, ps) for k in range(ps, pe)
        ):
            continue  # "Schweden habe …, erklärte er. „…“": a report before, its speaker goes on
        speaker = _previous_subject(article, sent)
        if speaker is not None and _can_speak(speaker):
            cand.speaker, cand.inherit = speaker, False


# "Da die Kasse insolvent ist, müsste …": a sentence opening with a reason or condition is the writer's
_WRITER_SUBORDINATORS = frozenset("da weil wenn falls sofern solange damit".split())


def _points_back(article: Article, s: int, e: int) -> bool:
    toks = article.toks
    if e - s < 3 or toks[s].lower not in ("das", "dies") or toks[s + 1].lower not in DE_TRAILING_CUES:
        return False
    if not toks[s + 1].text.islower():
        return False
    return _is_cue_verb(article, s + 1, e - 1)


def _with_these_words(article: Article, s: int, e: int, masked: list[bool]) -> bool:
    toks = article.toks
    return (
        e - s > 5
        and toks[s].lower == "mit"
        and toks[s + 1].lower in ("diesen", "den", "solchen")
        and toks[s + 2].text == "Worten"
        and toks[s + 3].text.islower()
        and not any(masked[s:e])
    )


def _attribute_previous(
    article: Article,
    prev: int,
    s: int,
    e: int,
    masked: list[bool],
    out: list[Candidate],
    *,
    only_direct: bool = False,
) -> None:
    """Give the quotes of sentence `prev` the source named after the verb at s + 1; unless
    `only_direct`, the sentence itself is the report when it holds no quote."""
    toks = article.toks
    verb = toks[s + 1]
    if verb.lower in _SOURCE_VERBS:
        speaker = _source_pp(article, s + 2, e)
    else:
        speaker = _subject_after(article, s + 2, e)
    ps, pe = article.sents[prev]
    found = False
    for cand in out:
        # a quote the sentence before already holds (direct or a follow-on) gets this source
        if toks[ps].start <= cand.start < toks[pe - 1].end and (cand.speaker is None or cand.inherit):
            cand.speaker, cand.cue, cand.inherit = speaker, verb.text, False
            found = True
    if found or any(masked[ps:pe]) or only_direct:
        return
    span = _clause_span(article, ps, pe, masked)
    if span:
        out.append(Candidate(span[0], span[1], False, verb.text, speaker))


_DENIAL_VERBS = frozenset("bestritt bestreitet bestritten dementierte dementiert dementierten".split())


_REJECT_VERBS = frozenset("wies weist wiesen".split())


def _denial(article: Article, s: int, e: int) -> bool:
    toks = article.toks
    words = {t.lower for t in toks[s:e]}
    return bool(words & _DENIAL_VERBS) or (bool(words & _REJECT_VERBS) and "zurück" in words)


_ACCUSE = frozenset(("warf", "warfen", "wirft"))


# "warnte, … zu vernachlässigen", "mahnten, … nicht zu gefährden": an infinitive after a
# warning names what is warned against, not a reported clause ("kündigte an, … zu schließen"
# stays: real news counts an announced plan as a report)
_INFINITIVE_FRAMES = frozenset("warnte warnten warnt gewarnt mahnte mahnten mahnt gemahnt".split())


def _sentence_cues(article: Article, s: int, e: int, masked: list[bool]) -> list[Candidate]:
    toks = article.toks
    out: list[Candidate] = []
    for j in range(s, e):
        if masked[j]:
            continue
        tok = toks[j]
        lower = tok.lower
        source = _source_phrase(article, s, e, j, masked)
        if source is not None:
            out.append(source)
            return out
        # "…, hatte Obama bei seinem Besuch gesagt." — the cue verb closes the sentence
        if lower in _AUX and j > s + 2 and toks[j - 1].text == "," and not any(masked[s : j - 1]):
            b = e
            while b > j and toks[b - 1].text in _PUNCT_END:
                b -= 1
            if b - 1 > j + 1 and toks[b - 1].lower in DE_SPEECH_VERBS and toks[b - 1].lower.startswith("ge"):
                speaker = _subject_after(article, j + 1, b - 1)
                span = _clause_span(article, s, j - 1, masked)
                if span:
                    out.append(Candidate(span[0], span[1], False, toks[b - 1].text, speaker))
                    return out
        # …, so X. / A, so X, B.
        if lower == "so" and j > s + 2 and toks[j - 1].text == "," and j + 1 < e:
            nxt = toks[j + 1]
            if _is_capital(nxt) or nxt.lower in DE_DETERMINERS:
                speaker = _subject_after(article, j + 1, e)
                k = j + 1
                while k < e and toks[k].text not in _CLAUSE_BREAK and toks[k].text not in _PUNCT_END:
                    k += 1
                mid = k < e and toks[k].text == "," and e - k > 3
                span = _clause_span(article, s, e if mid else j - 1, masked)
                if span and speaker is not None:
                    out.append(Candidate(span[0], span[1], False, "so", speaker))
                    return out
        # "vertritt die Ansicht, dass …" / "ist der Meinung, dass …"
        if (
            tok.text in DE_SPEECH_NOUNS
            and j + 2 < e
            and toks[j + 1].text == ","
            and toks[j + 2].lower in DE_COMPLEMENTIZERS
            and not masked[j + 2]
        ):
            speaker = _subject_before(article, s, j)
            span = _clause_span(article, j + 2, e, masked)
            if span:
                out.append(Candidate(span[0], span[1], False, tok.text, speaker))
                return out
        if lower not in DE_SPEECH_VERBS or (j > s and not tok.text.islower()):
            continue  # "Berichten", "Angaben": capitalised, so nouns, not verbs
        if j > s and toks[j - 1].text == "," and any(masked[s : j - 1]):
            continue  # the cue of a direct quote: „…“, sagte X
        # …, sagte X. / …, wie X mitteilte.
        if (
            j > s + 2
            and toks[j - 1].text == ","
            and lower in DE_TRAILING_CUES
            and (j + 1 < e and toks[j + 1].text != ",")
            and not _apposed_subject_with_clause(article, s, j, e)
            and not _apposed_name_before(article, s, j)
            and not _clause_follows(article, j, e)
        ):
            if not _is_cue_verb(article, j, min(e - 1, j + 6)):
                continue
            if lower in DE_DASS_ONLY and not any(
                is_konjunktiv(article, i, s) for i in range(s, j - 1) if toks[i].lower in _konj_candidates()
            ):
                continue  # "…, forderte das Erdbeben": a demand verb reports only in Konjunktiv
            if lower in _SOURCE_VERBS:
                speaker = _source_pp(article, j + 1, e)
            else:
                speaker = _subject_after(article, j + 1, e)
            span = _clause_span(article, s, j - 1, masked)
            if span:
                out.append(Candidate(span[0], span[1], False, tok.text, speaker))
                return out
            continue
        # "…, wie EADS gestern mitteilte." — the cue closes the sentence
        if j + 1 < e and toks[j + 1].text in _PUNCT_END and lower in DE_TRAILING_CUES:
            k = j - 1
            while k > s + 2 and toks[k].text not in _CLAUSE_BREAK and toks[k].lower != "wie":
                k -= 1
            if toks[k].lower == "wie" and toks[k - 1].text == "," and not any(masked[s : k - 1]):
                speaker = _subject_after(article, k + 1, j)
                span = _clause_span(article, s, k - 1, masked)
                if span:
                    out.append(Candidate(span[0], span[1], False, tok.text, speaker))
                    return out
        if (
            j > s
            and (
                any(toks[k].lower in _KONJ_AUX for k in range(max(s, j - 6), j))
                # "Er gehe davon aus, dass …, sagte Hoeneß": the cue verb is Konjunktiv itself
                or (toks[j - 1].lower in DE_SUBJECT_PRONOUNS and is_konjunktiv(article, j, s))
            )
            and _cue_closes(article, j, e)
        ):
            # "Die Kanzlerin habe ihm gesagt, dass …, berichtete Hahn": a cue in Konjunktiv is
            # itself reported; the cue that closes the sentence speaks
            continue
        # X sagte (…), CLAUSE / X erklärte, dass CLAUSE / Wie X mitteilte, CLAUSE
        comma = None
        gap = _MAX_CUE_GAP * 2 if lower in DE_SPEECH_PARTICLE else _MAX_CUE_GAP
        for k in range(j + 1, min(e, j + 1 + gap)):
            if toks[k].text in (",", ":"):
                comma = k
                if lower not in DE_SPEECH_PARTICLE or _is_cue_verb(article, j, k):
                    break
                # "geht … im Kosovo, Joachim Rücker, davon aus, dass": the particle comes
                # after an apposition; the clause starts at the comma after it
                continue
            if toks[k].text in _PUNCT_END or masked[k] or toks[k].lower in DE_SPEECH_VERBS:
                break
        if comma is None and lower not in DE_SPEECH_PARTICLE:
            comma = _late_comma(article, j, e, masked)
        if comma is None or not _is_cue_verb(article, j, comma) or _not_speech_frame(article, j, comma):
            continue
        if toks[comma].text == ":" and comma + 1 < e and masked[comma + 1]:
            continue  # X sagte: „…“ is a direct quote
        if (
            comma + 1 < e
            and toks[comma + 1].lower in _RELATIVE
            and comma - 1 > j
            and _is_capital(toks[comma - 1])
        ):
            # "sagte X, der gestern …" (relative clause) or "sagte X, der Gouverneur." (apposition)
            # are not the quote; "sagte X, die USA hielten …" is
            np_end = np_forward(article, comma + 1, e)
            if np_end is None or np_end >= e - 1 or _relative_pronoun(article, comma + 1, e):
                continue
            if _verb_final(article, np_end, _segment_end(article, comma + 1, e)):
                continue  # "verwies auf die Initiative, die Unternehmen entlasten solle"
        if lower in DE_DASS_ONLY and (comma + 1 >= e or toks[comma + 1].lower not in DE_COMPLEMENTIZERS):
            continue
        if _second_predicate(article, comma + 1, e):
            continue  # "bestätigte den Einsatz, nannte aber keine Details": a second verb, no report
        if comma + 1 < e and _relative_opener(article, comma + 1, e):
            continue  # "…, in dem 185 Länder aufgelistet sind" / "…, was ein Hinweis ist"
        if (lower in DE_DASS_ONLY or lower in _ACCUSE or lower in _INFINITIVE_FRAMES) and _infinitive_clause(
            article, comma + 1, e
        ):
            # "forderte X, die Angriffe einzustellen": a demand, not a report; "warf X vor,
            # gelogen zu haben": an accusation named, not what was said
            continue
        if (
            lower in _ACCUSE
            and (comma + 1 >= e or toks[comma + 1].lower not in DE_COMPLEMENTIZERS)
            and not any(
                toks[k].lower in _konj_candidates() and is_konjunktiv(article, k, comma + 1)
                for k in range(comma + 1, e)
            )
        ):
            continue  # "warf X vor, sie habe …" reports in Konjunktiv (or with dass)
        if _noun_infinitive(article, j, comma, e):
            continue  # "meldet mehr Versuche, die Grenze zu überqueren": the noun's content
        if lower in _SOURCE_VERBS:
            speaker = _source_pp(article, s, comma)
        else:
            speaker = _subject_before(article, s, j)
            if speaker is None:
                speaker = _subject_after(article, j + 1, comma)
        end = _writer_resumes(article, comma + 1, _main_clause_start(article, s, comma + 1, e, j))
        second = _second_cue(article, comma + 1, end)
        span = _clause_span(article, comma + 1, second[0] if second else end, masked)
        if span:
            front = _reported_front(article, s, j, masked)
            if front is not None:
                # "Die Lage sei ernst, sagte X, die Pegel stiegen weiter": both halves report
                out.append(Candidate(front[0], front[1], False, tok.text, speaker))
            out.append(Candidate(span[0], span[1], False, tok.text, speaker))
            if second is not None:
                # "…, man sei auf gutem Weg, und fügte hinzu, die Gespräche gingen weiter"
                more = _clause_span(article, second[2] + 1, end, masked)
                if more:
                    out.append(Candidate(more[0], more[1], False, toks[second[1]].text, speaker))
            return out
    return out
