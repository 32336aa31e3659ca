from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models


class VerdexUserManager(UserManager):
    """Users log in by email; the username is derived from it."""

    def _create_user(self, username, email, password, **extra_fields):
        email = self.normalize_email(email)
        return super()._create_user(username or email, email, password, **extra_fields)

    def create_user(self, email=None, password=None, username=None, **extra_fields):
        return super().create_user(username or email, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, username=None, **extra_fields):
        return super().create_superuser(username or email, email, password, **extra_fields)


class User(AbstractUser):
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=120, blank=True)
    job_title = models.CharField(max_length=120, blank=True)
    country = models.ForeignKey(
        "taxonomy.Country", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    languages = models.ManyToManyField("taxonomy.Language", blank=True, related_name="+")
    bio = models.TextField(blank=True)
    deleted_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When the person deleted their account; the row stays, anonymised, for what others keep.",
    )

    objects = VerdexUserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        permissions = [
            ("moderate_listings", "Can review, publish, reject and unpublish listings"),
            ("view_statistics", "Can see the programme statistics"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.display_name or self.get_full_name() or self.email.split("@")[0]

    @property
    def is_moderator(self):
        return self.is_active and self.has_perm("accounts.moderate_listings")
