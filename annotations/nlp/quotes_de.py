"""German quotes: cues, speakers and indirect speech by rules over tokens.

Indirect speech in German news is marked by a speech verb with a comma clause
("sagte, Russland brauche …", "erklärte, dass …"), by trailing cues ("…, so Peskow",
"…, sagte X"), by source phrases ("Laut X", "X zufolge", "Nach Angaben von X") and by
the Konjunktiv I, which keeps reporting the last speaker in sentences without a cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .article import Article, Mention, Tok
from .lexicon import (
    DE_COLON_VERBS,
    DE_COMPLEMENTIZERS,
    DE_DASS_ONLY,
    DE_DETERMINERS,
    DE_FUNCTION_WORDS,
    DE_INSTITUTION_SUFFIXES,
    DE_KONJ_II,
    DE_KONJ_IRREGULAR,
    DE_NOT_KONJ,
    DE_PREPOSITIONS,
    DE_SPEECH_NOUNS,
    DE_SPEECH_PARTICLE,
    DE_SPEECH_VERBS,
    DE_SUBJECT_PRONOUNS,
    DE_TRAILING_CUES,
    DE_UNNAMED_SOURCES,
    DE_VERB_PREFIXES,
    ROLE_SYNONYMS,
    data_words,
    first_name_gender,
)
from .persons import is_name_word, is_role_word
from .quotes import Candidate, Speaker

_PUNCT_END = frozenset(".!?")
_MARKS = frozenset('„“”"»«‹›')
_CLAUSE_BREAK = frozenset(",;:")
_RELATIVE = frozenset("der die das welcher welche welches".split())
_SOURCE_NOUNS = frozenset(
    "Angaben Informationen Einschätzung Ansicht Aussage Aussagen Meldungen Erkenntnissen Darstellung "
    "Schätzungen Worten Auffassung Überzeugung Meinung Bericht Berichten Mitteilung Studie".split()
)
_GENITIVE_LINKS = frozenset("des der von vom eines einer seines ihres".split())
_MAX_CUE_GAP = 12  # tokens between a speech verb and its comma
FOLLOW_ON_SENTENCES = 99  # a Konjunktiv sentence this close to a quote continues it


def _konj_forms() -> frozenset[str]:
    return data_words("de_konjunktiv1.txt")


@lru_cache(maxsize=1)
def _konj_candidates() -> frozenset[str]:
    """Every word that may be a Konjunktiv form, prefixed forms included (a cheap pre-filter)."""
    base = _konj_forms() | DE_KONJ_IRREGULAR
    expanded = set(base) | DE_KONJ_II
    for prefix in DE_VERB_PREFIXES:
        expanded.update(prefix + form for form in base)
    return frozenset(expanded)


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


_PRONOUN_DETERMINERS = frozenset("der die das dies diese dieser dieses".split())


def is_konjunktiv(article: Article, i: int, s: int, *, with_ii: bool = False) -> bool:
    """A finite Konjunktiv I form (or II when asked) at token i of the sentence starting at s."""
    tok = article.toks[i]
    lower = tok.lower
    if tok.text != lower and i != s:
        return False  # "im Laufe", "die Sitze": nouns
    if with_ii and lower in DE_KONJ_II:
        return True
    if lower in DE_KONJ_IRREGULAR:
        # "doch auch das werde …", "die seien …": these determiners also stand alone as pronouns
        prev = article.toks[i - 1].lower if i > s else ""
        return i == s or prev not in DE_DETERMINERS or prev in _PRONOUN_DETERMINERS
    if not lower.endswith("e") or len(lower) < 4 or lower in DE_NOT_KONJ or tok.text != lower:
        return False
    if i > s and (
        article.toks[i - 1].lower in DE_DETERMINERS or article.toks[i - 1].lower in DE_PREPOSITIONS
    ):
        return False  # adjective: "die neue", "mit großer"
    forms = _konj_forms()
    if lower in forms:
        return True
    for prefix in DE_VERB_PREFIXES:
        if lower.startswith(prefix) and len(lower) - len(prefix) >= 4:
            rest = lower[len(prefix) :]
            if rest in forms or rest in DE_KONJ_IRREGULAR:
                return True
    return False


def _is_capital(tok: Tok) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha() and tok.lower not in DE_FUNCTION_WORDS


def _is_adjective(tok: Tok) -> bool:
    low = tok.text
    return (
        low.islower()
        and low.isalpha()
        and low.endswith(("e", "en", "er", "es", "em"))
        and low not in DE_PREPOSITIONS
        and low not in DE_DETERMINERS  # "des", "der", "einem" end like adjectives
    )


# lower-case words inside English names of institutions ("Council on Foreign Relations")
_NAME_CONNECTORS = frozenset("of on for and the".split())


def _name_connector(toks: list[Tok], j: int, end: int) -> bool:
    return (
        toks[j].text in _NAME_CONNECTORS
        and j + 1 < end
        and _is_capital(toks[j + 1])
        and toks[j - 1].text[:1].isupper()
    )


def np_forward(article: Article, i: int, end: int) -> int | None:
    """End of a noun phrase starting at token i (det adj* Noun+ [genitive | in Place]), or None."""
    toks = article.toks
    j = i
    while j < end and (toks[j].lower in DE_DETERMINERS or _is_adjective(toks[j])):
        j += 1
    head = j
    while j < end and (
        _is_capital(toks[j])
        or (j > head and (toks[j].text[:1].isdigit() or _name_connector(toks, j, end)))
        or (j == head and _AGE_NOUN.match(toks[j].lower))  # "der 52-Jährige"
    ):
        if (
            toks[j].text.endswith("-")
            and j + 2 < end
            and toks[j + 1].lower in ("und", "oder")
            and _is_capital(toks[j + 2])
        ):
            j += 2  # "Kongress- und Verteidigungskreise": one noun, its first half cut short
        j += 1
    if j == head:
        return None
    # genitive / "von" / "in Place" continuations, twice at most
    for step in range(2):
        if (
            j + 1 < end
            and toks[j].lower in ("von", "vom")
            and any(c.isdigit() for c in toks[j + 1].text)
            and toks[j + 1].text[0].isalpha()
        ):
            j += 2  # "nach Angaben von n24"
            continue
        if (
            j + 1 < end
            and toks[j].lower in _GENITIVE_LINKS
            # "einer Pressemitteilung des BMI der Verbesserung …": after an acronym's
            # genitive, a second "der" starts an object, not another genitive
            and not (step and toks[j - 1].text.isupper() and toks[j].lower != "von")
        ):
            k = j + 1
            while k < end and (toks[k].lower in DE_DETERMINERS or _is_adjective(toks[k])):
                k += 1
            m = k
            while m < end and (_is_capital(toks[m]) or (m > k and _name_connector(toks, m, end))):
                m += 1
            if m > k:
                j = m
                continue
        if (
            j + 1 < end
            and toks[j].lower == "für"
            and _is_institution(toks[j - 1].lower)
            and (_is_capital(toks[j + 1]) or toks[j + 1].lower in DE_DETERMINERS)
        ):
            # "des Bundesamts für Verfassungsschutz", "das Institut für Weltwirtschaft"
            k = j + 1
            while k < end and (toks[k].lower in DE_DETERMINERS or _is_adjective(toks[k])):
                k += 1
            m = k
            while m < end and (_is_capital(toks[m]) or (m > k and _name_connector(toks, m, end))):
                m += 1
            if m > k:
                j = m
                continue
        if (
            j + 1 < end
            and toks[j].lower in ("in", "aus")
            and _is_capital(toks[j + 1])
            and ((j + 1) in article.country_toks or toks[j - 1].lower.endswith(DE_INSTITUTION_SUFFIXES))
        ):
            j += 2
            continue
        break
    return j


def _is_institution(lower: str) -> bool:
    """An institution noun, also in the genitive ("Bundesamts", "Ministeriums")."""
    return lower.endswith(DE_INSTITUTION_SUFFIXES) or (
        lower.endswith("s") and lower.rstrip("s").rstrip("e").endswith(DE_INSTITUTION_SUFFIXES)
    )


def speaker_from_np(article: Article, first: int, end: int) -> Speaker | None:
    """The speaker a noun phrase (or pronoun) stands for: a person's full name if possible."""
    toks = article.toks
    for i in range(first, end):
        mention = article.person_at.get(i)
        if mention is not None:
            return Speaker(mention.key, mention.start, mention.end, "PERSON")
    if end - first == 1 and toks[first].lower in ("er", "sie", "ihm", "ihr"):  # "Ihm zufolge"
        mention = _pronoun_referent(article, first)
        if mention is not None:
            return Speaker(mention.key, toks[first].start, toks[first].end, "PERSON")
        return None
    # "ein Regierungssprecher", "ihr Sprecher": someone not named, never the person the
    # article introduced with that role
    unnamed = toks[first].lower in _UNNAMED_DETS
    while first < end and (toks[first].lower in DE_DETERMINERS or toks[first].lower in ("ein", "eine")):
        first += 1
    if first >= end:
        return None
    words = [t.lower for t in toks[first:end] if not _is_adjective(t)]
    if len(words) == 1 and not unnamed:
        pos = toks[first].start
        key = None
        for role in dict.fromkeys((words[0], ROLE_SYNONYMS.get(words[0], words[0]))):
            key = article.person_for_role(role, pos) or next(
                (
                    article.person_for_role(r, pos)
                    for r in article.role_mentions
                    if r.endswith(role) and is_role_word(role)
                ),
                None,
            )
            if key:
                break
        if key is not None and _named_later(article, key, pos):
            # "Der chinesische Außenminister fügte hinzu" before "Polens Außenminister X" is
            # introduced: someone else, not the person named later with that role
            key = None
        if (
            key is None
            and first > 0
            and (_AGE_NOUN.match(words[0]) or _epithet(words[0]) or _demonym(article, first))
        ):
            # "sagte die 52-Jährige", "sagte der SPD-Politiker": the last person named just
            # before, of the gender the article shows
            mention = _age_referent(article, first)
            key = mention.key if mention is not None else None
        if key:
            return Speaker(key, toks[first].start, toks[end - 1].end, "PERSON")
    if len(words) == 1 and not unnamed and words[0] in _CENTRAL_BANK_NOUNS:
        named = _central_bank_before(article, first)
        if named is not None:
            return named
    label = "COUNTRY" if all(i in article.country_toks for i in range(first, end)) else "ORG"
    if end - first == 1 and label == "ORG" and toks[first].lower in DE_INSTITUTION_SUFFIXES:
        named = _named_institution(article, first)
        if named is not None:
            return named
    start, stop = toks[first].start, toks[end - 1].end
    return Speaker(article.text[start:stop], start, stop, label)


