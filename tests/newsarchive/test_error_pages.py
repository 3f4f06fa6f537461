"""Styled error pages with navigation; the 500 page renders without a request context."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse


def test_404_page_has_navigation(client_as, viewer):
    response = client_as(viewer).get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Not found</h1>" in html and 'class="error-links"' in html and "/static/css/app" in html


def test_403_page_explains_the_roles(client_as, viewer):
    response = client_as(viewer).get(reverse("upload"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Not allowed</h1>" in html and "role: viewer" in html


def test_500_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "Something went wrong" in html and reverse("home") in html
