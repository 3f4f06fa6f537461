"""The article as the rule layers see it: tokens with absolute offsets, sentences, quotes.

spaCy runs over chunks of the text (paragraphs grouped to a bounded size), so neither
its `max_length` nor any per-document cost depends on how long the article is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.pipeline import Sentencizer

CHUNK_CHARS = 20_000
# a whitespace-free run longer than this is broken for the tokenizer (its affix loop
# slices the remaining string each step, which is quadratic on one huge "word")
LONG_RUN = 60
_LONG_RUN = re.compile(r"\S{" + str(LONG_RUN + 1) + ",}")


class Tok:
    """A token with offsets into the article text."""

    __slots__ = ("text", "lower", "start", "end", "i", "sent")

    def __init__(self, text: str, start: int, i: int) -> None:
        self.text = text
        self.lower = text.lower()
        self.start = start
        self.end = start + len(text)
        self.i = i
        self.sent = 0

    def __repr__(self) -> str:
        return f"Tok({self.text!r}@{self.start})"


class ParsedTok(Tok):
    """A token with the parser's and tagger's view (English, French)."""

    __slots__ = ("pos", "dep", "head", "lemma", "ent", "left", "right", "children")


@dataclass(slots=True)
class Mention:
    """A person (or other named) mention in the article."""

    start: int
    end: int
    text: str
    key: str
    label: str = "PERSON"
    first_tok: int = 0
    last_tok: int = 0
    subject: bool = False  # stands where a subject stands: a pronoun prefers these


@dataclass
class Article:
    """Tokens, sentences and mentions of one article, shared by the rule layers."""

    text: str
    language: str
    toks: list[Tok] = field(default_factory=list)
    sents: list[tuple[int, int]] = field(default_factory=list)  # token ranges [s, e)
    ents: list[tuple[int, int, str]] = field(default_factory=list)  # model entities: tok range + label
    persons: list[Mention] = field(default_factory=list)
    person_at: dict[int, Mention] = field(default_factory=dict)  # token index -> mention
    role_mentions: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # role -> [(pos, key)]
    country_toks: set[int] = field(default_factory=set)
    _person_starts: list[int] = field(default_factory=list)
    _subject_starts: list[int] = field(default_factory=list)
    _subjects: list[Mention] = field(default_factory=list)
    _sent_words: list[frozenset[str]] | None = None

    def sent_words(self) -> list[frozenset[str]]:
        """The lowercased words of each sentence, built once: both the quote rules and the
        German NER's sentence filter test every sentence against their cue words."""
        if self._sent_words is None:
            toks = self.toks
            self._sent_words = [frozenset([t.lower for t in toks[s:e]]) for s, e in self.sents]
        return self._sent_words

    def index_persons(self) -> None:
        self.persons.sort(key=lambda m: m.start)
        self.person_at = {}
        for mention in self.persons:
            for i in range(mention.first_tok, mention.last_tok + 1):
                self.person_at[i] = mention
        self._person_starts = [m.start for m in self.persons]
        self._subjects = [m for m in self.persons if m.subject]
        self._subject_starts = [m.start for m in self._subjects]

    def last_person_before(self, pos: int) -> Mention | None:
        """The person a pronoun at `pos` most likely means: the last subject, else the last person.

        "Blinken, who met Zelensky, warned … 'Russia is betting', he said": he is Blinken.
        """
        k = bisect_right(self._subject_starts, pos - 1)
        if k:
            return self._subjects[k - 1]
        k = bisect_right(self._person_starts, pos - 1)
        return self.persons[k - 1] if k else None

    def pronoun_referent(
        self, pos: int, want: str | None, gender: Callable[[str], str | None]
    ) -> Mention | None:
        """The person a pronoun of gender `want` ("f"/"m", None when it shows none) at `pos`
        means: the last subject, unless `gender` shows that person is of the other gender;
        then the last person before who is of `want`'s gender."""
        mention = self.last_person_before(pos)
        if mention is None or want is None or gender(mention.key) in (None, want):
            return mention
        for other in reversed(self.persons):
            if other.start < pos and gender(other.key) == want:
                return other
        return mention

    def note_role(self, role: str, pos: int, key: str) -> None:
        self.role_mentions.setdefault(role, []).append((pos, key))

    def person_for_role(self, role: str, pos: int) -> str | None:
        """The person last introduced with `role` before `pos` (else the first after it):
        "le chef de l'État" means the president named before it, not one named later."""
        seen = self.role_mentions.get(role)
        if not seen:
            return None
        before = [key for at, key in seen if at < pos]
        return before[-1] if before else seen[0][1]

    def span_text(self, start_tok: int, end_tok: int) -> tuple[int, int]:
        """Character span of tokens [start_tok, end_tok)."""
        return self.toks[start_tok].start, self.toks[end_tok - 1].end