def _named_later(article: Article, key: str, pos: int) -> bool:
    """The person `key` is first mentioned after character `pos`."""
    return all(m.start > pos for m in article.persons if m.key == key)


_CENTRAL_BANK_NOUNS = frozenset(("notenbank", "zentralbank"))
_CENTRAL_BANKS = frozenset(("Bundesbank", "EZB", "Fed", "Nationalbank"))


def _central_bank_before(article: Article, i: int) -> Speaker | None:
    """ "schrieb die Notenbank" after "die Bundesbank": the central bank named last before."""
    toks = article.toks
    for k in range(i - 1, max(-1, i - 300), -1):
        if toks[k].text in _CENTRAL_BANKS:
            return Speaker(toks[k].text, toks[k].start, toks[k].end, "ORG")
    return None


_AGE_NOUN = re.compile(r"^\d+-jährige[rn]?$")
_AGE_REACH = 1  # sentences of the writer's between a person and "der 52-Jährige" meaning them


# nouns that describe a person rather than an office: they point back to someone introduced
# with another role ("der SPD-Politiker" after "Gesundheitsminister X"); an office ("der
# Staatsanwalt", "der Präsident") is as often someone new and unnamed
_EPITHETS = (
    "politiker",
    "politikerin",
    "torhüter",
    "torhüterin",
    "stürmer",
    "stürmerin",
    "kapitän",
    "kapitänin",
    "ökonom",
    "ökonomin",
    "wissenschaftler",
    "wissenschaftlerin",
    "forscher",
    "forscherin",
    "unternehmer",
    "unternehmerin",
    # professions an article uses to refer back to the expert it named: "die Epidemiologin",
    # "der Virologe", "der Sportmediziner", "die Juristin", "der Finanzexperte"
    "loge",
    "login",
    "mediziner",
    "medizinerin",
    "jurist",
    "juristin",
    "experte",
    "expertin",
)


