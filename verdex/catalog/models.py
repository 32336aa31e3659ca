"""Listings: technologies, needs and expert profiles.

Every listing shares one lifecycle (see ``Status`` and catalog.services) and
one owner model: the user who created it is its contact person, optionally on
behalf of an organisation whose admins may also edit it.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    UNPUBLISHED = "unpublished", "Unpublished"
    ARCHIVED = "archived", "Archived"
    DELETED = "deleted", "Deleted by moderators"  # soft delete: hidden from all but moderators, restorable


class Source(models.TextChoices):
    USER = "user", "User upload"
    PARTNER = "partner", "Partner import"
    PATENT = "patent", "Patent import"


class TRLGroup(models.TextChoices):
    """WIPO GREEN's maturity groups over the nine technology readiness levels."""

    RESEARCH = "research", "Research (TRL 1–3)"
    DEVELOPMENT = "development", "Development / prototype (TRL 4–6)"
    DEMONSTRATION = "demonstration", "Demonstration (TRL 7–8)"
    COMMERCIAL = "commercial", "Deployed / commercial (TRL 9)"


TRL_GROUP_RANGES = {
    TRLGroup.RESEARCH: (1, 3),
    TRLGroup.DEVELOPMENT: (4, 6),
    TRLGroup.DEMONSTRATION: (7, 8),
    TRLGroup.COMMERCIAL: (9, 9),
}


def trl_group_of(trl):
    for group, (low, high) in TRL_GROUP_RANGES.items():
        if low <= trl <= high:
            return group
    raise ValueError(f"TRL must be 1–9, got {trl}")


class ListingQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


def stale_before(now=None):
    """Listings last confirmed before this moment are stale."""
    months = settings.LISTING_CONFIRM_MONTHS
    return (now or timezone.now()) - timedelta(days=round(months * 365.25 / 12))


