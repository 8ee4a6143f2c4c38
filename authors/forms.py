from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.utils.translation import gettext_lazy as _

from .models import Author


class AuthorAdminForm(forms.ModelForm):
    # A plain file field: the model's own check (articles/imaging.py) then says what
    # is wrong with a file, instead of the generic "not a valid image" (and a BMP or
    # TIFF, which Django's image field takes, is refused).
    photo = forms.FileField(
        label=_("photo"),
        required=False,
        widget=AdminFileWidget,
        help_text=Author.photo.field.help_text,
    )

    class Meta:
        model = Author
        # The admin adds the other fields (AuthorAdmin.fieldsets), with its own
        # form fields for them.
        fields = ["photo"]
