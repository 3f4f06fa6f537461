from django.contrib import admin

from annotations.models import (
    Correction,
    Country,
    ExtractionRun,
    ExtractorVersion,
    Mention,
    Person,
    PersonDistinction,
    PersonQuoteMonth,
    Quote,
)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["alpha2", "alpha3", "name_en", "name_de", "name_fr"]
    search_fields = ["alpha2", "alpha3", "name_en", "name_de", "name_fr"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "description", "wikidata_id", "confirmed"]
    list_filter = ["kind", "confirmed"]
    search_fields = ["name"]


@admin.register(PersonDistinction)
class PersonDistinctionAdmin(admin.ModelAdmin):
    list_display = ["low", "high", "created_by", "created_at"]
    raw_id_fields = ["low", "high", "created_by"]


@admin.register(ExtractionRun)
class ExtractionRunAdmin(admin.ModelAdmin):
    list_display = ["article", "pipeline", "version", "status", "started_at", "finished_at"]
    list_filter = ["status", "pipeline"]
    raw_id_fields = ["article"]


@admin.register(ExtractorVersion)
class ExtractorVersionAdmin(admin.ModelAdmin):
    """Read-only here: adoption goes through the Extractors page (one adopted per language)."""

    list_display = ["language", "version", "created_at", "adopted", "adopted_at", "articles"]
    list_filter = ["language", "adopted"]
    readonly_fields = [f.name for f in ExtractorVersion._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "label", "article", "origin", "status"]
    list_filter = ["label", "origin", "status"]
    raw_id_fields = ["article", "run", "person", "country", "created_by"]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["text", "speaker", "speaker_name", "direct", "article", "origin", "status"]
    list_filter = ["direct", "origin", "status"]
    raw_id_fields = ["article", "run", "speaker", "created_by"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Listed and readable; written only by the services or triggers that own the rows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdmin):
    """The history is evidence: readable here, changed only by the correction services."""

    list_display = ["created_at", "user", "action", "summary", "article", "undone"]
    list_filter = ["action", "undone"]
    list_select_related = ["user", "article"]
    raw_id_fields = ["article", "user", "undone_by"]


@admin.register(PersonQuoteMonth)
class PersonQuoteMonthAdmin(ReadOnlyAdmin):
    """Derived from the quotes by database triggers: readable here, never edited."""

    list_display = ["person", "month", "count"]
    list_select_related = ["person"]
    raw_id_fields = ["person"]
