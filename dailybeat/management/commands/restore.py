"""
Restore a backup made by `backup` into an empty database, and its media. Refuses a
database that already holds stories unless told --force. docs/operations.md.
"""

import subprocess

from django.core.management.base import BaseCommand, CommandError

from dailybeat import backups


class Command(BaseCommand):
    help = "Restore the database and media from a backup folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder written by `backup`.")
        parser.add_argument(
            "--database-url",
            help="Restore into this database instead of the site's (postgres://…).",
        )
        parser.add_argument("--media-root", help="Restore media here.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the contents of a database that is not empty.",
        )

    def handle(self, *args, folder, database_url, media_root, force, **options):
        try:
            counts = backups.restore(
                folder, database_url=database_url, media_root=media_root, force=force
            )
        except (backups.BackupError, subprocess.CalledProcessError) as exc:
            raise CommandError(f"Restore failed: {exc}") from exc
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored: {summary}."))
