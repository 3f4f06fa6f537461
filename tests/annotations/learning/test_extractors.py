"""Annotated corpora in and out, training from reviewed articles, adoption, the admin page."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from annotations import services
from annotations.models import ExtractionRun, ExtractorVersion, Origin, Quote, Status
from annotations.selectors import training_examples
from annotations.tasks import article_extract
from articles.models import Article
from tests.annotations.nlp.test_learned import org_article

pytestmark = pytest.mark.django_db


def write_corpus(folder, examples):
    folder.mkdir(parents=True, exist_ok=True)
    for ex in examples:
        (folder / ex.name).write_text(ex.text, encoding="utf-8")
        gold = {"file": ex.name, "language": "de", "title": ex.text.split("\n")[0], "quotes": ex.quotes}
        (folder / ex.name.replace(".txt", ".gold.json")).write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_import_makes_reviewed_articles_with_an_analysts_quotes(tmp_path):
    corpus = write_corpus(tmp_path / "in", [org_article(n) for n in range(3)])
    out = StringIO()
    call_command("import_annotated", str(corpus), stdout=out)
    assert "imported 3 articles with 3 quotes" in out.getvalue()
    article = Article.objects.get(original_name="org_01.txt")
    assert article.review_state == Article.Review.REVIEWED
    assert article.status == Article.Status.DONE
    assert article.title == "Streit um die Reform in Stadt 1"
    quote = Quote.objects.get(article=article)
    assert (quote.origin, quote.status, quote.speaker_name) == (Origin.PERSON, Status.ACCEPTED, "Konzern")
    assert article.body[quote.start : quote.end] == "die Löhne seien zu niedrig"


def test_export_then_import_round_trips(tmp_path):
    examples = [org_article(n) for n in range(3)]
    call_command("import_annotated", str(write_corpus(tmp_path / "in", examples)), stdout=StringIO())
    call_command("export_annotated", str(tmp_path / "out"), stdout=StringIO())
    for ex in examples:
        gold = json.loads(
            (tmp_path / "out" / ex.name.replace(".txt", ".gold.json")).read_text(encoding="utf-8")
        )
        assert gold["file"] == ex.name and gold["language"] == "de"
        assert gold["title"] == ex.text.split("\n")[0]
        assert [(q["text"], q["speaker"], q["direct"]) for q in gold["quotes"]] == [
            (q["text"], q["speaker"], q["direct"]) for q in ex.quotes
        ]
    # the exported text is the same article: importing it again finds it archived
    out = StringIO()
    call_command("import_annotated", str(tmp_path / "out"), stdout=out)
    assert "imported 0 articles with 0 quotes; 3 already archived" in out.getvalue()


def test_rejected_quotes_and_unreviewed_articles_are_not_training_data(tmp_path, analyst):
    call_command(
        "import_annotated", str(write_corpus(tmp_path, [org_article(n) for n in range(2)])), stdout=StringIO()
    )
    first = Quote.objects.get(article__original_name="org_00.txt")
    services.quote_reject(user=analyst, quote=first, version=first.version)
    Article.objects.filter(original_name="org_01.txt").update(review_state=Article.Review.UNREVIEWED)
    examples = training_examples(language="de")
    assert [(name, quotes) for name, _body, quotes in examples] == [("org_00.txt", [])]


def test_bad_folder_changes_nothing(tmp_path):
    (tmp_path / "a.gold.json").write_text("{broken", encoding="utf-8")
    err = StringIO()
    with pytest.raises(Exception, match="no article could be imported"):
        call_command("import_annotated", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "a.gold.json" in err.getvalue()
    assert not Article.objects.exists()


@pytest.fixture
def trained(tmp_path):
    """Train from 40 reviewed articles in the database: the model beats the rules and is adopted."""
    call_command(
        "import_annotated",
        str(write_corpus(tmp_path / "in", [org_article(n) for n in range(40)])),
        stdout=StringIO(),
    )
    out = StringIO()
    call_command("train_extractor", "--language", "de", "--out", str(tmp_path / "model"), stdout=out)
    return tmp_path / "model", out.getvalue()


def test_training_from_the_database_reports_and_adopts_a_better_model(trained):
    folder, output = trained
    assert "learning curve" in output and "rules: quotes F1" in output and "adopted de" in output
    version = ExtractorVersion.objects.get()
    assert version.adopted and version.path == str(folder.resolve())
    assert version.held_out["attributed_f1"] > version.rules_held_out["attributed_f1"]
    assert len(version.learning_curve) == 3


def test_a_model_no_better_than_the_adopted_one_is_recorded_but_not_adopted(trained, tmp_path):
    call_command("train_extractor", "--out", str(tmp_path / "again"), stdout=StringIO())
    first, second = ExtractorVersion.objects.order_by("created_at", "pk")
    assert first.adopted and not second.adopted
    # same slice, same score: no gain
    assert second.current_held_out["attributed_f1"] == second.held_out["attributed_f1"]


def test_the_worker_uses_the_adopted_model_and_records_it_keeping_corrections(trained, analyst, client_as):
    text = (
        "Neue Pläne für den Hafen\n\nDer Verein warnte am Dienstag vor den Folgen. "
        "Sprecher Moritz Engel erklärte, die Mieten würden weiter steigen. "
        "„Das ist ein schwerer Fehler für die ganze Stadt“, sagte Engel."
    )
    article = Article.objects.create(title="Hafen", body=text, language="de", content_hash="hafen-1")
    article_extract.run(article.pk)
    run = ExtractionRun.objects.get(article=article)
    assert run.extractor == ExtractorVersion.objects.get(adopted=True)
    assert "+" in run.version
    learned = Quote.objects.get(article=article, text="die Mieten würden weiter steigen")
    assert learned.speaker_name == "Verein"
    page = client_as(analyst).get(reverse("article_detail", args=[article.pk]))
    assert f"the learned extractor de {run.extractor.version}" in page.text
    # an analyst corrects one quote; a re-run with the model keeps the correction
    services.quote_accept(user=analyst, quote=learned, version=learned.version)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)
    article_extract.run(article.pk)
    kept = Quote.objects.get(pk=learned.pk)
    assert kept.status == Status.ACCEPTED and kept.run_id == run.pk


def test_extract_command_uses_a_given_model(trained, tmp_path):
    folder, _ = trained
    path = tmp_path / "hafen.txt"
    path.write_text(
        "Hafen\n\nDer Verein warnte am Dienstag vor den Folgen. Sprecher Moritz Engel erklärte, die Mieten "
        "würden weiter steigen.\n",
        encoding="utf-8",
    )
    speakers = {}
    for args in (["--model", str(folder)], ["--rules"], []):
        out = StringIO()
        call_command("extract", str(path), "--json", *args, stdout=out)
        speakers[" ".join(args[:1])] = [q["speaker"] for q in json.loads(out.getvalue())["quotes"]]
    assert speakers == {"--model": ["Verein"], "--rules": ["Moritz Engel"], "": ["Verein"]}  # "": the adopted


# ---- admin page ---------------------------------------------------------------------


def make_version(language="de", version="v1", **extra):
    return ExtractorVersion.objects.create(
        language=language,
        version=version,
        path="/nonexistent",
        held_out={"quotes_f1": 0.7, "attributed_f1": 0.6, "speaker_share": 0.8},
        **extra,
    )


PAGES = [
    ("extractor_list", "get", lambda v: []),
    ("extractor_adopt", "post", lambda v: [v.pk]),
    ("extractor_rollback", "post", lambda v: [v.language]),
]


@pytest.mark.parametrize(("name", "method", "args"), PAGES)
def test_anonymous_is_sent_to_login(client, name, method, args):
    response = getattr(client, method)(reverse(name, args=args(make_version())))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", ["viewer", "analyst", "stranger"])
@pytest.mark.parametrize(("name", "method", "args"), PAGES)
def test_only_admins_may(client_as, request, who, name, method, args):
    version = make_version()
    response = getattr(client_as(request.getfixturevalue(who)), method)(reverse(name, args=args(version)))
    assert response.status_code == 403
    assert not ExtractorVersion.objects.get(pk=version.pk).adopted


@pytest.mark.parametrize(("name", "method", "args"), PAGES)
def test_wrong_method_is_405(client_as, admin_user, name, method, args):
    other = "post" if method == "get" else "get"
    response = getattr(client_as(admin_user), other)(reverse(name, args=args(make_version())))
    assert response.status_code == 405


def test_unknown_version_or_language_is_404(client_as, admin_user):
    client = client_as(admin_user)
    assert client.post(reverse("extractor_adopt", args=[999999])).status_code == 404
    assert client.post(reverse("extractor_rollback", args=["xx"])).status_code == 404
    assert client.get(reverse("extractor_list") + "?page=99").status_code == 404


def test_admin_lists_adopts_and_rolls_back(client_as, admin_user, django_assert_max_num_queries):
    first = make_version(version="v1")
    second = make_version(version="v2")
    english = make_version(language="en", version="e1")
    client = client_as(admin_user)
    assert client.post(reverse("extractor_adopt", args=[first.pk])).status_code == 302
    assert client.post(reverse("extractor_adopt", args=[second.pk])).status_code == 302
    client.post(reverse("extractor_adopt", args=[english.pk]))
    assert list(
        ExtractorVersion.objects.adopted().order_by("language").values_list("version", flat=True)
    ) == [
        "v2",
        "e1",
    ]
    for n in range(20):
        make_version(version=f"old{n}")
    with django_assert_max_num_queries(8):
        page = client.get(reverse("extractor_list"))
    assert page.status_code == 200 and "v2" in page.text and "in use since" in page.text
    client.post(reverse("extractor_rollback", args=["de"]))
    assert ExtractorVersion.objects.get(language="de", adopted=True) == first
    client.post(reverse("extractor_rollback", args=["de"]))
    assert not ExtractorVersion.objects.filter(language="de", adopted=True).exists()  # the rules
    assert ExtractorVersion.objects.get(language="en").adopted


def test_cross_validation_scores_every_article_once_next_to_the_rules(tmp_path):
    corpus = write_corpus(tmp_path / "in", [org_article(n) for n in range(24)])
    out = StringIO()
    call_command(
        "train_extractor",
        "--corpus",
        str(corpus),
        "--out",
        str(tmp_path / "model"),
        "--no-register",
        "--no-curve",
        "--cross-validate",
        "3",
        stdout=out,
    )
    assert "3-fold cross-validation over all 24 articles:" in out.getvalue()
    meta = json.loads((tmp_path / "model" / "extractor.json").read_text(encoding="utf-8"))["meta"]
    cv = meta["cross_validation"]
    assert cv["folds"] == 3
    # one gold quote per article, each scored once, by a model that did not see it
    assert cv["rules"]["gold"] == cv["model"]["gold"] == 24
    assert cv["model"]["attributed_f1"] > cv["rules"]["attributed_f1"]


def test_the_extractors_page_shows_a_versions_cross_validation(tmp_path, admin_user, client_as):
    corpus = write_corpus(tmp_path / "in", [org_article(n) for n in range(24)])
    common = ["--corpus", str(corpus), "--no-curve"]
    call_command("train_extractor", *common, "--out", str(tmp_path / "plain"), stdout=StringIO())
    call_command(
        "train_extractor", *common, "--out", str(tmp_path / "cv"), "--cross-validate", "3", stdout=StringIO()
    )
    plain, checked = ExtractorVersion.objects.order_by("created_at", "pk")
    assert plain.cross_validation == {}
    cv = checked.cross_validation
    assert cv["folds"] == 3 and cv["model"]["gold"] == 24
    page = client_as(admin_user).get(reverse("extractor_list")).text
    model, rules = cv["model"], cv["rules"]
    assert f"{model['quotes_f1']} / {model['attributed_f1']} / {model['speaker_share']}" in page
    assert f"({rules['quotes_f1']} / {rules['attributed_f1']} / {rules['speaker_share']}), 3 folds" in page
    assert "not run" in page  # the version trained without it
