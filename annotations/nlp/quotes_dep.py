"""English and French quotes from the dependency parse plus source-phrase rules.

A speech verb ("said", "a déclaré") with a clausal complement (ccomp) gives the reported
clause and its subject (nsubj) gives the speaker, in either order ("X said that …",
"…, X said"). Paraphrases built on objects, infinitives or gerunds ("urged allies to
act", "accused X of …ing", "refusé d'écarter …") have no ccomp and are not quotes.
"according to X" / "selon X" attach a source to the rest of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .article import Article, Mention, Tok
from .countries import is_demonym_noun
from .lexicon import EN_SPEECH_LEMMAS, EN_UNNAMED_SOURCES, FR_SPEECH_LEMMAS, ROLE_SYNONYMS, first_name_gender
from .quotes import Candidate, Speaker

_PUNCT = frozenset(".!?,;:")
_END = frozenset(".!?")
_OPEN_CLOSE_MARKS = frozenset('“”"«»‹›„')
_DETS = frozenset("the a an le la les l' l’ un une des du de".split())
_EN_INSTITUTIONS = frozenset(
    """ministry police government army military office department embassy court agency company
    movement authority authorities commission council committee parliament spokesman spokeswoman
    spokesperson prosecutor prosecutors coast guard""".split()
)
_COMPLEMENTIZERS = frozenset("that que qu' qu’ qu".split())
_SUBJECT_DEPS = frozenset(("nsubj", "nsubj:pass", "nsubjpass"))


@dataclass(frozen=True)
class DepRules:
    """Per-language word lists for the dependency rules."""

    language: str
    speech: frozenset[str]
    pronouns: frozenset[str]
    source_words: tuple[tuple[str, ...], ...]  # ("according", "to"), ("selon",)
    unnamed: frozenset[str]

    def after_cue(self, article: Article, i: int) -> tuple[str, Speaker | None] | None:
        return _after_cue(self, article, i)

    def colon_cue(self, article: Article, colon: int) -> tuple[str, Speaker | None] | None:
        return _colon_cue(self, article, colon)


# replies with a que-clause ("a rétorqué que …")
_FR_EXTRA_SPEECH = frozenset("rétorquer répliquer".split())

_EN = DepRules(
    "en",
    EN_SPEECH_LEMMAS,
    frozenset("he she they".split()),
    (("according", "to"),),
    EN_UNNAMED_SOURCES,
)
_FR = DepRules(
    "fr",
    FR_SPEECH_LEMMAS | _FR_EXTRA_SPEECH,
    frozenset("il elle ils elles -t-il -t-elle -il -elle lui".split()),
    (("selon",), ("d'après",), ("d’après",), ("d'", "après"), ("d’", "après")),
    frozenset("sources médias informations rapports".split()),
)


def rules_for(language: str) -> DepRules:
    return _FR if language == "fr" else _EN


def _french_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Third-person and participle forms of the -er speech verbs and a few irregular ones,
    for when the lemmatizer misses ("estime" lemmatised as "estime")."""
    forms = {"dit", "disent", "écrit", "admis", "promis", "reconnu", "soutenu", "répondu", "craint"}
    for lemma in lemmas:
        if lemma.endswith("er"):
            stem = lemma[:-2]
            forms.update((stem + "e", stem + "ent", stem + "é", stem + "ée"))
    return frozenset(forms)


_FR_SPEECH_FORMS = _french_forms(FR_SPEECH_LEMMAS | _FR_EXTRA_SPEECH)


def _french_cue_before_que(article: Article, tok: Tok) -> bool:
    """French cues the tagger gets wrong before a que-clause: "juge que" tagged as the
    noun, and "fait valoir/savoir que", where the speech is in the pair."""
    toks = article.toks
    i = tok.i
    if i + 1 >= len(toks) or toks[i + 1].lower not in _COMPLEMENTIZERS:
        return False
    if tok.lower in ("valoir", "savoir"):
        return i > 0 and toks[i - 1].lower in ("fait", "faire", "font", "faisait")
    return (
        tok.pos in ("NOUN", "PROPN", "ADJ")
        and tok.lower in _FR_SPEECH_FORMS
        and not (i > 0 and toks[i - 1].pos == "DET")
    )


def _is_speech_verb(rules: DepRules, tok: Tok, article: Article | None = None) -> bool:
    if rules.language == "fr" and article is not None and _french_cue_before_que(article, tok):
        return True
    if rules.language == "en" and article is not None and _english_stance_cue(article, tok):
        return True
    if tok.pos not in ("VERB", "AUX"):
        return False
    if tok.lemma in rules.speech or (rules.language == "fr" and tok.lower in _FR_SPEECH_FORMS):
        return True
    # "made clear that …"
    return (
        article is not None
        and tok.lemma == "make"
        and tok.i + 1 < len(article.toks)
        and article.toks[tok.i + 1].lower == "clear"
    )


_EN_STANCE_NOUNS = frozenset(
    "confidence hope concern concerns fear fears doubt doubts optimism regret belief".split()
)
_EN_STANCE_ADJECTIVES = frozenset("convinced confident certain adamant".split())
_EN_BE = frozenset("is was are were remains remained".split())


def _english_stance_cue(article: Article, tok: Tok) -> bool:
    """English cues built around a noun or an adjective before a that-clause: "expressed
    confidence that …", "made the case that …", "is convinced that …"."""
    toks = article.toks
    i = tok.i
    nxt = [t.lower for t in toks[i + 1 : i + 4]]
    if tok.lemma == "express" and len(nxt) >= 2:  # type: ignore[attr-defined]
        return nxt[0] in _EN_STANCE_NOUNS and nxt[1] == "that"
    if tok.lemma == "make" and len(nxt) == 3:  # type: ignore[attr-defined]
        return nxt == ["the", "case", "that"]
    return (
        tok.lower in _EN_STANCE_ADJECTIVES
        and nxt[:1] == ["that"]
        and i > 0
        and (toks[i - 1].lower in _EN_BE or (i > 1 and toks[i - 2].lower in _EN_BE))
    )


# verbs that attribute a quote standing right before them ("…?" she asked, « … »,
# a-t-il poursuivi) but report no clause of their own ("asked X to …" is a request)
_AFTER_QUOTE_LEMMAS = {
    "en": frozenset("ask continue conclude joke quip retort".split()),
    "fr": frozenset("demander poursuivre conclure résumer interroger ironiser plaisanter rétorquer".split()),
}
_AFTER_QUOTE_FORMS = frozenset(
    "demande poursuit conclut résume interroge ironise plaisante rétorque demandé poursuivi conclu résumé "
    "interrogé ironisé plaisanté rétorqué".split()
)


def _is_after_quote_verb(rules: DepRules, tok: Tok) -> bool:
    return tok.pos in ("VERB", "AUX") and (
        tok.lemma in _AFTER_QUOTE_LEMMAS[rules.language]
        or (rules.language == "fr" and tok.lower in _AFTER_QUOTE_FORMS)
    )


def _children(article: Article, i: int) -> list[int]:
    """Children inside our sentence: the parser may join lines that we keep apart."""
    s, e = article.sents[article.toks[i].sent]
    return [k for k in article.toks[i].children if s <= k < e]  # type: ignore[attr-defined]


def _subtree(article: Article, i: int) -> tuple[int, int]:
    """[left, right] token range of i's subtree (spaCy's left and right edges)."""
    tok = article.toks[i]
    return tok.left, tok.right  # type: ignore[attr-defined]


