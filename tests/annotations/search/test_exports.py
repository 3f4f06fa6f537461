"""Streamed exports of filtered lists, and annotations with offsets for training."""

from __future__ import annotations

import csv
import io
import json

from django.http import StreamingHttpResponse
from django.urls import reverse


def _body(response) -> str:
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def test_quote_csv_follows_the_filters(client_as, viewer, archive):
    response = client_as(viewer).get(
        reverse("quote_export", args=["csv"]), {"person": "Песков", "language": "de"}
    )
    assert response["Content-Disposition"].startswith('attachment; filename="quotes-')
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert [int(r["quote_id"]) for r in rows] == [archive.q_de.pk]
    assert rows[0]["speaker"] == "Dmitri Peskow" and rows[0]["source"] == "dpa"


def test_quote_jsonl(client_as, viewer, archive):
    body = _body(client_as(viewer).get(reverse("quote_export", args=["jsonl"]), {"person": "Peskov"}))
    records = [json.loads(line) for line in body.splitlines()]
    assert [r["quote_id"] for r in records] == [archive.q_de.pk, archive.q_en.pk]
    assert records[0]["published"] == "2025-02-03"


def test_article_exports(client_as, viewer, archive):
    client = client_as(viewer)
    rows = list(
        csv.DictReader(
            io.StringIO(_body(client.get(reverse("article_export", args=["csv"]), {"q": "Kreml"})))
        )
    )
    assert [int(r["article_id"]) for r in rows] == [archive.de.pk]
    body = _body(client.get(reverse("article_export", args=["jsonl"]), {"country": "FR"}))
    assert [json.loads(line)["article_id"] for line in body.splitlines()] == [archive.en.pk]


def test_annotations_carry_offsets_into_the_text(client_as, viewer, archive, django_assert_max_num_queries):
    client = client_as(viewer)
    with django_assert_max_num_queries(12):
        body = _body(client.get(reverse("annotation_export"), {"language": "en"}))
    (record,) = [json.loads(line) for line in body.splitlines()]
    text = record["text"]
    assert {text[m["start"] : m["end"]] for m in record["mentions"]} == {"Russia", "North Korea", "France"}
    (quote,) = record["quotes"]  # the rejected one is left out
    assert text[quote["start"] : quote["end"]] == archive.q_en.text
    assert quote["speaker"] == "Peskov"


def test_unknown_format_is_404(client_as, viewer, archive):
    assert client_as(viewer).get("/quotes/export.xml").status_code == 404
