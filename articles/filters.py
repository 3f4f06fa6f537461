from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q

from annotations.filters import person_filter
from annotations.models import Country
from articles.models import Article, Source


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Text contains")
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.only("pk", "name_en", "alpha2"), method="filter_country", label="Country"
    )
    person = django_filters.CharFilter(method="filter_person", label="Person mentioned")
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
        fields = ["q", "country", "person", "source", "language", "status", "review_state"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(body__icontains=value))

    # Article.countries holds the countries of its visible mentions (kept by triggers).
    def filter_country(self, queryset, name, value):
        return queryset.filter(countries__contains=[value.pk])

    def filter_person(self, queryset, name, value):
        return person_filter(queryset, value)[0]
