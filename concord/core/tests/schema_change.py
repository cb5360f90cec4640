"""A column change made as a migration makes it, for the tests of the database guards."""

from __future__ import annotations

import importlib
from typing import Any

from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader


def alter_field_and_back(app_label: str, model_name: str, name: str) -> None:
    """Widen a text column by one character and narrow it again: two AlterField operations run
    on the migrations' own model state, as `migrate` runs them. SQLite rebuilds the whole table
    each time, PostgreSQL alters the column in place. The table ends as it began."""
    state = MigrationLoader(connection).project_state()
    declared: Any = state.models[app_label, model_name.lower()].fields[name]
    _, _, args, kwargs = declared.deconstruct()
    wider = type(declared)(*args, **{**kwargs, "max_length": kwargs["max_length"] + 1})
    for field in (wider, declared.clone()):
        operation = migrations.AlterField(model_name=model_name, name=name, field=field)
        after = state.clone()
        operation.state_forwards(app_label, after)
        with connection.schema_editor() as editor:
            operation.database_forwards(app_label, editor, state, after)
        state = after


def latest_migration_defining(app_label: str, name: str) -> Any:
    """The module of the app's last migration (in the order they apply) that defines `name`."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    (leaf,) = loader.graph.leaf_nodes(app_label)
    modules = [importlib.import_module(type(loader.graph.nodes[key]).__module__)
               for key in loader.graph.forwards_plan(leaf) if key[0] == app_label]
    return [module for module in modules if hasattr(module, name)][-1]
