"""The table of the database cache that processes share when there is no Redis
(CACHES["shared"] in settings.py; dailybeat/freshness.py keeps the content version
there). Made by migrate, so no deployment can forget it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
