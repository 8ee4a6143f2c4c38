from django.apps import AppConfig


class DailyBeatConfig(AppConfig):
    name = "dailybeat"
    verbose_name = "DailyBeat"
