"""Throughput of the extraction pipelines against spaCy's bare reference, and worker memory.

The corpus is generated from our own sentence templates (no evaluation data), about
50,000 words per language, and each article is extracted on its own, as the worker does.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from annotations.nlp import extract, loaders, pipeline
from annotations.nlp.article import Tok, build_article
from annotations.nlp.learned import LearnedModel, ModelError

_PEOPLE = {
    "de": [
        ("Kanzlerin", "Maria Stein"),
        ("Außenminister", "Jonas Falk"),
        ("Sprecherin", "Anna Berghoff"),
        ("Präsident", "Marek Nowak"),
        ("Ministerin", "Carla Brunner"),
        ("Generalsekretär", "Paul Weber"),
    ],
    "en": [
        ("Prime Minister", "David Morgan"),
        ("Foreign Secretary", "Helen Carter"),
        ("spokesman", "Thomas Reed"),
        ("President", "Laura Hill"),
        ("Senator", "Mark Ellis"),
    ],
    "fr": [
        ("le président", "Emmanuel Durand"),
        ("la ministre", "Claire Vidal"),
        ("le porte-parole", "Jean Morel"),
        ("le chancelier", "Pierre Lagrange"),
    ],
}
_TEMPLATES = {
    "de": [
        "„Wir werden die Gespräche mit unseren Partnern in {place} fortsetzen, sobald alle bereit sind“, "
        "sagte {role} {name}.",
        "„Über {topic} entscheiden wir erst nach der Sitzung am {day}“, sagte {surname}.",
        "Im {month} stieg {topic} nach Angaben des Statistikamts um {n} Prozent auf {m} Millionen Euro.",
        "{org} in {place} erklärte, {topic} werde bis Ende {month} neu geregelt.",
        "Rund {m} Menschen demonstrierten am {day} in {place} gegen {topic}.",
        "{role} {name} sagte am {day} in {place}, die Regierung prüfe alle Optionen für neue Hilfen.",
        "Eine Entscheidung falle nach Angaben aus {place} frühestens im kommenden Monat.",
        "Laut dem Verteidigungsministerium sollen weitere Systeme an die Grenze verlegt werden.",
        "Die Lage in {place} bleibe angespannt, so {surname}.",
        "Der Handel zwischen den Ländern wuchs im vergangenen Jahr um mehrere Prozent.",
        "Beobachter erwarten für die kommenden Wochen weitere Treffen auf Ebene der Fachminister.",
        "{surname} betonte, dass die Zusammenarbeit mit {place} weiter ausgebaut werden müsse.",
        "Die Opposition kritisierte das Vorgehen der Regierung im Parlament scharf.",
        "Dem Ministerium zufolge wurden im Hafen von {place} neue Anlagen in Betrieb genommen.",
    ],
    "en": [
        '"We will continue the talks with our partners in {place} as soon as everyone is ready," '
        "{role} {name} said.",
        '"We will decide on {topic} after the meeting on {day}," {surname} said.',
        "In {month}, {topic} rose by {n} percent to {m} million euros, the statistics office said.",
        "The {org} in {place} said {topic} would be reviewed by the end of {month}.",
        "About {m} people protested against {topic} in {place} on {day}.",
        "{role} {name} said on {day} that the government was reviewing every option for new aid.",
        "A decision is not expected before next month, according to officials in {place}.",
        "The ministry said additional systems would be moved to the border within weeks.",
        "Trade between the two countries grew by several percent last year.",
        "Observers expect further meetings of ministers in the coming weeks.",
        "{surname} told reporters that cooperation with {place} had to be expanded.",
        "The opposition sharply criticised the government's approach in parliament.",
        '"This is not the time for half measures," {surname} added.',
    ],
    "fr": [
        "« Nous poursuivrons les discussions avec nos partenaires à {place} dès que possible », "
        "a déclaré {role} {name}.",
        "« Nous déciderons de {topic} après la réunion de {day} », a déclaré {surname}.",
        "En {month}, {topic} a progressé de {n} % pour atteindre {m} millions d’euros.",
        "Le {org} à {place} a indiqué que {topic} serait revu d’ici la fin de {month}.",
        "Environ {m} personnes ont manifesté contre {topic} à {place} {day}.",
        "{role} {name} a affirmé {day} que le gouvernement examinait toutes les options.",
        "Selon le ministère, de nouveaux systèmes seront déployés à la frontière.",
        "Les échanges entre les deux pays ont progressé de plusieurs pour cent l’an dernier.",
        "Les observateurs attendent de nouvelles réunions dans les prochaines semaines.",
        "{surname} a ajouté que la coopération avec {place} devait être renforcée.",
        "L’opposition a vivement critiqué la méthode du gouvernement au Parlement.",
    ],
}
_PLACES = {
    "de": ["Berlin", "Warschau", "Kiew", "Paris", "Rom", "Wien", "Prag", "Peking"],
    "en": ["London", "Warsaw", "Kyiv", "Paris", "Rome", "Vienna", "Prague", "Beijing"],
    "fr": ["Berlin", "Varsovie", "Kiev", "Londres", "Rome", "Vienne", "Prague", "Pékin"],
}
_TOPICS = {
    "de": [
        "die Energiepreise",
        "der Wohnungsbau",
        "die Rentenreform",
        "der Bahnverkehr",
        "die Exporte",
        "die Rüstungsausgaben",
        "der Zollstreit",
        "die Gaslieferungen",
        "die Getreideernte",
    ],
    "en": [
        "energy prices",
        "housing construction",
        "the pension reform",
        "rail traffic",
        "exports",
        "defence spending",
        "the tariff dispute",
        "gas deliveries",
        "the grain harvest",
    ],
    "fr": [
        "les prix de l’énergie",
        "la construction de logements",
        "la réforme des retraites",
        "le trafic ferroviaire",
        "les exportations",
        "les dépenses de défense",
        "les livraisons de gaz",
    ],
}
_ORGS = {
    "de": ["Das Wirtschaftsministerium", "Die Zentralbank", "Das Außenministerium", "Die Kommission"],
    "en": ["economy ministry", "central bank", "foreign ministry", "commission"],
    "fr": ["ministère de l’Économie", "gouvernement", "ministère des Affaires étrangères"],
}
_MONTHS = {
    "de": ["Januar", "März", "Mai", "Juli", "September", "November"],
    "en": ["January", "March", "May", "July", "September", "November"],
    "fr": ["janvier", "mars", "mai", "juillet", "septembre", "novembre"],
}
_DAYS = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi"],
}


def build_corpus(language: str, words: int, seed: int = 8) -> list[str]:
    """Articles of about 400 words from the templates above, `words` words in all."""
    rng = random.Random(seed)
    articles: list[str] = []
    total = 0
    while total < words:
        paragraphs = []
        article_words = 0
        while article_words < 400:
            role, name = rng.choice(_PEOPLE[language])
            sentences = []
            for _ in range(3):
                template = rng.choice(_TEMPLATES[language])
                sentence = template.format(
                    role=role,
                    name=name,
                    surname=name.split()[-1],
                    place=rng.choice(_PLACES[language]),
                    day=rng.choice(_DAYS[language]),
                    topic=rng.choice(_TOPICS[language]),
                    org=rng.choice(_ORGS[language]),
                    month=rng.choice(_MONTHS[language]),
                    n=rng.randint(2, 40),
                    m=rng.randint(100, 90_000),
                )
                sentences.append(sentence[0].upper() + sentence[1:])
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            article_words += len(paragraph.split())
        article = "\n\n".join(paragraphs)
        articles.append(article)
        total += article_words
    return articles


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _best_rates(words: int, reference: Callable[[], object], ours: Callable[[], object], runs: int):
    """Best of `runs` alternating timings: the machine is shared, the minimum is the signal."""
    best_ref = best_ours = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        reference()
        best_ref = min(best_ref, time.perf_counter() - started)
        started = time.perf_counter()
        ours()
        best_ours = min(best_ours, time.perf_counter() - started)
    return words / best_ref, words / best_ours


class Command(BaseCommand):
    help = "Words per second of the extraction pipelines vs spaCy's bare reference, and RSS."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=50_000, help="corpus size per language")
        parser.add_argument("--languages", default="en,de,fr")
        parser.add_argument("--runs", type=int, default=2, help="best of N timings per side")
        parser.add_argument("--model", type=Path, help="a trained German extractor folder to time as well")

    def handle(self, *args, words: int, languages: str, runs: int, model: Path | None = None, **options):
        import spacy

        langs = [lang.strip() for lang in languages.split(",") if lang.strip()]
        before = _rss_mb()
        loaded = time.perf_counter()
        for lang in ("en", "de", "fr"):
            loaders.pipeline_for(lang)
        extract("Warm-up.", "de")
        self.stdout.write(
            f"loaded en+de+fr in {time.perf_counter() - loaded:.1f} s; "
            f"RSS {before:.0f} MB before, {_rss_mb():.0f} MB after loading"
        )
        tokenizer_de = spacy.blank("de").tokenizer
        for lang in langs:
            corpus = build_corpus(lang, words)
            n = sum(len(article.split()) for article in corpus)
            if lang == "de":
                reference_name = "spacy.blank('de') tokenizer"

                def reference(corpus=corpus):
                    return [tokenizer_de(article) for article in corpus]
            else:
                nlp = loaders.pipeline_for(lang)
                reference_name = f"{'en_core_web_sm' if lang == 'en' else 'fr_core_news_sm'} nlp.pipe"

                def reference(corpus=corpus, nlp=nlp):
                    return list(nlp.pipe(corpus))

            def ours(corpus=corpus, lang=lang):
                return [extract(article, lang) for article in corpus]

            # warm both paths on a slice so lazy initialisation is not timed
            for article in corpus[:3]:
                extract(article, lang)
            ref_rate, our_rate = _best_rates(n, reference, ours, runs)
            self.stdout.write(
                f"{lang}: {n} words in {len(corpus)} articles | ours {our_rate:,.0f} words/s | "
                f"{reference_name} {ref_rate:,.0f} words/s | ratio {our_rate / ref_rate:.2f}"
            )
            if lang == "de" and pipeline.GERMAN_NER_ENABLED and loaders.german_ner() is not None:
                pipeline.GERMAN_NER_ENABLED = False
                try:
                    ref_rate, our_rate = _best_rates(n, reference, ours, runs)
                finally:
                    pipeline.GERMAN_NER_ENABLED = True
                self.stdout.write(
                    f"de without the trained NER (rules only): ours {our_rate:,.0f} words/s | "
                    f"{reference_name} {ref_rate:,.0f} words/s | ratio {our_rate / ref_rate:.2f}"
                )
            if lang == "de":
                self._german_with_model(n, corpus, words, runs, model)
                self._german_floors(n, corpus, reference, reference_name, runs)
        self.stdout.write(f"RSS after the run with en, de and fr loaded: {_rss_mb():.0f} MB")

    def _german_with_model(self, n, corpus, words: int, runs: int, folder: Path | None) -> None:
        """German with the learned layers against en_core_web_sm nlp.pipe over English of the
        same size, timed alternately in this run (the speed target of the learned model)."""
        if folder is None:
            self.stdout.write("de with a learned model: none given (pass --model DIR)")
            return
        try:
            model = LearnedModel.load(folder)
        except ModelError as exc:
            raise CommandError(str(exc)) from exc
        english = build_corpus("en", words)
        n_en = sum(len(article.split()) for article in english)
        nlp_en = loaders.pipeline_for("en")
        list(nlp_en.pipe(english[:3]))
        for article in corpus[:3]:
            extract(article, "de", model=model)
        best_ref = best_ours = float("inf")
        for _ in range(runs):
            started = time.perf_counter()
            list(nlp_en.pipe(english))
            best_ref = min(best_ref, time.perf_counter() - started)
            started = time.perf_counter()
            for article in corpus:
                extract(article, "de", model=model)
            best_ours = min(best_ours, time.perf_counter() - started)
        ours, ref = n / best_ours, n_en / best_ref
        self.stdout.write(
            f"de with the learned model {model.version}: ours {ours:,.0f} words/s | "
            f"en_core_web_sm nlp.pipe (English, {n_en} words) {ref:,.0f} words/s | ratio {ours / ref:.2f}"
        )

    def _german_floors(self, n, corpus, reference, reference_name, runs) -> None:
        """What the German ratio can reach at most: the first stage alone (tokens and
        sentences, no extraction), and the tokenizer plus one Python object per token."""
        nlp = loaders.pipeline_for("de")
        tokenizer = nlp.tokenizer

        def tokens_and_sentences():
            return [build_article(article, "de", nlp, parsed=False) for article in corpus]

        def one_object_per_token():
            return [[Tok(t.text, t.idx, t.i) for t in tokenizer(article)] for article in corpus]

        for label, stage in (
            ("first stage only (tokens and sentences, no extraction)", tokens_and_sentences),
            ("floor: tokenizer + one Python object per token", one_object_per_token),
        ):
            ref_rate, rate = _best_rates(n, reference, stage, runs)
            self.stdout.write(
                f"de {label}: {rate:,.0f} words/s | {reference_name} {ref_rate:,.0f} words/s | "
                f"ratio {rate / ref_rate:.2f}"
            )
