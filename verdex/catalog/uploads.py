"""Images and PDF attachments of technologies: checking uploads and storing them.

Uploads are checked by content, not by the name or the type the browser
claims. Images must decode completely in Pillow as JPEG, PNG or WebP within a
pixel budget, and are stored re-encoded: only the pixels survive, so bytes
appended to the file (an HTML page after a PNG's end), comments and metadata
(EXIF, GPS, XMP, text chunks) are gone. PDFs must open in a real parser
(pypdf) with at least one page and may not carry scripts, launch or automatic
actions, or embedded files. Only people who may edit the technology add or
remove files.
"""

import io
import logging
import os
import warnings

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from . import permissions
from .models import TechnologyAttachment, TechnologyImage

logger = logging.getLogger(__name__)

IMAGE_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
IMAGE_EXTENSIONS = tuple(ext for extensions in IMAGE_FORMATS.values() for ext in extensions)
# Large enough for any photo a listing needs, small enough that a crafted
# image cannot make thumbnails or browsers decompress gigabytes.
MAX_IMAGE_PIXELS = 40_000_000
# How each format is written again: no metadata is passed on, only pixels.
REENCODE_OPTIONS = {"JPEG": {"quality": 90}, "PNG": {"optimize": True}, "WEBP": {"quality": 90}}
PDF_SIGNATURE = b"%PDF-"
# Dictionary keys that make a PDF run code or open other things, with the words the error uses.
ACTIVE_PDF_KEYS = {
    "/JS": "JavaScript", "/JavaScript": "JavaScript", "/AA": "automatic actions",
    "/Launch": "an action that starts a program", "/EmbeddedFile": "embedded files",
    "/EmbeddedFiles": "embedded files",
}
# Action types (/S) refused wherever they appear, /OpenAction included.
ACTIVE_PDF_ACTIONS = {"/JavaScript": "JavaScript", "/Launch": "an action that starts a program"}
MAX_PDF_OBJECTS = 200_000


def _extension(upload):
    return os.path.splitext(upload.name or "")[1].lower()


def _check_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            f"The file is {filesizeformat(upload.size)}; the largest allowed is {filesizeformat(limit)}.",
            code="too_large",
        )


def _decoded_image(upload):
    """Open and fully decode ``upload``; ValidationError for anything but a JPEG, PNG or WebP in budget."""
    not_image = ValidationError(
        "This file is not a valid image. Upload a JPEG, PNG or WebP picture.", code="not_image"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            picture = Image.open(io.BytesIO(upload.read()))  # Pillow may close a file it reads
            image_format = picture.format
            if image_format not in IMAGE_FORMATS:
                raise ValidationError("Only JPEG, PNG and WebP images are accepted.", code="bad_format")
            if _extension(upload) not in IMAGE_FORMATS[image_format]:
                raise ValidationError(
                    f"The file is a {image_format} image but its name ends in {_extension(upload)}; "
                    "rename it and try again.",
                    code="mismatched_extension",
                )
            width, height = picture.size
            if width * height > MAX_IMAGE_PIXELS:  # checked from the header, before decoding
                raise ValidationError(
                    f"The image is {width}×{height} pixels; make it smaller than 40 megapixels.",
                    code="too_many_pixels",
                )
            picture.load()  # every pixel, so a truncated or corrupt image is caught here
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning,
            OSError, SyntaxError, ValueError):
        raise not_image from None
    finally:
        upload.seek(0)
    return picture, image_format


def _check_name_and_size(upload):
    _check_size(upload, settings.MAX_IMAGE_BYTES)
    if _extension(upload) not in IMAGE_EXTENSIONS:
        raise ValidationError(
            "Upload a JPEG, PNG or WebP image (a file ending in .jpg, .jpeg, .png or .webp).",
            code="bad_extension",
        )


def validate_image(upload):
    """Accept only real JPEG, PNG or WebP images within the size and pixel limits."""
    _check_name_and_size(upload)
    _decoded_image(upload)[0].close()


def reencoded_image(upload):
    """The image checked like ``validate_image``, written again in its own format from its pixels alone.

    The EXIF orientation is applied first, since the tag itself is dropped with
    the other metadata; animated images keep their first frame.
    """
    _check_name_and_size(upload)
    picture, image_format = _decoded_image(upload)
    with picture:
        transparency = picture.info.get("transparency")
        pixels = ImageOps.exif_transpose(picture)
    pixels.info = {}  # Pillow writes EXIF, comments, text chunks and ICC profiles it finds here
    options = dict(REENCODE_OPTIONS[image_format])
    has_alpha = pixels.mode in ("RGBA", "LA", "PA") or transparency is not None
    if image_format == "JPEG" and pixels.mode not in ("RGB", "L"):
        pixels = pixels.convert("RGB")
    elif image_format == "WEBP" and pixels.mode not in ("RGB", "RGBA"):
        pixels = pixels.convert("RGBA" if has_alpha else "RGB")
    elif image_format == "PNG" and transparency is not None and pixels.mode in ("P", "L", "RGB"):
        options["transparency"] = transparency
    buffer = io.BytesIO()
    pixels.save(buffer, format=image_format, **options)
    stem = os.path.splitext(os.path.basename(upload.name))[0][:80] or "image"
    return ContentFile(buffer.getvalue(), name=stem + IMAGE_FORMATS[image_format][0])


def validate_attachment(upload):
    """Accept only PDF documents within the size limit that open and carry nothing active."""
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
    try:
        found = _active_pdf_content(upload)
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - a parser on hostile input may fail in any way
        logger.info("refused a PDF that pypdf cannot read: %r", error)
        raise ValidationError(
            "This PDF cannot be read: it is damaged or not really a PDF. Save it again as PDF and retry.",
            code="unreadable_pdf",
        ) from None
    finally:
        upload.seek(0)
    if found:
        raise ValidationError(
            f"This PDF contains {found}, which documents here may not have. "
            "Export it again without scripts, actions or attached files (e.g. “Print to PDF”).",
            code="active_pdf",
        )


def _active_pdf_content(upload):
    """What active content the PDF holds (words for the error), or "" when none.

    Every object is visited: those reachable from the trailer and every other
    object in the cross-reference table, so nothing hides in an unreferenced one.
    """
    reader = PdfReader(upload, strict=False)
    if reader.is_encrypted:
        raise ValidationError(
            "This PDF is password-protected, so it cannot be checked. Upload it without protection.",
            code="encrypted_pdf",
        )
    if len(reader.pages) == 0:
        raise ValidationError("This PDF has no pages.", code="empty_pdf")
    pending = [reader.trailer]
    pending += [IndirectObject(number, generation, reader)
                for generation, numbers in reader.xref.items() for number in numbers]
    pending += [IndirectObject(number, 0, reader) for number in reader.xref_objStm]
    seen = set()
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            if len(seen) > MAX_PDF_OBJECTS:
                raise ValidationError("This PDF has too many objects to be checked.", code="complex_pdf")
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                if key in ACTIVE_PDF_KEYS:
                    return ACTIVE_PDF_KEYS[key]
                if key == "/S" and (action := value.get_object()) in ACTIVE_PDF_ACTIONS:
                    return ACTIVE_PDF_ACTIONS[action]
                pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return ""


def _require_editor(user, technology):
    if not permissions.can_edit(user, technology):
        raise PermissionDenied("You may not change the files of this technology.")


def add_image(*, technology, by, image, caption=""):
    _require_editor(by, technology)
    image = reencoded_image(image)
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