def _epithet(lower: str) -> bool:
    # "der CSU-Chef", "die SPD-Fraktionschefin": a party role points back like an epithet
    return lower.endswith(_EPITHETS) or ("-" in lower and is_role_word(lower.rsplit("-", 1)[1]))


# regional origins sports and local news use for the person just named ("sagte der Schwabe")
_REGION_DEMONYMS = frozenset(
    """schwabe schwäbin bayer bayerin sachse sächsin franke fränkin hesse hessin westfale westfälin
    rheinländer rheinländerin pfälzer pfälzerin saarländer saarländerin thüringer thüringerin
    ostfriese ostfriesin badener badenerin brandenburger brandenburgerin berliner berlinerin
    hamburger hamburgerin münchner münchnerin kölner kölnerin wiener wienerin tiroler tirolerin
    kärntner kärntnerin steirer steirerin""".split()
)


def _demonym(article: Article, i: int) -> bool:
    """ "sagte der Schwabe", "der Franzose", "die Polin": a demonym noun with its article
    stands for the person named just before ("die Ukraine", "der Iran" are countries)."""
    toks = article.toks
    det = toks[i - 1].lower
    lower = toks[i].lower
    if det not in ("der", "die") or not _is_capital(toks[i]):
        return False
    if lower in _REGION_DEMONYMS:
        return True
    if i not in article.country_toks:
        return False
    return (det == "der" and lower.endswith(("er", "e"))) or (det == "die" and lower.endswith("in"))


