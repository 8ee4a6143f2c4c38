"""
runserver that keeps the embedded PostgreSQL up while it runs.

Django's autoreloader restarts a child process on every code change. Starting the
embedded database in the parent process as well means it stays up across reloads,
and stops when runserver itself stops (Ctrl-C).
"""

from django.contrib.staticfiles.management.commands.runserver import (
    Command as StaticfilesRunserverCommand,
)
from django.db import connections

from dailybeat.embedded_postgres import server


class Command(StaticfilesRunserverCommand):
    def run(self, **options):
        settings_dict = connections["default"].settings_dict
        if settings_dict["ENGINE"] == "dailybeat.embedded_postgres":
            server.start(settings_dict["DATA_DIR"])
        super().run(**options)
