"""Re-running extraction on an article corrected in every way: human work stays, the machine adds."""

from __future__ import annotations

import pytest

from annotations import services
from annotations.models import Correction, Country, Mention, Origin, Person, Quote, Status
from annotations.nlp import EntitySpan, ExtractionResult, QuoteSpan
from articles import services as articles_services
from articles.models import Article

BODY = (
    "Kremlsprecher Dmitri Peskow sagte am Mittwoch in Moskau, Russland sei bereit. "
    "„Wir bereiten den Besuch vor“, sagte Peskow. "
    "Georgien und Frankreich wurden genannt, ebenso die NATO und die Vereinten Nationen. "
    "Die Sprecherin Maria Sacharowa sagte, man werde reagieren. "
    "„Das ist eine Provokation“, hieß es aus dem Ministerium."
)


def at(text: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = BODY.index(text, start + 1)
    return start, start + len(text)


def mention(text, label, occurrence=1, key=None):
    start, end = at(text, occurrence)
    return EntitySpan(start, end, label, text, key)


def quote(text, speaker=None, speaker_text=None, direct=True):
    start, end = at(text)
    s_start, s_end = at(speaker_text) if speaker_text else (None, None)
    return QuoteSpan(
        start, end, text, direct, "sagte", speaker, s_start, s_end, "PERSON" if speaker else None
    )


def first_run() -> ExtractionResult:
    return ExtractionResult(
        language="de",
        pipeline="test",
        version="1",
        mentions=[
            mention("Dmitri Peskow", "PERSON", key="Dmitri Peskow"),  # accepted
            mention("Peskow", "PERSON", occurrence=2, key="Peskow"),  # moved, then merged
            mention("Georgien", "PERSON", key="Georgien"),  # rejected
            mention("Russland", "PERSON", key="Russland"),  # relinked to the country
            mention("Moskau", "LOC"),  # accepted with all places
            mention("NATO", "ORG"),  # left untouched: the machine may replace it
        ],
        quotes=[
            quote("Wir bereiten den Besuch vor", "Peskow", "Peskow"),  # speaker changed
            quote("Das ist eine Provokation"),  # removed
        ],
    )


def second_run() -> ExtractionResult:
    """The machine's new output, overlapping every correction."""
    return ExtractionResult(
        language="de",
        pipeline="test",
        version="2",
        mentions=[
            mention("Dmitri Peskow", "PERSON", key="Dmitri Peskow"),
            mention("Peskow", "PERSON", occurrence=2, key="Peskow"),
            mention("Georgien", "PERSON", key="Georgien"),
            mention("Russland", "PERSON", key="Russland"),
            mention("Moskau", "LOC"),
            mention("Frankreich", "COUNTRY", key="FR"),  # the analyst added it already
            mention("Vereinten Nationen", "ORG"),  # new
            mention("Maria", "PERSON", key="Maria"),  # overlaps the analyst's Maria Sacharowa
        ],
        quotes=[
            quote("Wir bereiten den Besuch vor", "Peskow", "Peskow"),
            quote("Das ist eine Provokation"),
            quote("man werde reagieren", None, None, direct=False),  # the analyst added it
        ],
    )


def apply(article: Article, result: ExtractionResult, task_id: str):
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, extraction_task_id=task_id)
    run = services.extraction_apply(article_id=article.pk, task_id=task_id, result=result)
    assert run is not None
    return run


@pytest.fixture
def countries(db):
    for alpha2, alpha3, en, de in [
        ("FR", "FRA", "France", "Frankreich"),
        ("RU", "RUS", "Russia", "Russland"),
    ]:
        Country.objects.get_or_create(
            alpha2=alpha2, defaults={"alpha3": alpha3, "name_en": en, "name_de": de, "name_fr": en}
        )


def only(model, **filters):
    rows = list(model.objects.filter(**filters))
    assert len(rows) == 1, rows
    return rows[0]


