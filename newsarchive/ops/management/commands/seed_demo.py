"""Fill the database with a realistic synthetic archive, fast (COPY), for demos and benchmarks.

    python manage.py seed_demo --articles 100000 --quotes 1000000

Articles in German, English and French whose bodies hold the quotes at the recorded offsets,
speakers spelt the way each language spells them (so one person often has several rows,
as extraction creates them), country mentions inside and around the quotes, review states.
Speakers follow a Zipf-like popularity, countries too. Indexes on the filled tables are
dropped during the load and rebuilt after it, which is much faster than maintaining them.
Run it on a database of its own (DATABASE_URL=...): it appends, it never deletes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from bisect import bisect
from itertools import accumulate

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from annotations.models import Country, Person
from annotations.search.persons import person_keys_refresh
from articles.models import Source

# (alpha2, alpha3, en, de, fr): the countries the demo news is about, most frequent first.
COUNTRIES = [
    ("RU", "RUS", "Russia", "Russland", "la Russie"),
    ("UA", "UKR", "Ukraine", "die Ukraine", "l'Ukraine"),
    ("US", "USA", "the United States", "die USA", "les États-Unis"),
    ("CN", "CHN", "China", "China", "la Chine"),
    ("DE", "DEU", "Germany", "Deutschland", "l'Allemagne"),
    ("FR", "FRA", "France", "Frankreich", "la France"),
    ("KP", "PRK", "North Korea", "Nordkorea", "la Corée du Nord"),
    ("IR", "IRN", "Iran", "der Iran", "l'Iran"),
    ("IL", "ISR", "Israel", "Israel", "Israël"),
    ("TR", "TUR", "Turkey", "die Türkei", "la Turquie"),
    ("GB", "GBR", "Britain", "Großbritannien", "le Royaume-Uni"),
    ("PL", "POL", "Poland", "Polen", "la Pologne"),
    ("BY", "BLR", "Belarus", "Belarus", "la Biélorussie"),
    ("IN", "IND", "India", "Indien", "l'Inde"),
    ("JP", "JPN", "Japan", "Japan", "le Japon"),
    ("KR", "KOR", "South Korea", "Südkorea", "la Corée du Sud"),
    ("SY", "SYR", "Syria", "Syrien", "la Syrie"),
    ("GE", "GEO", "Georgia", "Georgien", "la Géorgie"),
    ("MD", "MDA", "Moldova", "Moldau", "la Moldavie"),
    ("HU", "HUN", "Hungary", "Ungarn", "la Hongrie"),
    ("IT", "ITA", "Italy", "Italien", "l'Italie"),
    ("ES", "ESP", "Spain", "Spanien", "l'Espagne"),
    ("BR", "BRA", "Brazil", "Brasilien", "le Brésil"),
    ("ZA", "ZAF", "South Africa", "Südafrika", "l'Afrique du Sud"),
    ("SA", "SAU", "Saudi Arabia", "Saudi-Arabien", "l'Arabie saoudite"),
    ("EG", "EGY", "Egypt", "Ägypten", "l'Égypte"),
    ("KZ", "KAZ", "Kazakhstan", "Kasachstan", "le Kazakhstan"),
    ("AM", "ARM", "Armenia", "Armenien", "l'Arménie"),
    ("AZ", "AZE", "Azerbaijan", "Aserbaidschan", "l'Azerbaïdjan"),
    ("FI", "FIN", "Finland", "Finnland", "la Finlande"),
]
LANG_INDEX = {"en": 2, "de": 3, "fr": 4}

# Well-known speakers: (English spelling, German spelling, French spelling, role).
FAMOUS = [
    ("Dmitry Peskov", "Dmitri Peskow", "Dmitri Peskov", "Kremlin spokesman"),
    ("Sergey Lavrov", "Sergej Lawrow", "Sergueï Lavrov", "Russian foreign minister"),
    ("Vladimir Putin", "Wladimir Putin", "Vladimir Poutine", "Russian president"),
    ("Volodymyr Zelensky", "Wolodymyr Selenskyj", "Volodymyr Zelensky", "Ukrainian president"),
    ("Maria Zakharova", "Maria Sacharowa", "Maria Zakharova", "Russian foreign ministry spokeswoman"),
    ("Sergei Shoigu", "Sergej Schoigu", "Sergueï Choïgou", "Security Council secretary"),
    ("Yuri Ushakov", "Juri Uschakow", "Iouri Ouchakov", "Kremlin aide"),
    ("Dmitry Medvedev", "Dmitri Medwedew", "Dmitri Medvedev", "Security Council deputy chairman"),
    ("Kim Jong Un", "Kim Jong Un", "Kim Jong-un", "North Korean leader"),
    ("Emmanuel Macron", "Emmanuel Macron", "Emmanuel Macron", "French president"),
    ("Olaf Scholz", "Olaf Scholz", "Olaf Scholz", "German chancellor"),
    ("Annalena Baerbock", "Annalena Baerbock", "Annalena Baerbock", "German foreign minister"),
    ("Antony Blinken", "Antony Blinken", "Antony Blinken", "US secretary of state"),
    ("Xi Jinping", "Xi Jinping", "Xi Jinping", "Chinese president"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Turkish president"),
    ("Alexander Lukashenko", "Alexander Lukaschenko", "Alexandre Loukachenko", "Belarusian ruler"),
    ("Dmytro Kuleba", "Dmytro Kuleba", "Dmytro Kouleba", "Ukrainian foreign minister"),
    ("Viktor Orban", "Viktor Orbán", "Viktor Orban", "Hungarian prime minister"),
]
FIRST = [
    "Alexei", "Andrei", "Anna", "Boris", "Elena", "Irina", "Igor", "Ivan", "Mikhail", "Natalia",
    "Nikolai", "Oleg", "Olga", "Pavel", "Sergei", "Svetlana", "Tatiana", "Viktor", "Yevgeny", "Yulia",
    "Claire", "Pierre", "Jean", "Marie", "Sophie", "Thomas", "Laura", "Klaus", "Petra", "Jürgen",
    "Hans", "Ursula", "Markus", "Sarah", "John", "Emily", "David", "James", "Linda", "Robert",
]  # fmt: skip
LAST_SLAVIC = [
    "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov", "Novikov",
    "Fyodorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semyonov", "Yegorov", "Pavlov", "Kozlov",
    "Stepanov", "Nikolaev", "Orlov", "Andreev", "Makarov", "Nikitin", "Zakharov", "Zaitsev", "Solovyov",
    "Borisov", "Yakovlev", "Grigoriev", "Romanov", "Vorobyov", "Sergeev", "Kuzmin", "Frolov", "Chernov",
    "Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Kravchenko", "Oliynyk", "Shevchuk", "Polishchuk",
]  # fmt: skip
LAST_WEST = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
    "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Girard", "Roux",
    "Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Clark", "Walker", "Young",
]  # fmt: skip
ROLES = ["spokesman", "minister", "ambassador", "deputy", "governor", "analyst", "general", "senator"]

TOPICS = {
    "en": ["sanctions", "gas supplies", "the ceasefire", "nuclear weapons", "grain exports", "the elections",
           "troop movements", "peace talks", "the border", "energy prices", "missile tests", "the embargo"],
    "de": ["die Sanktionen", "die Gaslieferungen", "die Waffenruhe", "Atomwaffen", "die Getreideexporte",
           "die Wahlen", "Truppenbewegungen", "die Friedensgespräche", "die Grenze", "die Energiepreise",
           "Raketentests", "das Embargo"],
    "fr": ["les sanctions", "les livraisons de gaz", "le cessez-le-feu", "les armes nucléaires",
           "les exportations de céréales", "les élections", "les mouvements de troupes",
           "les pourparlers de paix", "la frontière", "les prix de l'énergie", "les essais de missiles",
           "l'embargo"],
}  # fmt: skip
# {a}/{b}: countries, {t}: a topic. Each template makes one quote.
QUOTES = {
    "en": [
        "{a} will continue the talks with {b} on {t}",
        "The pressure on {a} over {t} is not working",
        "We will not accept any conditions from {a} regarding {t}",
        "{a} and {b} have agreed to discuss {t} next month",
        "Nobody in {a} believes that {t} can be solved without {b}",
        "There is no alternative to dialogue with {a} about {t}",
        "{b} must stop interfering in {t} immediately",
        "Our position on {t} has not changed and {a} knows it",
    ],
    "de": [
        "{a} wird die Gespräche mit {b} über {t} fortsetzen",
        "Der Druck auf {a} wegen {t} wirkt nicht",
        "Wir werden keine Bedingungen von {a} für {t} akzeptieren",
        "{a} und {b} haben vereinbart, im nächsten Monat über {t} zu sprechen",
        "Niemand in {a} glaubt, dass {t} ohne {b} gelöst werden kann",
        "Es gibt keine Alternative zum Dialog mit {a} über {t}",
        "{b} muss die Einmischung in {t} sofort beenden",
        "Unsere Haltung zu {t} hat sich nicht geändert, und {a} weiß das",
    ],
    "fr": [
        "{a} poursuivra les discussions avec {b} sur {t}",
        "La pression sur {a} concernant {t} ne fonctionne pas",
        "Nous n'accepterons aucune condition de {a} sur {t}",
        "{a} et {b} ont convenu de discuter de {t} le mois prochain",
        "Personne en {a} ne croit que {t} puisse être réglé sans {b}",
        "Il n'y a pas d'alternative au dialogue avec {a} sur {t}",
        "{b} doit cesser immédiatement de s'ingérer dans {t}",
        "Notre position sur {t} n'a pas changé et {a} le sait",
    ],
}
FILLER = {
    "en": ["Officials declined to comment further.", "The meeting lasted several hours.",
           "Markets reacted calmly to the news.", "Observers expect further statements this week.",
           "The talks took place behind closed doors.", "Analysts remain sceptical."],
    "de": ["Weitere Stellungnahmen gab es zunächst nicht.", "Das Treffen dauerte mehrere Stunden.",
           "Die Märkte reagierten gelassen.", "Beobachter erwarten diese Woche weitere Erklärungen.",
           "Die Gespräche fanden hinter verschlossenen Türen statt.", "Experten bleiben skeptisch."],
    "fr": ["Les responsables n'ont pas souhaité commenter davantage.", "La réunion a duré plusieurs heures.",
           "Les marchés ont réagi calmement.", "Les observateurs attendent d'autres déclarations.",
           "Les discussions se sont tenues à huis clos.", "Les analystes restent sceptiques."],
}  # fmt: skip
TITLES = {
    "en": ["{a} and {b}: talks on {t}", "{p} on {t}", "New tension between {a} and {b}",
           "{a} rejects demands"],
    "de": ["{a} und {b}: Gespräche über {t}", "{p} zu {t}", "Neue Spannungen zwischen {a} und {b}",
           "{a} weist Forderungen zurück"],
    "fr": ["{a} et {b} : discussions sur {t}", "{p} sur {t}", "Nouvelles tensions entre {a} et {b}",
           "{a} rejette les exigences"],
}  # fmt: skip
CUES = {"en": ("said", "stated"), "de": ("sagte", "erklärte"), "fr": ("a déclaré", "a affirmé")}
LANGUAGES = (["de"] * 50) + (["en"] * 35) + (["fr"] * 15)
START_DATE = dt.date(2019, 1, 1)


def _spellings(english: str) -> tuple[str, str, str]:
    """German and French transliterations of a Russian-style English name (Volkov -> Wolkow)."""
    german = english
    for old, new in (("Yevg", "Jewg"), ("Yu", "Ju"), ("sh", "sch"), ("kh", "ch"), ("zh", "sch")):
        german = german.replace(old, new)
    if german.endswith(("ov", "ev", "yov")):
        german = german[:-1] + "w"
    german = german.replace("v", "w").replace("y", "j") if german != english else german
    french = english.replace("sh", "ch").replace("u", "ou") if english.endswith(("ov", "ev")) else english
    return english, german, french


class Zipf:
    """Draw indexes 0..n-1 with weight 1/(i+1)^s."""

    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        self.cum = list(accumulate(1 / (i + 1) ** s for i in range(n)))
        self.rng = rng

    def __call__(self) -> int:
        return min(bisect(self.cum, self.rng.random() * self.cum[-1]), len(self.cum) - 1)


def _copy_text(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class Copier:
    """Rows to COPY ... FROM STDIN in the text format, in large chunks."""

    def __init__(self, cursor, table: str, columns: list[str]) -> None:
        self.cursor, self.table, self.columns = cursor, table, columns
        self.buffer: list[str] = []
        self.rows = 0

    def add(self, row: tuple) -> None:
        self.buffer.append("\t".join(map(_copy_text, row)))
        if len(self.buffer) >= 20000:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        cols = ", ".join(f'"{c}"' for c in self.columns)
        with self.cursor.copy(f"COPY {self.table} ({cols}) FROM STDIN") as copy:
            copy.write("\n".join(self.buffer) + "\n")
        self.rows += len(self.buffer)
        self.buffer = []


PERSON_MONTHS_SQL = """
INSERT INTO annotations_personquotemonth (person_id, month, count)
SELECT speaker_id, date_trunc('month', published::timestamp)::date, count(*)
FROM annotations_quote WHERE id >= %s AND speaker_id IS NOT NULL AND status <> 'rejected'
GROUP BY 1, 2
ON CONFLICT ON CONSTRAINT person_quote_month_unique
DO UPDATE SET count = annotations_personquotemonth.count + EXCLUDED.count
"""


def _next_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")
    return cursor.fetchone()[0]


def _sync_identity(cursor, table: str) -> None:
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 1) FROM {table}))"
    )


def _drop_indexes(cursor, tables: list[str]) -> list[str]:
    """Drop the plain (non-constraint) indexes of `tables`; returns their definitions."""
    cursor.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.tablename = ANY(%s) AND i.schemaname = 'public'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """,
        [tables],
    )
    definitions = []
    for name, definition in cursor.fetchall():
        cursor.execute(f'DROP INDEX "{name}"')
        definitions.append(definition)
    return definitions


