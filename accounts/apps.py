from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        post_migrate.connect(_sync_roles, dispatch_uid="accounts.sync_roles")


def _sync_roles(sender, app_config=None, using="default", **kwargs):
    """After every migrate, give the roles the permissions new models brought."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from .roles import sync_roles

    configs = list(apps.get_app_configs())
    if app_config is not configs[-1]:
        return  # once per migrate, after the last app
    for config in configs:
        create_permissions(config, verbosity=0, using=using)
    sync_roles(apps)
