"""Rows the whole site shares: rate-limit counters."""

from django.db import models


class RateLimitWindow(models.Model):
    """How often one key (e.g. "api:ip:203.0.113.5") was hit in one fixed window.

    ``bucket`` names the key, the window length and the window's number, so a
    new window is a new row; rows whose window has ended are pruned by
    ``verdex.core.ratelimit``. Counted in the database so that every server
    process and machine sees the same count (see docs/security.md).
    """

    bucket = models.CharField(max_length=255, primary_key=True)
    hits = models.PositiveIntegerField(default=0)
    expires_at = models.FloatField(db_index=True, help_text="Unix time at which the window ends.")

    def __str__(self):
        return f"{self.bucket}: {self.hits}"
