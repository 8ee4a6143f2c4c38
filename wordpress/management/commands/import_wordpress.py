"""python manage.py import_wordpress export.xml [--media-dir DIR] [--dry-run]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from wordpress.importer import Importer
from wordpress.wxr import ExportError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR, from Tools → Export → All content): "
        "authors, categories, tags, posts and their pictures; old addresses keep "
        "working. Safe to run again: nothing is imported twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="the WordPress export file (.xml)")
        parser.add_argument(
            "--media-dir",
            help="the old site's wp-content/uploads folder, to import pictures from "
            "(without it, pictures are recorded to fetch later)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="read and check everything, save nothing",
        )
        parser.add_argument(
            "--report",
            help="where to write the JSON report "
            "(default: <export>-import-report.json beside the export)",
        )

    def handle(self, *args, export, media_dir, dry_run, report, **options):
        path = Path(export)
        if not path.is_file():
            raise CommandError(
                f"There is no file {path}. Give the path of the export made in "
                "WordPress with Tools → Export → All content."
            )
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(
                f"--media-dir {media_dir} is not a folder: give the old site's "
                "wp-content/uploads folder, or leave it out to fetch pictures later."
            )
        report_path = (
            Path(report)
            if report
            else path.with_name(f"{path.stem}-import-report.json")
        )
        importer = Importer(
            path,
            media_dir=media_dir,
            dry_run=dry_run,
            out=self.stdout,
            progress=options["verbosity"] > 0,
        )
        try:
            result = importer.run()
        except ExportError as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(
                f"The database failed ({str(error).strip().splitlines()[0]}). Is it "
                "running and migrated (python manage.py migrate)? What was imported "
                "is kept; run the same command again to carry on."
            ) from error
        except KeyboardInterrupt:
            raise CommandError(
                "Stopped. What was imported is kept; run the same command again to "
                "carry on."
            ) from None
        finally:
            # Whatever happened, the report says how far it got.
            self._write(report_path, importer.report)
        self.stdout.write(result.summary())

    def _write(self, path, report):
        try:
            path.write_text(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        except OSError as error:
            self.stderr.write(f"Could not write the report to {path}: {error}")
        else:
            self.stdout.write(f"Report: {path}")