class Command(BaseCommand):
    help = "Fill the database with a synthetic archive of articles, persons, quotes and mentions (COPY)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--quotes", type=int, default=10000)
        parser.add_argument(
            "--persons", type=int, default=0, help="Default: one per 250 quotes, at least 60."
        )
        parser.add_argument("--seed", type=int, default=5)
        parser.add_argument("--keep-indexes", action="store_true", help="Do not drop and rebuild indexes.")

    def handle(self, *args, articles: int, quotes: int, persons: int, seed: int, keep_indexes: bool, **opts):
        if articles < 1 or quotes < 0:
            raise CommandError("--articles must be at least 1 and --quotes at least 0")
        rng = random.Random(seed)
        started = time.monotonic()
        countries = self._countries()
        sources = self._sources(rng)
        person_rows = self._persons(rng, persons or max(60, quotes // 250))
        self._bench_user()
        self.stdout.write(
            f"{len(person_rows)} person rows, {len(sources)} sources ({time.monotonic() - started:.1f}s)"
        )
        with transaction.atomic(), connection.cursor() as django_cursor:
            cursor = django_cursor.cursor  # psycopg cursor, for COPY
            # The generated rows are consistent by construction (quote.published included, which
            # a trigger keeps otherwise); checking millions of foreign keys row by row would
            # double the load time. Needs a superuser (falls back if not).
            triggers_off = True
            try:
                with transaction.atomic():
                    cursor.execute("SET LOCAL session_replication_role = replica")
            except Exception:
                triggers_off = False
                self.stdout.write("foreign keys will be checked (not a superuser)")
            tables = ["articles_article", "annotations_quote", "annotations_mention"]
            dropped = [] if keep_indexes else _drop_indexes(cursor, tables)
            first_quote = _next_id(cursor, "annotations_quote")
            counts = self._load(cursor, rng, articles, quotes, countries, sources, person_rows)
            if triggers_off:  # what the quote triggers would have counted
                cursor.execute(PERSON_MONTHS_SQL, [first_quote])
            self.stdout.write(f"loaded {counts} ({time.monotonic() - started:.1f}s)")
            for definition in dropped:
                cursor.execute(definition)
            for table in tables:
                _sync_identity(cursor, table)
            self.stdout.write(f"rebuilt {len(dropped)} indexes ({time.monotonic() - started:.1f}s)")
        # VACUUM as well as ANALYZE: it sets the visibility map that index-only scans need,
        # which autovacuum would do soon after a load like this (and never does where it is off).
        # VACUUM cannot run inside a transaction (a caller's atomic block, a test): ANALYZE then.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for table in [*tables, "annotations_person", "annotations_personquotemonth"]:
                cursor.execute(f"{command} {table}")
        self.stdout.write(f"done in {time.monotonic() - started:.1f}s")

    # --- reference rows -------------------------------------------------------------------

    def _countries(self) -> list[tuple[Country, tuple]]:
        rows = []
        for record in COUNTRIES:
            alpha2, alpha3, en, de, fr = record
            country, _ = Country.objects.get_or_create(
                alpha2=alpha2, defaults={"alpha3": alpha3, "name_en": en, "name_de": de, "name_fr": fr}
            )
            rows.append((country, record))
        return rows

    def _sources(self, rng: random.Random) -> list[Source]:
        names = ["TASS", "RIA Novosti", "Interfax", "dpa", "AFP", "Reuters", "AP", "Der Spiegel", "FAZ",
                 "Süddeutsche Zeitung", "Le Monde", "Le Figaro", "BBC", "The Guardian", "Kyiv Independent",
                 "Meduza", "Euractiv", "Politico Europe", "Die Zeit", "Libération"]  # fmt: skip
        return [Source.objects.get_or_create(name=name)[0] for name in names]

    def _persons(self, rng: random.Random, count: int) -> list[tuple[dict[str, int], str]]:
        """Per speaker: {language: person id} (spelling rows) and a role; famous speakers first."""
        people: list[tuple[tuple[str, str, str], str]] = [((en, de, fr), role) for en, de, fr, role in FAMOUS]
        seen = {p[0][0] for p in people}
        while len(people) < count:
            last = rng.choice(LAST_SLAVIC if rng.random() < 0.6 else LAST_WEST)
            if len(seen) > 1500:  # first x last names run out: double-barrelled surnames
                last = f"{rng.choice(LAST_WEST)}-{last}"
            name = f"{rng.choice(FIRST)} {last}"
            if name in seen:
                continue
            seen.add(name)
            people.append((_spellings(name), rng.choice(ROLES)))
        existing = dict(Person.objects.values_list("name", "pk"))
        new = []
        for spellings, role in people:
            for name in set(spellings):
                if name not in existing:
                    new.append(Person(name=name, description=role, confirmed=rng.random() < 0.3))
        Person.objects.bulk_create(new, batch_size=5000, ignore_conflicts=True)
        existing = dict(Person.objects.values_list("name", "pk"))
        person_keys_refresh(person_ids=[existing[p.name] for p in new if p.name in existing])
        return [
            ({lang: existing[spellings[i]] for lang, i in (("en", 0), ("de", 1), ("fr", 2))}, spellings)
            for spellings, _role in people
        ]

    def _bench_user(self) -> None:
        from django.contrib.auth import get_user_model

        user, created = get_user_model().objects.get_or_create(username="bench-viewer")
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(Group.objects.get(name="viewer"))

    # --- the archive ------------------------------------------------------------------------

    def _load(self, cursor, rng, n_articles, n_quotes, countries, sources, persons) -> dict:
        now = timezone.now()
        days = (dt.date(2026, 11, 1) - START_DATE).days
        pick_person = Zipf(len(persons), 0.8, rng)
        pick_country = Zipf(len(countries), 1.0, rng)
        article_id = _next_id(cursor, "articles_article")
        quote_id = _next_id(cursor, "annotations_quote")
        mention_id = _next_id(cursor, "annotations_mention")
        art = Copier(
            cursor,
            "articles_article",
            ["id", "title", "body", "language", "source_id", "source_hint", "published", "published_inferred",
             "url", "content_hash", "original_file", "original_name", "uploaded_at", "status",
             "status_changed_at", "failure_reason", "extraction_attempts", "extraction_task_id",
             "review_state", "reviewed_at", "countries"],
        )  # fmt: skip
        quo = Copier(
            cursor,
            "annotations_quote",
            ["id", "article_id", "start", "end", "origin", "status", "version", "created_at", "updated_at",
             "text", "direct", "cue", "speaker_id", "speaker_name", "speaker_start", "speaker_end",
             "published"],
        )  # fmt: skip
        men = Copier(
            cursor,
            "annotations_mention",
            ["id", "article_id", "start", "end", "origin", "status", "version", "created_at", "updated_at",
             "label", "text", "person_id", "country_id"],
        )  # fmt: skip
        quotes_left = n_quotes
        for i in range(n_articles):
            # Spread the quotes evenly, with some variation per article.
            share = quotes_left // (n_articles - i)
            k = (
                max(0, min(quotes_left, share + rng.randint(-2, 2)))
                if share
                else min(quotes_left, rng.random() < 0.5)
            )
            quotes_left -= k
            lang = rng.choice(LANGUAGES)
            li = LANG_INDEX[lang]
            published = START_DATE + dt.timedelta(days=rng.randrange(days))
            focus = [countries[pick_country()] for _ in range(3)]
            parts: list[str] = []
            offset = 0
            quote_rows, mention_rows = [], []

            def emit(text: str) -> int:
                nonlocal offset
                start = offset
                parts.append(text)  # noqa: B023 (called only within this iteration)
                offset += len(text)
                return start

            speakers = []
            for _ in range(k):
                person_ids, spellings = persons[pick_person()]
                speaker_name = spellings[{"en": 0, "de": 1, "fr": 2}[lang]]
                speakers.append(speaker_name)
                a, b = rng.sample(focus, 2) if focus[0] != focus[1] else (focus[0], focus[2])
                topic = rng.choice(TOPICS[lang])
                template = rng.choice(QUOTES[lang])
                direct = rng.random() < 0.6
                cue = CUES[lang][0 if direct else 1]
                # Lay the quote out piece by piece to know every offset.
                if offset:
                    emit(" ")
                if lang == "en" and direct:
                    emit('"')
                elif lang == "fr" and direct:
                    emit("« ")
                elif lang == "de":
                    s_start = emit(speaker_name)
                    emit(f" {cue}: „" if direct else f" {cue}, ")
                q_start = offset
                pieces = (
                    template.replace("{a}", "\0a\0")
                    .replace("{b}", "\0b\0")
                    .replace("{t}", "\0t\0")
                    .split("\0")
                )
                for piece in pieces:
                    if piece in ("a", "b"):
                        country, record = a if piece == "a" else b
                        word = record[li]
                        m_start = emit(word)
                        mention_rows.append(("COUNTRY", m_start, m_start + len(word), word, None, country.pk))
                    elif piece == "t":
                        emit(topic)
                    else:
                        emit(piece)
                q_end = offset
                quote_text = "".join(parts)[q_start:q_end]
                if lang == "de":
                    emit("“." if direct else ".")
                elif lang == "en":
                    emit(f'," {speaker_name} {cue}.' if direct else f", {speaker_name} {cue}.")
                    s_start = offset - len(f"{speaker_name} {cue}.")
                else:
                    emit(f" », {cue} {speaker_name}." if direct else f", {cue} {speaker_name}.")
                    s_start = offset - len(f"{speaker_name}.")
                s_end = s_start + len(speaker_name)
                mention_rows.append(("PERSON", s_start, s_end, speaker_name, person_ids[lang], None))
                roll = rng.random()
                status = (
                    "rejected"
                    if roll < 0.02
                    else "edited"
                    if roll < 0.05
                    else "accepted"
                    if roll < 0.15
                    else "proposed"
                )
                quote_rows.append(
                    (q_start, q_end, status, quote_text, direct, cue, person_ids[lang], s_start, s_end)
                )
                if rng.random() < 0.3:
                    emit(" " + rng.choice(FILLER[lang]))
            for _ in range(rng.randint(1, 3)):
                emit((" " if offset else "") + rng.choice(FILLER[lang]))
            body = "".join(parts)
            title = rng.choice(TITLES[lang]).format(
                a=focus[0][1][li],
                b=focus[1][1][li],
                t=rng.choice(TOPICS[lang]),
                p=speakers[0] if speakers else "Kreml",
            )
            title = title[0].upper() + title[1:]
            reviewed = rng.random() < 0.2
            uploaded = timezone.make_aware(dt.datetime.combine(published, dt.time(12))) + dt.timedelta(
                hours=rng.randint(1, 72)
            )
            source = rng.choice(sources)
            for q_start, q_end, status, text, direct, cue, speaker_id, s_start, s_end in quote_rows:
                quo.add(
                    (quote_id, article_id, q_start, q_end, "machine", status, 1, now, now, text, direct, cue,
                     speaker_id, "", s_start, s_end, published)
                )  # fmt: skip
                quote_id += 1
            named: set[int] = set()
            for label, start, end, text, person_id, country_id in mention_rows:
                rejected = rng.random() < 0.01
                if country_id is not None and not rejected:
                    named.add(country_id)
                men.add(
                    (mention_id, article_id, start, end, "machine", "rejected" if rejected else "proposed", 1,
                     now, now, label, text, person_id, country_id)
                )  # fmt: skip
                mention_id += 1
            # Article.countries as the mention triggers would keep it (they are off during the load).
            art.add(
                (article_id, title, body, lang, source.pk, "", published, False, "",
                 hashlib.sha256(f"seed{article_id}:{body}".encode()).hexdigest(), "", "", uploaded, "done",
                 uploaded, "", 1, "", "reviewed" if reviewed else "unreviewed",
                 uploaded if reviewed else None, "{" + ",".join(map(str, sorted(named))) + "}")
            )  # fmt: skip
            article_id += 1
            if i % 10000 == 9999:
                self.stdout.write(f"  {i + 1} articles")
        for copier in (art, quo, men):
            copier.flush()
        return {"articles": art.rows, "quotes": quo.rows, "mentions": men.rows}
