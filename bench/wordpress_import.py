"""
Memory and speed of the WordPress import on a large, generated export:
`make bench-import` (or `.venv/bin/python bench/wordpress_import.py --posts 20000`).

Writes a WXR export of N posts (with authors, nested categories, tags, attachments
and the usual shortcodes and wpautop text), then runs `manage.py import_wordpress`
on it against a fresh database, twice the size apart, and reports the peak resident
memory of the import process and its speed. Memory must not grow with the export:
the figures go into docs/wordpress-import.md. It is a measurement, not a test.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DOCS = ROOT / "docs" / "wordpress-import.md"
WORK = Path(tempfile.gettempdir()) / "dailybeat-wordpress-bench"
BEGIN, END = "<!-- figures: begin -->", "<!-- figures: end -->"

WORDS = [
    *("monsoon", "parliament", "session", "budget", "railway", "farmers", "city"),
    *("court", "river", "market", "minister", "police", "election", "cricket"),
    *("festival", "water", "power", "bridge", "school", "village", "hospital"),
    *("council", "trade", "rupee", "coast", "harbour", "storm", "policy"),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "IMPORT_BENCH_DATABASE_URL",
            "postgres://postgres@127.0.0.1:5432/dailybeat_wordpress_bench",
        ),
    )
    parser.add_argument("--no-docs", action="store_true")
    return parser.parse_args()


def say(message):
    sys.stdout.write(f"{message}\n")
    sys.stdout.flush()


def sentence(rng, words=14):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write_export(path, posts, seed=2026):
    """A WXR 1.2 export of ``posts`` posts, written as a stream."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Generated</title><wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_site_url>https://old.example.com</wp:base_site_url>\n"
        )
        for n in range(40):
            out.write(
                f"<wp:author><wp:author_login>writer{n}</wp:author_login>"
                f"<wp:author_display_name>Writer {n}</wp:author_display_name>"
                "</wp:author>\n"
            )
        for n in range(60):
            parent = f"section-{n % 10}" if n >= 10 else ""
            out.write(
                f"<wp:category><wp:term_id>{n + 1}</wp:term_id>"
                f"<wp:category_nicename>section-{n}</wp:category_nicename>"
                f"<wp:category_parent>{parent}</wp:category_parent>"
                f"<wp:cat_name>Section {n}</wp:cat_name></wp:category>\n"
            )
        for n in range(500):
            out.write(
                f"<wp:tag><wp:term_id>{1000 + n}</wp:term_id><wp:tag_slug>topic-{n}"
                f"</wp:tag_slug><wp:tag_name>Topic {n}</wp:tag_name></wp:tag>\n"
            )
        for number in range(1, posts + 1):
            post_id = 100_000 + number
            day = f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}"
            paragraphs = "\n\n".join(
                sentence(rng, 25) + "\n" + sentence(rng, 20) for _ in range(8)
            )
            body = (
                f'{paragraphs}\n\n[caption id="attachment_1" width="640"]'
                '<img src="https://old.example.com/wp-content/uploads/2024/01/a.jpg" '
                'alt="A picture" /> A caption[/caption]\n\n'
                "https://www.youtube.com/watch?v=abc\n\n"
                f'[contact-form-7 id="1"]\n\n<h2>{sentence(rng, 5)}</h2>\n{paragraphs}'
            )
            tags = "".join(
                f'<category domain="post_tag" nicename="topic-{t}">'
                f"<![CDATA[Topic {t}]]></category>"
                for t in rng.sample(range(500), 3)
            )
            out.write(
                f"<item><title>{sentence(rng, 9)}</title>"
                f"<link>https://old.example.com/{day.replace('-', '/')}/"
                f"post-{post_id}/</link>"
                f"<dc:creator>writer{number % 40}</dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[{sentence(rng)}]]></excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id>"
                f"<wp:post_date>{day} 10:00:00</wp:post_date>"
                f"<wp:post_date_gmt>{day} 04:30:00</wp:post_date_gmt>"
                f"<wp:post_name>post-{post_id}</wp:post_name>"
                "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="section-{number % 60}">'
                f"<![CDATA[Section {number % 60}]]></category>{tags}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def fresh_database(url):
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[1]
    try:
        connection = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    except psycopg2.OperationalError as error:
        sys.exit(
            f"Cannot reach PostgreSQL ({error}). Set IMPORT_BENCH_DATABASE_URL="
            "postgres://user@host:5432/dailybeat_wordpress_bench."
        )
    connection.autocommit = True
    with connection.cursor() as cursor:
        identifier = sql.Identifier(name)
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier)
        )
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(identifier))
    connection.close()


def measure(args, posts):
    export = WORK / f"export-{posts}.xml"
    if not export.exists():
        say(f"Writing an export of {posts:,} posts…")
        write_export(export, posts)
    size_mb = export.stat().st_size / 2**20
    fresh_database(args.database_url)
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "localhost",
        "SECRET_KEY": "benchmark-only-secret-key-benchmark-only-secret-key",
        "MEDIA_ROOT": str(WORK / "media"),
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [str(BIN / "python"), "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    say(f"Importing {posts:,} posts ({size_mb:,.0f} MB)…")
    started = time.monotonic()
    # The import alone, in its own process, so that its peak memory is its own.
    process = subprocess.Popen(
        [
            str(BIN / "python"),
            "manage.py",
            "import_wordpress",
            str(export),
            "--report",
            str(WORK / f"report-{posts}.json"),
        ],
        cwd=ROOT,
        env=env,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if status:
        sys.exit(f"The import of {posts:,} posts failed (status {status}).")
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    say(
        f"  {posts:,} posts: {seconds:,.0f}s, {posts / seconds:,.0f} posts/s, "
        f"peak {peak_mb:,.0f} MB"
    )
    return {"posts": posts, "mb": size_mb, "seconds": seconds, "peak_mb": peak_mb}


def render(results):
    from datetime import UTC, datetime

    small, large = results
    lines = [
        BEGIN,
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by "
        f"`bench/wordpress_import.py --posts {large['posts']}` on this project's "
        "2-core machine (PostgreSQL on the same machine):",
        "",
        "| export | size | time | posts per second | peak memory of the import |",
        "|---|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result['posts']:,} posts | {result['mb']:,.0f} MB | "
            f"{result['seconds']:,.0f} s | "
            f"{result['posts'] / result['seconds']:,.0f} | "
            f"{result['peak_mb']:,.0f} MB |"
        )
    growth = round(large["peak_mb"] - small["peak_mb"])  # an int: never "-0"
    lines += [
        "",
        f"{large['posts'] // small['posts']}× the export, {growth:+,.0f} MB of "
        "memory: the import streams the file and does not keep what it has read.",
        END,
    ]
    return "\n".join(lines)


def main():
    args = parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    results = [measure(args, args.posts // 10), measure(args, args.posts)]
    figures = render(results)
    say(figures)
    if not args.no_docs and DOCS.exists():
        text = DOCS.read_text()
        before, _old, after = text.partition(BEGIN)[0], None, text.partition(END)[2]
        DOCS.write_text(before + figures + after)
        say(f"Written to {DOCS.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
