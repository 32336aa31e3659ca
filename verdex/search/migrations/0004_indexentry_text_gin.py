"""On PostgreSQL: a GIN index over ``title || body`` of modelsearch's index entries.

modelsearch matches a search with ``(title || body) @@ query`` but indexes
``title`` and ``body`` separately, which that expression cannot use: every
keyword search read the whole table. ANALYZE gives the planner statistics
on the new expression, so that it knows how many rows a query matches.
Nothing happens on SQLite, where modelsearch keeps an FTS5 table instead.
"""

from django.db import migrations

INDEX = "modelsearch_indexentry_title_body_gin"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON modelsearch_indexentry USING gin ((title || body))"
    )
    schema_editor.execute("ANALYZE modelsearch_indexentry")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_embedding_embedding_freshness"),
        ("modelsearch", "0004_rename_modelsear_autocom_476c89_gin_modelsearch_autocom_ea8581_gin_and_more"),
    ]

    operations = [migrations.RunPython(add_index, drop_index)]
