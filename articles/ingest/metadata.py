"""Metadata found in the text itself: date lines, datelines, sources, yearless dates.

Only a *standalone* date line near the top (or a labelled one such as "Published: …" /
"Publié le …") counts as the publication date: a date inside a sentence is usually the date
of an event, and dates further down are often those of related articles. A weekday with a
day and month but no year ("am Mittwoch (17. Januar)") or a dateline's month-day
("Jan 17 (Reuters)") gives an *inferred* date: the latest year, not after the upload day,
in which that day falls on that weekday.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .agencies import AGENCIES, AGENCY_ALTERNATION, AGENCY_CREDIT
from .base import KnownSource
from .clean import SIGNATURE

# --- months and weekdays in German, English and French -----------------------------------------

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("januar", "jänner", "january", "janvier", "jan", "janv", "jän"),
    2: ("februar", "february", "février", "fevrier", "feb", "febr", "fév", "févr", "fev"),
    3: ("märz", "maerz", "march", "mars", "mar", "mär", "mrz"),
    4: ("april", "avril", "apr", "avr"),
    5: ("mai", "may"),
    6: ("juni", "june", "juin", "jun"),
    7: ("juli", "july", "juillet", "jul", "juil"),
    8: ("august", "août", "aout", "aug"),
    9: ("september", "septembre", "sep", "sept"),
    10: ("oktober", "october", "octobre", "okt", "oct"),
    11: ("november", "novembre", "nov"),
    12: ("dezember", "december", "décembre", "decembre", "dez", "dec", "déc"),
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_WEEKDAY_NAMES: dict[int, tuple[str, ...]] = {
    0: ("montag", "monday", "lundi", "mon", "mo"),
    1: ("dienstag", "tuesday", "mardi", "tue", "tues", "di"),
    2: ("mittwoch", "wednesday", "mercredi", "wed", "mi"),
    3: ("donnerstag", "thursday", "jeudi", "thu", "thur", "thurs", "do"),
    4: ("freitag", "friday", "vendredi", "fri", "fr"),
    5: ("samstag", "sonnabend", "saturday", "samedi", "sat", "sa"),
    6: ("sonntag", "sunday", "dimanche", "sun", "so"),
}
WEEKDAYS = {name: number for number, names in _WEEKDAY_NAMES.items() for name in names}

# The lookahead stops "Jan" from matching the start of "Januar 2005" and leaving "uar 2005".
_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")(?![^\W\d_])\.?"
_LONG_WEEKDAYS = [n for n in WEEKDAYS if len(n) > 3]
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")(?![^\W\d_])\.?"
_LONG_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(_LONG_WEEKDAYS, key=len, reverse=True)) + r")(?![^\W\d_])"
_DAY = r"(?P<day>[0-3]?\d)(?:\.|er|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# The date forms a date line may take, each anchored at the start of what follows the label.
# A time written before the date ("Updated 10:15 AM EST, Thu January 18, 2024").
_LEAD_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[a-z]{2,4}\b)?\s*,?\s*)?"
_ISO_TIME = r"(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
# The date forms a date line may take, each anchored at the start of what follows the label.
_DATE_FORMS = [
    re.compile(_LEAD_TIME + p, re.IGNORECASE)
    for p in (
        rf"(?:{_WEEKDAY},?\s+)?(?:den\s+|le\s+)?{_DAY}\s*{_MONTH}\s*,?\s*{_YEAR}",  # 14. September 2024
        rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # May 14, 2024
        rf"(?:{_WEEKDAY},?\s+)?(?P<day>[0-3]?\d)\.\s?(?P<nmonth>[01]?\d)\.\s?{_YEAR}",  # 14.09.2024
        rf"{_YEAR}-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d){_ISO_TIME}",  # 2024-09-14, 2024-09-14T10:00Z
        # 27/02/2024: day first, as in German and French; see _build_date for 02/27/2024
        rf"(?:{_WEEKDAY},?\s+)?(?P<sfirst>[0-3]?\d)/(?P<ssecond>[01]?\d|[0-3]\d)/{_YEAR}",
    )
]
# What may follow the date on a date line: a time, a time zone, reading time, an "updated" note.
_TIME_TAIL = re.compile(
    r"\s*(?:[,|·•/–—-]|\bum\b|\bat\b|\bà\b)?\s*"
    r"(?:\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:uhr|h|[ap]\.?\s?m\.?|gmt|utc|cet|cest|mez|mesz|bst|"
    r"[ecmp][sd]?t|z)\b\.?)*\s*(?:\(?[+-]\d{1,2}(?::?\d{2})?\)?)?)?"
    r"(?:\s*[|·•,–—-]?\s*(?:lesezeit:?\s*)?\d{1,2}\s*(?:min\.?|minuten?|minutes?)(?:\s*(?:read|lesezeit"
    r"|lesedauer|de lecture))?)?"
    r"\s*(?:[|·•,–—-]?\s*(?:updated|aktualisiert|mis à jour|zuletzt aktualisiert|last updated)\b.*)?\s*$",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:published(?:\s+on)?|posted(?:\s+on)?|first published(?:\s+on)?|date|datum"
    r"|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|erstellt(?:\s+am)?|publié(?:e)?(?:\s+le)?"
    r"|mis en ligne(?:\s+le)?|paru(?:\s+le)?|stand|updated|(?:zuletzt\s+)?aktualisiert(?:\s+am)?"
    r"|(?:dernière\s+)?mis(?:e)? à jour(?:\s+le)?|last updated|le|am|on)\s*:?\s*",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile(
    r"^(stand|updated|aktualisiert|zuletzt aktualisiert|mis à jour|dernière mise à jour|last updated)",
    re.IGNORECASE,
)
# Labels that are only prepositions: they make a line a date line, not a labelled one.
_WEAK_LABEL = re.compile(r"^(le|am|on)\b", re.IGNORECASE)


def _build_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = MONTHS.get(groups["month"].casefold()) if groups.get("month") else None
    if month is None and groups.get("nmonth"):
        month = int(groups["nmonth"])
    day = groups.get("day")
    if groups.get("sfirst"):
        # Day first (Europe) unless that is impossible and month first (US) is not.
        first, second = int(groups["sfirst"]), int(groups["ssecond"])
        day, month = (second, first) if second > 12 >= first else (first, second)
    try:
        date = dt.date(int(groups["year"]), month or 0, int(day or 0))
    except (TypeError, ValueError):
        return None
    # A weekday that does not fit ("Montag, 9. April 2024") is ignored: the day, month and
    # year are the more specific statement, and the file does state a full date.
    return date


@dataclass(frozen=True, slots=True)
class DateLine:
    date: dt.date
    labelled: bool
    is_update: bool


_FIELD_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def meta_fields(line: str) -> list[str]:
    """The fields of a short metadata line such as "dpa | 14.05.2024 10:15 Uhr"."""
    return _FIELD_SEPARATOR.split(line) if len(line) <= 120 else [line]


def parse_date_line(line: str) -> DateLine | None:
    """The date of a line that is nothing but a date (plus label, time and zone), else None.

    The date may share its line with the agency or the byline: "dpa | 14.05.2024 10:15 Uhr",
    "Von Anna Müller | 14.05.2024".
    """
    if len(line) > 120:
        return None
    fields = meta_fields(line)
    if len(fields) > 1:
        parsed = [(field, _parse_date_field(field)) for field in fields]
        dates = [date for _, date in parsed if date]
        others = [field for field, date in parsed if not date]
        if dates and all(AGENCY_CREDIT.fullmatch(f) or BYLINE.fullmatch(f) for f in others):
            return dates[0]
    return _parse_date_field(line)


def _parse_date_field(line: str) -> DateLine | None:
    label = _LABEL.match(line)
    rest = line[label.end() :] if label else line
    for form in _DATE_FORMS:
        match = form.match(rest)
        if match and _TIME_TAIL.fullmatch(rest[match.end() :]):
            date = _build_date(match)
            if date:
                is_update = bool(label and _UPDATE_LABEL.match(line))
                labelled = bool(label) and not _WEAK_LABEL.match(line)
                return DateLine(date, labelled=labelled, is_update=is_update)
    return None


# Paragraphs after the title in which an unlabelled date line is taken as the publication date.
HEAD_LINES = 3


def find_date_line(paragraphs: list[str]) -> tuple[int, DateLine] | None:
    """Index and value of the date line giving the publication date, if the text has one.

    Unlabelled date lines count in the first HEAD_LINES paragraphs only; labelled ones
    ("Published: …") at the top or among the last few lines. A "published" date wins over
    an "updated" one.
    """
    candidates: list[tuple[int, DateLine]] = []
    tail_start = max(HEAD_LINES, len(paragraphs) - 4)
    for index, paragraph in enumerate(paragraphs):
        if HEAD_LINES <= index < tail_start:
            continue
        parsed = parse_date_line(paragraph)
        if parsed and (index < HEAD_LINES or parsed.labelled):
            candidates.append((index, parsed))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[1].is_update, c[0]))
    return candidates[0]


# --- datelines ---------------------------------------------------------------------------------

_AGENCY_ALT = AGENCY_ALTERNATION
_DASH = r"[-–—]{1,2}"
_CAP = r"[A-ZÄÖÜÉÈÂ]"
_PLACE_CAPS = rf"{_CAP}[A-ZÄÖÜÉÈÂÎÔÇ.'’\-]+(?:[ /]{_CAP}[A-ZÄÖÜÉÈÂÎÔÇ.'’\-]+){{0,3}}"
# Mixed-case places may have small words inside: "Frankfurt am Main", "Saint-Denis", "Kiew/Moskau".
_PLACE_SMALL = r"(?: (?:am|an der|im|upon|on|sur|de|la|le|del|di))?"
_PLACE_ANY = rf"{_CAP}[\w.'’\-]+(?:{_PLACE_SMALL}[ /]{_CAP}[\w.'’\-]+){{0,3}}"
# AP adds the state or country: "KYIV, Ukraine (AP) —", "AUSTIN, Texas (AP) —",
# "PORT MORESBY, Papua New Guinea (Reuters) -".
_REGION = rf"(?:,\s*(?P<region>{_CAP}[\w.]+(?: {_CAP}[\w.]+){{0,2}})(?=\s*\())?"
_DATELINE_DATE = (
    r"(?:,\s*(?:(?P<dmonth>[A-Z][a-zéû]{2,8})\.?\s+(?P<dday>[0-3]?\d)"
    r"|(?P<dday2>[0-3]?\d)\.?\s+(?P<dmonth2>[A-Za-zéû]{3,9})\.?)(?:,?\s+(?P<dyear>(?:19|20)\d{2}))?)?"
)
# "(dpa)", "(dpa/AFP)", "(dpa/lno)": the first agency named is the source.
_AGENCY_GROUP = rf"\((?P<agency>(?i:{_AGENCY_ALT}))(?:\s*/\s*[\w-]{{1,16}})*\)"
DATELINE_PATTERNS = [
    # "MOSCOW, Jan 17 (Reuters) -", "BERLIN (dpa) -", "Kiew/Moskau (dpa) –", "PARIS (AFP) -"
    re.compile(rf"^(?P<place>{_PLACE_ANY}){_REGION}{_DATELINE_DATE}\s*{_AGENCY_GROUP}\s*(?:{_DASH}|:)\s*"),
    # "KYIV —", "UNITED NATIONS —": no agency, so the place must be in capitals
    # and the story must go on with a capital ("NATO - das Bündnis" is a sentence)
    re.compile(rf"^(?P<place>{_PLACE_CAPS}){_DATELINE_DATE}\s*{_DASH}\s+(?=[A-ZÄÖÜ0-9\"„“«»'‘(])"),
]


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # as written, e.g. "BERLIN (dpa) -"
    place: str
    agency: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of the first paragraph, if any."""
    for pattern in DATELINE_PATTERNS:
        match = pattern.match(paragraph)
        if not match:
            continue
        place = match["place"]
        if len(place) < 2 or place.isdigit():
            continue
        agency = match.groupdict().get("agency")
        if agency:
            agency = AGENCIES[agency.casefold()]
        month_name = match["dmonth"] or match["dmonth2"]
        month = MONTHS.get(month_name.casefold()) if month_name else None
        if month_name and month is None:
            continue  # "SOMETHING, Word 12 —" is not a dateline
        day = match["dday"] or match["dday2"]
        return Dateline(
            text=match.group(0).strip(),
            place=place,
            agency=agency,
            month=month,
            day=int(day) if day else None,
            year=int(match["dyear"]) if match["dyear"] else None,
        )
    return None


