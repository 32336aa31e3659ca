"""Connections: a member asks the owner of a listing to collaborate.

Stages move forward only along ``Connection.TRANSITIONS``; every move is kept
as a ``ConnectionEvent`` so both sides see the history. An outcome ("agreement
reached", "deployed") moved to by one side is that side's claim until the other
side confirms it (or disputes it, which returns the connection to the stage
before the claim); the statistics count confirmed outcomes only.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Stage(models.TextChoices):
    REQUESTED = "requested", "Requested"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    IN_DISCUSSION = "in_discussion", "In discussion"
    AGREEMENT = "agreement", "Agreement reached"
    DEPLOYED = "deployed", "Deployed"
    CLOSED = "closed", "Closed without result"


class DeclineReason(models.TextChoices):
    TOO_EARLY = "too_early", "Too early stage"
    NOT_IN_COUNTRY = "not_in_country", "Not available in my country"
    NOT_A_FIT = "not_a_fit", "Not a fit for the need"
    NO_CAPACITY = "no_capacity", "No capacity at present"
    COMMERCIAL_TERMS = "commercial_terms", "Commercial terms do not match"
    OTHER = "other", "Other"


class AgreementType(models.TextChoices):
    LICENCE = "licence", "Licence"
    SALE = "sale", "Sale or assignment"
    JOINT_VENTURE = "joint_venture", "Joint venture"
    PILOT = "pilot", "Pilot project"
    OTHER = "other", "Other"


class Connection(models.Model):
    # Who may move a connection from one stage to the next: the listing's owner
    # ("owner"), the requester, or either party ("both").
    TRANSITIONS = {
        Stage.REQUESTED: {Stage.ACCEPTED: "owner", Stage.DECLINED: "owner", Stage.CLOSED: "requester"},
        Stage.ACCEPTED: {Stage.IN_DISCUSSION: "both", Stage.AGREEMENT: "both", Stage.CLOSED: "both"},
        Stage.IN_DISCUSSION: {Stage.AGREEMENT: "both", Stage.CLOSED: "both"},
        Stage.AGREEMENT: {Stage.DEPLOYED: "both", Stage.CLOSED: "both"},
        Stage.DECLINED: {},
        Stage.DEPLOYED: {},
        Stage.CLOSED: {},
    }
    OUTCOME_STAGES = (Stage.AGREEMENT, Stage.DEPLOYED)
    OPEN_STAGES = (Stage.REQUESTED, Stage.ACCEPTED, Stage.IN_DISCUSSION, Stage.AGREEMENT)
    CONTACT_STAGES = (Stage.ACCEPTED, Stage.IN_DISCUSSION, Stage.AGREEMENT, Stage.DEPLOYED)

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="connections_requested"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="connections_received",
        help_text="The listing's owner when the request was made.",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    listing = GenericForeignKey("content_type", "object_id")
    listing_title = models.CharField(max_length=200)
    about_need = models.ForeignKey(
        "catalog.Need", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The requester's own need this connection is meant to solve, if any.",
    )
    message = models.TextField(max_length=4000)
    stage = models.CharField(max_length=14, choices=Stage.choices, default=Stage.REQUESTED, db_index=True)
    decline_reason = models.CharField(max_length=20, choices=DeclineReason.choices, blank=True)
    agreement_type = models.CharField(max_length=14, choices=AgreementType.choices, blank=True)
    # The outcome claimed by one side, waiting for the other (decision 31; issue 17).
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Who moved the connection to its current outcome stage, while the other side has not confirmed.",
    )
    claimed_from_stage = models.CharField(
        max_length=14, choices=Stage.choices, blank=True, help_text="Where a dispute of the claim returns it.",
    )
    agreement_confirmed_at = models.DateTimeField(null=True, blank=True)
    deployment_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.requester} → {self.listing_title} ({self.get_stage_display()})"

    @property
    def is_open(self):
        return self.stage in self.OPEN_STAGES

    @property
    def claim_pending(self):
        """The current stage is an outcome one side claimed and the other has not confirmed."""
        return self.stage in self.OUTCOME_STAGES and self.claimed_by_id is not None

    @property
    def shares_contact_details(self):
        return self.stage in self.CONTACT_STAGES


class ConnectionEvent(models.Model):
    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    from_stage = models.CharField(max_length=14, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=14, choices=Stage.choices, blank=True)
    note = models.TextField(blank=True, max_length=4000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
