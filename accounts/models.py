from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A newsroom staff account.

    Our own model from the first migration, as Django recommends, so that fields can
    be added later without a painful switch of user model. Readers have no accounts.
    """

    two_factor_required = models.BooleanField(
        _("two-factor authentication required"),
        default=False,
        help_text=_(
            "This account must use an authenticator app to log in; it is asked to "
            "set one up at its next login."
        ),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username