_PRONOUN_GENDER = {
    "she": "f", "elle": "f", "-t-elle": "f", "-elle": "f", "he": "m", "il": "m", "-t-il": "m", "-il": "m",
}  # fmt: skip
_TITLE_GENDER = {
    "mr": "m", "mr.": "m", "sir": "m", "m.": "m", "monsieur": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f", "lady": "f",
    "mme": "f", "madame": "f", "mlle": "f",
}  # fmt: skip
# French role nouns whose form shows the gender, and those whose article does ("la ministre")
_FR_ROLE_GENDER = {
    "présidente": "f", "cheffe": "f", "directrice": "f", "députée": "f", "sénatrice": "f",
    "ambassadrice": "f", "chancelière": "f", "dirigeante": "f", "reine": "f", "première": "f",
    "candidate": "f", "avocate": "f", "président": "m", "directeur": "m",
    "député": "m", "sénateur": "m", "ambassadeur": "m", "chancelier": "m", "dirigeant": "m",
    "roi": "m", "premier": "m", "candidat": "m", "avocat": "m",
}  # fmt: skip
_FR_EPICENE_ROLES = frozenset("ministre secrétaire porte-parole maire commissaire chef juge".split())
_ROLE_REACH = 8  # tokens before a name in which its role noun stands ("la ministre de la Santé X")


def _pronoun_referent(article: Article, i: int) -> Mention | None:
    """The person "she" / "il" at token i means, checked against the gender the article shows."""
    tok = article.toks[i]
    return article.pronoun_referent(
        tok.start, _PRONOUN_GENDER.get(tok.lower), lambda key: _gender(article, key)
    )


def _gender(article: Article, key: str) -> str | None:
    """'f' or 'm' when the first name, a title ("Mrs", "M.") or a French role noun before a
    mention of the person ("la ministre", "le président") shows it, else None."""
    gender = first_name_gender(key)
    if gender:
        return gender
    toks = article.toks
    for m in article.persons:
        if m.key != key or m.first_tok == 0:
            continue
        before = toks[m.first_tok - 1].lower
        if before in _TITLE_GENDER:
            return _TITLE_GENDER[before]
        for k in range(m.first_tok - 1, max(-1, m.first_tok - 1 - _ROLE_REACH), -1):
            if toks[k].sent != toks[m.first_tok].sent:
                break
            word = toks[k].lower
            if _FR_ROLE_GENDER.get(word):
                return _FR_ROLE_GENDER[word]
            if word in _FR_EPICENE_ROLES and k > 0:
                det = toks[k - 1].lower
                gender = {"la": "f", "une": "f", "le": "m", "un": "m"}.get(det)
                if gender:
                    return gender
    return None


def speaker_from_span(rules: DepRules, article: Article, first: int, last: int) -> Speaker | None:
    """Person in the span if any, a resolved pronoun, a role seen with a name, else the text."""
    toks = article.toks
    for k in range(first, last + 1):
        mention = article.person_at.get(k)
        if mention is not None and not _body_of_person(article, mention, last):
            return Speaker(mention.key, mention.start, mention.end, "PERSON")
    if first == last and toks[first].lower in rules.pronouns:
        mention = _pronoun_referent(article, first)
        if mention is not None:
            return Speaker(mention.key, toks[first].start, toks[first].end, "PERSON")
        return None
    first = _after_dateline(toks, first, last)
    # a headline the parser ran into the subject: the speaker starts after the blank line
    for k in range(last, first, -1):
        if "\n\n" in article.text[toks[k - 1].end : toks[k].start]:
            first = k
            break
    det = first
    while first <= last and toks[first].lower in _DETS:
        first += 1
    if rules.language == "en":
        first = _spokesperson_body(article, first, last)
    if (
        rules.language == "fr"
        and first == last
        and first > det
        and toks[first - 1].lower in ("le", "la", "l'", "l’")
        and is_demonym_noun(toks[first].text, "fr")
    ):
        # "La Française estime que …": the person just named, by nationality
        mention = article.last_person_before(toks[first].start)
        if mention is not None:
            return Speaker(mention.key, toks[first].start, toks[first].end, "PERSON")
    while last >= first and (toks[last].text in _PUNCT or toks[last].text in _OPEN_CLOSE_MARKS):
        last -= 1
    if first > last:
        return None
    start, end = toks[first].start, toks[last].end
    text = article.text[start:end]
    role = ROLE_SYNONYMS.get(text.lower(), text.lower())
    key = (
        article.person_for_role(role, start)
        or _national_role(article, first, last)
        or _role_head(article, first, last)
    )
    if key is not None:
        return Speaker(key, start, end, "PERSON")
    if (
        rules.language == "en"
        and all(not t.text[:1].isupper() for t in toks[first : last + 1])
        and toks[last].lower not in _EN_INSTITUTIONS
    ):
        # "officials", "analysts": no named source; "the ministry", "police" are one
        return None
    if rules.language == "fr" and first > det:
        described = _described_person(article, det, first, last)
        if described is not None:
            return described
    label = "COUNTRY" if all(k in article.country_toks for k in range(first, last + 1)) else "ORG"
    return Speaker(text, start, end, label)


# what a person heads or runs speaks for itself: "the Trump campaign", "Netanyahu's office"
_EN_PERSON_BODIES = frozenset(
    "campaign office administration government team camp lawyers family party".split()
)
_EN_SPOKES = frozenset("spokesperson spokesman spokeswoman".split())


def _body_of_person(article: Article, mention: Mention, last: int) -> bool:
    """Whether the person mention only modifies a body noun ending the span at `last`."""
    toks = article.toks
    if article.language != "en":
        return False
    while last > mention.last_tok and (toks[last].text in _PUNCT or toks[last].text in _OPEN_CLOSE_MARKS):
        last -= 1
    if last <= mention.last_tok or toks[last].lower not in _EN_PERSON_BODIES:
        return False
    return all(
        toks[k].lower in ("'s", "’s", "'") or toks[k].pos in ("NOUN", "ADJ")
        for k in range(mention.last_tok + 1, last)
    )


def _spokesperson_body(article: Article, first: int, last: int) -> int:
    """ "a spokesperson for the European Commission": the body speaks through them. Returns
    where the body's name starts, or `first` when the phrase is not of that shape."""
    toks = article.toks
    k = first
    while k < last and toks[k].pos == "ADJ":
        k += 1  # "a senior spokesperson"
    if k + 1 < last and toks[k].lower in _EN_SPOKES and toks[k + 1].lower in ("for", "of"):
        body = k + 2
        while body < last and toks[body].lower in _DETS:
            body += 1
        if toks[body].text[:1].isupper():
            return body
    return first


# French descriptions of a person named before: "le nationaliste flamand", "l'ancien
# député", "le syndicaliste", "le chef de l'État sénégalais"
_FR_PERSON_NOUNS = frozenset(
    "député députée ministre président présidente chef élu élue maire juge avocat avocate diplomate "
    "porte-parole patron patronne expert experte responsable candidat candidate opposant opposante "
    "militant militante leader dirigeant dirigeante homme femme sénateur sénatrice commissaire "
    "secrétaire négociateur négociatrice chercheur chercheuse ambassadeur ambassadrice général "
    "souverain souveraine monarque prince princesse roi reine pape cardinal évêque ex-président "
    "ex-ministre premier première libéral libérale républicain républicaine démocrate".split()
)
_FR_COMPLEMENT_WORDS = frozenset("de du des d' d’ l' l’ la le les aux au".split())
# "-eur" nouns that name a company or a body, not a person
_FR_BODY_NOUNS = frozenset(
    "opérateur distributeur fournisseur constructeur régulateur transporteur assureur secteur "
    "producteur exportateur importateur diffuseur hébergeur éditeur organisateur gestionnaire "
    "concessionnaire bailleur moteur".split()
)
_FR_PERSON_SUFFIXES = ("iste", "ienne", "aire", "ogue", "génaire", "eur", "euse", "trice")


