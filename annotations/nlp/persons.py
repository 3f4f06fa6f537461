"""Person mentions: candidates per language, then one resolution step for all.

German has no statistical NER by default, so candidates come from a first-name lexicon
(GermEval 2014 PER spans), role nouns before names (Kremlsprecher, Außenminister), the
archive's known persons, and the optional trained model. English and French take the
models' PERSON/PER entities and clean them. Resolution then maps surname-only mentions
(also in the genitive, "Putins") to the full name as first written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .article import Article, Mention, Tok
from .lexicon import (
    DE_INSTITUTION_SUFFIXES,
    DE_NON_NAMES,
    DE_ROLE_EXACT,
    DE_ROLE_SUFFIXES,
    DE_ROLE_WORDS,
    EN_SPEECH_LEMMAS,
    FR_SPEECH_LEMMAS,
    data_words,
)
from .types import KnownPerson

_ARTICLES = frozenset("der die das des dem den ein eine eines einem einer".split())
_NAME_PARTICLES = frozenset("von van der de da di al bin ben el le la du zu dos das del ter ten".split())
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "ium", "tion", "tät", "ismus", "ment", "nis", "ie")
_FR_TITLES = frozenset(
    "président présidente ministre porte-parole chancelier chancelière premier secrétaire chef "
    "m. mme dirigeant roi reine pape général".split()
)
_EN_TITLES = frozenset(
    "president prime minister secretary general spokesman spokeswoman spokesperson chancellor "
    "mr mrs ms dr sir king queen prince pope foreign defence defense senator governor sheikh emir "
    "crown".split()
)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return data_words("de_first_names.txt") | data_words("first_names_extra.txt")


def is_name_word(tok: Tok) -> bool:
    text = tok.text
    if len(text) < 2 or not text[0].isupper() or text in DE_NON_NAMES:
        return False
    core = text.replace("-", "").replace("'", "").replace("’", "")
    if not core.isalpha():
        return False
    if text.isupper() and len(text) > 3:
        return False  # acronyms (NATO, EU)
    return True


def _looks_like_noun(text: str) -> bool:
    lower = text.lower()
    return lower.endswith(_NOUN_ENDINGS) or lower.endswith(DE_INSTITUTION_SUFFIXES)


@lru_cache(maxsize=65536)
def is_role_word(lower: str) -> bool:
    # feminine forms: Generalin, Kommandeurin
    if lower.endswith(DE_ROLE_SUFFIXES) or lower in DE_ROLE_EXACT:
        return True
    return lower.endswith("in") and lower[:-2].endswith(DE_ROLE_SUFFIXES)


# the Arabic article glued to a surname, written lower case in German and English
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ash|asch|ad|ar|an|at|az|ibn|bin)-(?=[A-ZÄÖÜ])")


def _name_tail(
    toks: list[Tok], i: int, end: int, limit: int, article: Article, *, after_first_name: bool = False
) -> int:
    """Index after the run of name words starting at i (at most `limit` words).

    Particles belong to a name right after its first name ("Ursula von der Leyen", "Marco
    van Basten"), or one particle inside it; after a role noun they start a phrase
    ("Präsident von Frankreich"), and so does a run after a surname ("Patrick Kamanda von
    der Umweltbehörde")."""
    j, taken = i, 0
    while j < end and taken < limit:
        tok = toks[j]
        if tok.lower in _NAME_PARTICLES and (taken or after_first_name):
            # "von der", "van den", "de la" right after the first name
            after_first = (not taken and after_first_name) or (
                taken == 1 and toks[j - 1].text in first_names()
            )
            k = j + 1
            while after_first and k < end and k - j < 3 and toks[k].lower in _NAME_PARTICLES:
                k += 1
            if k < end and is_name_word(toks[k]) and k not in article.country_toks:
                j = k
                continue
            break
        if taken and _ARABIC_ARTICLE.match(tok.text):
            j += 1  # "Aiman al-Safadi", "Abdel Fattah el-Sisi"
            taken += 1
            continue
        if (
            taken
            and len(tok.text) == 2
            and tok.text[0].isupper()
            and tok.text[1] == "."
            and j + 1 < end
            and is_name_word(toks[j + 1])
        ):
            j += 1  # a middle initial: "George W. Bush", "John F. Kennedy"
            continue
        if not is_name_word(tok) or j in article.country_toks or _looks_like_noun(tok.text):
            break
        if is_role_word(tok.lower) or tok.text in DE_ROLE_WORDS:
            break
        j += 1
        taken += 1
    # never end on a particle
    while j > i and toks[j - 1].lower in _NAME_PARTICLES:
        j -= 1
    return j


def german_candidates(article: Article, known: Iterable[KnownPerson]) -> list[tuple[int, int, str]]:
    """(first_tok, end_tok, role_lower) person candidates from lexicon, roles and gazetteer."""
    toks = article.toks
    names = first_names()
    gazetteer: dict[str, list[list[str]]] = {}
    for person in known:
        for alias in (person.name, *person.aliases):
            words = alias.split()
            if words:
                gazetteer.setdefault(words[0], []).append(words)
    found: list[tuple[int, int, str]] = []
    for s, e in article.sents:
        i = s
        while i < e:
            tok = toks[i]
            if not tok.text[:1].isupper():
                i += 1  # every pattern below starts with a capitalised word
                continue
            # 1. analyst-confirmed persons, longest alias first
            best = 0
            for words in gazetteer.get(tok.text, ()):
                n = len(words)
                if n > best and i + n <= e and all(toks[i + k].text == words[k] for k in range(n)):
                    best = n
            if best:
                found.append((i, i + best, ""))
                i += best
                continue
            # 2. role noun + name ("Kremlsprecher Dmitri Peskow", "Außenminister Lawrow")
            if (is_role_word(tok.lower) or tok.text in DE_ROLE_WORDS) and i + 1 < e:
                j = _name_tail(toks, i + 1, e, 4, article)
                if j == i + 2 and toks[i + 1].text.endswith("s") and i > s and toks[i - 1].lower in _ARTICLES:
                    j = i + 1  # "der Präsident Frankreichs": a genitive, not a surname
                if j > i + 1:
                    found.append((i + 1, j, tok.lower))
                    i = j
                    continue
            # 3. known first name + surname(s) ("Hanna Liebig", "Kim Jong Un")
            if tok.text in names and i + 1 < e and i not in article.country_toks:
                j = _name_tail(toks, i + 1, e, 3, article, after_first_name=True)
                if j > i + 1:
                    found.append((i, j, ""))
                    i = j
                    continue
            i += 1
    return found


# role nouns that introduce a name the English and French models may miss
# ("his North Korean counterpart Choe Son Hui", "son homologue Choe Son Hui")
_MODEL_ROLES = frozenset(
    "leader counterpart minister president spokesman spokeswoman spokesperson chancellor envoy "
    "ambassador commander premier governor mayor senator secretary chief "
    "dirigeant dirigeante homologue ministre président présidente porte-parole chancelier "
    "chancelière ambassadeur ambassadrice commandant maire analyst analyste economist économiste "
    "researcher chercheur chercheuse professor professeur professeure commissioner commissaire "
    "secrétaire député députée sénateur sénatrice lawmaker".split()
)


def role_name_candidates(article: Article) -> list[tuple[int, int, str]]:
    """A role noun followed by two to four proper-noun tokens: a name with its role."""
    toks = article.toks
    found = []
    for i, tok in enumerate(toks[:-2]):
        # "vice-ministre", "deputy-minister": the role is the last part
        role = tok.lower if tok.lower in _MODEL_ROLES else tok.lower.rpartition("-")[2]
        if role not in _MODEL_ROLES:
            continue
        first = i + 1
        # "le vice-ministre japonais Takehiro Funakoshi": French adjectives after the role
        while (
            first < len(toks) - 1
            and first - i <= 2
            and toks[first].text.islower()
            and (getattr(toks[first], "pos", "") == "ADJ" or first in article.country_toks)
        ):
            first += 1
        j = first
        while (
            j < len(toks)
            and j - first < 4
            and getattr(toks[j], "pos", "") == "PROPN"
            and toks[j].text[:1].isupper()
            and j not in article.country_toks
        ):
            j += 1
        if j - first >= 2:
            found.append((first, _particle_tail(article, first, j), role))
            continue
        # "son ministre des Affaires étrangères, Mauro Vieira, a appelé": the name in
        # apposition after the role phrase
        comma = next((k for k in range(i + 1, min(len(toks) - 2, i + 7)) if toks[k].text == ","), None)
        if comma is None:
            continue
        j = comma + 1
        while j < len(toks) and j - comma <= 4 and is_name_word(toks[j]) and j not in article.country_toks:
            j += 1
        if j - comma - 1 >= 2 and j < len(toks) and toks[j].text in (",", ".", ";"):
            found.append((comma + 1, j, role))
    return found


def _particle_tail(article: Article, first: int, end: int) -> int:
    """End of a name span [first, end) extended over a lower-case particle and surname
    that the model or the role pattern left out ("Luiz Inácio Lula | da Silva", "Prince
    Abdulaziz | bin Salman")."""
    toks = article.toks
    while (
        end + 1 < len(toks)
        and end - first < 6
        and toks[end].text in _NAME_PARTICLES
        and is_name_word(toks[end + 1])
        and end + 1 not in article.country_toks
        and toks[end - 1].end + 1 == toks[end].start
        and toks[end].end + 1 == toks[end + 1].start
    ):
        end += 2
    return end


def _given_name(article: Article, k: int) -> bool:
    tok = article.toks[k]
    return (
        getattr(tok, "pos", "") == "PROPN"
        and is_name_word(tok)
        and k not in article.country_toks
        and tok.lower.strip(".") not in _EN_TITLES
        and tok.lower not in _FR_TITLES
    )


_BYLINE = re.compile(r"(?:Par|By|PAR|BY)\s+$")


def _byline(article: Article, first: int) -> bool:
    """ "Par Claire Vandamme (à Bruxelles)", "By Jane Doe, Reuters": the author's line."""
    text = article.text
    start = article.toks[first].start
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start < 90 and _BYLINE.fullmatch(text[line_start:start]) is not None


def model_candidates(article: Article, labels: frozenset[str]) -> list[tuple[int, int, str]]:
    """Person entities from the spaCy model, trimmed of titles and possessives."""
    toks = article.toks
    found = []
    for first, end, label in article.ents:
        if label not in labels:
            continue
        while first < end and (
            toks[first].lower.strip(".") in _EN_TITLES
            or not toks[first].text[:1].isupper()
            # "M. Merz", "L’Élysée": a French title or elided article is not the name
            or toks[first].lower in _FR_TITLES
            or toks[first].lower in ("l'", "l’")
            # "Slovak President Peter Pellegrini": a demonym before the title
            or (first in article.country_toks and end - first > 2)
        ):
            first += 1
        while end > first and (
            toks[end - 1].text in ("'s", "’s", "'", "’") or not toks[end - 1].text[:1].isalpha()
        ):
            end -= 1
        if end <= first:
            continue
        # "Takehiro" tagged alone before "Funakoshi": the model's span stops inside the name
        while (
            end < len(toks)
            and end - first < 4
            and getattr(toks[end], "pos", "") == "PROPN"
            and is_name_word(toks[end])
            and end not in article.country_toks
            and toks[end - 1].end + 1 == toks[end].start
        ):
            end += 1
        end = _particle_tail(article, first, end)
        # "Luiz Inácio Lula da | Silva": the model tagged only the surname after a particle
        if first >= 2 and toks[first - 1].text in _NAME_PARTICLES and _given_name(article, first - 2):
            k = first - 2
            while k > 0 and first - k < 4 and _given_name(article, k - 1):
                k -= 1
            first = k
        if any(
            not (
                t.text[:1].isupper()
                or t.lower in _NAME_PARTICLES
                or t.text in "-"
                # "Kim Jong-un": a lowercase part glued to a hyphen
                or (k > first and toks[k - 1].text == "-" and toks[k - 1].end == t.start)
            )
            for k, t in enumerate(toks[first:end], start=first)
        ):
            continue
        r = first - 1
        # "le président français Emmanuel Macron": French adjectives follow the role noun
        while r > 0 and r >= first - 2 and getattr(toks[r], "pos", "") == "ADJ" and toks[r].text.islower():
            r -= 1
        role = toks[r].lower.strip(".") if r >= 0 else ""
        if role not in _EN_TITLES and not is_role_word(role) and role not in _FR_TITLES:
            role = ""
        if all(k in article.country_toks for k in range(first, end)):
            continue  # "Mali and Burkina Faso": the model's PERSON is a country
        if _byline(article, first):
            continue
        found.append((first, end, role))
    return found + _first_name_candidates(article, found)


def _first_name_candidates(article: Article, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A known first name and a surname that the model left out ("Emmanuel Macron s'est dit
    « impatient »" untagged by the small French model)."""
    toks = article.toks
    names = first_names()
    taken = {k for first, end, _ in found for k in range(first, end)}
    extra = []
    for i, tok in enumerate(toks[:-1]):
        if tok.text not in names or i in taken or i in article.country_toks:
            continue
        pos = getattr(tok, "pos", "")
        # "la ministre de la Santé Catherine Vautrin": the first name tagged as a noun in
        # apposition; a capitalised noun inside the sentence before a proper noun is the name
        if pos != "PROPN" and not (
            pos == "NOUN"
            and getattr(toks[i + 1], "pos", "") == "PROPN"
            and i > 0
            and toks[i - 1].sent == tok.sent
        ):
            continue
        # (the surname's tag does not matter: "Macron" may come out as an adverb)
        if not is_name_word(toks[i + 1]) and toks[i + 1].text not in _NAME_PARTICLES:
            continue
        end = _name_tail(toks, i + 1, len(toks), 3, article, after_first_name=True)
        if end <= i + 1 or taken.intersection(range(i, end)) or _byline(article, i):
            continue
        extra.append((i, end, ""))
        taken.update(range(i, end))
    return extra


def _other_person(words: list[str], key: str) -> bool:
    """Whether a full name `words` names someone else than the full name `key` it shares
    a word with: other first words, and neither name ends the other ("von der Leyen" is
    "Ursula von der Leyen")."""
    known = key.split()
    n = min(len(known), len(words))
    return len(known) >= 2 and words[0] != known[0] and known[-n:] != words[-n:]


def _strip_genitive(word: str) -> str:
    if word.endswith(("s", "’s", "'s")) and len(word) > 3:
        return word.rstrip("s").rstrip("'’")
    return word


def resolve_persons(article: Article, candidates: list[tuple[int, int, str]], *, min_words: int = 2) -> None:
    """Turn candidates into mentions keyed by the full name as first written.

    A candidate of one word resolves to an earlier or later multi-word name with that
    surname; otherwise it stays as written only when `min_words` allows it (the German
    role pattern "Außenminister Lawrow" gives trustworthy single surnames).
    """
    toks = article.toks
    text = article.text
    # the same span from two sources (role pattern and model): the one with a role first,
    # so "so der Präsident" still finds whom "Präsident Recep Tayyip Erdoğan" introduced
    candidates = sorted(set(candidates), key=lambda c: (c[0], c[1], not c[2], c[2]))
    full: dict[str, str] = {}  # surname or token -> full name key
    own: set[str] = set()  # full names that are their own key despite a shared surname
    keys_in_order: list[str] = []
    for first, end, _role in candidates:
        if end - first >= 2:
            name = text[toks[first].start : toks[end - 1].end]
            words = name.split()
            key = full.get(words[-1])
            if key is not None and article.language != "de" and _other_person(words, key):
                # "Bonnie Lin" after "Lin Jian", "Hunter Biden" after "Joe Biden": the same
                # surname (or an East Asian family name) with another given name
                own.add(name)
                keys_in_order.append(name)
                full.setdefault(words[0], name)
                continue
            if key is None or len(key.split()) < 2:
                # a later full name replaces an earlier surname-only key
                bare = _ARABIC_ARTICLE.sub("", words[-1])  # "Safadi" stands for "… al-Safadi"
                for word in {words[-1], _strip_genitive(words[-1]), bare, _strip_genitive(bare)}:
                    full[word] = name
                keys_in_order.append(name)
            # East Asian order ("Mao Ning", "Xi Jinping"): the first word may be the surname
            # (set for every name: a first name standing alone also means this person)
            full.setdefault(words[0], name)
            # "Luiz Inácio Lula da Silva" is "Lula": the word before a particle names him too
            for w, nxt in zip(words[1:-1], words[2:], strict=False):
                if nxt in _NAME_PARTICLES and w not in _NAME_PARTICLES:
                    full.setdefault(w, name)
    mentions: list[Mention] = []
    taken: set[int] = set()
    for first, end, role in candidates:
        if any(i in taken for i in range(first, end)):
            continue
        name = text[toks[first].start : toks[end - 1].end]
        words = name.split()
        key = name if name in own else full.get(words[-1]) or full.get(_strip_genitive(words[-1]))
        if key is None:
            if end - first < min_words and not role:
                continue
            key = name
            full.setdefault(words[-1], name)
        mention = Mention(toks[first].start, toks[end - 1].end, name, key, "PERSON", first, end - 1)
        mentions.append(mention)
        taken.update(range(first, end))
        if role:
            article.note_role(role, toks[first].start, key)
    # surname-only mentions of names found anywhere in the article
    for tok in toks:
        if tok.text not in full and not (tok.text.endswith("s") and _strip_genitive(tok.text) in full):
            continue
        if tok.i in taken or not tok.text[:1].isupper() or tok.text in _PRONOUNS.get(article.language, ()):
            continue
        key = full.get(tok.text) or (full.get(_strip_genitive(tok.text)) if tok.text.endswith("s") else None)
        if key is None or (len(key.split()) >= 2 and tok.text == key):
            continue
        if tok.i in article.country_toks:
            continue
        mentions.append(Mention(tok.start, tok.end, tok.text, key, "PERSON", tok.i, tok.i))
        taken.add(tok.i)
    for mention in mentions:
        mention.subject = _in_subject_position(article, mention)
    article.persons = mentions
    article.index_persons()


# "He Yadong said …": alone, "He" is the pronoun, never the surname standing for him;
# in German ("sagte He") it is the surname
_PRONOUNS = {
    "en": frozenset("He She It We They".split()),
    "fr": frozenset("Il Elle On Ils Elles".split()),
    "de": frozenset("Er Sie Es Wir".split()),
}
_DE_OBLIQUE = frozenset("des dem den einem einer eines".split())
_DE_GOVERNORS = frozenset(
    "am an auf aus bei beim durch für gegen im in mit nach neben ohne seit über um unter vom von vor "
    "zu zum zur zwischen gegenüber laut".split()
)


# a sentence opening "Für X …" / "Laut X …" states X's view
_DE_HOLDER_PREPS = frozenset(("für", "laut"))


_SPEECH_LEMMAS = EN_SPEECH_LEMMAS | FR_SPEECH_LEMMAS


def _opens_sentence(article: Article, mention: Mention) -> bool:
    """A name that opens its sentence, after at most a determiner, role nouns and
    adjectives ("La ministre Claire Dubois s'est montrée …", "Romanian President Nicușor
    Dan, whose …"), stands where the subject stands, whatever the parser made of it (the
    small French model often parses two paragraphs as one)."""
    toks = article.toks
    s, _e = article.sents[toks[mention.first_tok].sent]
    # "Au Sénégal, le président X …", "In Kyiv, President X …": a place phrase first
    if getattr(toks[s], "pos", "") == "ADP":
        comma = next((k for k in range(s + 1, min(mention.first_tok, s + 5)) if toks[k].text == ","), None)
        if comma is not None and all(getattr(t, "pos", "") in ("PROPN", "DET") for t in toks[s + 1 : comma]):
            s = comma + 1
    before = toks[s : mention.first_tok]
    return len(before) <= 4 and all(
        getattr(t, "pos", "") in ("DET", "ADJ", "NOUN", "PROPN", "X") for t in before
    )


def _inverted_subject(article: Article, k: int) -> bool:
    """ "…, a précisé la ministre des Armées, Catherine Vautrin.": after the clause the
    French cue comes first and its subject after it; the parser takes that for an object."""
    toks = article.toks
    h = toks[k].head if toks[k].dep in ("appos", "flat:name", "nmod") else k
    if toks[h].dep not in ("obj", "nsubj"):
        return False
    v = toks[h].head
    if not (v < h and toks[v].pos == "VERB" and toks[v].lemma in _SPEECH_LEMMAS):
        return False
    p = v - 1 if v > 0 and toks[v - 1].pos == "AUX" else v
    return p > 0 and toks[p - 1].text == ","


def _closing_apposition(article: Article, mention: Mention) -> bool:
    """ "« … », a déclaré de son côté la porte-parole …, Maria Zakharova.": a name closing the
    sentence after a comma, where a speech verb follows the comma after the quote, is the
    inverted subject, however the parser attached it."""
    toks = article.toks
    first, after = mention.first_tok, mention.last_tok + 1
    if (
        first < 3
        or toks[first - 1].text != ","
        or (after < len(toks) and toks[after].text not in (".", "!", "?"))
    ):
        return False
    s, _e = article.sents[toks[first].sent]
    for v in range(max(s, first - 15), first - 1):
        tok = toks[v]
        if getattr(tok, "pos", "") == "VERB" and tok.lemma in _SPEECH_LEMMAS:
            p = v - 1 if getattr(toks[v - 1], "pos", "") == "AUX" else v
            return p > 0 and toks[p - 1].text == ","
    return False


def _holder(article: Article, mention: Mention) -> bool:
    """ "Pour le président du MR, X, la réforme est …", "Selon X, …": the holder of the view
    the sentence states, whom a following "fait-il valoir" means."""
    toks = article.toks
    s, _e = article.sents[toks[mention.first_tok].sent]
    return (
        toks[s].lower in ("pour", "selon")
        and mention.first_tok - s <= 8
        and not any(getattr(toks[k], "pos", "") in ("VERB", "AUX") for k in range(s, mention.first_tok))
    )


def _apposed_before_verb(article: Article, mention: Mention) -> bool:
    """ "À Téhéran, le porte-parole …, Esmaïl Baghaï, a dénoncé": a name between commas
    right before the verb is the subject's apposition, however the parser linked it."""
    toks = article.toks
    first, after = mention.first_tok, mention.last_tok + 1
    return (
        first > 0
        and after + 1 < len(toks)
        and toks[first - 1].text == ","
        and toks[after].text == ","
        and getattr(toks[after + 1], "pos", "") in ("AUX", "VERB")
    )


def _in_subject_position(article: Article, mention: Mention) -> bool:
    toks = article.toks
    if article.language != "de":
        if mention.last_tok + 1 < len(toks) and toks[mention.last_tok + 1].lower in ("'s", "’s"):
            return False  # "dismissed Lai’s remarks": a possessive, though the parser may read "is"
        # "Le ministre …, Jean-Noël Barrot, a estimé": a name in apposition to the subject
        return (
            any(
                toks[k].dep.startswith("nsubj")
                # the French parser makes "…, Dmitri Peskov," a conj of the subject
                or (toks[k].dep in ("appos", "conj") and toks[toks[k].head].dep.startswith("nsubj"))
                # "La présidente Maia Sandu a salué …": the name as nmod (or flat) of the role noun
                or (
                    toks[k].dep in ("nmod", "flat:name")
                    and toks[toks[k].head].dep.startswith("nsubj")
                    and not any(toks[m].pos == "ADP" for m in range(toks[k].head + 1, k))
                )
                or _inverted_subject(article, k)
                for k in range(mention.first_tok, mention.last_tok + 1)
            )
            or _opens_sentence(article, mention)
            or _apposed_before_verb(article, mention)
            or _holder(article, mention)
            or _closing_apposition(article, mention)
        )
    # German without a parser: a name that no preposition or oblique article governs
    # ("wich Peskow aus", "Putin und Kim hatten") is taken as a subject, while "von
    # Präsident Putin", "des Machthabers Kim" are not
    s, _e = article.sents[toks[mention.first_tok].sent]
    if toks[s].lower in _DE_HOLDER_PREPS and all(
        toks[m].lower in _ARTICLES
        or is_role_word(toks[m].lower)
        or toks[m].text in DE_ROLE_WORDS
        or _is_adjective_like(toks[m].text)
        for m in range(s + 1, mention.first_tok)
    ):
        # "Für den Forscher Jonas Brenner ist das kein Einzelfall": the holder of the view
        # the sentence states, whom a following "sagte er" means
        return True
    k = mention.first_tok - 1
    while k >= s and (
        is_role_word(toks[k].lower) or toks[k].text in DE_ROLE_WORDS or _is_adjective_like(toks[k].text)
    ):
        if toks[k].lower in _DE_OBLIQUE or toks[k].lower in _DE_GOVERNORS:
            return False
        if toks[k].text.islower() and not toks[k].lower.endswith(("e", "en", "er", "es", "em")):
            break
        k -= 1
    return k < s or (toks[k].lower not in _DE_OBLIQUE and toks[k].lower not in _DE_GOVERNORS)


def _is_adjective_like(text: str) -> bool:
    return text.islower() or text.endswith(("ische", "ische", "ischen"))
