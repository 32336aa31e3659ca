"""Reads of stored suggestions: a listing's matches, a member's feedback and new matches."""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, Subquery

from verdex.catalog.models import Status

from . import engine, explain
from .models import Match, MatchFeedback, MatchSeen

KIND_HEADINGS = {"technology": "Technologies", "expert": "Experts", "need": "Needs"}


@dataclass
class ShownMatch:
    listing: object  # the suggested listing
    kind: str
    score: float
    reasons: dict
    feedback: object = None  # the viewer's MatchFeedback, if any
    lines: list = field(default_factory=list)

    @property
    def similarity_percent(self):
        return explain.similarity_percent(self.reasons)


def matches_for(listing, *, limit=engine.TOP_N):
    """{target kind: [ShownMatch]} of a published listing, best first; only published listings are shown."""
    if not listing.is_published:
        return {kind: [] for kind in engine.target_kinds(listing.kind)}
    result = {}
    for target_kind in engine.target_kinds(listing.kind):
        if listing.kind == "need":
            rows = Match.objects.filter(need=listing, need_score__isnull=False, **{
                f"{target_kind}__status": Status.PUBLISHED}).select_related(target_kind).order_by("-need_score", "pk")
            score_field = "need_score"
        else:
            rows = Match.objects.filter(**{listing.kind: listing}, offer_score__isnull=False,
                                        need__status=Status.PUBLISHED).select_related("need").order_by(
                "-offer_score", "pk")
            score_field = "offer_score"
        result[target_kind] = [
            ShownMatch(
                listing=getattr(row, target_kind), kind=target_kind, score=getattr(row, score_field),
                reasons=row.reasons, lines=explain.reason_lines(row.reasons),
            )
            for row in rows[:limit]
        ]
    return result


def attach_feedback(matches, *, user, source):
    """Set each ShownMatch's ``feedback`` to ``user``'s verdict on that pair (one query)."""
    if not user.is_authenticated:
        return
    if source.kind == "need":
        given = {(row.offer_kind, row.offer_id): row for row in MatchFeedback.objects.filter(user=user, need=source)}
    else:
        given = {("need", row.need_id): row
                 for row in MatchFeedback.objects.filter(user=user, **{source.kind: source})}
    for group in matches.values():
        for shown in group:
            shown.feedback = given.get((shown.kind, shown.listing.pk))


def new_technology_matches(*, user, limit=20):
    """Technologies that entered the suggestions of ``user``'s published needs since they last looked."""
    seen_at = MatchSeen.objects.filter(user=user, need=OuterRef("need")).values("seen_at")[:1]
    return list(
        Match.objects.filter(
            need__owner=user, need__status=Status.PUBLISHED, technology__status=Status.PUBLISHED,
            need_score__isnull=False, listed_for_need_at__isnull=False,
        )
        .annotate(seen_at=Subquery(seen_at))
        .filter(Q(seen_at__isnull=True) | Q(listed_for_need_at__gt=F("seen_at")))
        .select_related("need", "technology")
        .order_by("-listed_for_need_at", "-need_score", "pk")[:limit]
    )


def feedback_rows():
    """Every feedback row with its listings, oldest first, for export."""
    return MatchFeedback.objects.select_related("need", "technology", "expert").order_by("created_at", "pk")
