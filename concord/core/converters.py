"""The kinds of id Concord's URLs carry, registered once so that every app's paths are typed:
a malformed id matches no path and answers 404 like a missing record, and a view receives the
id in its one spelling. UUIDs use Django's own `uuid` converter."""

from __future__ import annotations

from django.urls import register_converter


class CountryCode:
    """An ISO 3166 alpha-2 code (a member state's), in either case; the view gets capitals."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return str(value).upper()


class RegistryCode:
    """The code of a registry entry (a body, a position): letters, digits, '-' and '_', at most
    40, as the registry's code fields allow."""

    regex = "[-a-zA-Z0-9_]{1,40}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)


def register() -> None:
    register_converter(CountryCode, "country")
    register_converter(RegistryCode, "code")
