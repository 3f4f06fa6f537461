"""Candidates and their features for the learned parts (text and tokens only, no ORM).

Speaker candidates of a quote: person mentions, capitalised nouns (with a genitive
attribute: "Sprecher des Ministeriums") and subject pronouns (standing for the person
they point back to) in the quote's sentences and the two before it, the rules' own
speaker and the previous quote's speaker. Quote candidates: the rules' quotes, quoted
stretches the rules dropped, and sentences with a speech word or a Konjunktiv form
that no quote covers (the high-recall generator)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from ..article import Article
from ..direct import find_direct_segments
from ..lexicon import DE_DETERMINERS, DE_FUNCTION_WORDS, DE_PREPOSITIONS, first_name_gender
from ..quotes import TokenIndex
from ..types import QuoteSpan
from .gold import same_person

Features = dict[str, float]

_GENITIVE = frozenset("des der eines einer".split())
_PRONOUNS = frozenset(("er", "sie"))
_DEFINITE = frozenset("der die das dem den des".split())
_CLAUSE_PUNCT = frozenset(",;:")
_END_PUNCT = frozenset(".!?")
_MARKS = frozenset('„“”"»«‹›')
_COMPLEMENTIZERS = frozenset(("dass", "daß", "ob"))
_INSIDE_WORDS = 6
# words that introduce a source phrase: "nach Angaben der Polizei", "laut einer Umfrage",
# "Medienberichten zufolge", "so der Minister", "wie die Zeitung berichtet"
_SOURCE_WORDS = frozenset("nach laut zufolge gegenüber wie so von vom aus über".split())


def _bucket(n: int) -> int:
    return min(int(math.log2(n + 1)), 5)


@dataclass(slots=True)
class SpeakerCandidate:
    name: str
    first: int  # token range [first, end); -1 when it has no place in the window
    end: int
    kind: str
    features: Features = field(default_factory=dict)


def _is_noun(article: Article, i: int) -> bool:
    tok = article.toks[i]
    text = tok.text
    if len(text) < 2 or not text[0].isupper() or not text.replace("-", "").isalpha():
        return False
    low = tok.lower
    return not (low in DE_FUNCTION_WORDS or low in DE_DETERMINERS or low in DE_PREPOSITIONS)


def _noun_phrase(article: Article, i: int, limit: int) -> int:
    """End of the noun phrase headed at i: 'Sprecher des Ministeriums', 'Angaben der Polizei'."""
    toks = article.toks
    j = i + 1
    if j < limit and _joined(article, i, j) and toks[j].lower in _GENITIVE:
        k = j + 1
        while k < limit and k - j <= 3 and not _is_noun(article, k) and toks[k].text.isalpha():
            k += 1
        if k < limit and _is_noun(article, k) and _joined(article, i, k):
            return k + 1
    # a genitive without article: an inflected adjective and a noun ("Meinung politischer
    # Beobachter", "Angaben örtlicher Behörden")
    if (
        j + 1 < limit
        and toks[j].text[:1].islower()
        and toks[j].lower.endswith(("er", "en"))
        and toks[j].lower not in DE_DETERMINERS
        and toks[j].lower not in DE_PREPOSITIONS
        and toks[j].text.isalpha()
        and _is_noun(article, j + 1)
        and _joined(article, i, j + 1)
    ):
        return j + 2
    return i + 1


def _joined(article: Article, i: int, j: int) -> bool:
    """Tokens i and j in one sentence with no line break between them ("Hafen" ending a
    title and "Der Verein" opening the first paragraph are no phrase)."""
    toks = article.toks
    return toks[i].sent == toks[j].sent and "\n" not in article.text[toks[i].end : toks[j].start]


class QuoteContext:
    """What the speaker features of one article need, built once per article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.index = TokenIndex(article)
        self.mention_count: dict[str, int] = {}
        for m in article.persons:
            self.mention_count[m.key] = self.mention_count.get(m.key, 0) + 1
        # words the article also writes in lower case are adverbs or adjectives when
        # they open a sentence ("Tatsächlich", "Langfristig"), not nouns
        self.lower_words = frozenset(t.text for t in article.toks if t.text[:1].islower())

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        return self.index.at_or_after(start), self.index.at_or_after(end)


