"""
Pictures: checking what editors upload, cleaning it, and making renditions.

Every image file goes through here, whatever the way in (the image library, the body
editor's uploader, the demo, an import):

- it is checked by its content, not its name: a real JPEG, PNG, WebP or GIF, within
  a size and a pixel limit (a "decompression bomb" is refused before it is decoded),
  and decoded completely, so a corrupt or truncated file is refused too;
- it is re-encoded with the camera's orientation applied and every piece of metadata
  dropped (EXIF, XMP, GPS position, camera serial numbers, JPEG and GIF comments): a
  source's phone photo must not tell where they live;
- renditions are made once, when it is saved: a few widths, each as WebP and as JPEG,
  stored next to it through Django's storage API (local disk or S3 alike) under
  names derived from its own, so pages build their URLs without asking anything.

Plain Pillow rather than sorl-thumbnail, easy-thumbnails or django-imagekit: those
make thumbnails on demand and look them up (in a key-value store, or on the storage)
when a page is rendered; here the renditions are a fixed set made at upload, so a
page costs no lookup at all, and the cleaning above has to be written with Pillow in
any case.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as Pillow
from PIL import ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
# Pillow's format name → the extension we store the file under.
ACCEPTED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
MIME_TYPES = {
    extension: f"image/{image_format.lower()}"
    for image_format, extension in ACCEPTED_FORMATS.items()
}
RENDITION_WIDTHS = (320, 640, 960, 1200, 1920)
# Social networks want a picture 1200 pixels wide.
SHARE_WIDTH = 1200
RENDITION_FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
JPEG_QUALITY = 85
WEBP_QUALITY = 80
# What a re-encoded picture keeps of what Pillow read from the file: only what is
# needed to draw it. Pillow writes some of the rest back by itself when saving (a
# JPEG's or a single-frame GIF's comment, for one), so everything else is dropped.
DRAWING_INFO = ("transparency", "background", "duration", "loop", "disposal")


@dataclass(frozen=True)
class Cleaned:
    """An uploaded picture, checked and re-encoded."""

    content: bytes
    extension: str
    width: int
    height: int


def _open(data):
    """Open ``data`` as a picture we accept, or raise ValidationError saying why."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pillow.DecompressionBombWarning)
            picture = Pillow.open(io.BytesIO(data))
    except (Pillow.DecompressionBombError, Pillow.DecompressionBombWarning) as exc:
        raise _too_many_pixels() from exc
    except UnidentifiedImageError as exc:
        raise ValidationError(
            _(
                "This file is not a picture we can use: upload a JPEG, PNG, WebP "
                "or GIF."
            ),
            code="not_an_image",
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise _damaged(exc) from exc
    if picture.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("%(format)s files are not accepted: upload a JPEG, PNG, WebP or GIF."),
            code="format",
            params={"format": picture.format or _("This kind of")},
        )
    frames = getattr(picture, "n_frames", 1)
    if picture.width * picture.height * frames > MAX_PIXELS:
        raise _too_many_pixels()
    return picture


def _too_many_pixels():
    return ValidationError(
        _(
            "This picture has too many pixels: the limit is %(limit)d megapixels "
            "(for example 8,000 × 6,000), all frames of an animation together. "
            "Resize it and upload it again."
        ),
        code="pixels",
        params={"limit": MAX_PIXELS // 1_000_000},
    )


def read_upload(file):
    """The bytes of an uploaded file, refusing files over the size limit."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise _too_big(size)
    file.seek(0)
    data = file.read(MAX_UPLOAD_BYTES + 1)
    file.seek(0)
    if len(data) > MAX_UPLOAD_BYTES:
        raise _too_big(len(data))
    return data


def _too_big(size):
    return ValidationError(
        _("This file is %(size)s; pictures can be at most %(limit)s."),
        code="size",
        params={
            "size": filesizeformat(size),
            "limit": filesizeformat(MAX_UPLOAD_BYTES),
        },
    )


def validate(file):
    """Check an uploaded file (a form validator): type by content, size, pixels,
    and that it decodes completely. A file already stored was checked on its way
    in: editing a picture's alt text or caption does not read it again."""
    if getattr(file, "_committed", False):
        return
    data = read_upload(file)
    picture = _open(data)
    try:
        picture.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise _damaged(exc) from exc


def _damaged(exc):
    return ValidationError(
        _("This picture is damaged or incomplete (%(reason)s). Upload it again."),
        code="corrupt",
        params={"reason": str(exc) or exc.__class__.__name__},
    )


def _without_metadata(picture):
    """``picture`` with only the information needed to draw it (see DRAWING_INFO)."""
    picture.info = {
        key: value for key, value in picture.info.items() if key in DRAWING_INFO
    }
    return picture


def clean(data):
    """Re-encode ``data``: orientation applied, all metadata dropped (EXIF, XMP,
    comments), colour profile kept."""
    picture = _open(data)
    try:
        picture.load()
        animated = picture.format == "GIF" and getattr(picture, "n_frames", 1) > 1
        extension = ACCEPTED_FORMATS[picture.format]
        if animated:
            # Keep the animation; a GIF carries no EXIF, only comments, dropped here.
            output = io.BytesIO()
            picture.save(output, "GIF", save_all=True, optimize=True, comment=b"")
            return Cleaned(output.getvalue(), extension, picture.width, picture.height)
        icc = picture.info.get("icc_profile")
        upright = _without_metadata(ImageOps.exif_transpose(picture))
        output = io.BytesIO()
        if picture.format == "JPEG":
            upright = upright.convert("RGB") if upright.mode != "RGB" else upright
            upright.save(
                output,
                "JPEG",
                quality=92,
                optimize=True,
                progressive=True,
                icc_profile=icc,
                comment=b"",
            )
        elif picture.format == "PNG":
            upright.save(output, "PNG", optimize=True, icc_profile=icc)
        elif picture.format == "WEBP":
            upright.save(output, "WEBP", quality=90, icc_profile=icc)
        else:
            upright.save(output, "GIF", optimize=True, comment=b"")
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("This picture is damaged or incomplete. Upload it again."),
            code="corrupt",
        ) from exc
    return Cleaned(output.getvalue(), extension, upright.width, upright.height)


