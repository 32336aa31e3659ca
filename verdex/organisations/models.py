import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify


class Organisation(models.Model):
    class Type(models.TextChoices):
        SME = "sme", "SME"
        LARGE_COMPANY = "large", "Large company"
        STARTUP = "startup", "Start-up"
        UNIVERSITY = "university", "University"
        RESEARCH = "research", "Research institute"
        NGO = "ngo", "NGO"
        GOVERNMENT = "government", "Government body"
        INVESTOR = "investor", "Investor"
        INTERMEDIARY = "intermediary", "Intermediary"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    org_type = models.CharField("type", max_length=20, choices=Type.choices)
    country = models.ForeignKey(
        "taxonomy.Country", on_delete=models.PROTECT, related_name="organisations"
    )
    website = models.URLField(blank=True)
    logo = models.ImageField(upload_to="logos/", blank=True)
    description = models.TextField(blank=True, help_text="Basic HTML is allowed.")
    is_partner = models.BooleanField(
        "partner", default=False, help_text="Set by staff for partner organisations."
    )
    publishes_without_review = models.BooleanField(
        default=False,
        help_text="Set by staff: listings of this organisation are published on submit.",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Search's in-process listing index watches it: the organisation type is a listing facet.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", args=[self.slug])

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = _unique_slug(self.name)
        super().save(*args, **kwargs)


def _unique_slug(name):
    base = slugify(name)[:200] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", "Administrator"
        MEMBER = "member", "Member"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} in {self.organisation} ({self.role})"


def _new_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    VALID_DAYS = 14

    def __str__(self):
        return f"Invitation of {self.email} to {self.organisation}"

    @property
    def is_open(self):
        age = timezone.now() - self.created_at
        return self.accepted_at is None and age.days < self.VALID_DAYS
