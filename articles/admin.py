from django.contrib import admin

from articles.models import Article, Source, SourceChange, Upload, UploadItem


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    """Read-only here: sources change on the app's source pages, which record every change."""

    list_display = ["name", "language", "country", "active"]
    list_filter = ["active", "language"]
    search_fields = ["name"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SourceChange)
class SourceChangeAdmin(admin.ModelAdmin):
    list_display = ["source_name", "action", "username", "at"]
    list_filter = ["action"]
    search_fields = ["source_name", "username"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "language", "published", "status", "review_state", "uploaded_at"]
    list_filter = ["status", "review_state", "language", "source"]
    search_fields = ["title"]
    list_select_related = ["source"]
    raw_id_fields = ["uploaded_by", "reviewed_by"]
    readonly_fields = ["content_hash", "uploaded_at", "status_changed_at", "extraction_task_id"]


class UploadItemInline(admin.TabularInline):
    model = UploadItem
    raw_id_fields = ["article"]
    extra = 0


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["pk", "uploaded_by", "created_at"]
    inlines = [UploadItemInline]