def analysis_text(text: str) -> str:
    """`text` with over-long whitespace-free runs broken by spaces, same length and offsets."""

    def breakup(match: re.Match[str]) -> str:
        run = match.group()
        return " ".join(run[k : k + LONG_RUN - 1] for k in range(0, len(run), LONG_RUN))[: len(run)]

    return _LONG_RUN.sub(breakup, text)


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of at most about `limit` chars, cut at line ends or spaces."""
    pos, n = 0, len(text)
    while pos < n:
        end = min(n, pos + limit)
        if end < n:
            cut = text.rfind("\n", pos + limit // 2, end)
            if cut < 0:
                # no line end near: cut after a sentence end, else at a space
                cut = max(text.rfind(". ", pos + limit // 2, end), text.rfind(" ", pos + limit // 2, end))
            if cut > pos:
                end = cut + 1
        yield pos, text[pos:end]
        pos = end


# spaCy's Sentencizer default punctuation: a sentence ends after one of these, and the
# next token that is not punctuation opens a new one
_SENT_PUNCT = frozenset(Sentencizer.default_punct_chars)


def _build_tokenized(article: Article, text: str, analysis: str, nlp: Language) -> None:
    """German fast path: the tokenizer alone, with the Sentencizer's rule applied inline.

    Reading offsets with `Doc.to_array` saves passes over spaCy token objects, which cost
    more than the tokenizer itself. Sentence ends are found without a Python step per
    token: a line break ends a sentence, and the Sentencizer's rule only needs looking at
    from each sentence-final punctuation mark forward.
    """
    toks = article.toks
    sents = article.sents
    tokenizer = nlp.tokenizer
    for offset, piece in chunks(analysis):
        idxs, lengths, spaces = tokenizer(piece).to_array([IDX, LENGTH, IS_SPACE]).T.tolist()
        kept = [k for k, is_space in enumerate(spaces) if not is_space]
        starts = [offset + idxs[k] for k in kept]
        words = [text[start : start + lengths[k]] for start, k in zip(starts, kept, strict=True)]
        base = len(toks)
        toks.extend(map(Tok, words, starts, range(base, base + len(words))))
        cuts = _line_cuts(piece, [start - offset for start in starts])
        cuts |= _period_cuts(words, starts, cuts)
        s = base
        for cut in sorted(cuts):
            if cut > 0:
                sents.append((s, base + cut))
                s = base + cut
        if len(toks) > s:
            sents.append((s, len(toks)))


def _line_cuts(piece: str, starts: list[int]) -> set[int]:
    """Token positions (in `starts`) that follow a line break: each opens a sentence."""
    cuts: set[int] = set()
    pos = piece.find("\n")
    while pos >= 0:
        k = bisect_right(starts, pos)
        if k < len(starts):
            cuts.add(k)
            pos = piece.find("\n", starts[k])
        else:
            break
    return cuts


def _period_cuts(words: list[str], starts: list[int], line_cuts: set[int]) -> set[int]:
    """The Sentencizer's rule: after a sentence-final mark, the next word (not a mark) opens
    a sentence, unless a line break came first (it has already opened one there).

    An opening quotation mark (space before it, a word glued after it) opens the sentence
    itself: "… Fachminister. „Wir …" must not end the sentence before it with the mark.
    """
    cuts: set[int] = set()
    n = len(words)
    for k in [k for k, word in enumerate(words) if word in _SENT_PUNCT]:
        j = k + 1
        while j < n and j not in line_cuts:
            word = words[j]
            if word in _SENT_PUNCT:
                break  # the mark at j starts its own look-ahead
            if word[0].isalnum() or word[-1].isalnum() or _opens_quote(words, starts, j):
                cuts.add(j)
                break
            j += 1
    return cuts


def _opens_quote(words: list[str], starts: list[int], j: int) -> bool:
    word = words[j]
    return (
        word in _QUOTE_MARKS
        and j + 1 < len(words)
        and starts[j - 1] + len(words[j - 1]) < starts[j]
        and starts[j] + len(word) == starts[j + 1]
        and words[j + 1][0].isalnum()
    )


_QUOTE_MARKS = frozenset('„“”"»«‹›‚‘')


def build_article(text: str, language: str, nlp: Language, *, parsed: bool) -> Article:
    """Run `nlp` over `text` in chunks and collect tokens, sentences and entities."""
    article = Article(text=text, language=language)
    if not parsed:
        _build_tokenized(article, text, analysis_text(text), nlp)
        article.sents = _repair_sentences(article.toks, article.sents, text)
        for n, (s, e) in enumerate(article.sents):
            for i in range(s, e):
                article.toks[i].sent = n
        return article
    toks = article.toks
    sents = article.sents
    pieces = list(chunks(analysis_text(text)))
    for (offset, _piece), doc in zip(pieces, nlp.pipe(piece for _, piece in pieces), strict=True):
        base = len(toks)
        for sent in doc.sents:
            s = len(toks)
            for token in sent:
                if token.is_space:
                    # a line break ends a sentence (titles, datelines, paragraphs without a stop)
                    if "\n" in token.text and len(toks) > s:
                        sents.append((s, len(toks)))
                        s = len(toks)
                    continue
                start = offset + token.idx
                tok = ParsedTok(text[start : start + len(token.text)], start, len(toks))
                tok.pos = token.pos_
                tok.dep = token.dep_
                tok.lemma = token.lemma_.lower()
                tok.ent = token.ent_type_
                tok.head = token.head.i  # doc index; mapped below
                tok.left = token.left_edge.i
                tok.right = token.right_edge.i
                tok.children = []
                toks.append(tok)
                # a newline inside the token's trailing whitespace also ends the sentence
                if "\n" in token.whitespace_ and len(toks) > s:
                    sents.append((s, len(toks)))
                    s = len(toks)
            if len(toks) > s:
                sents.append((s, len(toks)))
        if parsed:
            # doc index -> article index (space tokens were skipped)
            doc_to_art = {}
            k = base
            for token in doc:
                if not token.is_space:
                    doc_to_art[token.i] = k
                    k += 1
            for tok in toks[base:]:
                tok.head = doc_to_art.get(tok.head, tok.i)
                tok.left = doc_to_art.get(tok.left, tok.i)
                tok.right = doc_to_art.get(tok.right, tok.i)
                if tok.head != tok.i:
                    toks[tok.head].children.append(tok.i)
            for ent in doc.ents:
                first = doc_to_art.get(ent.start)
                last = doc_to_art.get(ent.end - 1)
                if first is not None and last is not None:
                    article.ents.append((first, last + 1, ent.label_))
    article.sents = _repair_sentences(toks, sents, text)
    for n, (s, e) in enumerate(article.sents):
        for i in range(s, e):
            toks[i].sent = n
    return article


_CLOSERS = frozenset('“”"«»›‹,')
_MONTHS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "January February March June July October December janvier février mars avril mai juin "
    "juillet août septembre octobre novembre décembre".split()
)


# "stieg auf 40. Das teilte die Polizei mit.": German reads "40." as an ordinal ("am 3. Oktober",
# "der 40. Jahrestag"), but an ordinal is followed by a noun or an adjective, never by one of
# these words, which open a sentence.
_SENTENCE_OPENERS = frozenset(
    "Der Die Das Dem Den Des Ein Eine Einen Einem Einer Er Sie Es Wir Ich Man Dies Diese Dieser "
    "Dieses Damit Dabei Daher Danach Dann Doch Aber Auch Zudem Außerdem Allerdings Laut Demnach "
    "Wie Nun Jetzt Bereits Zuvor".split()
)


def _repair_sentences(toks: list[Tok], sents: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Fix two sentencizer habits that matter for quotes.

    "„…Monster.“, sagte X" is cut after the mark, leaving the cue without its quote:
    a sentence ending in a closing mark or comma and followed on the same line by a
    lowercase word is joined with it. "nur 5.000. Danach" is one token "5.000." and
    never split: a number token ending in a full stop before a capitalised word (not
    a month, as in "am 17. Januar") ends the sentence; a bare "40." only before a word that
    opens sentences and never follows an ordinal ("auf 40. Das teilte …").
    """
    joined: list[tuple[int, int]] = []
    for s, e in sents:
        if joined:
            ps, pe = joined[-1]
            last, first = toks[pe - 1], toks[s]
            if (
                last.text in _CLOSERS
                and first.text[:1].islower()
                and "\n" not in text[last.end : first.start]
            ):
                joined[-1] = (ps, e)
                continue
        joined.append((s, e))
    # only number tokens ending in a full stop can end a sentence here: find them in one
    # pass over the article instead of a Python step per token of every sentence
    numbered = [k for k, tok in enumerate(toks) if tok.text.endswith(".") and tok.text[:1].isdigit()]
    p, n = 0, len(numbered)
    out: list[tuple[int, int]] = []
    for s, e in joined:
        start = s
        while p < n and numbered[p] < s:
            p += 1
        while p < n and numbered[p] < e - 1:
            i = numbered[p]
            p += 1
            t = toks[i].text
            following = toks[i + 1].text
            if (
                len(t) > 2 and not t[:-1].isdigit() and following[:1].isupper() and following not in _MONTHS
            ) or (t[:-1].isdigit() and following in _SENTENCE_OPENERS):
                out.append((start, i + 1))
                start = i + 1
        out.append((start, e))
    return out
