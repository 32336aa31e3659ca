"""Stored suggestions between needs and technologies or experts, and what members make of them.

A pair is stored once and serves both of its pages: ``need_score`` ranks it
among the need's suggestions, ``offer_score`` among the technology's or the
expert's (a pair can be in one list and not the other, since each side keeps
only its best few). Scores come from matching.engine and are comparable
within one listing's suggestions only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from verdex.catalog.models import Expert, Need, Technology

OFFER_KINDS = ("technology", "expert")


class Match(models.Model):
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="matches")
    technology = models.ForeignKey(
        Technology, null=True, blank=True, on_delete=models.CASCADE, related_name="matches"
    )
    expert = models.ForeignKey(Expert, null=True, blank=True, on_delete=models.CASCADE, related_name="matches")
    need_score = models.FloatField(null=True, blank=True, help_text="Rank score among the need's suggestions.")
    offer_score = models.FloatField(
        null=True, blank=True, help_text="Rank score among the technology's or expert's suggestions."
    )
    reasons = models.JSONField(default=dict, help_text="Why the two match; see matching.explain.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When the pair last entered the need's suggestions: "new matches" on the owner's dashboard.
    listed_for_need_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name_plural = "matches"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(technology__isnull=False, expert__isnull=True)
                | Q(technology__isnull=True, expert__isnull=False),
                name="match_has_one_offer",
            ),
            models.UniqueConstraint(
                fields=["need", "technology"], condition=Q(technology__isnull=False),
                name="unique_need_technology_match",
            ),
            models.UniqueConstraint(
                fields=["need", "expert"], condition=Q(expert__isnull=False), name="unique_need_expert_match"
            ),
        ]

    def __str__(self):
        return f"{self.need} ↔ {self.offer}"

    @property
    def offer(self):
        return self.technology if self.technology_id else self.expert

    @property
    def offer_kind(self):
        return "technology" if self.technology_id else "expert"


class MatchAlert(models.Model):
    """A need's owner was told about one technology newly matching the need: never again for the pair.

    Kept apart from Match, whose rows are deleted when neither side lists the pair any more,
    so a technology that leaves and re-enters the suggestions is not announced twice.
    """

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="+")
    technology = models.ForeignKey(Technology, on_delete=models.CASCADE, related_name="+")
    notified_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["need", "technology"], name="unique_match_alert")]

    def __str__(self):
        return f"{self.need} ← {self.technology}"


class MatchSeen(models.Model):
    """When a user last looked at the suggestions of one need."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "need"], name="unique_match_seen")]


class MatchFeedback(models.Model):
    """A member's verdict on one suggested pair, kept for evaluating and tuning the matcher.

    One per user and pair; a change of mind overwrites it. Score and reasons
    are copied from the suggestion as it was shown, because stored matches are
    replaced whenever they are recomputed.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="match_feedback")
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="+")
    technology = models.ForeignKey(Technology, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    expert = models.ForeignKey(Expert, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    source_kind = models.CharField(
        max_length=12, help_text="The kind of listing whose page showed the suggestion."
    )
    useful = models.BooleanField()
    score = models.FloatField(null=True, blank=True)
    reasons = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "match feedback"
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(technology__isnull=False, expert__isnull=True)
                | Q(technology__isnull=True, expert__isnull=False),
                name="match_feedback_has_one_offer",
            ),
            models.UniqueConstraint(
                fields=["user", "need", "technology"], condition=Q(technology__isnull=False),
                name="unique_technology_match_feedback",
            ),
            models.UniqueConstraint(
                fields=["user", "need", "expert"], condition=Q(expert__isnull=False),
                name="unique_expert_match_feedback",
            ),
        ]

    def __str__(self):
        verdict = "useful" if self.useful else "not useful"
        return f"{self.user} found {self.need} ↔ {self.technology or self.expert} {verdict}"

    @property
    def offer_kind(self):
        return "technology" if self.technology_id else "expert"

    @property
    def offer_id(self):
        return self.technology_id or self.expert_id