def _age_referent(article: Article, i: int) -> Mention | None:
    """The person "der 52-Jährige" / "die 41-Jährige" (or another epithet) at token i stands for."""
    toks = article.toks
    want = {"die": "f", "der": "m"}.get(toks[i - 1].lower)
    mention = article.last_person_before(toks[i].start)
    if mention is not None and want is not None and _gender(article, mention.key) not in (None, want):
        mention = next(
            (
                m
                for m in reversed(article.persons)
                if m.start < toks[i].start and _gender(article, m.key) == want
            ),
            None,
        )
    if mention is None:
        return None
    # only a person named just before (quoted sentences aside): in "Dem Niederländer wurde …
    # vorgeworfen. Der 39-Jährige gab an" the age stands for someone unnamed
    between = {toks[k].sent for k in range(mention.last_tok + 1, i)} - {
        toks[mention.last_tok].sent,
        toks[i].sent,
    }
    quoted = {toks[k].sent for k in range(mention.last_tok + 1, i) if toks[k].text in _MARKS}
    return mention if len(between - quoted) <= _AGE_REACH else None


_UNNAMED_DETS = frozenset(
    "ein eine einer einen einem eines sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren".split()
)


def _pronoun_referent(article: Article, i: int) -> Mention | None:
    """The person "er" / "sie" at token i means ("traf den Präsidenten Jan Hahn. Sie sagte …")."""
    tok = article.toks[i]
    want = "f" if tok.lower in ("sie", "ihr") else "m"
    return article.pronoun_referent(tok.start, want, lambda key: _gender(article, key))


def _gender(article: Article, key: str) -> str | None:
    """'f' or 'm' when a role noun before a mention of the person shows it
    ("Außenministerin", "den Präsidenten", "Frau") or the first name shows it, else None."""
    toks = article.toks
    for m in article.persons:
        if m.key != key or m.first_tok == 0:
            continue
        word = toks[m.first_tok - 1].lower
        if word == "frau" or (word.endswith("in") and is_role_word(word)):
            return "f"
        if word.endswith("e") and is_role_word(word):
            # "die Abgeordnete", "der Vorsitzende": the article shows the gender
            det = toks[m.first_tok - 2].lower if m.first_tok > 1 else ""
            gender = {"die": "f", "eine": "f", "der": "m", "ein": "m"}.get(det)
            if gender:
                return gender
            continue
        if (
            word in ("herr", "herrn")
            or is_role_word(word)
            or (word.endswith("en") and is_role_word(word[:-2]))
        ):
            return "m"
    return first_name_gender(key)


