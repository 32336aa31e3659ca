"""Search texts too long for a URL, kept server-side under a hash of their content.

A pasted need description can pass the request line a server accepts (4,094
bytes for gunicorn, often 8 KB for proxies): Chinese text triples in size once
percent-encoded. The search form posts such a text and is redirected to
``?qref=<key>``; ``SearchQuery.from_params`` reads the text back, so pages,
facets, exports and feeds treat ``qref`` like ``q``.
"""

import hashlib
from urllib.parse import quote_plus

from django.db import transaction
from django.http import Http404

from .models import StoredQueryText

# A text longer than this once percent-encoded goes into the URL by reference;
# the search form's script switches to POST from the same length.
URL_TEXT_LIMIT = 1500


def needs_reference(text):
    return len(quote_plus(text)) > URL_TEXT_LIMIT


@transaction.atomic
def remember_text(*, text):
    """The key under which ``text`` (already cleaned) is kept; the same text always gets the same key."""
    key = hashlib.sha256(text.encode()).hexdigest()[:32]
    StoredQueryText.objects.get_or_create(key=key, defaults={"text": text})
    return key


def stored_text(key):
    """The text kept under ``key``; 404 if there is none (a mistyped or made-up link)."""
    text = StoredQueryText.objects.filter(key=str(key)[:32]).values_list("text", flat=True).first()
    if text is None:
        raise Http404("No search text is kept under this reference.")
    return text
