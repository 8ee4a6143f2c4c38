from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class DailyBeatConfig(AppConfig):
    name = "dailybeat"
    verbose_name = "DailyBeat"

    def ready(self):
        from taggit.models import Tag

        from articles.models import (
            Article,
            Byline,
            Correction,
            FrontPage,
            FrontPageSlot,
            Image,
            TaggedArticle,
        )
        from authors.models import Author
        from sections.models import Section

        from . import release
        from .freshness import byline_authors_changed, content_changed, linked_changed

        # Whatever readers see: saving or deleting it makes every cached piece of a
        # page stale at once (dailybeat/freshness.py). What stories show besides
        # themselves also ends the pieces of story pages kept across versions.
        receivers = {
            Article: content_changed,
            FrontPage: content_changed,
            FrontPageSlot: content_changed,
            Author: linked_changed,
            Byline: linked_changed,
            Correction: linked_changed,
            Image: linked_changed,
            Section: linked_changed,
            Tag: linked_changed,
            TaggedArticle: linked_changed,
        }
        for model, receiver in receivers.items():
            uid = f"freshness-{model._meta.label_lower}"
            post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
        m2m_changed.connect(
            byline_authors_changed,
            sender=Article.authors.through,
            dispatch_uid="freshness-byline-authors",
        )
        # Before gunicorn's workers fork (preload), from the code they will run.
        release.current()