def _described_person(article: Article, det: int, first: int, last: int) -> Speaker | None:
    toks = article.toks
    if toks[first - 1].lower not in ("le", "la", "l'", "l’") or last - first > 5:
        return None
    k = first
    while k < last and toks[k].lower in ("ancien", "ancienne", "nouveau", "nouvelle", "jeune", "vieux"):
        k += 1
    for m in range(first, last + 1):
        if toks[m].text[:1].isupper() and toks[m - 1].lower not in _FR_COMPLEMENT_WORDS:
            return None  # "l'opérateur ukrainien Ukrenergo": the phrase names someone itself
    head = toks[k].lower.rpartition("-")[2]  # "le chrétien-démocrate", "l'ex-ministre"
    if k + 2 <= last and toks[k + 1].text == "-":
        head = toks[k + 2].lower  # the tokenizer may split at the hyphen
    if head in _FR_BODY_NOUNS:
        return None
    if toks[k].text[:1].isupper() or not (head in _FR_PERSON_NOUNS or head.endswith(_FR_PERSON_SUFFIXES)):
        return None
    # "le commissaire aux Transports, Apostolos Tzitzikostas": the apposed name
    apposed = _with_apposed_name(article, None, last + 1)
    if apposed is not None:
        return apposed
    # the person last named, subject or not: a description follows its introduction
    before = [m for m in article.persons if m.start < toks[det].start]
    if not before:
        return None
    return Speaker(before[-1].key, toks[first].start, toks[last].end, "PERSON")


def _after_dateline(toks: list[Tok], first: int, last: int) -> int:
    """Skip a dateline the parser put into the subject ("LONDON — Downing Street said",
    "MUSCAT, Oman (AP) — Oman said"): a capitalised city, then names, commas or an agency
    in brackets, then a dash."""
    if not (toks[first].text.isupper() and len(toks[first].text) > 1):
        # "Oct 2 (Reuters) - G7+ said": the parser left the city out of the subject
        for k in range(first + 1, min(last + 1, first + 6)):
            if toks[k].text in _DASHES and toks[k - 1].text == ")":
                return k + 1
            if not (toks[k].text[:1].isupper() or toks[k].text in "()," or toks[k].text.isdigit()):
                break
        return first
    for k in range(first + 1, min(last + 1, first + 8)):
        if toks[k].text in _DASHES:
            return k + 1
        # "LONDON, March 4 (Reuters) -": a Reuters dateline carries the day
        if not (toks[k].text[:1].isupper() or toks[k].text in "()," or toks[k].text.isdigit()):
            break
    return first


def _only_dateline(article: Article, k: int) -> bool:
    left, right = _subtree(article, k)
    return _after_dateline(article.toks, left, right) > right


def _subject(rules: DepRules, article: Article, verb: int) -> Speaker | None:
    toks = article.toks
    v = verb
    for _ in range(3):
        subjects = [
            k
            for k in _children(article, v)
            if (toks[k].dep in _SUBJECT_DEPS and toks[k].lower != "-t")
            # "a-t-il déclaré": the inverted pronoun is an expletive subject to the parser,
            # and the euphonic "-t" may come out as a subject of its own
            or (toks[k].dep == "expl:subj" and toks[k].lower in rules.pronouns)
        ]
        # "LONDON — Downing Street said": the parser may make the dateline a subject too
        subjects = [k for k in subjects if not _only_dateline(article, k)]
        # "La présidente de la Commission, Ursula von der Leyen, a estimé": the French
        # parser gives both an nsubj; the one with a person wins
        for k in subjects:
            left, right = _subtree(article, k)
            mentions = [
                mention
                for m in range(left, right + 1)
                if (mention := article.person_at.get(m)) is not None
                and not _body_of_person(article, mention, k)
            ]
            # "Yoon's lawyer Yoon Kab-keun told": the owner before "'s" is not the subject
            own = [
                mention
                for mention in mentions
                if not (mention.last_tok + 1 < len(toks) and toks[mention.last_tok + 1].lower in ("'s", "’s"))
            ]
            mention = (own or mentions or [None])[0]
            if mention is not None:
                return Speaker(mention.key, mention.start, mention.end, "PERSON")
        if subjects:
            k = subjects[0]
            left, right = _subtree(article, k)
            after = _after_dateline(toks, left, right)
            if after > k:
                # "MUSCAT, Oman (AP) — Oman said": the parser made the dateline city the head
                return speaker_from_span(rules, article, after, min(right, after + 5))
            # keep the subject compact: a relative clause or apposition is not the name
            # ("Neighbouring Nigeria, which chairs …, warned")
            last = min(right, k + (8 if toks[k].lower in _EN_SPOKES else 5))
            comma = next((m for m in range(k + 1, last + 1) if toks[m].text == ","), None)
            if comma is not None:
                last = comma - 1
            return _with_apposed_name(
                article, speaker_from_span(rules, article, max(left, k - 6), last), last + 1
            )
        # "warning that …", "and said …": the subject of the governing verb
        # (not across into another paragraph the parser joined to ours)
        # ("…, ajoutant que": a participle takes its head's subject, however attached)
        # ("was quoted by TASS as saying that …": through the "as" to "quoted")
        if (
            toks[v].dep in ("advcl", "conj", "xcomp", "ccomp")
            or toks[v].lower.endswith(("ant", "ing"))
            or (toks[v].dep == "prep" and toks[v].lower == "as")
            or (toks[v].dep == "acomp" and article.language == "en")  # "is confident that"
        ) and toks[toks[v].head].sent == toks[v].sent:
            v = toks[v].head
            continue
        break
    return _orphaned_subject(rules, article, verb)


def _orphaned_subject(rules: DepRules, article: Article, verb: int) -> Speaker | None:
    """The noun phrase before the verb that the parser hung on the previous paragraph.

    spaCy parses a chunk of several paragraphs; when it runs two of them together
    ("… wrote on X.\n\nRepresentative Carla Hughes of Georgia, …, said …"), the subject
    of the second is attached into the first and the verb is left without one."""
    toks = article.toks
    s, e = article.sents[toks[verb].sent]
    for k in range(s, verb):
        tok = toks[k]
        if s <= tok.head < e:
            continue
        if tok.pos not in ("PROPN", "NOUN"):
            return None
        left, right = _subtree(article, k)
        return speaker_from_span(rules, article, max(left, s, k - 6), min(right, verb - 1, k + 5))
    return None


def _after_cue(rules: DepRules, article: Article, i: int) -> tuple[str, Speaker | None] | None:
    toks = article.toks
    n = len(toks)
    if i >= n:
        return None
    sent = toks[i].sent
    # "…," Saudi Energy Minister Prince Abdulaziz bin Salman told: a long role and name
    for k in range(i, min(n, i + 10)):
        tok = toks[k]
        if tok.sent != sent and k > i:
            break
        if tok.text in _END or (tok.text in _OPEN_CLOSE_MARKS and k > i):
            break
        if rules.language == "fr" and k == i + (toks[i].text in _PUNCT):
            incise = _incise_with_subject(article, k)
            if incise is not None:
                return incise
        pronoun = _inverted_pronoun(rules, article, k)
        if pronoun is not None and k == i + (toks[i].text in _PUNCT):
            # « … », sourit-elle: in an incise right after the quote, any verb with an
            # inverted pronoun attributes it, whatever the tagger made of the verb
            # "a-t-il dit": the participle after the pronoun names the act
            after = pronoun + 1
            cue = toks[after].text if after < n and toks[after].pos == "VERB" else tok.text
            return cue, speaker_from_span(rules, article, pronoun, pronoun)
        if _is_speech_verb(rules, tok) or _is_after_quote_verb(rules, tok):
            speaker = _subject(rules, article, k)
            if speaker is not None and speaker.start < toks[i].start:
                # « Nous ne laisserons pas … », a prévenu son président, X: the parser took
                # a word inside the quote for the subject
                speaker = None
            if speaker is None:
                speaker = _np_after(rules, article, k + 1)
            if speaker is None and k > i:
                speaker = speaker_from_span(rules, article, i if toks[i].text not in _PUNCT else i + 1, k - 1)
            return tok.text, speaker
    return None


