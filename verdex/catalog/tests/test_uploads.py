import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from verdex.catalog import uploads
from verdex.catalog.models import Status, TechnologyAttachment, TechnologyImage

from .conftest import PDF_BYTES, image_bytes, upload

pytestmark = pytest.mark.django_db


def add_image(client, technology, name, content, caption=""):
    return client.post(
        reverse("catalog:technology_image_add", args=[technology.pk]),
        {"image-image": upload(name, content, "image/png"), "image-caption": caption},
    )


def add_attachment(client, technology, name, content, title="Data sheet"):
    return client.post(
        reverse("catalog:technology_attachment_add", args=[technology.pk]),
        {"attachment-file": upload(name, content, "application/pdf"), "attachment-title": title},
    )


@pytest.fixture
def technology(make_technology):
    return make_technology(status=Status.PUBLISHED)


def test_real_png_is_accepted_and_shown_to_members(client, member, other_member, technology):
    client.force_login(member)
    response = add_image(client, technology, "pump.png", image_bytes("PNG"), caption="The pump")
    assert response.status_code == 302
    image = TechnologyImage.objects.get(technology=technology)
    assert image.caption == "The pump"
    assert image.image.storage.exists(image.image.name)
    client.force_login(other_member)
    image_url = reverse("catalog:technology_image", args=[technology.pk, image.pk])
    assert image_url in client.get(technology.get_absolute_url()).content.decode()


@pytest.mark.parametrize("image_format, name", [("JPEG", "field.jpg"), ("WEBP", "field.webp")])
def test_jpeg_and_webp_are_accepted(client, member, technology, image_format, name):
    client.force_login(member)
    assert add_image(client, technology, name, image_bytes(image_format)).status_code == 302
    assert TechnologyImage.objects.filter(technology=technology).count() == 1


@pytest.mark.parametrize("name, content", [
    ("notes.png", b"This is a text file, not a picture."),
    ("animation.gif", image_bytes("GIF")),
    ("picture.png", image_bytes("JPEG")),
    ("picture.txt", image_bytes("PNG")),
])
def test_fake_or_unsupported_images_are_rejected_naming_the_field(client, member, technology, name, content):
    client.force_login(member)
    response = add_image(client, technology, name, content)
    assert response.status_code == 200
    assert "image" in response.context["image_form"].errors
    assert 'id="id_image-image_error"' in response.content.decode()
    assert TechnologyImage.objects.count() == 0


def test_oversized_image_is_rejected(client, member, technology, settings):
    settings.MAX_IMAGE_BYTES = 200
    client.force_login(member)
    response = add_image(client, technology, "big.png", image_bytes("PNG", size=(300, 300)))
    assert "largest allowed is 200" in " ".join(response.context["image_form"].errors["image"])
    assert TechnologyImage.objects.count() == 0


def test_image_with_too_many_pixels_is_rejected(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 100)
    with pytest.raises(ValidationError, match="pixels"):
        uploads.validate_image(upload("wide.png", image_bytes("PNG", size=(20, 10))))


def test_pdf_attachment_is_accepted_and_downloadable_by_members(client, member, other_member, technology):
    client.force_login(member)
    assert add_attachment(client, technology, "sheet.pdf", PDF_BYTES).status_code == 302
    attachment = TechnologyAttachment.objects.get()
    url = reverse("catalog:technology_attachment_download", args=[technology.pk, attachment.pk])
    client.force_login(other_member)
    assert url in client.get(technology.get_absolute_url()).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="data-sheet.pdf"' == response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.parametrize("name, content", [
    ("sheet.pdf", b"<html>not a pdf</html>"),
    ("sheet.pdf", image_bytes("PNG")),
    ("sheet.docx", PDF_BYTES),
])
def test_non_pdf_attachment_is_rejected(client, member, technology, name, content):
    client.force_login(member)
    response = add_attachment(client, technology, name, content)
    assert response.status_code == 200
    assert "file" in response.context["attachment_form"].errors
    assert TechnologyAttachment.objects.count() == 0


