"""System checks that keep the security model's invariants true as apps are added."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core import checks

from concord.core.models import LabelledModel, LabelledQuerySet


@checks.register(checks.Tags.security)
def labelled_models_use_scoped_manager(**kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for model in apps.get_models():
        if not issubclass(model, LabelledModel):
            continue
        manager = model._default_manager
        if not isinstance(manager.get_queryset(), LabelledQuerySet):
            errors.append(
                checks.Error(
                    f"{model._meta.label}'s default manager does not refuse unscoped queries.",
                    hint="Keep LabelledModel's `objects` manager as the first manager.",
                    obj=model,
                    id="concord.E001",
                )
            )
    return errors
