import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import NameObject


def image_bytes(image_format="PNG", size=(8, 6)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (29, 107, 58)).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf_bytes(**catalog_entries):
    """A real one-page PDF written by pypdf, with extra entries in its catalog if given."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    for key, value in catalog_entries.items():
        writer._root_object[NameObject(f"/{key}")] = value
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF_BYTES = pdf_bytes()


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