def speaker_candidates(
    ctx: QuoteContext, quote: QuoteSpan, prev_speaker: str | None, has_rules_choice: bool = True
) -> list[SpeakerCandidate]:
    """Candidates with features for one quote (the rules' choice marked when it is used)."""
    article = ctx.article
    toks = article.toks
    a, b = ctx.tok_range(quote.start, quote.end)
    if a >= len(toks) or b <= a:
        return []
    s0, s1 = toks[a].sent, toks[b - 1].sent
    lo = article.sents[max(0, s0 - 3)][0]
    hi = article.sents[min(len(article.sents) - 1, s1 + 1)][1]
    cue_i = _cue_token(article, quote, a, b, article.sents[s0][0], article.sents[s1][1])
    rules = (-1, -1)
    if (
        has_rules_choice
        and quote.speaker
        and quote.speaker_start is not None
        and quote.speaker_end is not None
    ):
        rules = ctx.tok_range(quote.speaker_start, quote.speaker_end)
    out: list[SpeakerCandidate] = []
    seen_mentions: set[int] = set()
    # an indirect quote may open with its source ("Dem Vernehmen nach", "Laut Polizei"):
    # its first words are candidates too
    inside_end = a if quote.direct else min(b, a + _INSIDE_WORDS)
    sources = (
        {first: (end, how) for first, end, how in _inside_sources(article, a, b)} if not quote.direct else {}
    )
    for first, (end, how) in sources.items():
        if first >= inside_end:
            name = article.text[toks[first].start : toks[end - 1].end]
            out.append(SpeakerCandidate(name, first, end, "source", {"source=" + how: 1.0}))
    i = lo
    while i < hi:
        if inside_end <= i < b:
            i = b
            continue
        tok = toks[i]
        mention = article.person_at.get(i)
        if mention is not None:
            if id(mention) not in seen_mentions:
                seen_mentions.add(id(mention))
                out.append(SpeakerCandidate(mention.key, mention.first_tok, mention.last_tok + 1, "person"))
                written = _role_before(article, mention.first_tok, lo)
                if written is not None:
                    # the name as written with its role noun ("Bundesinnenminister Schäuble"),
                    # the form an archive may keep instead of the full name
                    name = article.text[toks[written].start : toks[mention.last_tok].end]
                    if not same_person(name, mention.key):
                        out.append(SpeakerCandidate(name, written, mention.last_tok + 1, "written"))
            i = mention.last_tok + 1
            continue
        if tok.lower in _PRONOUNS:
            ref = _pronoun_referent(article, i)
            if ref is not None:
                out.append(SpeakerCandidate(ref.key, i, i + 1, "pronoun"))
        elif _is_noun(article, i):
            end = _noun_phrase(article, i, hi if i >= b else (inside_end if i >= a else a))
            name = article.text[tok.start : toks[end - 1].end]
            cand = SpeakerCandidate(name, i, end, "noun")
            if i in sources:
                cand.features["source=" + sources[i][1]] = 1.0
            out.append(cand)
        i += 1
    rules_found = False
    for cand in out:
        if rules[0] >= 0 and cand.first < rules[1] and rules[0] < cand.end:
            cand.features["rules"] = 1.0
            rules_found = True
            if cand.kind not in ("pronoun", "written"):
                cand.name = quote.speaker or cand.name
        elif (
            has_rules_choice
            and quote.speaker
            and cand.kind == "noun"
            and _short_form(article, cand, quote.speaker)
        ):
            # "hieß es aus dem Ministerium" after "Das Verteidigungsministerium in Berlin":
            # the short form stands for the organisation the rules named
            cand.name = quote.speaker
            cand.features["short_form_of_rules"] = 1.0
    if rules[0] >= 0 and rules[1] > rules[0]:
        # the rules resolved the mention ("der Minister" -> the minister's name): the
        # words as written are a candidate of their own
        written = article.text[quote.speaker_start : quote.speaker_end]
        if written.lower() not in _PRONOUNS and not same_person(written, quote.speaker):
            out.append(SpeakerCandidate(written, rules[0], rules[1], "surface"))
    if has_rules_choice and quote.speaker and not rules_found:
        far = SpeakerCandidate(quote.speaker, -1, -1, "rules", {"rules": 1.0})
        if quote.speaker_start is not None:
            k = ctx.index.at_or_after(quote.speaker_start)
            if k < len(toks):
                gap = max(-1, min(s0 - toks[k].sent, 6))
                far.features[f"rules_far_sd={gap}"] = 1.0
        out.append(far)
    if prev_speaker and not any(_same(c.name, prev_speaker) for c in out):
        out.append(SpeakerCandidate(prev_speaker, -1, -1, "prev"))
    _describe(ctx, quote, out, a, b, cue_i, prev_speaker, has_rules_choice)
    return out


