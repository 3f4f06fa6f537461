from __future__ import annotations

import django_filters
from django import forms

from articles.models import Article, Source


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title contains")
    source = django_filters.ModelChoiceFilter(queryset=Source.objects.all())
    language = django_filters.ChoiceFilter(choices=[("de", "German"), ("en", "English"), ("fr", "French")])
    status = django_filters.ChoiceFilter(choices=Article.Status.choices)
    review_state = django_filters.ChoiceFilter(choices=Article.Review.choices, label="Review")
    uploaded = django_filters.DateFromToRangeFilter(
        field_name="uploaded_at__date", widget=django_filters.widgets.RangeWidget(attrs={"type": "date"})
    )
    published = django_filters.DateFromToRangeFilter(
        widget=django_filters.widgets.RangeWidget(attrs={"type": "date"})
    )
    order = django_filters.OrderingFilter(
        fields=(("uploaded_at", "uploaded"), ("published", "published"), ("title", "title")),
        widget=forms.Select,
    )

    class Meta:
        model = Article
        fields = ["q", "source", "language", "status", "review_state"]