def _incise_with_subject(article: Article, k: int) -> tuple[str, Speaker | None] | None:
    """« … », a tranché le ministre …, X: right after the quote, a verb with its subject
    after it attributes the quote whatever the verb (tranché, lâché, glissé …)."""
    toks = article.toks
    v = k + 1 if toks[k].pos == "AUX" and k + 1 < len(toks) else k
    if toks[v].pos != "VERB" or v + 1 >= len(toks) or toks[v + 1].pos not in ("DET", "PROPN"):
        return None
    if _is_speech_verb(_FR, toks[v]):
        return None  # a speech verb: the usual path finds its subject
    speaker = _np_after(_FR, article, v + 1)
    return (toks[v].text, speaker) if speaker is not None else None


_INVERTED = frozenset("-t-il -t-elle -il -elle -ils -elles -t-ils -t-elles".split())


def _inverted_pronoun(rules: DepRules, article: Article, k: int) -> int | None:
    """Index of the pronoun inverted after the verb at k ("résume-t-elle", "dit-il")."""
    toks = article.toks
    if rules.language != "fr" or k + 1 >= len(toks):
        return None
    p = k + 1
    if toks[p].lower == "-t" and p + 1 < len(toks):
        p += 1
    if toks[p].lower in _INVERTED or (p > k + 1 and toks[p].lower in ("-il", "-elle", "-ils", "-elles")):
        return p
    return None


_BEFORE_SUBJECT = frozenset("à au aux to sur on dans in devant".split())
_GENERIC_ROLES = frozenset(
    "leader president premier chief head ruler dirigeant dirigeante président présidente chef".split()
)


def _national_role(article: Article, first: int, last: int) -> str | None:
    """ "the Hungarian leader", "le président russe": the person last named with that
    national adjective before the phrase ("Hungarian Prime Minister Viktor Orbán")."""
    toks = article.toks
    if last != first + 1:
        return None
    if first in article.country_toks and toks[last].lower in _GENERIC_ROLES:
        adjective = toks[first].lower
    elif last in article.country_toks and toks[first].lower in _GENERIC_ROLES:
        adjective = toks[last].lower
    else:
        return None
    for mention in reversed(article.persons):
        if mention.last_tok >= first:
            continue
        s, _e = article.sents[toks[mention.first_tok].sent]
        window = range(max(s, mention.first_tok - 4), mention.first_tok)
        if any(toks[k].lower == adjective for k in window):
            return mention.key
    return None


_ROLE_HEADS = frozenset(
    "lawyer attorney adviser advisor analyst professor economist director commander prosecutor "
    "minister ministre ministres senator sénateur sénatrice governor chancellor chancelier chancelière "
    "spokesman spokeswoman spokesperson porte-parole secretary secrétaire mayor maire ambassador "
    "ambassadeur ambassadrice commissioner commissaire envoy émissaire".split()
)
_FEMININE = {"sénatrice": "sénateur", "chancelière": "chancelier", "ambassadrice": "ambassadeur"}


def _role_head(article: Article, first: int, last: int) -> str | None:
    """ "the minister", "la sénatrice": the person last named with that role noun just before
    the name ("Saudi Energy Minister Prince Abdulaziz bin Salman", "le ministre de
    l'Intérieur, Bruno Retailleau")."""
    toks = article.toks
    k = first
    while k < last and toks[k].pos == "ADJ":
        k += 1
    head = toks[k].lower
    if head not in _ROLE_HEADS or any(toks[m].text[:1].isupper() for m in range(first, k + 1)):
        return None
    head = _FEMININE.get(head, head)
    for mention in reversed(article.persons):
        if mention.last_tok >= first:
            continue
        s, _e = article.sents[toks[mention.first_tok].sent]
        window = range(max(s, mention.first_tok - 8), mention.first_tok)
        if any(_FEMININE.get(toks[m].lower, toks[m].lower) == head for m in window):
            return mention.key
    return None


def _np_after(rules: DepRules, article: Article, i: int) -> Speaker | None:
    """ "…, said Guterres" / "a déclaré le chef de l'État devant …": the words after the verb."""
    toks = article.toks
    n = len(toks)
    j = i
    while j < n and toks[j].pos in ("AUX", "ADV", "VERB") and j - i < 3:
        j += 1
    if j < n and toks[j].lower in _BEFORE_SUBJECT:
        # "a déclaré à l'AFP Tom Fletcher", "a indiqué sur Telegram l'armée de l'air": an
        # addressee or a channel comes before the subject
        k = j + 1
        while k < n and (toks[k].pos == "DET" or toks[k].lower in _DETS) and k - j <= 2:
            k += 1
        if k < n and toks[k].pos in ("PROPN", "NOUN"):
            k += 1  # one word for the addressee: "l'AFP", "la presse", "Reuters"
            if k < n and (toks[k].pos in ("PROPN", "DET") or toks[k].lower in _DETS):
                j = k
    start = j
    while (
        j < n
        and toks[j].text not in _PUNCT
        and (toks[j].pos in ("DET", "PROPN", "NOUN", "ADJ", "ADP", "PRON", "PUNCT") or toks[j].lower in _DETS)
    ):
        if toks[j].pos == "ADP" and toks[j].lower not in ("de", "of", "d'", "d’", "du", "des"):
            break
        if toks[j].pos == "PUNCT" and toks[j].text not in ("'", "’", "-"):
            break
        j += 1
    if j <= start:
        return None
    return _with_apposed_name(article, speaker_from_span(rules, article, start, j - 1), j)


def _with_apposed_name(article: Article, speaker: Speaker | None, j: int) -> Speaker | None:
    """A role or body as speaker, then a name in apposition after it: the name speaks.

    "a déclaré le chef de la diplomatie française, Jean-Noël Barrot", "a indiqué la
    coordinatrice spéciale de l'ONU pour le Liban, Jeanine Hennis-Plasschaert"; `j` is the
    token after the role phrase."""
    if speaker is not None and speaker.label == "PERSON":
        return speaker
    toks = article.toks
    for k in range(j, min(len(toks) - 1, j + 8)):
        if toks[k].text == "," and (mention := article.person_at.get(k + 1)) is not None:
            return Speaker(mention.key, mention.start, mention.end, "PERSON")
        if toks[k].text == "," and article.language == "en" and speaker is not None:
            # "Its chief executive, Rain Newton-Smith, told …": a name the recogniser missed
            name = _apposed_proper_name(article, k + 1)
            if name is not None:
                return name
        if toks[k].pos in ("VERB", "AUX") or toks[k].text in _END or toks[k].text in _OPEN_CLOSE_MARKS:
            break
    return speaker


