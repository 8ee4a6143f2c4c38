"""
Fill an empty DailyBeat with a demo newsroom, so a newcomer sees a working site.

`make run` calls it with --if-empty on every start: it loads the demo on the first
run and never touches a database that already has stories. Without --if-empty it
adds whatever demo content is missing (it is idempotent).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.demo import loader
from articles.models import Article


class Command(BaseCommand):
    help = "Load demo sections, authors and stories (and, with DEBUG, demo logins)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the database already holds any story.",
        )

    def handle(self, *args, if_empty, verbosity, **options):
        if if_empty and Article.objects.exists():
            if verbosity:
                self.stdout.write("Stories exist already: demo content not loaded.")
        else:
            show_progress = verbosity and self.stdout.isatty()
            report = loader.load(progress=self._progress if show_progress else None)
            if verbosity:
                self.stdout.write("")
                made = ", ".join(f"{n} {kind}" for kind, n in report.created.items())
                self.stdout.write(
                    self.style.SUCCESS(f"Demo loaded: {made or 'nothing new'}.")
                )
        if verbosity and settings.DEBUG and loader.demo_users_exist():
            self.stdout.write(f"Newsroom: {settings.SITE_URL}/admin/  logins:")
            password = loader.DEMO_PASSWORD
            for username, _name, role in loader.DEMO_USERS:
                line = f"  {role:<14} user {username:<7} password {password}"
                self.stdout.write(self.style.SUCCESS(line))

    def _progress(self, done, total):
        self.stdout.write(f"\rStories: {done}/{total}", ending="")
        self.stdout.flush()
