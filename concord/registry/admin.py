from __future__ import annotations

from django.contrib import admin

from concord.core.admin import ReadOnlyAdmin
from concord.registry.models import (
    Body,
    Chairmanship,
    ContactPoint,
    MemberState,
    MemberStatusChange,
    Official,
    Position,
    Term,
)


@admin.register(MemberState)
class MemberStateAdmin(ReadOnlyAdmin):
    list_display = ("iso_alpha2", "name_en", "name_ru", "status", "joined_on")
    list_filter = ("status",)


@admin.register(MemberStatusChange)
class MemberStatusChangeAdmin(ReadOnlyAdmin):
    list_display = ("state", "status", "effective_on")


@admin.register(Body)
class BodyAdmin(ReadOnlyAdmin):
    list_display = ("code", "name_en", "kind", "parent")


@admin.register(Position)
class PositionAdmin(ReadOnlyAdmin):
    list_display = ("code", "title_en", "body")


@admin.register(ContactPoint)
class ContactPointAdmin(ReadOnlyAdmin):
    list_display = ("position", "kind", "value")


@admin.register(Official)
class OfficialAdmin(ReadOnlyAdmin):
    list_display = ("name_en", "name_ru", "state")
    search_fields = ("name_en", "name_ru")


@admin.register(Term)
class TermAdmin(ReadOnlyAdmin):
    list_display = ("official", "position", "started_on", "ended_on", "attested_on")


@admin.register(Chairmanship)
class ChairmanshipAdmin(ReadOnlyAdmin):
    list_display = ("year", "state")