# source phrases inside an indirect quote: "laut BBC News", "nach ersten Meldungen",
# "ihrer Meinung nach", "eigenen Angaben zufolge", ", so der Minister"
_SOURCE_OPENERS = frozenset("laut nach so".split())
_SOURCE_CLOSERS = frozenset("zufolge nach".split())


def _inside_sources(article: Article, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Noun phrases in [lo, hi) that stand in a source construction, with how they stand."""
    toks = article.toks
    out: list[tuple[int, int, str]] = []
    i = lo
    while i < hi:
        if not _is_noun(article, i) or article.person_at.get(i) is not None:
            i += 1
            continue
        # the words before the noun: determiners, possessives, adjectives (at most three)
        j = i - 1
        while j >= lo and i - j <= 3 and toks[j].text[:1].islower() and toks[j].text.isalpha():
            if toks[j].lower in _SOURCE_OPENERS:
                break
            j -= 1
        end = _noun_phrase(article, i, hi)
        # names of several capitalised words: "BBC News", "Sky News"
        while end < hi and _is_noun(article, end) and _joined(article, end - 1, end):
            end += 1
        how = None
        if j >= lo and toks[j].lower in _SOURCE_OPENERS:
            how = toks[j].lower
        elif end < len(toks) and toks[end].lower in _SOURCE_CLOSERS:
            after = toks[end + 1].text if end + 1 < len(toks) else ""
            if toks[end].lower == "zufolge" or not after[:1].isupper():
                how = toks[end].lower + "_after"
        if how is not None:
            out.append((i, end, how))
        i = end
    return out


def _short_form(article: Article, cand: SpeakerCandidate, speaker: str) -> bool:
    """A definite noun that is the head of a compound in `speaker` ('dem Ministerium',
    'Verteidigungsministerium in Berlin')."""
    if cand.end - cand.first != 1 or cand.first < 1:
        return False
    if article.toks[cand.first - 1].lower not in _DEFINITE:
        return False
    word = article.toks[cand.first].lower
    return len(word) >= 4 and any(w != word and w.endswith(word) for w in speaker.lower().split())


def _role_before(article: Article, first: int, lo: int) -> int | None:
    """Start of a role noun written right before a name ('Dekan Berg', 'Kultusministerin
    Eisenmann'), or None."""
    j = first - 1
    if j < lo or j < 0 or article.person_at.get(j) is not None or not _is_noun(article, j):
        return None
    if article.toks[j].sent != article.toks[first].sent:
        return None
    return j


def _pronoun_referent(article: Article, i: int):
    """The person "er" / "sie" means, by the rules' gender evidence (role nouns, first names)."""
    from ..quotes_de.speakers import _pronoun_referent as rules_referent

    return rules_referent(article, i)


def _same(x: str, y: str) -> bool:
    return same_person(x, y)


def _cue_token(article: Article, quote: QuoteSpan, a: int, b: int, lo: int, hi: int) -> int | None:
    if not quote.cue:
        return None
    word = quote.cue.split()[0].lower()
    best = None
    for i in range(lo, hi):
        if a <= i < b or article.toks[i].lower != word:
            continue
        if best is None or min(abs(i - a), abs(i - b)) < min(abs(best - a), abs(best - b)):
            best = i
    return best


def _describe(
    ctx: QuoteContext,
    quote: QuoteSpan,
    cands: list[SpeakerCandidate],
    a: int,
    b: int,
    cue_i: int | None,
    prev_speaker: str | None,
    has_rules_choice: bool,
) -> None:
    article = ctx.article
    toks = article.toks
    s0 = toks[a].sent
    cue = quote.cue.split()[0].lower() if quote.cue else "-"
    direct = "d" if quote.direct else "i"
    # rank of each candidate by distance among those of its kind and side
    ranked: dict[tuple[str, str], list[tuple[int, SpeakerCandidate]]] = {}
    repeats = Counter(c.name for c in cands)
    for cand in cands:
        f = cand.features
        k = cand.kind
        f["kind=" + k] = 1.0
        f[f"kind={k}|{direct}"] = 1.0
        if has_rules_choice and not quote.speaker:
            f["rules_none|kind=" + k] = 1.0
        if f.get("rules"):
            f["rules|kind=" + k] = 1.0
            f[f"rules|{direct}"] = 1.0
        if prev_speaker and _same(cand.name, prev_speaker):
            f["prev"] = 1.0
            f["prev|cue=" + ("none" if cue == "-" else "some")] = 1.0
        if quote.speaker and not f.get("rules") and _same(cand.name, quote.speaker):
            f["same_as_rules|kind=" + k] = 1.0
        f[f"repeats={min(repeats[cand.name], 3)}|kind={k}"] = 1.0
        count = ctx.mention_count.get(cand.name, 0)
        f[f"mentions={_bucket(count)}"] = 1.0
        words = cand.name.split()
        f[f"nwords={min(len(words), 4)}"] = 1.0
        gender = first_name_gender(cand.name) if k == "person" else None
        if gender:
            f["gendered"] = 1.0
        if cand.first < 0:
            continue
        first, end = cand.first, cand.end
        side = "before" if first < a else ("inside" if first < b else "after")
        dist = a - end if side == "before" else (first - a if side == "inside" else first - b)
        sent = toks[first].sent
        sd = max(-1, min(s0 - sent, 3))
        f[f"sd={sd}"] = 1.0
        f[f"sd={sd}|kind={k}"] = 1.0
        f[f"side={side}|dist={_bucket(dist)}"] = 1.0
        f[f"side={side}|dist={_bucket(dist)}|kind={k}"] = 1.0
        f[f"side={side}|{direct}|kind={k}"] = 1.0
        ranked.setdefault((k, side), []).append((dist, cand))
        prev_w = toks[first - 1].lower if first > 0 else "<s>"
        next_w = toks[end].lower if end < len(toks) else "</s>"
        f["prev_w=" + prev_w] = 1.0
        f["next_w=" + next_w] = 1.0
        f[f"prev_w={prev_w}|kind={k}"] = 1.0
        for j in range(max(article.sents[sent][0], first - 3), first):
            if toks[j].lower in _SOURCE_WORDS:
                f[f"source_before={toks[j].lower}"] = 1.0
                f[f"source_before={toks[j].lower}|{direct}|kind={k}"] = 1.0
        if next_w == "zufolge":
            f[f"zufolge|{direct}"] = 1.0
        if first == article.sents[sent][0]:
            f["sent_initial"] = 1.0
            f["sent_initial|kind=" + k] = 1.0
        if side == "inside":
            f["inside|prev_w=" + prev_w] = 1.0
            f["inside|next_w=" + next_w] = 1.0
        if k in ("noun", "source"):
            low = toks[first].lower
            f["w=" + low] = 1.0
            f["suf=" + low[-3:]] = 1.0
            f[f"np={end - first}"] = 1.0
            if low in ctx.lower_words:
                f["lower_seen"] = 1.0
                if first == article.sents[sent][0]:
                    f["lower_seen|sent_initial"] = 1.0
            if first > 0 and toks[first - 1].lower in DE_DETERMINERS:
                f["after_det"] = 1.0
        mention = article.person_at.get(first)
        if mention is not None:
            f["label=" + mention.label] = 1.0
            if mention.subject:
                f["subject"] = 1.0
        if first in article.country_toks:
            f["country"] = 1.0
        if cue_i is not None:
            rel = first - cue_i if first > cue_i else end - 1 - cue_i
            r = str(rel) if abs(rel) <= 3 else ("far_before" if rel < 0 else "far_after")
            f["cue_rel=" + r] = 1.0
            f[f"cue_rel={r}|kind={k}"] = 1.0
            f[f"cue={cue}|cue_rel={r}"] = 1.0
            lo_, hi_ = (end, cue_i) if end <= cue_i else (cue_i + 1, first)
            if toks[first].sent == toks[cue_i].sent and not any(
                toks[j].text in _CLAUSE_PUNCT for j in range(lo_, hi_)
            ):
                f["cue_clause"] = 1.0
                f["cue_clause|kind=" + k] = 1.0
        else:
            f["no_cue|sd=" + str(sd)] = 1.0
    for group in ranked.values():
        group.sort(key=lambda pair: pair[0])
        for rank, (_d, cand) in enumerate(group):
            r = min(rank, 3)
            side = "before" if cand.first < a else ("inside" if cand.first < b else "after")
            cand.features[f"rank={r}|{cand.kind}|{side}"] = 1.0
    if cue_i is not None:
        _cue_order(article, cands, cue_i)


def _cue_order(article: Article, cands: list[SpeakerCandidate], cue_i: int) -> None:
    """How close each candidate of the cue's sentence stands to the cue among the others
    (the nearest noun phrase before "sagte" is most often its subject), how many nouns
    lie between, and the case its article shows ("der Minister" vs "dem Minister")."""
    toks = article.toks
    sent = toks[cue_i].sent
    near = [c for c in cands if c.first >= 0 and toks[c.first].sent == sent]
    for side in ("before", "after"):
        group = [c for c in near if (c.end <= cue_i if side == "before" else c.first > cue_i)]
        group.sort(key=lambda c: cue_i - c.end if side == "before" else c.first - cue_i)
        for rank, cand in enumerate(group):
            f = cand.features
            f[f"cue_rank={min(rank, 3)}|{side}"] = 1.0
            f[f"cue_rank={min(rank, 3)}|{side}|kind={cand.kind}"] = 1.0
            lo, hi = (cand.end, cue_i) if side == "before" else (cue_i + 1, cand.first)
            nouns = sum(1 for j in range(lo, hi) if _is_noun(article, j))
            f[f"nouns_to_cue={min(nouns, 2)}|{side}"] = 1.0
            det = toks[cand.first - 1].lower if cand.first > 0 else ""
            if det in DE_DETERMINERS:
                f[f"det={det}|cue_{side}"] = 1.0


# ---- quote candidates -------------------------------------------------------------


@dataclass(slots=True)
class QuoteCandidate:
    start: int
    end: int
    direct: bool
    source: str  # "rules", "marks" or "sentence"
    quote: QuoteSpan | None = None  # the rules' quote
    features: Features = field(default_factory=dict)


def quote_candidates(
    ctx: QuoteContext, rules_quotes: list[QuoteSpan], triggers: frozenset[str], konj: frozenset[str]
) -> list[QuoteCandidate]:
    """The rules' quotes and what the high-recall generator adds where no rule quote is."""
    article = ctx.article
    toks = article.toks
    text = article.text
    out = [QuoteCandidate(q.start, q.end, q.direct, "rules", q) for q in rules_quotes]
    covered = [False] * (len(toks) + 1)
    for q in rules_quotes:
        a, b = ctx.tok_range(q.start, q.end)
        for i in range(a, b):
            covered[i] = True
    for seg in find_direct_segments(text):
        if seg.end <= seg.start:
            continue
        a, b = ctx.tok_range(seg.start, seg.end)
        if b <= a or any(covered[i] for i in range(a, b)):
            continue
        out.append(QuoteCandidate(seg.start, seg.end, True, "marks"))
        for i in range(a, b):
            covered[i] = True
    for s, e in article.sents:
        if e - s < 4 or any(covered[i] for i in range(s, e)):
            continue
        words = [toks[i].lower for i in range(s, e)]
        has_trigger = any(w in triggers for w in words)
        has_konj = any(w in konj for w in words)
        if not (has_trigger or has_konj):
            continue
        a = s
        for j in range(s, e - 2):
            if words[j - s] in _COMPLEMENTIZERS and j > s:
                a = j + 1 if words[j - s] != "ob" else j
                break
            if toks[j].text == "," and any(w in triggers for w in words[: j - s]):
                a = j + 1
                break
        b = e
        while b > a and (toks[b - 1].text in _END_PUNCT or toks[b - 1].text in _MARKS):
            b -= 1
        if b - a < 3:
            continue
        out.append(QuoteCandidate(toks[a].start, toks[b - 1].end, False, "sentence"))
    for cand in out:
        _quote_features(ctx, cand, triggers, konj)
    return out


def _quote_features(
    ctx: QuoteContext, cand: QuoteCandidate, triggers: frozenset[str], konj: frozenset[str]
) -> None:
    article = ctx.article
    toks = article.toks
    a, b = ctx.tok_range(cand.start, cand.end)
    f = cand.features
    src = cand.source
    f["src=" + src] = 1.0
    n = max(b - a, 0)
    f[f"len={_bucket(n)}|{src}"] = 1.0
    if a >= len(toks) or b <= a:
        return
    s, e = article.sents[toks[a].sent][0], article.sents[toks[b - 1].sent][1]
    inside = [toks[i].lower for i in range(a, b)]
    outside = [toks[i].lower for i in range(s, e) if not a <= i < b]
    if cand.quote is not None:
        q = cand.quote
        f["rules_cue" if q.cue else "rules_nocue"] = 1.0
        f["rules_speaker" if q.speaker else "rules_nospeaker"] = 1.0
        f[f"rules|{'d' if q.direct else 'i'}"] = 1.0
        if q.cue:
            f["cue=" + q.cue.split()[0].lower()] = 1.0
        if q.speaker_label:
            f["speaker_label=" + q.speaker_label] = 1.0
    f[f"direct={cand.direct}|{src}"] = 1.0
    for w in outside:
        if w in triggers:
            f[f"trig_out|{src}"] = 1.0
            f[f"trig_out={w}"] = 0.5
    for w in inside:
        if w in triggers:
            f[f"trig_in|{src}"] = 1.0
    nkonj = sum(1 for w in inside if w in konj)
    f[f"konj={min(nkonj, 2)}|{src}"] = 1.0
    before = toks[a - 1].text if a > 0 else "<s>"
    after = toks[b].text if b < len(toks) else "</s>"
    f[f"before={before if not before.isalpha() else before.lower()}|{src}"] = 1.0
    f[f"after={after if not after.isalpha() else after.lower()}|{src}"] = 1.0
    if b + 1 < len(toks):
        f[f"after2={toks[b + 1].lower}"] = 0.5
    if a > 1:
        f[f"before2={toks[a - 2].lower}"] = 0.5
    if any(i in article.person_at for i in range(s, e) if not a <= i < b):
        f[f"person_out|{src}"] = 1.0
    if toks[a].text[:1].isupper():
        f[f"cap_start|{src}"] = 1.0
    if any(t in ("ich", "wir", "mein", "unser", "uns", "mich") for t in inside):
        f[f"first_person|{src}"] = 1.0
    if inside[-1] in _END_PUNCT or toks[b - 1].text[-1:] in _END_PUNCT:
        f[f"ends_punct|{src}"] = 1.0
    if a == s:
        f[f"sent_start|{src}"] = 1.0
