"""On PostgreSQL: pgvector, a vector column beside the portable bytes, and one HNSW index per model.

Nothing happens on SQLite, where the in-process index (vector_index.py) reads
the bytes. On PostgreSQL the ``embedding`` column is *generated* from the
``vector`` bytes by the database itself, so every way a row is written
(embed_listings, a backup restore through loaddata, a bulk load in a script,
raw SQL) fills it, and it can never disagree with the bytes. It is not a
field of the Django model: only pgvector_store.py reads it, in SQL.

An HNSW index needs a fixed dimension, and the two models differ (512, 384),
so each model gets a partial index over the column cast to its dimension.
A new model needs a new migration that adds its index.
"""

from django.db import migrations

# Frozen here on purpose: a migration must not change when embeddings.py does.
INDEXED_MODELS = {"use-multilingual-v3": 512, "multilingual-e5-small": 384}

# Reads little-endian IEEE float32 bytes (numpy's tobytes() on every platform
# we run on) into a vector, exactly: sign, exponent and mantissa are taken
# apart with integer arithmetic, because SQL has no cast from raw bits to real.
# Types are schema-qualified so that pg_dump/pg_restore (which run with an
# empty search_path) can recompute the column.
FUNCTION = """
CREATE OR REPLACE FUNCTION {function}(bytes bytea) RETURNS {schema}.vector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT pg_catalog.array_agg(
      (CASE WHEN bits >= 2147483648 THEN -1 ELSE 1 END)
      * CASE WHEN (bits >> 23) & 255 = 0 THEN (bits & 8388607)::float8 * 2 ^ -149
             ELSE ((bits & 8388607) + 8388608)::float8 * 2 ^ (((bits >> 23) & 255) - 150) END
      ORDER BY i)::real[]::{schema}.vector
  FROM (
    SELECT i, pg_catalog.get_byte(bytes, 4 * i)::int8
              + (pg_catalog.get_byte(bytes, 4 * i + 1)::int8 << 8)
              + (pg_catalog.get_byte(bytes, 4 * i + 2)::int8 << 16)
              + (pg_catalog.get_byte(bytes, 4 * i + 3)::int8 << 24) AS bits
    FROM pg_catalog.generate_series(0, pg_catalog.length(bytes) / 4 - 1) AS i
  ) AS words
$$
"""
FUNCTION_NAME = "verdex_float32_vector"


def index_name(model_name):
    return "search_embedding_{}_hnsw".format(model_name.replace("-", "_"))


def add_vector_store(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Needs a superuser (or rds_superuser, azure_pg_admin, ...) unless an
    # administrator created the extension beforehand: see docs/deploy.md.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS vector")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname, current_schema() FROM pg_extension e "
            "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector'"
        )
        vector_schema, own_schema = cursor.fetchone()
    quote = schema_editor.quote_name
    function = f"{quote(own_schema)}.{FUNCTION_NAME}"
    schema_editor.execute(FUNCTION.format(function=function, schema=quote(vector_schema)))
    schema_editor.execute(
        f"ALTER TABLE search_embedding ADD COLUMN embedding {quote(vector_schema)}.vector "
        f"GENERATED ALWAYS AS ({function}(vector)) STORED"
    )
    # Keep the vector in the row (the bytes go to TOAST instead): exact scans
    # and HNSW re-checks then read it without a second lookup.
    schema_editor.execute("ALTER TABLE search_embedding ALTER COLUMN embedding SET STORAGE PLAIN")
    for model_name, dim in INDEXED_MODELS.items():
        schema_editor.execute(
            f"CREATE INDEX {index_name(model_name)} ON search_embedding USING hnsw "
            f"((embedding::{quote(vector_schema)}.vector({dim})) {quote(vector_schema)}.vector_cosine_ops) "
            f"WHERE model_name = '{model_name}'"
        )


def remove_vector_store(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Dropping the column drops its indexes; the extension may serve others and stays.
    schema_editor.execute("ALTER TABLE search_embedding DROP COLUMN IF EXISTS embedding")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION_NAME}(bytea)")


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_vector_store, remove_vector_store, elidable=False),
    ]
