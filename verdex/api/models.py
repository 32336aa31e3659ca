"""Personal API tokens.

Only a SHA-256 hash of each key is stored, so a leaked database does not leak
working keys; the key itself is shown once, when the token is created. The
first characters of the key are kept as ``prefix`` so people can tell their
tokens apart.
"""

import hashlib

from django.conf import settings
from django.db import models


def hash_key(key):
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. “Nightly sync”.")
    prefix = models.CharField(max_length=16, help_text="The start of the key, shown to tell tokens apart.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
