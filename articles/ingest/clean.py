"""Boilerplate removal and whitespace normalisation, shared by every format.

Scrapers leave share bars, cookie banners, "Leave a Reply", `source-127` and signature lines
("Lesen Sie mehr mit Euractiv") around the article. They are removed line by line, and only
when the *whole* line is such a leftover: a real paragraph that happens to mention cookies,
newsletters or Facebook stays. Lines that are unambiguous (a share bar, `source-NN`) go
wherever they are; lines that could conceivably be prose (a cookie notice, a "Related
articles" heading) go only at the top or bottom edge of the text, where scrapers put them.

Whitespace policy, applied once: CRLF/CR become LF; every paragraph is one line; paragraphs
are separated by exactly one blank line; runs of spaces and tabs become one space; no leading
or trailing spaces. No-break spaces (U+00A0, U+202F) inside a line are kept, because French
typography puts them inside « » and before `:`; soft hyphens and zero-width characters,
which only break words for search and matching, are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agencies import AGENCY_CREDIT

_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Ordinary spaces, tabs and the typographic spaces that carry no meaning; not U+00A0/U+202F.
_SPACES = re.compile(r"[ \t\u2000-\u200a\u3000]+")
_EDGE_SPACES = " \t\u00a0\u202f"


def normalise_newlines(text: str) -> str:
    """LF line ends, no BOM / zero-width / soft-hyphen / control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\f", "\n\n").replace("\v", "\n")
    return _CONTROL.sub("", _INVISIBLE.sub("", text))