def _named_institution(article: Article, i: int) -> Speaker | None:
    """ "hieß es aus dem Ministerium" after "Das Verteidigungsministerium in Berlin …": a
    bare institution noun means the last institution named with it as its last part."""
    toks = article.toks
    word = toks[i].lower
    for k in range(i - 1, max(-1, i - 400), -1):
        low = toks[k].lower
        if low.endswith(word) and len(low) > len(word) + 2 and toks[k].text[:1].isupper():
            first = k
            while first - 1 >= 0 and _is_adjective(toks[first - 1]) and toks[first - 1].sent == toks[k].sent:
                first -= 1
            stop = np_forward(article, k, len(toks)) or k + 1
            while stop - 1 > k and toks[stop - 1].sent != toks[k].sent:
                stop -= 1
            start, end = toks[first].start, toks[stop - 1].end
            return Speaker(article.text[start:end], start, end, "ORG")
    return None


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


_TIME_NOUNS = frozenset(
    """montag dienstag mittwoch donnerstag freitag samstag sonntag woche wochenende jahr jahres tag
    tages monat monats abend morgen mittag nacht vormittag nachmittag januar februar märz april mai
    juni juli august september oktober november dezember""".split()
)


def _is_head(tok: Tok) -> bool:
    """A noun or name that can head a speaker phrase ("Polizei", "39-Jährige", "BGH")."""
    text = tok.text
    if tok.lower in DE_FUNCTION_WORDS or tok.lower in DE_DETERMINERS or tok.lower in _TIME_NOUNS:
        return False
    first_alpha = next((c for c in text if c.isalpha()), "")
    return bool(first_alpha) and first_alpha.isupper() and (text[0].isalpha() or "-" in text)


def _np_backward(article: Article, k: int, s: int) -> int:
    """Start of the noun phrase that ends at token k (det adj* Noun+)."""
    toks = article.toks
    while k - 1 >= s and (
        _is_head(toks[k - 1])
        or toks[k - 1].lower in _NAME_LINKS
        or (toks[k - 1].text in _NAME_CONNECTORS and k - 2 >= s and _is_head(toks[k - 2]))
    ):
        k -= 1
    m = k
    while m - 1 >= s and _is_adjective(toks[m - 1]):
        m -= 1
    # adjectives belong to the phrase only behind an article ("die chinesische Regierung"),
    # not "hatte" or "betonte" that merely end like one
    if m - 1 >= s and toks[m - 1].lower in DE_DETERMINERS:
        m -= 1
    else:
        m = k
    # "Ein Reporter des Fernsehsenders": a genitive hangs on the noun before it
    if toks[m].lower in _GENITIVE_DETS and m - 1 >= s and _is_head(toks[m - 1]):
        return _np_backward(article, m - 1, s)
    return m


_ADVERB_ENDINGS = ("lich", "weise", "mals", "falls", "dings")
_NAME_LINKS = frozenset("von van der de".split())
_OBJECT_DETS = frozenset("dem den einem einen diesem diesen".split())
_GENITIVE_DETS = frozenset("des der eines einer".split())
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


def _sentence_end(article: Article, i: int, limit: int) -> int:
    toks = article.toks
    sent = toks[i].sent
    k = i
    while k < limit and toks[k].sent == sent:
        k += 1
    return k


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


def _segment_end(article: Article, a: int, e: int) -> int:
    """End of the comma segment that starts at token a."""
    toks = article.toks
    for k in range(a, e):
        if toks[k].text in _CLAUSE_BREAK or toks[k].text in _PUNCT_END:
            return k
    return e


