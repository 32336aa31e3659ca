"""Reference data shared by every listing: fields, SDGs, places, tags.

Rows here are loaded by data migrations from verdex/taxonomy/data/ and are
read-only for users; staff may extend them in the admin.
"""

from django.db import models


class Scheme(models.TextChoices):
    CPC = "cpc", "CPC Y02/Y04S climate change mitigation"
    GREEN_INVENTORY = "gi", "IPC Green Inventory"


class TechnologyField(models.Model):
    """A node of the technology-field hierarchy.

    ``root`` points at the top-level ancestor (itself for a top-level node) so
    that "everything under Y02E" is one indexed equality filter.
    """

    scheme = models.CharField(max_length=3, choices=Scheme.choices)
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="descendants"
    )
    depth = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["scheme", "code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def label(self):
        return self.name if self.depth == 0 else f"{self.root.name} › {self.name}"


class SDG(models.Model):
    number = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["number"]
        verbose_name = "SDG"

    def __str__(self):
        return f"SDG {self.number}: {self.name}"


class Region(models.Model):
    """A UN M49 region or sub-region, or a UN country group (LDC, SIDS)."""

    class Kind(models.TextChoices):
        REGION = "region", "UN region"
        SUBREGION = "subregion", "UN sub-region"
        GROUP = "group", "Country group"

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class Country(models.Model):
    code = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=120)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="countries"
    )
    subregion = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="subregion_countries"
    )
    groups = models.ManyToManyField(Region, blank=True, related_name="group_countries")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name


class Benefit(models.Model):
    """An environmental benefit tag (greenhouse gases, water, ...)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Arrangement(models.Model):
    """A way of transferring a technology: licence, sale, joint venture, ..."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Language(models.Model):
    code = models.CharField(max_length=3, primary_key=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