def normalise_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip(_EDGE_SPACES)


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per non-empty line: scraped text puts each paragraph on its own line."""
    lines = (normalise_line(line) for line in normalise_newlines(text).split("\n"))
    return [line for line in lines if line]


_SENTENCE_END = re.compile(r"[.!?:;“”\"»«)\]…]$")


def reflow_paragraphs(text: str, *, blank_lines_separate: bool = False) -> list[str]:
    """Paragraphs from hard-wrapped text (PDF pages): join wrapped lines, keep real breaks.

    A blank line always ends a paragraph; with `blank_lines_separate` (the text shows its
    paragraph gaps) nothing else does. Otherwise a line also ends one when it ends a
    sentence and is clearly shorter than the column width. A word hyphenated across the
    break is joined without its hyphen when the next part starts in lower case.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", normalise_newlines(text)):
        lines = [normalise_line(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        width = max(len(line) for line in lines)
        current = lines[0]
        for previous, line in zip(lines, lines[1:], strict=False):
            ends_paragraph = (
                not blank_lines_separate and _SENTENCE_END.search(previous) and len(previous) < 0.8 * width
            )
            if ends_paragraph:
                paragraphs.append(current)
                current = line
            elif current.endswith("-") and line[:1].islower() and current[-2:-1].isalpha():
                current = current[:-1] + line
            else:
                current = f"{current} {line}"
        paragraphs.append(current)
    return paragraphs


# --- leftovers -------------------------------------------------------------------------------

_SOCIAL = set(
    "facebook x twitter whatsapp e-mail email mail linkedin telegram xing reddit pinterest threads "
    "bluesky mastodon flipboard pocket messenger instagram tiktok youtube print drucken imprimer "
    "copy link kopieren copier le lien sms".split()
)
_SHARE_WORDS = set(
    "share this the article story post page on via teilen sie diesen artikel beitrag den partager "
    "cet sur l'article l’article folgen follow us uns suivez-nous nous auf per versenden senden send "
    "tweet teilen: share: partager: artikel: drucken: envoyer par by".split()
)
_SHARE_VERBS = {"share", "teilen", "partager", "folgen", "follow", "suivez-nous"}
_SHARE_SPLIT = re.compile(r"[\s|·•,/:;!]+")

# One button label per |-separated field.
_BUTTONS = set(
    "[ok]|ok|okay|accept|accept all|accept cookies|reject all|decline|manage settings|"
    "manage preferences|settings|cookie settings|alle akzeptieren|akzeptieren|alle ablehnen|ablehnen|"
    "einstellungen|cookie-einstellungen|zustimmen|einverstanden|tout accepter|accepter|tout refuser|"
    "refuser|paramétrer|personnaliser|j'accepte|j’accepte".split("|")
)

_STRONG = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"source-\d+",
        r"(leave a (reply|comment)|post a comment|laisser un commentaire|laissez un commentaire"
        r"|(einen )?kommentar (schreiben|hinterlassen|verfassen)|schreibe einen kommentar"
        r"|hinterlasse einen kommentar|add a comment|comments? \(\d+\)|kommentare? \(\d+\))\s*[:.!]?",
        r"(lesen sie mehr|mehr lesen|weiterlesen|read more|lire plus|lire la suite|en savoir plus)"
        r"\s+(mit|bei|auf|with|at|on|avec|sur)\s+\S.{0,60}",
        r"(advertisement|anzeige|werbung|publicité|sponsored( content)?|read more|weiterlesen"
        r"|mehr lesen|lire la suite|back to top|nach oben|zum seitenanfang|haut de page)\s*[:.]?",
        r"(mehr zum thema|mehr zu diesem thema|zum thema|themen|schlagwörter|schlagworte|tags?"
        r"|topics?|more on this( topic| story)?|related( articles| stories| topics)?|lesen sie auch"
        r"|auch interessant|read also|see also|lire aussi|à lire aussi|sur le même sujet|mots-clés)"
        r"\s*:.{0,200}",
        r"(©|\(c\)|copyright\s*(©|\(c\)|\d{4}|by\b)).{0,150}",
        r".{0,80}©.{0,80}",
        # "AP. All rights reserved." but not "sie habe sich alle Rechte vorbehalten"
        r"(.{0,100}[.,|·]\s*)?(all rights reserved|alle rechte vorbehalten|tous droits réservés)\.?",
        r"(our standards:.{0,120}|.{0,80}trust principles.{0,80})",
        r"(foto|fotos|bild|bilder|photo|photos|image|crédit photo|credits?|quelle|source|source photo)"
        r"\s*:\s*.{1,100}",
        # the address the scraper saved ("https://…", "URL: https://…"); kept as metadata
        r"((url|link|quelle|source|original)\s*:\s*)?(https?://|www\.)\S+",
        # WordPress comment forms under scraped posts
        r"(leave a reply\s*)?cancel reply|antworten abbrechen|annuler la réponse|post comment|submit comment"
        r"|kommentar (abschicken|absenden)|publier le commentaire",
        r"(your email address will not be published|ihre e-mail-adresse wird nicht veröffentlicht"
        r"|votre adresse (e-mail|de messagerie) ne sera pas publiée|required fields are marked"
        r"|erforderliche felder sind (mit )?\S* markiert|les champs obligatoires sont indiqués"
        r"|save my name, email).{0,200}",
        r"(jetzt )?(abonnieren|subscribe( now)?|s'abonner|s’abonner|abonnez-vous)\s*!?",
        # "Dieser Artikel erschien zuerst bei Euractiv", "This article first appeared on Euractiv"
        r"(dieser artikel|der artikel|der beitrag|dieser beitrag|this article|this story|the article"
        r"|cet article)\s.{0,40}(erschien|erschienen|veröffentlicht|published|appeared|publié|paru)\s.{0,80}",
        # Reuters' footer "(Reporting by A in Moscow; Editing by B)"
        r"\(?(reporting|writing|additional reporting) by .{1,250}(editing|edited) by .{1,120}",
        # player and gallery buttons: "Bild vergrößern", "Video abspielen", "Audio herunterladen (3:12 Min.)"
        r"(bild|foto|grafik) vergrößern|(enlarge|agrandir) (the |l['’])?(image|photo|la photo)"
        r"|open (image|photo) in gallery|click to (expand|enlarge)|(zur|zurück zur) startseite"
        r"|back to (the )?homepage"
        r"|retour à l['’]accueil|(video|audio|podcast) (abspielen|anhören|ansehen|herunterladen|starten)"
        r"|(play|watch|listen to) (the |this )?(video|audio|article|story|podcast)|listen to this article"
        r"|(voir|regarder|écouter) (la vidéo|cet article|l['’]audio|le podcast)|artikel (anhören|vorlesen)"
        r"|(embedded|eingebettete[rs]?) (tweet|video|inhalt|content)|(externer|external) (inhalt|content)"
        r"|\d{1,2}\s*(fotos|bilder|photos|images)|bildergalerie|photo gallery|galerie photos"
        r"|(video|audio|podcast|galerie|gallery)\s*\(?\d{1,2}:\d{2}(\s*min\.?)?\)?"
        r"|(audio|video) herunterladen\s*\(\d{1,2}:\d{2}\s*min\.?\)",
        # a photo caption closed by its credit: "Peskow in Moskau. Foto: A. Zemlianichenko/AP/dpa"
        r".{0,250}[.)]\s*\(?(foto|fotos|bild|photo|image|crédit photo|credit|photo credit)"
        r"\s*:\s*[^.:]{1,80}\)?",
        # an embedded post: "… pic.twitter.com/AbC123", "— Dmitry Peskov (@peskov) March 5, 2024"
        r".{0,300}\bpic\.twitter\.com/\S+",
        r"[—–-]\s*.{1,60}\(@\w{1,30}\)\s*.{0,40}",
        r"((lesezeit|lesedauer|reading time|temps de lecture)\s*:?\s*)?(ca\.\s*)?\d{1,2}\s*"
        r"(min\.?|minuten?|minutes?|mins?)(\s*(read|lesezeit|de lecture))?",
    )
]
_NEWSLETTER = re.compile(r"newsletter", re.IGNORECASE)
_NEWSLETTER_ACTION = re.compile(
    r"abonn|subscribe|sign ?up|anmelden|melden sie sich|bestellen|registrier|inscri|recevez|erhalten"
    r"|get (our|the)",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"cookie", re.IGNORECASE)