def _unnamed_claim(article: Article, s: int, e: int) -> bool:
    """ "Berichten zufolge", "Medienberichten zufolge", "nach Informationen aus
    Regierungskreisen": the sentence passes on a claim nobody is named for."""
    toks = article.toks
    for k in range(s, e):
        low = toks[k].lower
        if low == "zufolge" and k > s and toks[k - 1].text in DE_UNNAMED_SOURCES:
            return True
        if low in ("laut", "nach", "gemäß") and k + 1 < e:
            m = k + 1
            while m < e and _is_adjective(toks[m]):
                m += 1
            if m + 1 < e and toks[m].text in DE_UNNAMED_SOURCES:
                nxt = toks[m + 1]
                named = nxt.lower in _GENITIVE_LINKS or nxt.lower in DE_DETERMINERS or _is_capital(nxt)
                if not named:
                    return True
    return False


def _continues_claim(article: Article, s: int, e: int, masked: list[bool]) -> bool:
    """A sentence without a cue that would go on reporting (Konjunktiv, "soll")."""
    toks = article.toks
    konj = _konj_candidates()
    return any(
        not masked[i]
        and (
            toks[i].lower in _MODAL_REPORT
            or (toks[i].lower in konj and is_konjunktiv(article, i, s, with_ii=True))
        )
        for i in range(s, e)
    )


def _unnamed(article: Article, first: int, end: int) -> bool:
    """A source phrase without a named source: "Berichten", "ersten Angaben"."""
    toks = article.toks
    caps = [t for t in toks[first:end] if _is_capital(t)]
    return not caps or all(t.text in DE_UNNAMED_SOURCES for t in caps)


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


def _can_speak(speaker: Speaker) -> bool:
    """A person, a country or an institution ("Ministerium", "SPD"), not "die Entscheidung"."""
    if speaker.label != "ORG":
        return True
    head = speaker.name.split()[-1]
    return _is_institution(head.lower()) or (head.isupper() and len(head) > 1)


# "Die Stellenkürzungen sollen vor allem die Verwaltung treffen": right after a quote, the
# modal keeps reporting what the source announced
_MODAL_REPORT = frozenset("soll sollen".split())
_MUST_KONJ_II = frozenset("müsste müssten".split())
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


def _deadline(article: Article, s: int, e: int) -> bool:
    """ "Bis 2027 sollen … stationiert sein": a plan with a date is the writer's fact."""
    toks = article.toks
    return any(
        (toks[k].lower in ("bis", "ab") and toks[k + 1].text[:1].isdigit())
        # "Die Beratungen sollen am Freitagvormittag fortgesetzt werden": a date in the schedule
        or (toks[k].lower in ("am", "ab", "bis") and toks[k + 1].lower.startswith(_WEEKDAYS))
        for k in range(s, e - 1)
    )


_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")


_DENIAL_VERBS = frozenset("bestritt bestreitet bestritten dementierte dementiert dementierten".split())
_REJECT_VERBS = frozenset("wies weist wiesen".split())


def _denial(article: Article, s: int, e: int) -> bool:
    toks = article.toks
    words = {t.lower for t in toks[s:e]}
    return bool(words & _DENIAL_VERBS) or (bool(words & _REJECT_VERBS) and "zurück" in words)


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


_AUX = frozenset("hatte hat hatten haben habe".split())
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


_ACCUSE = frozenset(("warf", "warfen", "wirft"))
# "warnte, … zu vernachlässigen", "mahnten, … nicht zu gefährden": an infinitive after a
# warning names what is warned against, not a reported clause ("kündigte an, … zu schließen"
# stays: real news counts an announced plan as a report)
_INFINITIVE_FRAMES = frozenset("warnte warnten warnt gewarnt mahnte mahnten mahnt gemahnt".split())
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


_OPENING_MARKS = frozenset('„»"')
_CLOSING_MARKS = frozenset('“«"”')


def _quoted_title(article: Article, i: int, e: int) -> tuple[Speaker, int] | None:
    """ "„Bild“", "»Tagesspiegels«" at token i: a name of one to four capitalised words in
    quotation marks, as speaker (without the marks) and the token after the closing mark."""
    toks = article.toks
    if toks[i].text not in _OPENING_MARKS:
        return None
    for m in range(i + 2, min(e, i + 6)):
        if toks[m].text in _CLOSING_MARKS:
            if not all(_is_capital(t) or t.text == "-" for t in toks[i + 1 : m]):
                return None
            start, end = toks[i + 1].start, toks[m - 1].end
            return Speaker(article.text[start:end], start, end, "ORG"), m + 1
    return None


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