def cleaned_file(file):
    """An uploaded file, checked and cleaned, as a ContentFile ready to store."""
    result = clean(read_upload(file))
    stem = PurePosixPath(getattr(file, "name", "") or "image").stem
    return ContentFile(result.content, name=f"{stem}{result.extension}"), result


# Renditions ----------------------------------------------------------------------


def rendition_name(name, width, extension):
    """images/2026/11/3f2a….jpg → images/2026/11/3f2a…-640w.webp"""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w.{extension}"))


def save_with_renditions(instance, field, widths_field, save):
    """Save ``instance`` with ``save()`` and make the renditions of its new picture
    (FileField ``field``, widths kept in ``widths_field``): the row and the
    renditions together, or neither, and no half-made picture left in storage."""
    file = getattr(instance, field)
    try:
        with transaction.atomic():
            save()
            widths = make_renditions(file.name, file.storage)
            setattr(instance, widths_field, widths)
            type(instance).objects.filter(pk=instance.pk).update(
                **{widths_field: widths}
            )
    except Exception:
        if file._committed:  # stored: the file and any rendition go too
            delete_files(file.name, RENDITION_WIDTHS, file.storage)
        raise


def rendition_url(file, width, extension):
    """The address of one rendition of stored ``file`` (a FieldFile)."""
    return file.storage.url(rendition_name(file.name, width, extension))


def srcset(file, widths, extension):
    """A srcset of the ``extension`` renditions of stored ``file``."""
    return ", ".join(
        f"{rendition_url(file, width, extension)} {width}w" for width in widths
    )


def widths_for(original_width):
    """The rendition widths a picture this wide gets: the standard ones below it,
    and its own width when it is narrower than the next one."""
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    if original_width and (not widths or widths[-1] < RENDITION_WIDTHS[-1]):
        widths.append(min(original_width, RENDITION_WIDTHS[-1]))
    return widths


def make_renditions(name, storage=default_storage):
    """Make and store every rendition of the stored picture ``name``; return the
    widths made."""
    with storage.open(name, "rb") as stored:
        picture = Pillow.open(io.BytesIO(stored.read()))
        picture.load()
    picture = _without_metadata(picture)
    picture = picture.convert("RGBA" if picture.mode in ("RGBA", "LA", "P") else "RGB")
    widths = widths_for(picture.width)
    for width in widths:
        height = max(1, round(picture.height * width / picture.width))
        resized = picture.resize((width, height), Pillow.Resampling.LANCZOS)
        for extension, image_format in RENDITION_FORMATS.items():
            output = io.BytesIO()
            if image_format == "JPEG":
                flat = Pillow.new("RGB", resized.size, "white")
                flat.paste(
                    resized,
                    mask=resized.getchannel("A") if "A" in resized.getbands() else None,
                )
                flat.save(
                    output,
                    "JPEG",
                    quality=JPEG_QUALITY,
                    optimize=True,
                    progressive=True,
                    comment=b"",
                )
            else:
                resized.save(output, "WEBP", quality=WEBP_QUALITY, method=4)
            target = rendition_name(name, width, extension)
            if storage.exists(target):
                storage.delete(target)
            storage.save(target, ContentFile(output.getvalue()))
    return widths


def delete_files(name, widths, storage=default_storage):
    """Delete a stored picture and its renditions."""
    names = [name] + [
        rendition_name(name, width, extension)
        for width in widths or ()
        for extension in RENDITION_FORMATS
    ]
    for target in names:
        storage.delete(target)