_CONSENT = re.compile(
    r"akzeptier|zustimm|stimmen sie|einverstanden|einwillig|datenschutz|accept|agree|consent|privacy"
    r"|personalis|accepter|acceptez|consentement|confidentialité|\[ok\]",
    re.IGNORECASE,
)
# Buttons written into the cookie line itself ("... Alle akzeptieren | Einstellungen") make it
# certain that the line is a banner and not a sentence about cookie law.
_BUTTON_MARK = re.compile(r"\[ok\]|\|\s*\w|accept all|alle akzeptieren|tout accepter", re.IGNORECASE)
# Headings that open a trailing list of links (Wikinews "Themenverwandte Artikel", "Quellen").
_TRAILING_HEADING = re.compile(
    r"(themenverwandte?r? artikel|verwandte artikel|ähnliche artikel|weitere artikel( zum thema)?"
    r"|mehr zum thema"
    r"|related (articles|stories|coverage|content|topics)|more (stories|from)( \w+)?|you may also like"
    r"|fußnoten|footnotes|quellen|sources|weblinks|external links|sur le même sujet|à lire aussi"
    r"|articles? (liés|connexes)|bildergalerie.{0,60}|photo gallery|kommentare|comments)\s*:?",
    re.IGNORECASE,
)
_SHORT_LINE = 160
_MAX_HEADLINE = 150

URL_LINE = re.compile(r"(?:(?:url|link|quelle|source|original)\s*:\s*)?(?P<url>(?:https?://|www\.)\S+)", re.I)

SIGNATURE = re.compile(
    r"(?:(?:lesen sie mehr|mehr lesen|read more|lire plus|lire la suite|en savoir plus)"
    r"\s+(?:mit|bei|auf|with|at|on|avec|sur)"
    r"|(?:dieser artikel|der artikel|der beitrag|dieser beitrag|this article|this story|the article"
    r"|cet article)\s.{0,40}(?:erschien|erschienen|veröffentlicht|published|appeared|publié|paru)"
    r"(?:\s+zuerst|\s+first|\s+originally|\s+initialement|\s+d'abord|\s+d’abord)?"
    r"\s+(?:bei|auf|in|im|on|in|at|by|sur|dans|par))"
    r"\s+(?P<name>\S.{0,60}?)\s*[.!:]?$",
    re.IGNORECASE,
)


def _is_share_bar(line: str) -> bool:
    tokens = [t for t in _SHARE_SPLIT.split(line.casefold()) if t]
    if not tokens or len(tokens) > 16:
        return False
    return all(t in _SOCIAL or t in _SHARE_WORDS for t in tokens) and any(
        t in _SOCIAL or t in _SHARE_VERBS for t in tokens
    )


def _is_button_row(line: str) -> bool:
    parts = [p.strip().casefold() for p in re.split(r"\s*[|·•]\s*|\s{2,}", line) if p.strip()]
    return bool(parts) and all(p in _BUTTONS for p in parts)


def is_strong_leftover(line: str) -> bool:
    """A whole line that is never article prose, wherever it stands."""
    if len(line) > 400:
        return False
    if _is_share_bar(line) or _is_button_row(line):
        return True
    if any(p.fullmatch(line) for p in _STRONG):
        return True
    if len(line) <= 120 and AGENCY_CREDIT.fullmatch(line):
        return True
    if len(line) <= 200 and _NEWSLETTER.search(line) and _NEWSLETTER_ACTION.search(line):
        return True
    return bool(_COOKIE.search(line) and _CONSENT.search(line) and _BUTTON_MARK.search(line))


