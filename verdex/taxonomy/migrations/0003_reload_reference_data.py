from django.db import migrations

from verdex.taxonomy.loading import load_reference_data


def load(apps, schema_editor):
    # Renames Y02T so it is not confused with the Green Inventory's "Transportation".
    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_load_reference_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