def test_oversized_attachment_is_rejected(client, member, technology, settings):
    settings.MAX_ATTACHMENT_BYTES = 50
    client.force_login(member)
    response = add_attachment(client, technology, "sheet.pdf", PDF_BYTES)
    assert "file" in response.context["attachment_form"].errors
    assert TechnologyAttachment.objects.count() == 0


def test_attachment_download_is_denied_to_visitors(client, member, technology):
    client.force_login(member)
    add_attachment(client, technology, "sheet.pdf", PDF_BYTES)
    attachment = TechnologyAttachment.objects.get()
    client.logout()
    url = reverse("catalog:technology_attachment_download", args=[technology.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert url not in client.get(technology.get_absolute_url()).content.decode()


def test_attachment_of_someone_elses_draft_is_404(client, member, other_member, make_technology):
    draft = make_technology(status=Status.DRAFT)
    client.force_login(member)
    add_attachment(client, draft, "sheet.pdf", PDF_BYTES)
    attachment = TechnologyAttachment.objects.get()
    client.force_login(other_member)
    url = reverse("catalog:technology_attachment_download", args=[draft.pk, attachment.pk])
    assert client.get(url).status_code == 404


def test_attachment_is_not_served_under_another_technology(client, member, make_technology):
    first, second = make_technology(), make_technology(title="Biogas digester for dairy farms")
    client.force_login(member)
    add_attachment(client, first, "sheet.pdf", PDF_BYTES)
    attachment = TechnologyAttachment.objects.get()
    url = reverse("catalog:technology_attachment_download", args=[second.pk, attachment.pk])
    assert client.get(url).status_code == 404


def test_only_editors_upload_or_delete(client, member, other_member, technology):
    client.force_login(other_member)
    assert add_image(client, technology, "pump.png", image_bytes()).status_code == 404
    assert add_attachment(client, technology, "sheet.pdf", PDF_BYTES).status_code == 404
    assert TechnologyImage.objects.count() == 0 and TechnologyAttachment.objects.count() == 0

    client.force_login(member)
    add_image(client, technology, "pump.png", image_bytes())
    image = TechnologyImage.objects.get()
    delete_url = reverse("catalog:technology_image_delete", args=[technology.pk, image.pk])
    client.force_login(other_member)
    assert client.post(delete_url).status_code == 404
    assert TechnologyImage.objects.filter(pk=image.pk).exists()


def test_owner_deletes_image_and_attachment_with_their_files(
    client, member, technology, django_capture_on_commit_callbacks
):
    client.force_login(member)
    add_image(client, technology, "pump.png", image_bytes())
    add_attachment(client, technology, "sheet.pdf", PDF_BYTES)
    image, attachment = TechnologyImage.objects.get(), TechnologyAttachment.objects.get()
    storage = image.image.storage
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("catalog:technology_image_delete", args=[technology.pk, image.pk]))
        client.post(reverse("catalog:technology_attachment_delete", args=[technology.pk, attachment.pk]))
    assert not TechnologyImage.objects.exists() and not TechnologyAttachment.objects.exists()
    assert not storage.exists(image.image.name)
    assert not storage.exists(attachment.file.name)


def test_delete_needs_post(client, member, technology):
    client.force_login(member)
    add_image(client, technology, "pump.png", image_bytes())
    image = TechnologyImage.objects.get()
    response = client.get(reverse("catalog:technology_image_delete", args=[technology.pk, image.pk]))
    assert response.status_code == 405
    assert TechnologyImage.objects.exists()


def test_edit_page_lists_files_and_upload_forms(client, member, technology):
    client.force_login(member)
    add_image(client, technology, "pump.png", image_bytes(), caption="Pump on a field")
    html = client.get(reverse("catalog:technology_edit", args=[technology.pk])).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "Pump on a field" in html
    assert reverse("catalog:technology_attachment_add", args=[technology.pk]) in html
