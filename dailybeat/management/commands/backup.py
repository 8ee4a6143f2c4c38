"""
Back up the database (pg_dump) and the uploaded media into one dated folder, with a
manifest of what it holds. `make backup` runs it; docs/operations.md explains it.
"""

import subprocess

from django.core.management.base import BaseCommand, CommandError

from dailybeat import backups


class Command(BaseCommand):
    help = "Back up the database and media into a new folder under --to."

    def add_arguments(self, parser):
        parser.add_argument("--to", default="backups", help="Folder (default: backups)")

    def handle(self, *args, to, verbosity, **options):
        try:
            folder = backups.backup(to)
        except (backups.BackupError, subprocess.CalledProcessError) as exc:
            raise CommandError(f"Backup failed: {exc}") from exc
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