# Site navigation that scrapers keep under the story: legal links, "most read" boxes,
# "Mehr Nachrichten aus Asien". A story may say such words, so only whole lines at the edge go.
_FOOTER_NAV = re.compile(
    r"(impressum|datenschutz(erklärung|hinweise)?|agb|kontakt|barrierefreiheit|privacy( policy| notice)?"
    r"|terms (of use|of service|and conditions)|cookie (policy|richtlinie)|mentions légales"
    r"|politique de confidentialité|conditions générales( d['’]utilisation)?|nous contacter|contact( us)?"
    r"|most (viewed|read|popular|shared)|meistgelesen(e artikel)?|meist gelesen|am meisten gelesen"
    r"|les plus lus|top stories|top-themen|topthemen|à la une"
    r"|was this (article|story) (helpful|useful)\s*\?|war dieser artikel hilfreich\s*\?"
    r"|cet article vous a(-t-il)? été utile\s*\?|réagir|kommentieren|comment|kommentar"
    r"|(mehr|weitere|alle) (nachrichten|news|meldungen|artikel|beiträge|videos)"
    r"( (aus|zu|zum|zur|über|von|im|in der|in) .{1,40})?"
    r"|more (news|stories|articles|videos)( (from|on|about|in) .{1,40})?"
    r"|plus d['’](actualités|articles|infos)( .{1,40})?|toute l['’]actualité( .{1,40})?)\s*[:.»>›]*",
    re.IGNORECASE,
)


# Site chrome above the story: skip links, menu labels, breadcrumbs ("Home > Politik > Ausland").
_TOP_NAV = re.compile(
    r"(skip to (the )?(main )?content|skip navigation|zum inhalt springen|direkt zum inhalt|zur navigation"
    r"|aller au contenu( principal)?|menu|menü|hauptmenü|navigation|search|suche|suchen|rechercher"
    r"|home|startseite|accueil|sign in|log ?in|anmelden|einloggen|se connecter|mon compte|my account)\s*",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"[^.!?]{1,40}(\s[>›»]\s[^.!?]{1,40}){1,6}")


def is_top_chrome(line: str) -> bool:
    """A line of the site's navigation that a scrape keeps above the headline."""
    return len(line) <= 120 and bool(_TOP_NAV.fullmatch(line) or _BREADCRUMB.fullmatch(line))


def is_edge_leftover(line: str) -> bool:
    """A line that is a leftover when it stands at the top or bottom edge of the text."""
    if is_strong_leftover(line):
        return True
    if len(line) <= 80 and _FOOTER_NAV.fullmatch(line):
        return True
    return len(line) <= 600 and bool(_COOKIE.search(line) and _CONSENT.search(line))


# "Lesen Sie auch:" alone on its line announces the headline of another story on the next one.
_TEASER_LABEL = re.compile(
    r"(lesen sie auch|auch interessant|mehr zum thema|zum thema|read also|see also|read more"
    r"|related|lire aussi|à lire aussi|sur le même sujet)\s*:",
    re.IGNORECASE,
)


def _is_teaser_headline(line: str) -> bool:
    return len(line) <= _MAX_HEADLINE and not _SENTENCE_END.search(line.rstrip())


@dataclass(slots=True)
class Cleaned:
    paragraphs: list[str]
    removed: list[str] = field(default_factory=list)


def remove_leftovers(paragraphs: list[str], *, keep_first: bool = False) -> Cleaned:
    """Drop scraper leftovers: strong ones anywhere, weaker ones and link lists at the edges.

    `keep_first` protects the first line (the headline of a scraped text) from the edge rules.
    """
    removed: list[str] = []
    kept: list[str] = []
    teaser_next = False
    for paragraph in paragraphs:
        if is_strong_leftover(paragraph) or (teaser_next and _is_teaser_headline(paragraph)):
            removed.append(paragraph)
            teaser_next = bool(_TEASER_LABEL.fullmatch(paragraph.strip()))
        else:
            kept.append(paragraph)
            teaser_next = False

    while kept and is_top_chrome(kept[0]):
        removed.append(kept.pop(0))
    # A cookie notice above the headline is longer than a headline, and longer than the line
    # after it; a headline that talks about cookies is followed by a longer paragraph.
    while (
        keep_first
        and len(kept) > 1
        and (len(kept[0]) > _MAX_HEADLINE or len(kept[1]) < len(kept[0]))
        and is_edge_leftover(kept[0])
    ):
        removed.append(kept.pop(0))
    start = 1 if keep_first and kept else 0
    while start < len(kept) and is_edge_leftover(kept[start]):
        removed.append(kept.pop(start))
    while len(kept) > start and is_edge_leftover(kept[-1]):
        removed.append(kept.pop())

    # A trailing "Related articles" / "Quellen" heading followed only by short link lines.
    for index in range(len(kept) - 1, max(start, len(kept) - 30) - 1, -1):
        if index <= start or index < len(kept) // 2:
            break
        line = kept[index]
        if len(line) > _SHORT_LINE:
            break
        if _TRAILING_HEADING.fullmatch(line):
            removed.extend(kept[index:])
            del kept[index:]
            break
    # what stood above that list ("Was this article helpful?") is now the edge
    while len(kept) > start and is_edge_leftover(kept[-1]):
        removed.append(kept.pop())
    return Cleaned(kept, removed)


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)
