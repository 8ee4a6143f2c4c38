from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A newsroom staff account.

    Our own model from the first migration, as Django recommends, so that fields can
    be added later without a painful switch of user model. Readers have no accounts.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username
