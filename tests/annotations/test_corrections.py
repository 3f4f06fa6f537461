"""Correction services: each change is validated, versioned, recorded, and can be undone."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from annotations import services
from annotations.models import Correction, Country, Mention, Origin, Person, Quote, Status
from articles.models import Article

BODY = (
    "Kremlsprecher Dmitri Peskow sagte in Moskau, Russland sei bereit. "
    "„Wir sind offen“, sagte Peskow. Auch Georgien und Frankreich wurden genannt."
)


def span(text: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = BODY.index(text, start + 1)
    return start, start + len(text)


@pytest.fixture
def peskow(db):
    return Person.objects.create(name="Dmitri Peskow")


@pytest.fixture
def georgia(db):
    # The gazetteer may be empty in a fresh checkout; the test brings the row it needs.
    country, _ = Country.objects.get_or_create(
        alpha2="GE",
        defaults={"alpha3": "GEO", "name_en": "Georgia", "name_de": "Georgien", "name_fr": "Géorgie"},
    )
    return country


@pytest.fixture
def article(db):
    return Article.objects.create(title="Kreml", body=BODY, content_hash="e" * 64, status="done")


def machine_mention(article, text, label, occurrence=1, **extra):
    start, end = span(text, occurrence)
    return Mention.objects.create(
        article=article, start=start, end=end, label=label, text=text, origin=Origin.MACHINE, **extra
    )


@pytest.fixture
def quote(article, peskow):
    start, end = span("Wir sind offen")
    s_start, s_end = span("Peskow", 2)
    return Quote.objects.create(
        article=article,
        start=start,
        end=end,
        text="Wir sind offen",
        direct=True,
        speaker=peskow,
        speaker_start=s_start,
        speaker_end=s_end,
        origin=Origin.MACHINE,
    )


def test_accept_bumps_version_and_records(analyst, article):
    mention = machine_mention(article, "Moskau", "LOC")
    services.mention_accept(user=analyst, mention=mention, version=1)
    mention.refresh_from_db()
    assert (mention.status, mention.version) == (Status.ACCEPTED, 2)
    correction = Correction.objects.get()
    assert correction.user == analyst and correction.article == article
    assert correction.action == Correction.Action.ACCEPT
    assert correction.before == {f"mention:{mention.pk}": {"status": "proposed", "version": 1}}
    assert correction.after == {f"mention:{mention.pk}": {"status": "accepted", "version": 2}}


def test_stale_version_is_a_conflict_and_writes_nothing(analyst, article):
    mention = machine_mention(article, "Moskau", "LOC")
    services.mention_reject(user=analyst, mention=mention, version=1)
    with pytest.raises(services.AnnotationConflict) as excinfo:
        services.mention_accept(user=analyst, mention=mention, version=1)
    assert excinfo.value.annotation.status == Status.REJECTED
    mention.refresh_from_db()
    assert (mention.status, mention.version) == (Status.REJECTED, 2)
    assert Correction.objects.count() == 1


def test_reject_then_undo(analyst, article):
    mention = machine_mention(article, "Moskau", "LOC")
    services.mention_reject(user=analyst, mention=mention, version=1)
    services.correction_undo(user=analyst, correction=Correction.objects.get())
    mention.refresh_from_db()
    assert mention.status == Status.PROPOSED and mention.version == 3
    correction = Correction.objects.get()
    assert correction.undone and correction.undone_by == analyst and correction.undone_at
    with pytest.raises(ValidationError):
        services.correction_undo(user=analyst, correction=correction)


def test_create_validates_span_and_links_by_name(analyst, article, peskow, georgia):
    for start, end in [(-1, 3), (5, 5), (7, 3), (0, len(BODY) + 1)]:
        with pytest.raises(ValidationError):
            services.mention_create(user=analyst, article=article, start=start, end=end, label="PERSON")
    with pytest.raises(ValidationError):
        services.mention_create(user=analyst, article=article, start=0, end=4, label="NONSENSE")
    start, end = span("Dmitri Peskow")
    mention = services.mention_create(user=analyst, article=article, start=start, end=end, label="PERSON")
    assert mention.person == peskow and mention.text == "Dmitri Peskow"
    assert (mention.origin, mention.status, mention.created_by) == (Origin.PERSON, Status.ACCEPTED, analyst)
    start, end = span("Georgien")
    country = services.mention_create(user=analyst, article=article, start=start, end=end, label="COUNTRY")
    assert country.country.alpha2 == "GE"
    assert Correction.objects.filter(action="create").count() == 2
    services.correction_undo(user=analyst, correction=Correction.objects.filter(action="create").first())
    assert not Mention.objects.filter(pk=country.pk).exists()


def test_move_updates_text_and_marks_edited(analyst, article):
    mention = machine_mention(article, "Peskow", "PERSON")
    start, end = span("Dmitri Peskow")
    services.mention_move(user=analyst, mention=mention, version=1, start=start, end=end)
    mention.refresh_from_db()
    assert (mention.text, mention.status, mention.version) == ("Dmitri Peskow", Status.EDITED, 2)
    with pytest.raises(ValidationError):
        services.mention_move(user=analyst, mention=mention, version=2, start=10, end=len(BODY) + 5)
    services.correction_undo(user=analyst, correction=Correction.objects.get())
    mention.refresh_from_db()
    assert (mention.text, mention.status) == ("Peskow", Status.PROPOSED)


def test_link_fixes_label(analyst, article, peskow, georgia):
    mention = machine_mention(article, "Georgien", "PERSON")
    services.mention_link(user=analyst, mention=mention, version=1, country=georgia)
    mention.refresh_from_db()
    assert (mention.label, mention.country, mention.person, mention.status) == (
        "COUNTRY",
        georgia,
        None,
        Status.EDITED,
    )
    with pytest.raises(ValidationError):
        services.mention_link(user=analyst, mention=mention, version=2)


def test_quote_speaker_set_to_new_person_and_undo(analyst, article, quote):
    services.quote_speaker_set(user=analyst, quote=quote, version=1, new_speaker_name="  Maria  Sacharowa ")
    quote.refresh_from_db()
    maria = Person.objects.get(name="Maria Sacharowa")
    assert maria.confirmed and quote.speaker == maria and quote.status == Status.EDITED
    assert quote.speaker_start is None  # no mention of her in the text
    services.correction_undo(user=analyst, correction=Correction.objects.get())
    quote.refresh_from_db()
    assert quote.speaker.name == "Dmitri Peskow" and quote.speaker_start is not None
    assert not Person.objects.filter(name="Maria Sacharowa").exists()


def test_quote_speaker_span_follows_the_speakers_mention(analyst, article, quote, peskow):
    other = Person.objects.create(name="Emmanuel Macron")
    services.quote_speaker_set(user=analyst, quote=quote, version=1, speaker=other)
    quote.refresh_from_db()
    assert quote.speaker_start is None
    machine_mention(article, "Peskow", "PERSON", occurrence=1, person=peskow)
    services.quote_speaker_set(user=analyst, quote=quote, version=2, speaker=peskow)
    quote.refresh_from_db()
    assert (quote.speaker_start, quote.speaker_end) == span("Peskow", 1)


def test_quote_create_and_delete(analyst, article, peskow, quote):
    start, end = span("Russland sei bereit")
    added = services.quote_create(
        user=analyst, article=article, start=start, end=end, direct=False, speaker=peskow
    )
    assert added.text == "Russland sei bereit" and added.origin == Origin.PERSON
    with pytest.raises(ValidationError):
        services.quote_create(user=analyst, article=article, start=end, end=start, direct=True)
    services.quote_delete(user=analyst, quote=added, version=1)
    assert not Quote.objects.filter(pk=added.pk).exists()
    services.quote_delete(user=analyst, quote=quote, version=1)
    quote.refresh_from_db()
    assert quote.status == Status.REJECTED  # a machine quote stays, rejected, so a re-run keeps it out
    delete = Correction.objects.filter(action="quote_delete").order_by("pk").first()
    services.correction_undo(user=analyst, correction=delete)
    restored = Quote.objects.get(pk=added.pk)
    assert restored.text == "Russland sei bereit" and restored.speaker == peskow


def test_person_merge_moves_aliases_mentions_quotes_and_undoes(analyst, article, quote, peskow):
    short = Person.objects.create(name="Peskow", aliases=["D. Peskow"])
    mention = machine_mention(article, "Peskow", "PERSON", occurrence=2, person=short)
    Quote.objects.filter(pk=quote.pk).update(speaker=short)
    services.person_merge(user=analyst, source=short, target=peskow, article=article)
    peskow.refresh_from_db()
    assert peskow.aliases == ["Peskow", "D. Peskow"] and peskow.confirmed
    assert not Person.objects.filter(pk=short.pk).exists()
    mention.refresh_from_db()
    quote.refresh_from_db()
    assert mention.person == peskow and quote.speaker == peskow and mention.version == 2
    with pytest.raises(ValidationError):
        services.person_merge(user=analyst, source=peskow, target=peskow)
    services.correction_undo(user=analyst, correction=Correction.objects.get())
    peskow.refresh_from_db()
    mention.refresh_from_db()
    quote.refresh_from_db()
    assert Person.objects.get(pk=short.pk).aliases == ["D. Peskow"]
    assert peskow.aliases == []
    assert mention.person_id == short.pk and quote.speaker_id == short.pk


def test_accept_all_of_one_kind(analyst, article, quote):
    persons = [machine_mention(article, "Peskow", "PERSON", occurrence=n) for n in (1, 2)]
    country = machine_mention(article, "Russland", "COUNTRY")
    services.mention_reject(user=analyst, mention=persons[1], version=1)
    assert services.annotations_accept_all(user=analyst, article=article, kind="PERSON") == 1
    assert Mention.objects.get(pk=persons[0].pk).status == Status.ACCEPTED
    assert Mention.objects.get(pk=persons[1].pk).status == Status.REJECTED
    assert Mention.objects.get(pk=country.pk).status == Status.PROPOSED
    assert services.annotations_accept_all(user=analyst, article=article, kind="PERSON") == 0
    assert services.annotations_accept_all(user=analyst, article=article, kind="QUOTE") == 1
    with pytest.raises(ValidationError):
        services.annotations_accept_all(user=analyst, article=article, kind="BOGUS")
    services.correction_undo(
        user=analyst,
        correction=Correction.objects.get(
            action="accept_all", target_id=article.pk, summary__contains="person"
        ),
    )
    assert Mention.objects.get(pk=persons[0].pk).status == Status.PROPOSED


def test_review_is_recorded_and_undone(analyst, article):
    services.article_review_set(user=analyst, article=article, reviewed=True)
    article.refresh_from_db()
    assert article.review_state == "reviewed" and article.reviewed_by == analyst
    services.correction_undo(user=analyst, correction=Correction.objects.get())
    article.refresh_from_db()
    assert (
        article.review_state == "unreviewed" and article.reviewed_by is None and article.reviewed_at is None
    )


def test_undo_refuses_when_a_later_correction_changed_the_row(analyst, article):
    mention = machine_mention(article, "Moskau", "LOC")
    services.mention_reject(user=analyst, mention=mention, version=1)
    first = Correction.objects.get()
    services.mention_accept(user=analyst, mention=mention, version=2)
    with pytest.raises(services.AnnotationConflict):
        services.correction_undo(user=analyst, correction=first)
    first.refresh_from_db()
    assert not first.undone
    services.correction_undo(user=analyst, correction=Correction.objects.exclude(pk=first.pk).get())
    services.correction_undo(user=analyst, correction=first)
    assert Mention.objects.get(pk=mention.pk).status == Status.PROPOSED


def test_accepting_twice_records_once(analyst, article):
    mention = machine_mention(article, "Moskau", "LOC")
    services.mention_accept(user=analyst, mention=mention, version=1)
    services.mention_accept(user=analyst, mention=mention, version=2)
    mention.refresh_from_db()
    assert mention.version == 2 and Correction.objects.count() == 1


def test_the_same_span_is_not_added_twice(analyst, article):
    start, end = span("Moskau")
    services.mention_create(user=analyst, article=article, start=start, end=end, label="LOC")
    with pytest.raises(ValidationError):
        services.mention_create(user=analyst, article=article, start=start, end=end, label="LOC")
    services.mention_create(user=analyst, article=article, start=start, end=end, label="COUNTRY")
    services.quote_create(user=analyst, article=article, start=start, end=end, direct=False)
    with pytest.raises(ValidationError):
        services.quote_create(user=analyst, article=article, start=start, end=end, direct=True)