def _apposed_proper_name(article: Article, k: int) -> Speaker | None:
    """Two or more proper nouns from k, closed by a comma (an apposition)."""
    toks = article.toks
    m = k
    while m < len(toks) and (toks[m].pos == "PROPN" or (toks[m].text == "-" and m > k)):
        m += 1
    names = [t for t in toks[k:m] if t.pos == "PROPN"]
    if (
        len(names) < 2
        or m >= len(toks)
        or toks[m].text != ","
        or not all(t.text[:1].isupper() for t in names)
    ):
        return None
    return Speaker(article.text[toks[k].start : toks[m - 1].end], toks[k].start, toks[m - 1].end, "PERSON")


def _colon_cue(rules: DepRules, article: Article, colon: int) -> tuple[str, Speaker | None] | None:
    toks = article.toks
    s, _e = article.sents[toks[colon].sent]
    for k in range(colon - 1, s - 1, -1):
        if _is_speech_verb(rules, toks[k]):
            speaker = _subject(rules, article, k) or _np_after(rules, article, k + 1)
            return toks[k].text, speaker
    if colon - 1 >= s:
        mention = article.person_at.get(colon - 1)
        if mention is not None:
            return ":", Speaker(mention.key, mention.start, mention.end, "PERSON")
    # "Pour le président du RN, X, le constat est clair : « … »": the view's holder
    # (the parser's sentence may run on from the one before: "… sur X. Pour …")
    opener = next(
        (
            k
            for k in range(colon - 1, max(-1, colon - 20), -1)
            if toks[k].text in ("Pour", "Selon", "For") and (k == 0 or toks[k - 1].text.endswith((".", "\n")))
        ),
        None,
    )
    if opener is not None and any(toks[m].text in _END for m in range(opener, colon)):
        opener = None
    if opener is not None:
        for k in range(opener + 1, min(colon, opener + 10)):
            mention = article.person_at.get(k)
            if mention is not None:
                return ":", Speaker(mention.key, mention.start, mention.end, "PERSON")
            if toks[k].pos in ("VERB", "AUX"):
                break
    # "President X … struck a cautious note: “…”": no speech verb, but a person is the
    # subject of the clause that the colon closes
    for k in range(colon - 1, s - 1, -1):
        if toks[k].pos == "VERB" and (toks[k].dep == "ROOT" or toks[toks[k].head].sent != toks[k].sent):
            speaker = _subject(rules, article, k)
            if speaker is not None and speaker.label == "PERSON":
                return toks[k].text, speaker
            break
    return None


def _trim(article: Article, a: int, b: int) -> tuple[int, int]:
    """Drop a leading complementizer and trailing punctuation from tokens [a, b]."""
    toks = article.toks
    while a <= b and (toks[a].lower in _COMPLEMENTIZERS or toks[a].text in _PUNCT):
        a += 1
    # "said Tuesday her government would …" (AP style): the day belongs to the cue
    if a + 3 < b and toks[a].lower == "on" and toks[a + 1].lower in _WEEKDAYS:
        a += 1  # "said on Tuesday it would …"
    if a + 2 < b and toks[a].lower in _WEEKDAYS and toks[a + 1].pos not in ("AUX", "VERB", "PART"):
        a += 1
        while a <= b and toks[a].lower in _COMPLEMENTIZERS:
            a += 1
    # a dateline ("WASHINGTON —", "MOSCOW (Reuters) -") is not part of the claim
    for k in range(a, min(b, a + 10)):
        if toks[k].text in _DASHES:
            if all(t.text.isupper() or t.text in "()," or t.text[:1].isupper() for t in toks[a:k]):
                a = k + 1
            break
    while b >= a and (toks[b].text in _PUNCT or toks[b].lower in ("and", "but", "et", "mais")):
        b -= 1
    return a, b


