"""Author and tag pages at news scale: each byline and story–tag link carries its
story's live time.

An author of many years, or a tag such as "India", has thousands of stories (a
hundred thousand, for a big tag). To show the newest twenty, PostgreSQL read every
one of them and sorted them by publish time: at a million stories an author's page
ran at 7 a second in the benchmark. With the live time on the link, an index on
(author or tag, live time) hands them over in order.

``live_at`` is the story's ``published_at`` while its status is "published", and
NULL otherwise. Triggers keep it, so that no way of saving a story (the admin, the
workflow, an import, ``loaddata``, a bulk update, COPY) can leave it stale:

- a link written (added, moved, restored from a revision) takes its story's live
  time, reading the story FOR SHARE so that a publish running at the same moment
  waits for it, or it for the publish;
- a story inserted, or whose live time changes, passes it to its links (a story
  inserted after its links, as ``loaddata`` may do, still reaches them).

A scheduled story's links hold its future time: the pages ask for links live at or
before now, as ``published()`` does for stories.

The migration is not one transaction, so that the site keeps reading and the
newsroom keeps saving while it runs. The column is added (at once), then the
triggers, so that every change from then on is kept; then the published stories'
links are filled in, ten thousand stories at a time; then the indexes are built
CONCURRENTLY. Every step can run again, so an interrupted migration is finished by
running ``migrate`` again. Measured at a million stories: see docs/operations.md.
"""

from django.db import migrations, models

LINKS = (
    # table, its column for the story, the index for the pages
    ("articles_byline", "article_id", "author_id", "byline_author_live_idx"),
    ("articles_taggedarticle", "content_object_id", "tag_id", "tagged_live_idx"),
)

# What a story's live time is, from a row of articles_article.
LIVE_AT = "CASE WHEN {row}.status = 'published' THEN {row}.published_at END"

TAKE = """
CREATE OR REPLACE FUNCTION {table}_take_live_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT {live_at} INTO NEW.live_at
    FROM articles_article AS story WHERE story.id = NEW.{story}
    FOR SHARE;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS take_live_at ON {table};
CREATE TRIGGER take_live_at BEFORE INSERT OR UPDATE ON {table}
FOR EACH ROW EXECUTE FUNCTION {table}_take_live_at();
"""

PASS = """
CREATE OR REPLACE FUNCTION article_pass_live_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- The links' own trigger reads the story's new values.
    UPDATE articles_byline SET live_at = NULL WHERE article_id = NEW.id;
    UPDATE articles_taggedarticle SET live_at = NULL
    WHERE content_object_id = NEW.id;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS pass_live_at ON articles_article;
CREATE TRIGGER pass_live_at AFTER UPDATE OF status, published_at ON articles_article
FOR EACH ROW
WHEN (({old}) IS DISTINCT FROM ({new}))
EXECUTE FUNCTION article_pass_live_at();
DROP TRIGGER IF EXISTS pass_live_at_on_insert ON articles_article;
CREATE TRIGGER pass_live_at_on_insert AFTER INSERT ON articles_article
FOR EACH ROW WHEN (NEW.status = 'published')
EXECUTE FUNCTION article_pass_live_at();
""".format(old=LIVE_AT.format(row="OLD"), new=LIVE_AT.format(row="NEW"))

DROP = """
DROP TRIGGER IF EXISTS pass_live_at ON articles_article;
DROP TRIGGER IF EXISTS pass_live_at_on_insert ON articles_article;
DROP FUNCTION IF EXISTS article_pass_live_at();
""" + "".join(
    f"DROP TRIGGER IF EXISTS take_live_at ON {table};\n"
    f"DROP FUNCTION IF EXISTS {table}_take_live_at();\n"
    for table, *_ in LINKS
)

# Stories at a time: each batch is a short transaction of its own.
BATCH = 10_000


def fill(apps, schema_editor):
    """Give the published stories' links their live time (their trigger computes
    it), a batch of stories at a time."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM articles_article")
        (last,) = cursor.fetchone()
        for low in range(0, last + 1, BATCH):
            for table, story, _owner, _index in LINKS:
                cursor.execute(
                    f"UPDATE {table} SET live_at = NULL WHERE {story} IN ("
                    "SELECT id FROM articles_article WHERE status = 'published' "
                    "AND id >= %s AND id < %s)",
                    [low, low + BATCH],
                )


def build_indexes(apps, schema_editor):
    """The pages' indexes, CONCURRENTLY; one left invalid by an interrupted build
    is dropped and built again."""
    with schema_editor.connection.cursor() as cursor:
        for table, story, owner, name in LINKS:
            cursor.execute(
                "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(%s)",
                [name],
            )
            found = cursor.fetchone()
            if found and not found[0]:
                cursor.execute(f"DROP INDEX CONCURRENTLY {name}")
            cursor.execute(
                f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} "
                f"({owner}, live_at DESC, {story} DESC) WHERE live_at IS NOT NULL"
            )


def drop_indexes(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for *_, name in LINKS:
            cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


def column(table):
    return migrations.RunSQL(
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS live_at timestamp with time "
        "zone NULL",
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS live_at",
    )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0013_word_pairs_skip_long_words"),
        ("authors", "0002_photo_checked_and_cleaned"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[column(table) for table, *_ in LINKS],
            state_operations=[
                migrations.AddField(
                    model_name=model,
                    name="live_at",
                    field=models.DateTimeField(editable=False, null=True),
                )
                for model in ("byline", "taggedarticle")
            ],
        ),
        migrations.RunSQL(
            "".join(
                TAKE.format(
                    table=table, story=story, live_at=LIVE_AT.format(row="story")
                )
                for table, story, *_ in LINKS
            )
            + PASS,
            DROP,
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, atomic=False),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunPython(build_indexes, drop_indexes, atomic=False)
            ],
            state_operations=[
                migrations.AddIndex(
                    model_name="byline",
                    index=models.Index(
                        models.F("author"),
                        models.OrderBy(models.F("live_at"), descending=True),
                        models.OrderBy(models.F("article"), descending=True),
                        condition=models.Q(("live_at__isnull", False)),
                        name="byline_author_live_idx",
                    ),
                ),
                migrations.AddIndex(
                    model_name="taggedarticle",
                    index=models.Index(
                        models.F("tag"),
                        models.OrderBy(models.F("live_at"), descending=True),
                        models.OrderBy(models.F("content_object"), descending=True),
                        condition=models.Q(("live_at__isnull", False)),
                        name="tagged_live_idx",
                    ),
                ),
            ],
        ),
    ]
