"""Speakers and roles: the person, institution or country a phrase stands for."""

from __future__ import annotations

from ..article import Article, Mention
from ..lexicon import DE_DETERMINERS, DE_INSTITUTION_SUFFIXES, ROLE_SYNONYMS, first_name_gender
from ..persons import is_role_word
from ..quotes import Speaker
from .phrases import _AGE_NOUN, _is_institution, np_forward
from .tokens import _MARKS, _is_adjective, _is_capital


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


def _can_speak(speaker: Speaker) -> bool:
    """A person, a country or an institution ("Ministerium", "SPD"), not "die Entscheidung"."""
    if speaker.label != "ORG":
        return True
    head = speaker.name.split()[-1]
    return _is_institution(head.lower()) or (head.isupper() and len(head) > 1)
