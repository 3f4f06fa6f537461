from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q

from annotations.models import Country
from annotations.search.filters import person_filter
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
        field_name="uploaded_at__date",
        label="Uploaded between",
        widget=django_filters.widgets.RangeWidget(attrs={"type": "date"}),
    )
    published = django_filters.DateFromToRangeFilter(
        label="Published between", widget=django_filters.widgets.RangeWidget(attrs={"type": "date"})
    )
    order = django_filters.OrderingFilter(
        fields=(("uploaded_at", "uploaded"), ("published", "published"), ("title", "title")),
        widget=forms.Select,
        label="Order by",
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


LANGUAGES = [("de", "German"), ("en", "English"), ("fr", "French")]


class ReviewQueueFilter(django_filters.FilterSet):
    """The review queue: extracted, unreviewed articles, narrowed by language, source, date, assignee."""

    ASSIGNED = [("me", "Assigned to me"), ("unassigned", "Nobody"), ("others", "Someone else")]

    language = django_filters.ChoiceFilter(choices=LANGUAGES, empty_label="Any language")
    source = django_filters.ModelChoiceFilter(
        queryset=Source.objects.only("pk", "name"), empty_label="Any source"
    )
    published = django_filters.DateFromToRangeFilter(
        label="Published between", widget=django_filters.widgets.RangeWidget(attrs={"type": "date"})
    )
    assigned = django_filters.ChoiceFilter(
        choices=ASSIGNED, method="filter_assigned", label="Assigned", empty_label="Anyone or nobody"
    )

    class Meta:
        model = Article
        fields = ["language", "source", "published", "assigned"]

    def filter_assigned(self, queryset, name, value):
        user = self.request.user
        if value == "me":
            return queryset.filter(assigned_to=user)
        if value == "unassigned":
            return queryset.filter(assigned_to__isnull=True)
        return queryset.exclude(assigned_to=user).filter(assigned_to__isnull=False)
