"""Images and PDF attachments of technologies: checking uploads and storing them.

Uploads are checked by content, not by the name or the type the browser
claims: images must open in Pillow as JPEG, PNG or WebP, and attachments must
start with the PDF signature. Only people who may edit the technology add or
remove files.
"""

import os
import warnings

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

from . import permissions
from .models import TechnologyAttachment, TechnologyImage

IMAGE_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
IMAGE_EXTENSIONS = tuple(ext for extensions in IMAGE_FORMATS.values() for ext in extensions)
# Large enough for any photo a listing needs, small enough that a crafted
# image cannot make thumbnails or browsers decompress gigabytes.
MAX_IMAGE_PIXELS = 40_000_000
PDF_SIGNATURE = b"%PDF-"


def _extension(upload):
    return os.path.splitext(upload.name or "")[1].lower()


def _check_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            f"The file is {filesizeformat(upload.size)}; the largest allowed is {filesizeformat(limit)}.",
            code="too_large",
        )


def validate_image(upload):
    """Accept only real JPEG, PNG or WebP images within the size limit."""
    _check_size(upload, settings.MAX_IMAGE_BYTES)
    if _extension(upload) not in IMAGE_EXTENSIONS:
        raise ValidationError(
            "Upload a JPEG, PNG or WebP image (a file ending in .jpg, .jpeg, .png or .webp).",
            code="bad_extension",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as picture:
                image_format = picture.format
                width, height = picture.size
                picture.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning,
            OSError, SyntaxError, ValueError):
        raise ValidationError(
            "This file is not a valid image. Upload a JPEG, PNG or WebP picture.", code="not_image"
        ) from None
    finally:
        upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            "Only JPEG, PNG and WebP images are accepted.", code="bad_format"
        )
    if _extension(upload) not in IMAGE_FORMATS[image_format]:
        raise ValidationError(
            f"The file is a {image_format} image but its name ends in {_extension(upload)}; "
            "rename it and try again.",
            code="mismatched_extension",
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            f"The image is {width}×{height} pixels; make it smaller than 40 megapixels.",
            code="too_many_pixels",
        )


def validate_attachment(upload):
    """Accept only PDF documents within the size limit."""
    _check_size(upload, settings.MAX_ATTACHMENT_BYTES)
    if _extension(upload) != ".pdf":
        raise ValidationError("Upload a PDF document (a file ending in .pdf).", code="bad_extension")
    upload.seek(0)
    signature = upload.read(len(PDF_SIGNATURE))
    upload.seek(0)
    if signature != PDF_SIGNATURE:
        raise ValidationError(
            "This file is not a PDF document, even though its name ends in .pdf.", code="not_pdf"
        )


def _require_editor(user, technology):
    if not permissions.can_edit(user, technology):
        raise PermissionDenied("You may not change the files of this technology.")


def add_image(*, technology, by, image, caption=""):
    _require_editor(by, technology)
    validate_image(image)
    with transaction.atomic():
        return TechnologyImage.objects.create(technology=technology, image=image, caption=caption)


def add_attachment(*, technology, by, file, title):
    _require_editor(by, technology)
    validate_attachment(file)
    with transaction.atomic():
        return TechnologyAttachment.objects.create(technology=technology, file=file, title=title)


def delete_image(*, image, by):
    _delete_with_file(image, image.image, by)


def delete_attachment(*, attachment, by):
    _delete_with_file(attachment, attachment.file, by)


def _delete_with_file(row, stored_file, by):
    _require_editor(by, row.technology)
    name, storage = stored_file.name, stored_file.storage
    with transaction.atomic():
        row.delete()
        # Remove the file only once the row is gone for good, so a rollback
        # never leaves a row pointing at a missing file.
        transaction.on_commit(lambda: storage.delete(name))
