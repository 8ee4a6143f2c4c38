"""
Fill the database with a large, realistic newsroom for benchmarks (bench/).

It replaces every story, section, author, tag and image: run it against a database
of its own (DATABASE_URL=postgres://…/dailybeat_bench), never the newsroom's.
"""

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from bench import corpus


class Command(BaseCommand):
    help = "Replace the database's content with N generated stories (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stories",
            type=int,
            default=10_000,
            help="How many stories (default 10,000; 1,000,000 works).",
        )
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Allow replacing a database that already holds stories.",
        )

    def handle(self, *args, stories, seed, replace, **options):
        if stories < 1:
            raise CommandError("--stories must be at least 1.")
        if Article.objects.exists() and not replace:
            raise CommandError(
                "This database already holds stories, and a corpus replaces "
                "everything. Point DATABASE_URL at a benchmark database, or pass "
                "--replace if you really mean to throw this content away."
            )
        size = corpus.generate(stories, seed=seed, out=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Done: {stories:,} stories, database {size}.")
        )
