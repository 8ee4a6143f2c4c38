"""An author's page at news scale: each byline carries its story's live time.

An author of many years has thousands of stories. To show the newest twenty,
PostgreSQL had to read every one of them and sort them by publish time (about
3,300 stories per author in a million, 7 pages a second in the benchmark). With
the live time on the byline, an index on (author, live time) hands them over in
order.

``live_at`` is the story's ``published_at`` while its status is "published", and
NULL otherwise. Two triggers keep it, so that no way of saving a story (the admin,
the workflow, an import, a bulk update, COPY) can leave it stale:

- a byline written (added, moved, restored from a revision) takes its story's
  live time;
- a story whose status or publish time changes passes it to its bylines.

A scheduled story's bylines hold its future time: the page asks for bylines live
at or before now, as ``published()`` does for stories.

On an existing archive the bylines are filled in once, in this migration (about a
minute for a million stories; byline writes wait meanwhile).
"""

from django.db import migrations, models

TRIGGERS = """
CREATE FUNCTION byline_take_live_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT CASE WHEN status = 'published' THEN published_at END
    INTO NEW.live_at
    FROM articles_article WHERE id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER byline_take_live_at
BEFORE INSERT OR UPDATE ON articles_byline
FOR EACH ROW EXECUTE FUNCTION byline_take_live_at();

CREATE FUNCTION article_pass_live_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- The bylines' own trigger reads the story's new values.
    UPDATE articles_byline SET live_at = NULL WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER article_pass_live_at
AFTER UPDATE OF status, published_at ON articles_article
FOR EACH ROW
WHEN (
    OLD.status IS DISTINCT FROM NEW.status
    OR OLD.published_at IS DISTINCT FROM NEW.published_at
)
EXECUTE FUNCTION article_pass_live_at();
"""

DROP_TRIGGERS = """
DROP TRIGGER article_pass_live_at ON articles_article;
DROP FUNCTION article_pass_live_at();
DROP TRIGGER byline_take_live_at ON articles_byline;
DROP FUNCTION byline_take_live_at();
"""

FILL = """
UPDATE articles_byline AS byline SET live_at = article.published_at
FROM articles_article AS article
WHERE article.id = byline.article_id AND article.status = 'published'
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_word_pairs_skip_long_words"),
        ("authors", "0002_photo_checked_and_cleaned"),
    ]

    operations = [
        migrations.AddField(
            model_name="byline",
            name="live_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        # Filled before the triggers exist: one join, not a lookup per byline.
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.RunSQL(TRIGGERS, DROP_TRIGGERS),
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
    ]
