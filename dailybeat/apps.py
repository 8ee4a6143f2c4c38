from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


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

        from .freshness import content_changed

        # Whatever readers see: saving or deleting it makes every cached piece of a
        # page stale at once (dailybeat/freshness.py).
        for model in (
            Article,
            Author,
            Byline,
            Correction,
            FrontPage,
            FrontPageSlot,
            Image,
            Section,
            Tag,
            TaggedArticle,
        ):
            uid = f"freshness-{model._meta.label_lower}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(
                content_changed, sender=model, dispatch_uid=f"{uid}-delete"
            )