_POSSESSIVES = frozenset("seinen ihren".split())


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


def _own_source(article: Article, s: int, e: int, j: int) -> Speaker | None:
    """The subject a sentence with "eigenen Angaben zufolge" reports about."""
    toks = article.toks
    stop = np_forward(article, s, j)
    if stop is not None and toks[s].lower not in DE_PREPOSITIONS:
        return speaker_from_np(article, s, stop)
    return _subject_after(article, s, e)


def _reportative(article: Article, s: int, e: int, masked: list[bool]) -> bool:
    toks = article.toks
    b = e
    while b > s and toks[b - 1].text in _PUNCT_END:
        b -= 1
    if b - s < 4 or toks[b - 1].lower not in ("sein", "haben") or any(masked[s:b]):
        return False
    # "soll … verletzt worden sein", "soll … gekommen sein", "soll … gezündet haben" report a
    # claim; "sollen bis 2027 … stationiert sein" states a plan
    participle = toks[b - 2]
    if toks[b - 1].lower == "sein" and not (
        participle.lower == "worden" or (participle.text.islower() and participle.lower.endswith("en"))
    ):
        return False
    return any(toks[i].lower in ("soll", "sollen") for i in range(s, b - 2))


def _sentence_cues(article: Article, s: int, e: int, masked: list[bool]) -> list[Candidate]:
    toks = article.toks
    out: list[Candidate] = []
    for j in range(s, e):
        if masked[j]:
            continue
        tok = toks[j]
        lower = tok.lower
        # Laut X … / gemäß X …
        if lower in ("laut", "gemäß") and j + 1 < e:
            first = j + 2 if toks[j + 1].text in '„“"»«' and j + 2 < e else j + 1
            stop = np_forward(article, first, e)
            if stop is not None and stop < e and toks[stop].text in '“”"«»':
                stop += 1
            if stop is None or _unnamed(article, j + 1, stop):
                continue
            speaker = speaker_from_np(article, j + 1, stop)
            quoted = _quoted_title(article, j + 1, e)
            if quoted is not None and quoted[1] == stop:
                speaker = quoted[0]  # "Laut „Spiegel“": the title without its marks
            apposed = _apposed_person(article, stop, e)
            if apposed is not None:
                # "Laut dem Bürgermeister von Charkiw, Ihor Terechow, wurden …"
                speaker, stop = apposed
            span = _clause_span(article, stop if j == s else s, e, masked)
            if span:
                out.append(Candidate(span[0], span[1], False, tok.text, speaker))
                return out
        # "eigenen Angaben zufolge" / "nach eigener Aussage": the subject is its own source
        if lower in ("eigenen", "eigener") and j + 1 < e and toks[j + 1].text in _SOURCE_NOUNS | {"Aussage"}:
            after = j + 2 + (j + 2 < e and toks[j + 2].lower == "zufolge")
            opens = j == s or (j == s + 1 and toks[s].lower == "nach")
            speaker = _subject_after(article, after, e) if opens else _own_source(article, s, e, j)
            if opens and (speaker is None or speaker.label != "PERSON") and toks[s].sent > 0:
                # "Eigenen Angaben zufolge stieg der Umsatz": the one of the sentence before
                speaker = _previous_subject(article, toks[s].sent - 1) or speaker
            # "Nach eigenen Worten will X …" / "Eigenen Angaben zufolge ist X …": the source
            # phrase opens the sentence, the report is the rest
            span = _clause_span(article, after if opens else s, e, masked)
            if span:
                out.append(Candidate(span[0], span[1], False, f"{tok.text} {toks[j + 1].text}", speaker))
                return out
        # X zufolge …
        if lower == "zufolge" and j > s:
            # the source phrase right before "zufolge": det adj* Noun (genitive …)
            c = j - 1
            while c > s and (
                _is_capital(toks[c - 1])
                or toks[c - 1].lower in DE_DETERMINERS
                or _is_adjective(toks[c - 1])
                or toks[c - 1].lower in _GENITIVE_LINKS
            ):
                c -= 1
            while c < j and toks[c].lower in _GENITIVE_LINKS:
                c += 1
            if c >= j or _unnamed(article, c, j):
                continue
            speaker = speaker_from_np(article, c, j)
            span = _clause_span(article, _skip_relative(article, j + 1, e) if c == s else s, e, masked)
            if span:
                out.append(Candidate(span[0], span[1], False, tok.text, speaker))
                return out
        # "Nach ihren Angaben …" / "Seinen Angaben zufolge …": the source is the subject of
        # the sentence before
        if (
            lower in _POSSESSIVES
            and j + 1 < e
            and toks[j + 1].text in _SOURCE_NOUNS
            and ((j > s and toks[j - 1].lower == "nach") or (j + 2 < e and toks[j + 2].lower == "zufolge"))
            and toks[s].sent > 0
        ):
            speaker = _previous_subject(article, toks[s].sent - 1)
            after = j + 3 if j + 2 < e and toks[j + 2].lower == "zufolge" else j + 2
            span = _clause_span(article, after if j - (toks[j - 1].lower == "nach") == s else s, e, masked)
            if span:
                cue = f"{tok.text} {toks[j + 1].text}"
                out.append(Candidate(span[0], span[1], False, cue, speaker, inherit=speaker is None))
                return out
        # nach Polizeiangaben / nach israelischen Armeeangaben / nach Celebis Angaben
        if lower == "nach" and j + 1 < e:
            k = j + 1
            while k < e and k < j + 4 and not toks[k].text.endswith(("angaben", "Angaben")):
                k += 1
            if (
                k < e
                and toks[k].text.endswith(("angaben", "Angaben"))
                and (toks[k].text != "Angaben" or toks[k - 1].text.endswith("s"))
                and all(_is_adjective(t) or _is_capital(t) for t in toks[j + 1 : k])
            ):
                if toks[k].text == "Angaben":
                    speaker = speaker_from_np(article, j + 1, k)
                else:
                    speaker = Speaker(toks[k].text, toks[k].start, toks[k].end, "ORG")
                span = _clause_span(article, k + 1 if j == s else s, e, masked)
                if span:
                    out.append(Candidate(span[0], span[1], False, "nach Angaben", speaker))
                    return out
        # Nach Angaben von X / nach Informationen des X
        if lower == "nach" and j + 2 < e:
            k = j + 1
            while k < e and (toks[k].lower in DE_DETERMINERS or _is_adjective(toks[k])):
                k += 1
            if k < e and toks[k].text in _SOURCE_NOUNS:
                quoted = _quoted_title(article, k + 2, e) if k + 2 < e else None
                if quoted is not None:
                    # "Nach Informationen der „Bild“": a paper's title in quotation marks
                    speaker, stop = quoted
                else:
                    stop = np_forward(article, j + 1, e)
                    if stop is None or stop <= k + 1:
                        continue
                    speaker = speaker_from_np(article, k + 1, stop)
                if toks[k + 1].lower not in _GENITIVE_LINKS and toks[k + 1].lower not in DE_DETERMINERS:
                    continue
                span = _clause_span(article, stop if j == s else s, e, masked)
                if span:
                    out.append(Candidate(span[0], span[1], False, "nach Angaben", speaker))
                    return out
        # "…, wonach die Berufung politische Hintergründe besäße"
        if lower == "wonach" and j > s and toks[j - 1].text == ",":
            span = _clause_span(article, j + 1, e, masked)
            if span:
                out.append(Candidate(span[0], span[1], False, tok.text, _subject_before(article, s, j - 1)))
                return out
        # Demnach …
        if lower == "demnach":
            span = _clause_span(article, j + 1 if j == s else s, e, masked)
            if span:
                out.append(Candidate(span[0], span[1], False, tok.text, None, inherit=True))
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


# Konjunktiv II of modals: after a speech verb they report ("müssten … eingehen"); in a
# sentence of their own they are as often the writer's guess ("dürfte steigen")
_MODAL_KONJ_II = frozenset("müsste müssten könnte könnten dürfte dürften".split())


_KONJ_AUX = frozenset("habe sei seien hätte hätten".split())


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
