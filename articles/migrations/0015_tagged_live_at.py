"""A tag's page at news scale: each story–tag link carries its story's live time.

As 0014 did for bylines. Tags are lopsided in a real archive ("India", "Politics"
may each hold a hundred thousand stories), and a tag's page read and sorted every
one of them to show the newest twenty. ``TaggedArticle.live_at`` (the story's
publish time while it is published, NULL otherwise) with an index on (tag, live
time) hands them over in order.

A link written takes its story's live time (its own trigger), and the story's
trigger from 0014 now passes a change to its tags as well as its bylines.

On an existing archive the links are filled in once, here: about three minutes for a
million stories (four to five million links); tagging waits meanwhile.
"""

from django.db import migrations, models

TRIGGERS = """
CREATE FUNCTION tagged_take_live_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT CASE WHEN status = 'published' THEN published_at END
    INTO NEW.live_at
    FROM articles_article WHERE id = NEW.content_object_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER tagged_take_live_at
BEFORE INSERT OR UPDATE ON articles_taggedarticle
FOR EACH ROW EXECUTE FUNCTION tagged_take_live_at();

CREATE OR REPLACE FUNCTION article_pass_live_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- The links' own triggers read the story's new values.
    UPDATE articles_byline SET live_at = NULL WHERE article_id = NEW.id;
    UPDATE articles_taggedarticle SET live_at = NULL
    WHERE content_object_id = NEW.id;
    RETURN NULL;
END
$$;
"""

DROP_TRIGGERS = """
CREATE OR REPLACE FUNCTION article_pass_live_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- The bylines' own trigger reads the story's new values.
    UPDATE articles_byline SET live_at = NULL WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

DROP TRIGGER tagged_take_live_at ON articles_taggedarticle;
DROP FUNCTION tagged_take_live_at();
"""

FILL = """
UPDATE articles_taggedarticle AS tagged SET live_at = article.published_at
FROM articles_article AS article
WHERE article.id = tagged.content_object_id AND article.status = 'published'
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_byline_live_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="taggedarticle",
            name="live_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        # Filled before the trigger exists: one join, not a lookup per link.
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.RunSQL(TRIGGERS, DROP_TRIGGERS),
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
    ]