class Listing(models.Model):
    """Fields and behaviour shared by every kind of listing."""

    title = models.CharField(max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="%(class)ss",
        help_text="The contact person, who manages the listing.",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="%(class)ss",
    )
    fields = models.ManyToManyField("taxonomy.TechnologyField", blank=True, related_name="+")
    sdgs = models.ManyToManyField("taxonomy.SDG", blank=True, related_name="+", verbose_name="SDGs")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    rejection_reason = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.USER)
    external_id = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Freshness: the owner confirms every LISTING_CONFIRM_MONTHS that the listing is still current.
    last_confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="Last publication or owner's confirmation that the listing is current.",
    )
    confirm_reminded_at = models.DateTimeField(
        null=True, blank=True, help_text="When the owner was last asked to confirm; cleared by a confirmation.",
    )
    # Stored, not computed, so that the listing index can hold it as a facet value (decision 17):
    # set by publication and confirmation, cleared by send_freshness_reminders (mark_stale_listings).
    confirmed_current = models.BooleanField(
        default=True, help_text="False once the listing has gone LISTING_CONFIRM_MONTHS without a confirmation.",
    )

    objects = ListingQuerySet.as_manager()

    kind = ""  # "technology", "need" or "expert": names URLs and templates

    class Meta:
        abstract = True
        ordering = ["-published_at", "-created_at"]
        indexes = [
            # The vector index of every process checks "how many published, last changed
            # when" every few seconds; this index answers it without reading the rows.
            models.Index(fields=["status", "updated_at"], name="%(app_label)s_%(class)s_status_upd"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"catalog:{self.kind}_detail", args=[self.pk])

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def confirmed_on(self):
        return self.last_confirmed_at or self.published_at

    @property
    def is_stale(self):
        """Published and not confirmed current for LISTING_CONFIRM_MONTHS."""
        return self.is_published and self.confirmed_on is not None and self.confirmed_on < stale_before()


class Technology(index.Indexed, Listing):
    class IPStatus(models.TextChoices):
        PATENTED = "patented", "Patented"
        PENDING = "pending", "Patent pending"
        KNOW_HOW = "know_how", "Know-how / trade secret"
        OPEN = "open", "Open / no IP protection"

    class RecordType(models.TextChoices):
        PRODUCT = "product", "Product"
        PROCESS = "process", "Process or method"
        SERVICE = "service", "Service"
        INVENTION = "invention", "Invention (pre-commercial)"
        PATENT = "patent", "Patent"

    summary = models.TextField(max_length=1000)
    description = models.TextField(help_text="Basic HTML is allowed: paragraphs, lists, links.")
    benefits = models.ManyToManyField("taxonomy.Benefit", blank=True, related_name="+")
    benefits_other = models.CharField("other benefits", max_length=300, blank=True)
    trl = models.PositiveSmallIntegerField(
        "technology readiness level", validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    trl_group = models.CharField(max_length=14, choices=TRLGroup.choices, editable=False, db_index=True)
    developed_in = models.ForeignKey(
        "taxonomy.Country", on_delete=models.PROTECT, related_name="technologies_developed"
    )
    available_in = models.ManyToManyField(
        "taxonomy.Country", blank=True, related_name="technologies_available",
        help_text="Countries where the technology can be deployed.",
    )
    available_regions = models.ManyToManyField("taxonomy.Region", blank=True, related_name="+")
    ip_status = models.CharField("IP status", max_length=10, choices=IPStatus.choices)
    patent_numbers = models.CharField(
        max_length=500, blank=True, help_text="Publication numbers, separated by commas."
    )
    availability = models.ManyToManyField("taxonomy.Arrangement", blank=True, related_name="+")
    record_type = models.CharField(max_length=10, choices=RecordType.choices, default=RecordType.PRODUCT)
    website = models.URLField(blank=True)

    kind = "technology"

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("benefits_other"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("trl_group"),
        index.FilterField("developed_in"),
        index.FilterField("ip_status"),
        index.FilterField("record_type"),
        index.FilterField("source"),
        index.FilterField("organisation"),
        index.FilterField("owner"),
        index.FilterField("published_at"),
        index.FilterField("updated_at"),
        index.FilterField("created_at"),
    ]

    class Meta(Listing.Meta):
        verbose_name_plural = "technologies"
        # The statistics count published technologies per month, country and maturity, within
        # a period, country and organisation: each index holds every column that these
        # counts read, so whichever SQLite picks, no table row is read.
        indexes = [
            *Listing.Meta.indexes,
            models.Index(fields=["status", "published_at", "developed_in", "organisation"],
                         name="catalog_tech_stats_month"),
            models.Index(fields=["status", "developed_in", "published_at", "organisation"],
                         name="catalog_tech_stats_country"),
            models.Index(fields=["status", "trl_group", "published_at", "developed_in", "organisation"],
                         name="catalog_tech_stats_trl"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], condition=~models.Q(external_id=""),
                name="unique_technology_external_id",
            )
        ]

    def save(self, *args, **kwargs):
        self.trl_group = trl_group_of(self.trl)
        super().save(*args, **kwargs)


class Need(index.Indexed, Listing):
    description = models.TextField("problem description", help_text="Basic HTML is allowed.")
    country = models.ForeignKey("taxonomy.Country", on_delete=models.PROTECT, related_name="needs")
    region = models.ForeignKey("taxonomy.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    location = models.CharField(max_length=200, blank=True, help_text="City, province or site.")
    desired_trl_group = models.CharField(
        "desired maturity", max_length=14, choices=TRLGroup.choices, blank=True
    )
    budget = models.CharField(max_length=200, blank=True)
    timeline = models.CharField(max_length=200, blank=True)
    desired_arrangements = models.ManyToManyField("taxonomy.Arrangement", blank=True, related_name="+")

    kind = "need"

    def clean(self):
        """A wider region must contain the need's country (no Kenya in "Americas").

        Every way in (web form, API, imports) runs this through full_clean.
        """
        super().clean()
        if self.region_id and self.country_id and not self.region_includes_country():
            raise ValidationError({"region": (
                f"{self.country.name} is not in {self.region.name}. Choose a region that includes "
                f"{self.country.name}, or “No particular region”."
            )})

    def region_includes_country(self):
        country, region = self.country, self.region
        if region.kind == region.Kind.REGION:
            return country.region_id == region.pk
        if region.kind == region.Kind.SUBREGION:
            return country.subregion_id == region.pk
        return country.groups.filter(pk=region.pk).exists()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("location"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("country"),
        index.FilterField("desired_trl_group"),
        index.FilterField("source"),
        index.FilterField("organisation"),
        index.FilterField("owner"),
        index.FilterField("published_at"),
        index.FilterField("updated_at"),
        index.FilterField("created_at"),
    ]

    class Meta(Listing.Meta):
        indexes = [  # for the statistics, as Technology's
            *Listing.Meta.indexes,
            models.Index(fields=["status", "published_at", "country", "organisation"],
                         name="catalog_need_stats_month"),
            models.Index(fields=["status", "country", "published_at", "organisation"],
                         name="catalog_need_stats_country"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], condition=~models.Q(external_id=""),
                name="unique_need_external_id",
            )
        ]


class Expert(index.Indexed, Listing):
    """An expert profile; ``title`` is the expert's headline."""

    class Availability(models.TextChoices):
        PRO_BONO = "pro_bono", "Pro bono"
        PAID = "paid", "Paid consultancy"
        BOTH = "both", "Pro bono or paid"
        UNAVAILABLE = "unavailable", "Not available at present"

    full_name = models.CharField(max_length=200)
    description = models.TextField("experience", help_text="Basic HTML is allowed.")
    languages = models.ManyToManyField("taxonomy.Language", blank=True, related_name="+")
    countries_served = models.ManyToManyField("taxonomy.Country", blank=True, related_name="experts")
    availability = models.CharField(max_length=12, choices=Availability.choices, default=Availability.BOTH)
    country = models.ForeignKey(
        "taxonomy.Country", on_delete=models.PROTECT, related_name="resident_experts",
        help_text="Where the expert is based.",
    )

    kind = "expert"

    search_fields = [
        index.SearchField("full_name", boost=3),
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("full_name"),
        index.FilterField("status"),
        index.FilterField("country"),
        index.FilterField("availability"),
        index.FilterField("source"),
        index.FilterField("organisation"),
        index.FilterField("owner"),
        index.FilterField("published_at"),
        index.FilterField("updated_at"),
        index.FilterField("created_at"),
    ]

    class Meta(Listing.Meta):
        indexes = [  # for the statistics, as Technology's
            *Listing.Meta.indexes,
            models.Index(fields=["status", "published_at", "country", "organisation"],
                         name="catalog_expert_stats_month"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], condition=~models.Q(external_id=""),
                name="unique_expert_external_id",
            )
        ]

    def __str__(self):
        return f"{self.full_name} — {self.title}"


class TechnologyImage(models.Model):
    technology = models.ForeignKey(Technology, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to="technologies/images/")
    caption = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)


class TechnologyAttachment(models.Model):
    technology = models.ForeignKey(Technology, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="technologies/attachments/")
    title = models.CharField(max_length=200)
    uploaded_at = models.DateTimeField(auto_now_add=True)


class Bookmark(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    listing = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="unique_bookmark")
        ]


LISTING_MODELS = {"technology": Technology, "need": Need, "expert": Expert}