# --- yearless dates ----------------------------------------------------------------------------

_YEARLESS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # am Mittwoch (17. Januar) / am Mittwoch, 17. Januar / Mittwoch, den 17. Januar
        rf"\b{_LONG_WEEKDAY}\s*(?:\(\s*|,\s*)?(?:den\s+)?{_DAY}\s*{_MONTH}(?!\s*,?\s*\d)",
        # on Wednesday, Jan. 17 / Wednesday (January 17)
        rf"\b{_LONG_WEEKDAY}\s*(?:\(\s*|,\s*)?{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)",
        # mercredi 17 janvier
        rf"\b{_LONG_WEEKDAY}\s+(?:le\s+)?{_DAY}\s+{_MONTH}(?!\s*,?\s*\d)",
        # am Mittwoch (17.1.) / am Mittwoch, 17.01.
        rf"\b{_LONG_WEEKDAY}\s*(?:\(\s*|,\s*)?(?:den\s+)?(?P<day>[0-3]?\d)\.\s?(?P<nmonth>[01]?\d)\.(?!\s?\d)",
    )
]
_WEEKDAY_WORD = re.compile(rf"\b{_LONG_WEEKDAY}\b", re.IGNORECASE)


def infer_date(month: int, day: int, weekday: int | None, today: dt.date) -> dt.date | None:
    """The latest date on `month`/`day`, not after `today`, falling on `weekday` (if given)."""
    for year in range(today.year, today.year - 40, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year
        if candidate > today:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return candidate
    return None


def find_yearless_date(paragraphs: list[str], dateline: Dateline | None, today: dt.date) -> dt.date | None:
    """An inferred publication date from a weekday + day + month, or a dateline's month-day."""
    head = paragraphs[:2]
    if dateline and dateline.month and dateline.day and not dateline.year:
        weekday = None
        for paragraph in head:
            if found := _WEEKDAY_WORD.search(paragraph):
                weekday = WEEKDAYS[found["weekday"].casefold()]
                break
        return infer_date(dateline.month, dateline.day, weekday, today) or infer_date(
            dateline.month, dateline.day, None, today
        )
    for paragraph in head:
        for pattern in _YEARLESS:
            if match := pattern.search(paragraph):
                groups = match.groupdict()
                month = int(groups["nmonth"]) if groups.get("nmonth") else MONTHS[groups["month"].casefold()]
                weekday = WEEKDAYS[match["weekday"].casefold()]
                date = infer_date(month, int(match["day"]), weekday, today) if 1 <= month <= 12 else None
                if date:
                    return date
    return None


# --- bylines ----------------------------------------------------------------------------------

_NAME = r"[A-ZÄÖÜÉ][\w'’.-]+"
# Names must be capitalised, so "By the way, ..." is no byline; only the keyword is case-blind.
BYLINE = re.compile(
    rf"(?i:by|von|par)\s+{_NAME}(?:\s+{_NAME}){{0,3}}"
    rf"(?:\s*(?:,|und|and|et|&|mit|with|avec)\s*(?:{_NAME}(?:\s+{_NAME}){{0,3}}|(?i:{AGENCY_ALTERNATION})))*"
    r"(?:\s*[,|/–—-]\s*[\w .’'-]{1,40})?"
)


def find_byline(paragraphs: list[str]) -> int | None:
    """Index of a standalone byline ("By Jane Doe", "Von Anna Schmidt, Brüssel") near the top."""
    for index, paragraph in enumerate(paragraphs[:HEAD_LINES]):
        if len(paragraph) <= 80 and BYLINE.fullmatch(paragraph) and not paragraph.endswith("."):
            return index
    return None


# --- sources -----------------------------------------------------------------------------------

_NAME_PARTICLES = {"de", "du", "des", "la", "le", "der", "die", "the", "of"}
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ")


def split_site_suffix(title: str, known: Iterable[KnownSource] = ()) -> tuple[str, str | None]:
    """A saved page title's trailing site name: "Headline | Reuters" -> ("Headline", "Reuters").

    Only an agency, a source the archive knows or a domain counts as a site name, so a
    headline such as "Ukraine - Russland: Gespräche in Genf" keeps its dash.
    """
    names = {_fold(source.name) for source in known}
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        tail = tail.strip()
        if not found or len(head.split()) < 3 or len(tail) > 40:
            continue
        folded = _fold(tail)
        if folded in AGENCIES:
            return head.strip(), AGENCIES[folded]
        if folded in names or _TLD.search(folded) and " " not in folded:
            return head.strip(), tail
        # a pipe is no headline punctuation: "Headline | Le Monde", "Headline | FAZ"
        words = tail.split()
        if (
            separator == " | "
            and len(words) <= 3
            and all(w[0].isupper() or w in _NAME_PARTICLES for w in words)
        ):
            return head.strip(), tail
    return title, None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?\s*,?\s*"
    r"(?P<holder>[^.,|]{2,60}?)\s*(?:[.,|].*)?$",
    re.IGNORECASE,
)
_COPYRIGHT_ANYWHERE = re.compile(r"©\s*(?:(?:19|20)\d{2}\s*)?(?P<holder>[^.,|/]{2,40})")
_REUTERS_STANDARDS = re.compile(r"thomson reuters trust principles", re.IGNORECASE)
# "Quelle: Euractiv", "Source : AFP" (the text's source, not a photo credit "Foto: …").
_SOURCE_LINE = re.compile(r"(?:quelle|source)\s*:\s*(?P<name>[^|,;:]{2,50}?)\s*\.?", re.IGNORECASE)
_REPORTING_BY = re.compile(r"\(?(reporting|writing) by .{1,250}(editing|edited) by ", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(
    rf"[.!?“”\"»«]\s*\((?P<agency>(?i:{AGENCY_ALTERNATION}))(?:\s*/\s*[\w-]{{1,16}})*\)\s*$"
)


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def _match_known(name: str, known: Iterable[KnownSource]) -> str | None:
    folded = _fold(name)
    for source in known:
        if _fold(source.name) == folded or any(_fold(d) == folded for d in source.domains):
            return source.name
    return None


_TLD = re.compile(r"\.(?:com|de|fr|eu|net|org|info|ch|at|be|co\.uk|uk)$", re.IGNORECASE)


def _canonical(name: str, known: list[KnownSource]) -> str:
    """The caller's spelling of a source if it knows it, else the agency's short name, else as is."""
    name = name.strip().strip(".:;,!").strip()
    if found := _match_known(name, known) or AGENCIES.get(name.casefold()):
        return found
    # "Read more with Euractiv.com": the outlet, not its domain (unless the caller knows the domain).
    if _TLD.search(name) and " " not in name:
        name = _TLD.sub("", name.removeprefix("www."))
        if found := _match_known(name, known) or AGENCIES.get(name.casefold()):
            return found
    # "dpa-infocom", "AP Photo", "Reuters Graphics": an agency's service is the agency.
    first = re.split(r"[\s/,-]+", name, maxsplit=1)[0].casefold()
    return _match_known(first, known) or AGENCIES.get(first) or name


def copyright_holder(line: str) -> str | None:
    """The holder of a copyright line ("© 2024 The Associated Press" → "The Associated Press")."""
    match = _COPYRIGHT.match(line) or _COPYRIGHT_ANYWHERE.search(line)
    if not match:
        return None
    holder = re.sub(
        r"\b(all rights reserved|alle rechte vorbehalten|tous droits réservés)\b.*",
        "",
        match["holder"],
        flags=re.IGNORECASE,
    ).strip(" .,;")
    return holder or None


_BYLINE_AGENCY = re.compile(rf"(?<![\w-])(?P<agency>(?i:{_AGENCY_ALT}))(?![\w-])")


def find_source(
    *,
    lines: list[str],
    dateline: Dateline | None,
    known_sources: Iterable[KnownSource] = (),
    url: str | None = None,
    sitename: str | None = None,
    byline: str | None = None,
) -> str | None:
    """The outlet or agency of an article, in order of how directly the file names it.

    1. a signature the caller knows (Source.signatures), or a "Read more with X" line: the
       outlet the text was taken from; 2. the agency of the dateline, or one the byline names
       ("Par Le Figaro avec AFP"); 3. an agency credit line ("(dpa)", "Mit Material von AFP",
       Reuters' "(Reporting by …; Editing by …)") or a closing "(dpa)"; 4. the holder of a
       copyright line or the Reuters standards line;
       5. the page's domain, if the caller knows it; 6. the site name an HTML page declares.
       `source-NN` is never a source.
    `lines` are all lines of the file, including the leftovers cleaning removed.
    """
    known = list(known_sources)
    folded_lines = [_fold(line) for line in lines] if any(s.signatures for s in known) else []
    for source in known:
        for signature in source.signatures:
            sig = _fold(signature)
            # the signature is the whole line, or most of it ("— Lesen Sie mehr mit Euractiv.de")
            if sig and any(sig in line and len(line) <= len(sig) + 40 for line in folded_lines):
                return source.name
    for line in lines:
        if len(line) <= 100 and (match := SIGNATURE.fullmatch(line)):
            return _canonical(match["name"], known)
    if dateline and dateline.agency:
        return _canonical(dateline.agency, known)
    # "Par Le Figaro avec AFP", "By Jane Doe, Associated Press": the agency the byline credits
    if byline and (match := _BYLINE_AGENCY.search(byline)):
        return _canonical(AGENCIES[match["agency"].casefold()], known)
    for line in lines:
        if len(line) <= 120 and (
            match := next(filter(None, map(AGENCY_CREDIT.fullmatch, meta_fields(line))), None)
        ):
            return _canonical(AGENCIES[match["agency"].casefold()], known)
        if _REPORTING_BY.match(line):
            return _canonical("Reuters", known)
        if len(line) <= 80 and (match := _SOURCE_LINE.fullmatch(line)):
            return _canonical(match["name"], known)
    # German papers close agency copy with the agency in brackets: "... sagte er. (dpa)"
    if lines and (match := _TRAILING_CREDIT.search(lines[-1])):
        return _canonical(AGENCIES[match["agency"].casefold()], known)
    for line in lines:
        if len(line) > 200:
            continue
        if _REUTERS_STANDARDS.search(line):
            return _canonical("Reuters", known)
        holder = copyright_holder(line)
        if holder and not re.fullmatch(r"(19|20)\d{2}", holder):
            return _canonical(holder, known)
    domain = _domain(url)
    if domain:
        for source in known:
            if any(
                domain == d.lower().removeprefix("www.") or domain.endswith("." + d.lower())
                for d in source.domains
            ):
                return source.name
    if sitename:
        return _canonical(sitename, known)
    return None
