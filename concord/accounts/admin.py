from __future__ import annotations

from django.contrib import admin

from concord.accounts.models import ApiToken, User
from concord.core.admin import ReadOnlyAdmin


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = ("username", "party", "clearance", "is_active", "last_login")
    list_filter = ("party", "clearance", "is_active")
    search_fields = ("username", "first_name", "last_name", "email")
    exclude = ("password",)


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ("prefix", "user", "name", "created_at", "expires_at", "revoked_at")
    exclude = ("digest",)
