"""Disguised uploads: images are stored re-encoded from their pixels; PDFs must parse and be inert."""

import io

import pytest
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from verdex.catalog.models import Status, TechnologyAttachment, TechnologyImage

from .conftest import PDF_BYTES, image_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def technology(make_technology):
    return make_technology(status=Status.PUBLISHED)


@pytest.fixture
def owner_client(client, technology):
    client.force_login(technology.owner)
    return client


def post_image(client, technology, name, content):
    return client.post(reverse("catalog:technology_image_add", args=[technology.pk]),
                       {"image-image": upload(name, content, "image/png")})


def post_pdf(client, technology, content, name="sheet.pdf"):
    return client.post(reverse("catalog:technology_attachment_add", args=[technology.pk]),
                       {"attachment-file": upload(name, content, "application/pdf"), "attachment-title": "Sheet"})


def stored_bytes():
    image = TechnologyImage.objects.get()
    with image.image.open("rb") as stored:
        return stored.read()


def test_a_png_with_html_appended_is_stored_without_it(owner_client, technology):
    original = image_bytes("PNG", size=(12, 9))

    response = post_image(owner_client, technology, "pump.png", original + HTML)

    assert response.status_code == 302
    stored = stored_bytes()
    assert b"<html" not in stored and b"script" not in stored
    assert stored.endswith(b"IEND\xaeB`\x82")  # nothing after the PNG's last chunk
    assert Image.open(io.BytesIO(stored)).tobytes() == Image.open(io.BytesIO(original)).tobytes()


def test_text_chunks_and_exif_are_dropped_and_orientation_is_kept(owner_client, technology):
    picture = Image.new("RGB", (40, 20), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "Camera maker <script>x</script>"
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif, comment=b"<?php system($_GET[1]); ?>")

    assert post_image(owner_client, technology, "field.jpg", buffer.getvalue()).status_code == 302

    stored = Image.open(io.BytesIO(stored_bytes()))
    assert stored.format == "JPEG"
    assert stored.size == (20, 40)  # turned upright, so the dropped tag is not needed
    assert not stored.getexif() and "comment" not in stored.info
    assert b"php" not in stored_bytes() and b"script" not in stored_bytes()


def test_png_text_metadata_is_dropped_and_transparency_kept(owner_client, technology):
    from PIL.PngImagePlugin import PngInfo

    picture = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    picture.putpixel((3, 3), (10, 120, 60, 255))
    info = PngInfo()
    info.add_text("Comment", "<iframe src=https://evil.example>")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", pnginfo=info)

    assert post_image(owner_client, technology, "logo.png", buffer.getvalue()).status_code == 302

    stored = Image.open(io.BytesIO(stored_bytes()))
    assert b"iframe" not in stored_bytes() and "Comment" not in stored.info
    assert stored.mode == "RGBA" and stored.getpixel((0, 0))[3] == 0 and stored.getpixel((3, 3))[3] == 255


def test_a_truncated_image_is_refused_naming_the_field(owner_client, technology):
    whole = image_bytes("PNG", size=(200, 200))

    response = post_image(owner_client, technology, "pump.png", whole[: len(whole) // 2])

    assert response.status_code == 200
    assert "not a valid image" in " ".join(response.context["image_form"].errors["image"])
    assert not TechnologyImage.objects.exists()


def test_a_pdf_header_followed_by_javascript_is_refused(owner_client, technology):
    response = post_pdf(owner_client, technology, b"%PDF-1.4\n/JS (app.alert(document.cookie))\n/OpenAction\n")

    assert response.status_code == 200
    assert "cannot be read" in " ".join(response.context["attachment_form"].errors["file"])
    assert 'id="id_attachment-file_error"' in response.content.decode()
    assert not TechnologyAttachment.objects.exists()


def _javascript_action():
    return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                             NameObject("/JS"): TextStringObject("app.alert(1)")})


def _with_page_entry(key, value):
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    page[NameObject(key)] = value
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _embedded_file():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_attachment("payload.exe", b"MZ\x90\x00")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("content, words", [
    (pdf_bytes(OpenAction=_javascript_action()), "JavaScript"),
    (pdf_bytes(OpenAction=DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                                            NameObject("/F"): TextStringObject("cmd.exe")})),
     "an action that starts a program"),
    (_with_page_entry("/AA", DictionaryObject({NameObject("/O"): _javascript_action()})), "automatic actions"),
    (_embedded_file(), "embedded files"),
    # The same key spelled with a #-escape, which a reader decodes to /JS.
    (pdf_bytes().replace(b"/Producer (pypdf)", b"/J#53 (app.alert(1))      "), "JavaScript"),
])
def test_real_pdfs_with_scripts_actions_or_files_are_refused(owner_client, technology, content, words):
    response = post_pdf(owner_client, technology, content)

    assert response.status_code == 200
    errors = " ".join(response.context["attachment_form"].errors["file"])
    assert f"contains {words}" in errors
    assert not TechnologyAttachment.objects.exists()


def test_javascript_in_an_object_nothing_refers_to_is_found(owner_client, technology):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer._add_object(_javascript_action())  # in the file, referenced by nothing
    buffer = io.BytesIO()
    writer.write(buffer)

    response = post_pdf(owner_client, technology, buffer.getvalue())

    assert "contains JavaScript" in " ".join(response.context["attachment_form"].errors["file"])


def test_a_pdf_without_pages_is_refused(owner_client, technology):
    writer = PdfWriter()
    buffer = io.BytesIO()
    writer.write(buffer)

    response = post_pdf(owner_client, technology, buffer.getvalue())

    assert "no pages" in " ".join(response.context["attachment_form"].errors["file"])


def test_real_pdfs_with_links_and_an_opening_page_are_accepted(owner_client, technology):
    go_to_first_page = ArrayObject([NumberObject(0), NameObject("/Fit")])
    for content in (PDF_BYTES, pdf_bytes(OpenAction=go_to_first_page)):
        assert post_pdf(owner_client, technology, content).status_code == 302
    assert TechnologyAttachment.objects.count() == 2