_DASHES = frozenset("— – -".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# plural sources without a name: "officials said …" is a claim with no named source
_UNNAMED_HEADS = frozenset(
    "officials sources analysts observers experts critics witnesses diplomats residents people "
    "agencies groups activists campaigners lawmakers legislators politicians scientists researchers "
    "economists investors traders citizens voters opponents supporters insiders aides "
    "responsables sources analystes observateurs experts critiques témoins diplomates organisations "
    "ong militants élus économistes chercheurs habitants".split()
)
# one anonymous source: "said a senior EU diplomat", "un responsable a indiqué"
_ANONYMOUS_HEADS = frozenset(
    "official diplomat source spokesman spokeswoman spokesperson aide adviser advisor insider officer "
    "person member responsable diplomate conseiller proche minister ministre cadre négociateur "
    "negotiator lawmaker député employee employé".split()
)
_INDEFINITE = frozenset("a an un une".split())
_SOME = frozenset("a an one some several un une plusieurs certains certaines quelques des".split())


def _anonymous(article: Article, first: int, last: int) -> bool:
    """Whether tokens [first, last] are "a/an/un/une …" ending at an anonymous source noun
    before any name ("a senior EU diplomat", "un haut responsable")."""
    toks = article.toks
    if first > last or toks[first].lower not in _INDEFINITE:
        return False
    for k in range(first + 1, min(last + 1, first + 6)):
        if article.person_at.get(k) is not None or toks[k].text in _PUNCT:
            return False
        if toks[k].lower in _ANONYMOUS_HEADS:
            return article.language != "en" or _spokesperson_body(article, k, min(len(toks) - 1, k + 6)) == k
    return False


def _unnamed_subject(article: Article, verb: int) -> bool:
    toks = article.toks
    subjects = [k for k in _children(article, verb) if toks[k].dep in _SUBJECT_DEPS]
    if not subjects:
        return False
    k = subjects[0]
    left, right = _subtree(article, k)
    if _anonymous(article, left, k):
        return True
    if any(article.person_at.get(m) is not None for m in range(left, right + 1)):
        return False
    return toks[k].lower in _UNNAMED_HEADS or _unnamed_plural(article, left, k)


# determiners that make a plural subject a definite, countable set ("the two leaders", "both")
_DEFINITE_PLURAL = frozenset("the these those both their its his her our all two three".split())


def _unnamed_plural(article: Article, left: int, k: int) -> bool:
    """ "Democratic strategists", "many developing countries": an English plural common noun
    without a definite determiner names nobody (institutions such as police stay sources)."""
    toks = article.toks
    head = toks[k]
    if (
        article.language != "en"
        or head.pos != "NOUN"
        or head.lemma == head.lower
        or not head.lower.endswith("s")
    ):
        return False
    before = [t.lower for t in toks[left:k]]
    if any(w in _DEFINITE_PLURAL or w in ("'s", "’s") for w in before):
        return False
    if any(w in _QUANTIFIERS for w in before):
        return True
    # "Finnish police", "Chinese authorities" are a country's bodies; "Western governments"
    # are nobody in particular
    institution = head.lower in _EN_INSTITUTIONS or head.lemma in _EN_INSTITUTIONS
    return not institution or not any(m in article.country_toks for m in range(left, k))


_QUANTIFIERS = frozenset("many some several most other few numerous various".split())


def indirect(article: Article, masked: list[bool], rules: DepRules) -> list[Candidate]:
    """Reported speech from speech verbs with a clausal complement and from source phrases."""
    toks = article.toks
    out: list[Candidate] = []
    for s, e in article.sents:
        if all(masked[s:e]):
            continue
        done = _source_phrase(rules, article, s, e, masked, out)
        if done:
            continue
        # English sentences often carry two reports ("Russia said A, while Ukraine said B"):
        # after one, look on past its end; French keeps one per sentence
        floor = s - 1
        for j in range(s, e):
            tok = toks[j]
            if j <= floor or masked[j] or not _is_speech_verb(rules, tok, article):
                continue
            if _inside_trailing_cue(rules, article, j, e, masked):
                continue
            if rules.language == "en" and tok.dep == "parataxis":
                parts = _parenthetical_cue(rules, article, j, s, e, masked)
                if parts:
                    out.extend(parts)
                    floor = e - 1
                    continue
            comps = [k for k in _children(article, j) if toks[k].dep == "ccomp"]
            # "In an interview with the paper Bild am Sonntag, X said the …": the parser may
            # hang a piece of the adjunct on the verb too; the clause after the verb is the report
            comp = next((k for k in comps if k > j), comps[0] if comps else None)
            inverted = False
            if comp is None:
                comp = _that_clause(article, j, e)
                if comp is not None:
                    left, right = comp, e - 1
                else:
                    comma = _inverted_cue(article, j, s, masked)
                    if comma is None:
                        continue
                    inverted = True
                    comp, left, right = s, s, comma - 1
            else:
                left, right = _subtree(article, comp)
                if comp > j and _relative_after_comma(article, j, left):
                    continue
            # the parser's sentence may be longer than ours (a quote on the same line)
            left, right = max(left, s), min(right, e - 1)
            if comp > j:
                # coordinated clauses under one cue stay together ("…, but only …")
                left, right = max(left, j + 1), _clause_end(article, right, e, masked)
            else:
                right = min(right, j - 1)
            a, b = _trim(article, left, right)
            if b - a < 2 or any(masked[a : b + 1]):
                continue
            if toks[a].lower == "whether":
                continue  # "declined to say whether …": a question left open, not a claim
            if comp < j:
                # "…, X said": the clause stops at the comma before the subject
                while b > a and toks[b].text in _PUNCT:
                    b -= 1
            else:
                # (before the unnamed-source check: "Lawmakers said A, while the White
                # House said B" skips A only)
                b = _narrator_tail(article, a, b)
            if (
                _unnamed_subject(article, j)
                or (comp < j and _anonymous(article, j + 1, min(e - 1, j + 6)))
                # "Un cadre du parti assure, …, que": the parser may miss the subject
                or (comp > j and _anonymous(article, s, j - 1))
            ):
                # "officials said …", "…, said a senior diplomat": no named source
                if rules.language != "en":
                    break
                floor = max(b, j)
                continue
            if inverted:
                # the subject follows the verb; the parser often takes it for an object
                speaker = _np_after(rules, article, j + 1) or _subject(rules, article, j)
            else:
                speaker = _subject(rules, article, j) or (
                    _np_after(rules, article, j + 1) if comp < j else None
                )
            if speaker is None and toks[j].lower in ("valoir", "savoir"):
                speaker = _subject(rules, article, j - 1)  # "Il a fait valoir": the subject is on "fait"
            if speaker is None and comp > j:
                speaker = _adjacent_person(article, j) or _leading_person(article, s, j)
            if speaker is None and comp < j:
                apposed = _apposed_before(article, j, a)
                if apposed is not None:
                    # "…, the city's mayor, Ihor Terekhov, said": the parser hung the
                    # speaker on the clause; the clause ends before the apposition
                    speaker, cut = apposed
                    b = min(b, cut - 1)
                    while b > a and toks[b].text in _PUNCT:
                        b -= 1
            second = _second_act(rules, article, a, b, e) if comp > j else None
            if second is not None:
                # "said A, adding that B" / "said A and called B …": A ends there; B (a
                # that-clause) is the same speaker's second claim
                m, b = second
                clause = _nested_clause(article, m, e)
                out.append(Candidate(toks[a].start, toks[b].end, False, tok.text, speaker))
                if clause is not None:
                    out.append(
                        Candidate(toks[clause[0]].start, toks[clause[1]].end, False, toks[m].text, speaker)
                    )
                if rules.language != "en":
                    break
                floor = max(clause[1] if clause is not None else m, j)
                continue
            out.append(Candidate(toks[a].start, toks[b].end, False, tok.text, speaker))
            if rules.language != "en":
                break
            floor = max(b, j)
    return out


# verbs of a second speech act by the same subject: "said A and called/urged/accused …"
_SECOND_ACTS = frozenset(
    "call urge accuse describe dismiss reject condemn criticise criticize denounce appeler exhorter "
    "accuser qualifier rejeter dénoncer condamner".split()
)


def _second_act(rules: DepRules, article: Article, a: int, b: int, e: int) -> tuple[int, int] | None:
    """A verb inside the reported clause [a, b] that is really the speaker's next act:
    ", adding that …" (a speech participle with its own clause) or "and called …". Returns
    the verb and the new end of the first clause."""
    toks = article.toks
    for m in range(a + 2, b + 1):
        tok = toks[m]
        # "…, et a promis que …": the auxiliary of a compound tense stands between
        p = m - 1 if toks[m - 1].pos == "AUX" and toks[m - 2].text in (",", "et") else m
        # ", while insisting that …"
        if toks[p - 1].lower == "while":
            p -= 1
            if toks[p - 1].text in _OPEN_CLOSE_MARKS:
                p -= 1  # '… "with a cool head," while insisting that …'

        if tok.pos != "VERB" or toks[p - 1].text not in (",", "and", "et") or _has_own_subject(article, m):
            continue
        participle = (
            toks[p - 1].text == ","
            and tok.dep in ("advcl", "conj")
            and tok.lower.endswith(("ing", "ant"))
            and _is_speech_verb(rules, tok)
            and _nested_clause(article, m, e) is not None
        )
        # "…, et a promis que …", "… and said that …": a second speech verb with its own clause
        speech = (
            tok.dep == "conj"
            and not tok.lower.endswith(("ing", "ant"))
            and _is_speech_verb(rules, tok)
            and _nested_clause(article, m, e) is not None
        )
        if participle or speech or (tok.dep == "conj" and tok.lemma in _SECOND_ACTS):
            end = p - 1
            while end > a and (toks[end].text in _PUNCT or toks[end].lower in ("and", "et", "while")):
                end -= 1
            return m, end
    return None


# ", sending prices lower", ", calling it …", ", despite …": after a comma, the writer's
# comment on the claim or the speaker's next act, not part of what was said
_NARRATOR_PARTICIPLES = frozenset(
    "send push prompt trigger drive lift boost drag spark fuel call describe cite dismiss".split()
)
_NARRATOR_PREPOSITIONS = frozenset("despite notwithstanding".split())
# ", au premier jour de …", ", à l'issue de …", ", lors d'une …": when and where it was said
_FR_NARRATOR_ADJUNCTS = (
    "au lendemain",
    "à la veille",
    "à l' issue",
    "à l'issue",
    "lors d",
    "lors de",
    "au premier jour",
    "au terme",
    "en marge",
    "malgré",
    "au cours d",
)


def _narrator_tail(article: Article, a: int, b: int) -> int:
    """End of the English reported clause [a, b] before such a tail."""
    toks = article.toks
    for m in range(a + 3, b):
        if toks[m].text != ",":
            continue
        nxt = toks[m + 1]
        if article.language == "fr":
            words = " ".join(t.lower for t in toks[m + 1 : m + 4]).replace("’", "'")
            if words.startswith(_FR_NARRATOR_ADJUNCTS):
                return m - 1
            continue
        if article.language != "en":
            return b
        if nxt.lower == "as" and nxt.dep == "mark" and _has_own_subject(article, nxt.head):  # type: ignore[attr-defined]
            # ", as fighting spread to new parts of the country": the writer's context
            return m - 1
        if nxt.lower in _OTHER_REPORT_OPENERS and any(
            _is_speech_verb(_EN, toks[k]) and _has_own_subject(article, k)
            for k in range(m + 2, min(b + 1, m + 10))
        ):
            # ", as business groups warned that …", ", while Ukraine said …": another report
            return m - 1
        participle = nxt.lower.endswith("ing") and nxt.lemma in _NARRATOR_PARTICIPLES
        if nxt.lower in _NARRATOR_PREPOSITIONS or (participle and not _has_own_subject(article, m + 1)):
            return m - 1
        # ", after Geert Wilders pulled his party out …": the event that led to the claim
        # (", after rising for months" stays: no clause of its own)
        if nxt.lower == "after" and m + 2 <= b and toks[m + 2].pos in ("PROPN", "DET", "PRON"):
            if any(toks[k].dep in _SUBJECT_DEPS for k in range(m + 2, min(b + 1, m + 7))):
                return m - 1
    return b


def _inside_trailing_cue(rules: DepRules, article: Article, j: int, e: int, masked: list[bool]) -> bool:
    """ "Brussels believes the sanctions work, Novak told reporters": the verb at j is part of
    the clause that a later cue after a comma reports; that cue and its speaker win."""
    toks = article.toks
    h = toks[j].head
    return (
        article.language == "en"
        and toks[j].dep == "ccomp"
        and j < h < e
        and not masked[h]
        and _is_speech_verb(rules, toks[h], article)
        and any(toks[m].text == "," for m in range(j + 1, h))
    )


_OTHER_REPORT_OPENERS = frozenset("as while whereas but and".split())


def _parenthetical_cue(
    rules: DepRules, article: Article, j: int, s: int, e: int, masked: list[bool]
) -> list[Candidate]:
    """ "Her party, she argued, was the only one …": a cue set off by commas inside the
    claim. Like a split quote, each side of the cue long enough to be a claim is one entry."""
    toks = article.toks
    left, right = _subtree(article, j)
    left, right = max(left, s), min(right, e - 1)
    c1 = left if toks[left].text == "," else left - 1
    c2 = right if toks[right].text == "," else right + 1
    head = toks[j].head
    if not (s < c1 < j < c2 < head < e) or toks[c1].text != "," or toks[c2].text != ",":
        return []
    if _unnamed_subject(article, j):
        return []
    speaker = _subject(rules, article, j)
    if speaker is None:
        return []
    parts = []
    for a, b in (_trim(article, s, c1 - 1), _trim(article, c2 + 1, e - 1)):
        if b - a >= 2 and not any(masked[a : b + 1]):
            parts.append(Candidate(toks[a].start, toks[b].end, False, toks[j].text, speaker))
    return parts


def _has_own_subject(article: Article, m: int) -> bool:
    """Whether the verb at m has a subject of its own (then it is part of the claim)."""
    return any(article.toks[k].dep in _SUBJECT_DEPS for k in _children(article, m))


def _nested_clause(article: Article, m: int, e: int) -> tuple[int, int] | None:
    toks = article.toks
    comp = next((k for k in _children(article, m) if toks[k].dep == "ccomp"), None)
    if comp is None:
        return None
    left, right = _subtree(article, comp)
    a, b = _trim(article, max(left, m + 1), min(right, e - 1))
    return (a, b) if b - a >= 2 else None


_SUBJECT_POS = frozenset("DET PROPN NOUN PRON NUM ADJ".split())


def _adjacent_person(article: Article, j: int) -> Speaker | None:
    """ "…, seen by Euractiv, Commission President Ursula von der Leyen wrote that": a name
    right before the cue is its subject, however the parser attached it."""
    mention = article.person_at.get(j - 1)
    return Speaker(mention.key, mention.start, mention.end, "PERSON") if mention is not None else None


def _leading_person(article: Article, s: int, j: int) -> Speaker | None:
    """The person standing as the sentence's subject before the cue at j, when the parse
    around the cue is broken ("L'analyste Bonnie Lin, du Center …, juge que …"); the
    parser may have split the sentence too, so it starts where the line's previous
    sentence ends with a stop."""
    toks = article.toks
    if s in article.country_toks:
        # "Mali and Burkina Faso, both ruled by juntas, said …": countries open the sentence
        m = s
        while m + 1 < j and (
            m + 1 in article.country_toks
            or (toks[m + 1].lower in ("and", "et") and m + 2 in article.country_toks)
        ):
            m += 1
        return Speaker(article.text[toks[s].start : toks[m].end], toks[s].start, toks[m].end, "COUNTRY")
    while (
        s > 0 and toks[s - 1].text not in _END and "\n" not in article.text[toks[s - 1].end : toks[s].start]
    ):
        s = article.sents[toks[s - 1].sent][0]
    for k in range(s, j):
        mention = article.person_at.get(k)
        if mention is not None:
            return Speaker(mention.key, mention.start, mention.end, "PERSON") if mention.subject else None
        if toks[k].pos in ("VERB", "AUX"):
            return None
    return None


def _apposed_before(article: Article, j: int, a: int) -> tuple[Speaker, int] | None:
    """A person set off by commas right before the verb at j (", the mayor, Ihor
    Terekhov, said"), with the index of the comma where the speaker phrase begins."""
    toks = article.toks
    if j - 2 < a or toks[j - 1].text != ",":
        return None
    mention = article.person_at.get(j - 2)
    if mention is None:
        return None
    cut = mention.first_tok - 1
    if cut <= a or toks[cut].text != ",":
        return None
    # a role phrase before the name, itself after a comma: "the city's mayor"
    for k in range(cut - 1, max(a, cut - 7), -1):
        if toks[k].text == ",":
            cut = k
            break
        if toks[k].pos in ("VERB", "AUX") or toks[k].text in _END:
            break
    return Speaker(mention.key, mention.start, mention.end, "PERSON"), cut


def _relative_after_comma(article: Article, j: int, left: int) -> bool:
    """ "a dénoncé la présence d'un navire …, qu'il a qualifiée de provocation": a que after
    a comma far from the verb opens a relative clause on the last noun, not the report."""
    toks = article.toks
    return left - j > 5 and toks[left].lower in _COMPLEMENTIZERS and toks[left - 1].text == ","


def _inverted_cue(article: Article, j: int, s: int, masked: list[bool]) -> int | None:
    """ "Les livraisons reprendront lundi, a affirmé le ministre, X." / "…, estime X":
    a clause, a comma, the speech verb and its subject after it. The French parser hangs
    the clause on the verb as an adverbial and the subject as an object, so there is no
    ccomp to follow. Returns the index of the comma that ends the clause."""
    toks = article.toks
    if toks[j].lower.endswith(("ing", "ant")):
        return None  # "…, fearing retaliation": a participle adds to the clause, it reports nothing
    p = j - 1
    if p > s and toks[p].pos == "AUX":
        p -= 1
    if p - s < 3 or toks[p].text != "," or j + 1 >= len(toks) or toks[j + 1].sent != toks[j].sent:
        return None
    head = j + 2 if toks[j + 1].pos == "DET" and j + 2 < len(toks) else j + 1
    if toks[j + 1].pos not in ("DET", "PROPN", "NOUN") or toks[head].lower in _UNNAMED_HEADS:
        return None  # "…, ont affirmé des responsables": no named source
    clause = range(s, p)
    if any(masked[k] or toks[k].text in _OPEN_CLOSE_MARKS for k in clause):
        return None
    # the part before the comma must be a clause with a finite verb, not "En outre,"
    if any(toks[k].dep in _SUBJECT_DEPS and toks[k].head == j for k in clause) and not any(
        # "L'Allemagne et la Belgique ont déjà adopté …, rappelle le ministère": the parser
        # took the clause's subject for the cue's, but the clause has its own finite verb
        toks[k].pos == "AUX" and toks[k].dep.startswith("aux") and s <= toks[k].head < p
        for k in clause
    ):
        return None  # "À Bruxelles, la haute représentante, X, a jugé ces attaques …"
    rel = next(
        (k for k in clause if toks[k].lower in ("qui", "which", "who") and toks[k - 1].text == ","), None
    )
    if rel is not None and not any(toks[k].text == "," for k in range(rel, p)):
        return None  # "Washington, qui s'est retiré de l'accord, soutient …": subject + relative
    # (a relative clause on the subject is not one: "Washington, qui s'est retiré de
    # l'accord, soutient la démarche")
    relative = ("amod", "acl", "acl:relcl", "relcl")
    if not any(
        (toks[k].pos in ("VERB", "AUX") and toks[k].dep not in relative and not _in_relative(article, k))
        or (toks[k].dep in _SUBJECT_DEPS and s <= toks[k].head < p and toks[toks[k].head].dep not in relative)
        for k in clause
    ):
        return None
    return p


def _in_relative(article: Article, k: int) -> bool:
    return article.toks[article.toks[k].head].dep in ("acl:relcl", "relcl")


def _that_clause(article: Article, j: int, e: int) -> int | None:
    """ "told a news briefing that Manila had …": a that-clause the parser hung elsewhere."""
    toks = article.toks
    for k in range(j + 1, min(e - 1, j + 9)):
        # ("sur France Inter que": a capitalised name the tagger took for a verb)
        if (toks[k].pos == "VERB" and not toks[k].text[:1].isupper()) or toks[k].text in _END:
            return None
        if toks[k].lower in ("that", "que", "qu'", "qu’") and toks[k + 1].pos in _SUBJECT_POS:
            return k + 1
    return None


def _run_on_end(article: Article, e: int) -> int:
    """End of the sentence ending at `e`, joined with what the parser split off: a next
    "sentence" on the same line that starts in lower case ("D'après X, plus de 300 000
    électeurs | se sont déjà inscrits.")."""
    toks = article.toks
    while (
        e < len(toks)
        and toks[e - 1].text not in _END
        and toks[e].text[:1].islower()
        and "\n" not in article.text[toks[e - 1].end : toks[e].start]
    ):
        e = article.sents[toks[e].sent][1]
    return e


def _clause_end(article: Article, right: int, e: int, masked: list[bool]) -> int:
    """Extend a reported clause over ", but …" / ", and …" to the end of the sentence."""
    toks = article.toks
    k = right + 1
    if k < e and toks[k].text not in _PUNCT and toks[k].text not in _OPEN_CLOSE_MARKS:
        # "a affirmé que l'aide … à l'armée libanaise dépendrait de …": the parser closed
        # the clause before its own verb; it runs on to the next punctuation
        q = k
        while q < e and toks[q].text not in _PUNCT and toks[q].text not in _OPEN_CLOSE_MARKS:
            q += 1
        if any(toks[m].pos == "VERB" for m in range(k, q)) and not any(masked[k:q]):
            right = q - 1
            k = q
    if k + 1 < e and toks[k].text == "," and toks[k + 1].lower in ("but", "and", "mais", "et"):
        end = e - 1
        if not any(masked[k:e]):
            return end
    return right


_DOCUMENTS = frozenset(
    "statement report letter post communiqué rapport lettre étude sondage enquête study survey poll "
    "memo note".split()
)


# numbers are not speech: "according to figures / data / estimates"
_STATISTICS = frozenset("figures data statistics numbers estimates tallies calculations".split())


def _statistics(source: list[Tok]) -> bool:
    """Whether the first noun of an English source phrase is a statistics word."""
    noun = next((t for t in source if t.pos in ("NOUN", "PROPN")), None)  # type: ignore[attr-defined]
    return noun is not None and noun.lower in _STATISTICS


def _document_author(article: Article, a: int, b: int) -> int:
    """ "according to a statement from the Pacific Islands Forum": the author is the source."""
    toks = article.toks
    k = a + 1 if a < b and toks[a].lower in _DETS else a
    if (
        k + 2 < b
        and toks[k].lower in _DOCUMENTS
        and toks[k + 1].lower in ("from", "by", "of", "du", "de", "des")
    ):
        return k + 2
    return a


def _reports_clause(rules: DepRules, article: Article, k: int) -> bool:
    """A speech verb at k with a that/que clause right after it (English: or any clause
    after it, "X said the United States had …, according to the State Department")."""
    toks = article.toks
    if not _is_speech_verb(rules, toks[k], article):
        return False
    if k + 1 < len(toks) and toks[k + 1].lower in _COMPLEMENTIZERS:
        return True
    return rules.language == "en" and any(toks[c].dep == "ccomp" and c > k for c in _children(article, k))


def _source_phrase(
    rules: DepRules, article: Article, s: int, e: int, masked: list[bool], out: list[Candidate]
) -> bool:
    """ "according to X" / "selon X": the rest of the sentence is X's claim."""
    toks = article.toks
    for j in range(s, e):
        for words in rules.source_words:
            n = len(words)
            if j + n > e or any(toks[j + k].lower != words[k] for k in range(n)):
                continue
            a = j + n
            b = a
            while b < e and toks[b].text not in _PUNCT:
                b += 1
            # "Selon le ministre …, Sergueï Lavrov, …": an apposed name belongs to the source
            # (only an apposition: "According to aides, Harris will …" opens the claim)
            apposed = article.person_at.get(b + 1) if b + 1 < e and toks[b].text == "," else None
            if apposed is not None and (
                apposed.last_tok + 1 >= e or toks[apposed.last_tok + 1].text in _PUNCT
            ):
                m = b + 1
                while m < e and toks[m].text not in _PUNCT:
                    m += 1
                b = m
            if b <= a:
                continue
            source = toks[a:b]
            if _statistics(source):
                continue  # "according to official figures", "according to data compiled by …"
            if not any(t.text[:1].isupper() for t in source) and (
                any(t.lower in rules.unnamed or t.lower in _UNNAMED_HEADS for t in source)
                # "according to one minister", "selon plusieurs députés du bloc central"
                or (source[0].lower in _SOME and not any(t.lower in _DOCUMENTS for t in source))
            ):
                continue
            if j > s and any(_reports_clause(rules, article, k) for k in range(s, j)):
                # "the Pentagon warned that …, according to a letter": the cue names the
                # speaker; the source phrase only says where it was read
                return False
            author = _document_author(article, a, b)
            last = b - 1
            if author > a:
                # "une étude de la Drees publiée en mars": the author ends before the participle
                last = next((m - 1 for m in range(author + 1, b) if toks[m].pos == "VERB"), last)
            speaker = speaker_from_span(rules, article, author, last)
            if speaker is None and rules.language == "en":
                continue  # "according to industry figures": nobody named
            if j == s:
                ca, cb = _trim(article, b, _run_on_end(article, e) - 1)
            elif (
                toks[j - 1].text == ","
                and b < e
                and toks[b].text == ","
                and j - s < 8
                and rules.language == "en"
            ):
                # "The deal, according to X, would free …": the source stands inside the claim
                ca, cb = _trim(article, s, _run_on_end(article, e) - 1)
            else:
                ca, cb = _trim(article, s, j - 1)
            if cb - ca < 2 or any(masked[ca : cb + 1]):
                continue
            cue = article.text[toks[j].start : toks[j + n - 1].end]
            out.append(Candidate(toks[ca].start, toks[cb].end, False, cue, speaker))
            return True
    return False
