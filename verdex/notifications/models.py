"""Notifications, the member's email preference per kind, and saved searches.

One ``Notification`` row per thing a member should know about, whichever app
it comes from; ``email_frequency`` is decided when it is written (from the
member's preference) and ``emailed_at`` says it went out, alone or in a digest.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Kind(models.TextChoices):
    LISTING_PUBLISHED = "listing_published", "A listing of mine was published"
    LISTING_REJECTED = "listing_rejected", "A listing of mine was rejected"
    LISTING_UNPUBLISHED = "listing_unpublished", "A listing of mine was unpublished"
    CONNECTION_REQUEST = "connection_request", "Someone asks to connect"
    CONNECTION_ACCEPTED = "connection_accepted", "A connection request was accepted"
    CONNECTION_MESSAGE = "connection_message", "A message in a connection"
    CONNECTION_STAGE = "connection_stage", "Another change of a connection's stage"
    ORGANISATION_INVITATION = "organisation_invitation", "An invitation to join an organisation"
    IMPORT_FINISHED = "import_finished", "An import finished"
    IMPORT_FAILED = "import_failed", "An import failed"
    SAVED_SEARCH_HIT = "saved_search_hit", "New listings for a saved search"
    FRESHNESS_REMINDER = "freshness_reminder", "A reminder to confirm a listing is current"
    NEW_MATCH = "new_match", "New technologies matching a need of mine"


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", "Immediately"
    DAILY = "daily", "Daily digest"
    WEEKLY = "weekly", "Weekly digest"
    NEVER = "never", "Never"


DIGESTS = (Frequency.DAILY, Frequency.WEEKLY)

# What a member gets before choosing: decisions, connections and invitations at once,
# saved-search hits and new matching technologies in the daily digest.
DEFAULT_FREQUENCY = {kind: Frequency.IMMEDIATELY for kind in Kind}
DEFAULT_FREQUENCY[Kind.SAVED_SEARCH_HIT] = Frequency.DAILY
DEFAULT_FREQUENCY[Kind.NEW_MATCH] = Frequency.DAILY


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="notifications",
    )
    email = models.EmailField(
        blank=True, help_text="For a person without an account (an invitation): the address it is mailed to.",
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True, help_text="A path on this site, or a full address.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_frequency = models.CharField(max_length=12, choices=Frequency.choices, default=Frequency.NEVER)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_new"),
            # The bell's count on every page reads only this index.
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"),
            models.Index(
                fields=["email_frequency", "recipient"],
                condition=Q(emailed_at__isnull=True, email_frequency__in=["daily", "weekly"]),
                name="notification_digest_due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(email=""), name="notification_has_recipient"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def absolute_url(self):
        return absolute(self.url)


def absolute(url):
    """A site path as a full address under settings.SITE_URL, for emails."""
    if url.startswith("/"):
        return settings.SITE_URL.rstrip("/") + url
    return url


class EmailPreference(models.Model):
    """How a member wants to be emailed about one kind; no row means DEFAULT_FREQUENCY."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    frequency = models.CharField(max_length=12, choices=Frequency.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="unique_email_preference")]

    def __str__(self):
        return f"{self.user} · {self.kind}: {self.frequency}"


class SavedSearch(models.Model):
    """A member's search (kind, text, mode, facets) checked for newly published listings."""

    class AlertFrequency(models.TextChoices):
        INSTANT = "instant", "As soon as a listing is published"
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    KINDS = ("technology", "need", "expert")
    MAX_PER_USER = 50

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=12, choices=[(kind, kind) for kind in KINDS])
    text = models.TextField(blank=True)
    mode = models.CharField(max_length=12)
    filters = models.JSONField(default=dict, blank=True)
    frequency = models.CharField(max_length=8, choices=AlertFrequency.choices, default=AlertFrequency.DAILY)
    paused = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    # Listings published up to here have been looked at; recent_ids are the ones alerted
    # within the overlap before it (see alerts.py), so a late commit is neither missed nor repeated.
    checked_until = models.DateTimeField(default=timezone.now)
    recent_ids = models.JSONField(default=list, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="unique_saved_search_name")]
        indexes = [models.Index(fields=["frequency", "paused"], name="saved_search_due")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("notifications:saved_searches") + f"#saved-{self.pk}"

    @property
    def search_url(self):
        """The search page this was saved from (a long text by its stored reference, as the page does)."""
        import hashlib

        from django.http import QueryDict

        from verdex.search.stored_texts import needs_reference

        params = QueryDict(mutable=True)
        if self.text and needs_reference(self.text):
            params["qref"] = hashlib.sha256(self.text.encode()).hexdigest()[:32]  # as remember_text keys it
        elif self.text:
            params["q"] = self.text
        params["mode"] = self.mode
        for name, values in sorted(self.filters.items()):
            params.setlist(name, values)
        path = reverse({"technology": "search:technologies", "need": "search:needs",
                        "expert": "search:experts"}[self.kind])
        return f"{path}?{params.urlencode()}"
