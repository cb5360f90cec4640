from __future__ import annotations

from django.contrib import admin

from concord.core.models import AuditEntry, Party


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The admin is for looking; every change goes through the pages, the API and the CLI,
    whose services validate and audit it."""

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Party)
class PartyAdmin(ReadOnlyAdmin):
    list_display = ("code", "kind", "name_en", "name_ru")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("seq", "at", "actor_name", "party_code", "action", "target_type",
                    "target_id", "outcome", "client_address")
    list_filter = ("outcome", "party_code")
    search_fields = ("action", "target_id", "actor_name")
    date_hierarchy = "at"