def test_rerun_keeps_every_kind_of_correction(analyst, countries):
    article = Article.objects.create(title="Kreml", body=BODY, content_hash="f" * 64)
    # A namesake makes the bare "Peskow" ambiguous: it gets its own record, for the analyst to merge.
    Person.objects.create(name="Ivan Peskow")
    apply(article, first_run(), "run-1")
    m = {x.text: x for x in Mention.objects.filter(article=article)}
    q = {x.text: x for x in Quote.objects.filter(article=article)}
    untouched_nato = m["NATO"].pk

    # Correct the article in every way the workspace allows.
    services.mention_accept(user=analyst, mention=m["Dmitri Peskow"], version=1)
    services.mention_reject(user=analyst, mention=m["Georgien"], version=1)
    services.mention_link(
        user=analyst, mention=m["Russland"], version=1, country=Country.objects.get(alpha2="RU")
    )
    services.mention_move(
        user=analyst, mention=m["Peskow"], version=1, start=at("Peskow", 2)[0], end=at("Peskow", 2)[1] + 1
    )
    services.annotations_accept_all(user=analyst, article=article, kind="LOC")
    start, end = at("Frankreich")
    added_country = services.mention_create(
        user=analyst, article=article, start=start, end=end, label="COUNTRY"
    )
    start, end = at("Maria Sacharowa")
    added_person = services.mention_create(
        user=analyst, article=article, start=start, end=end, label="PERSON"
    )
    services.quote_speaker_set(
        user=analyst, quote=q["Wir bereiten den Besuch vor"], version=1, new_speaker_name="Maria Sacharowa"
    )
    services.quote_delete(user=analyst, quote=q["Das ist eine Provokation"], version=1)
    start, end = at("man werde reagieren")
    added_quote = services.quote_create(user=analyst, article=article, start=start, end=end, direct=False)
    services.person_merge(
        user=analyst,
        source=Person.objects.get(name="Peskow"),
        target=Person.objects.get(name="Dmitri Peskow"),
        article=article,
    )
    # Reviewed while the NATO proposal is still open (what a re-run of a reviewed article leaves):
    # article_review_set refuses that now, so the state is set directly.
    articles_services.article_mark_reviewed(article=article, user=analyst)
    corrections = Correction.objects.filter(article=article).count()
    assert corrections == 11

    run = apply(article, second_run(), "run-2")

    # Accepted and edited annotations stay as the analyst left them.
    assert only(Mention, article=article, text="Dmitri Peskow").status == Status.ACCEPTED
    moved = only(Mention, article=article, start=at("Peskow", 2)[0])
    assert (moved.status, moved.end, moved.person.name) == (
        Status.EDITED,
        at("Peskow", 2)[1] + 1,
        "Dmitri Peskow",
    )
    relinked = only(Mention, article=article, text="Russland")
    assert (relinked.label, relinked.country.alpha2, relinked.status) == ("COUNTRY", "RU", Status.EDITED)
    assert only(Mention, article=article, text="Moskau").status == Status.ACCEPTED
    assert only(Mention, article=article, text="Frankreich").pk == added_country.pk
    assert (
        only(Mention, article=article, start__lt=at("Maria Sacharowa")[1], end__gt=at("Maria")[0]).pk
        == added_person.pk
    )
    # Rejected annotations do not come back.
    assert only(Mention, article=article, text="Georgien").status == Status.REJECTED
    assert only(Quote, article=article, text="Das ist eine Provokation").status == Status.REJECTED
    # Quotes: the changed speaker and the added quote stay, no machine twin appears.
    changed = only(Quote, article=article, text="Wir bereiten den Besuch vor")
    assert (changed.speaker.name, changed.status) == ("Maria Sacharowa", Status.EDITED)
    assert only(Quote, article=article, text="man werde reagieren").pk == added_quote.pk
    # The merge holds: the machine's "Peskow" resolves to the merged person, no new Person row.
    assert not Person.objects.filter(name="Peskow").exists()
    # The untouched proposal was replaced; new output arrives as proposals of the new run.
    assert not Mention.objects.filter(pk=untouched_nato).exists()
    new = only(Mention, article=article, run=run)
    assert (new.text, new.status, new.origin) == ("Vereinten Nationen", Status.PROPOSED, Origin.MACHINE)
    assert not Quote.objects.filter(article=article, run=run).exists()
    # The review and the history survive.
    article.refresh_from_db()
    assert article.review_state == Article.Review.REVIEWED and article.status == Article.Status.DONE
    assert Correction.objects.filter(article=article).count() == corrections


def test_rejected_span_blocks_only_its_own_label(analyst, countries):
    """Rejecting "Georgien" as a person does not stop the machine from proposing it as a country."""
    article = Article.objects.create(title="Kreml", body=BODY, content_hash="a" * 64)
    apply(article, first_run(), "run-1")
    georgien = Mention.objects.get(article=article, text="Georgien")
    services.mention_reject(user=analyst, mention=georgien, version=1)
    result = second_run()
    result.mentions.append(mention("Georgien", "COUNTRY", key="GE"))
    run = apply(article, result, "run-2")
    assert Mention.objects.filter(article=article, text="Georgien", label="COUNTRY", run=run).exists()
    assert not Mention.objects.filter(article=article, text="Georgien", label="PERSON", run=run).exists()
