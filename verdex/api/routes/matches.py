"""Suggested matches of a listing, with their scores and the reasons behind them."""

from typing import Literal, Optional

from ninja import Field, Path, Router, Schema

from verdex.matching import explain
from verdex.matching.selectors import matches_for

from .. import selectors
from ..auth import token_required
from ..params import check_query
from ..schemas import MAX_ID, responses

PLURALS = {"technology": "technologies", "need": "needs", "expert": "experts"}


router = Router(tags=["Matches"])


class MatchedField(Schema):
    code: str
    name: str
    match: Literal["exact", "root"] = Field(description="exact: the same field; root: the same top-level field.")


class MatchedMaturity(Schema):
    group: str
    label: str


class MatchedCountry(Schema):
    code: str
    name: str
    how: Literal["available", "region", "serves", "based"]
    region: Optional[str] = None


class MatchReasons(Schema):
    phrases: list[str] = Field(description="Words and two-word phrases in both texts, rarest first.")
    fields: list[MatchedField]
    maturity: Optional[MatchedMaturity] = Field(description="Set when the technology is as mature as the need asks.")
    country: Optional[MatchedCountry] = Field(description="How the offer reaches the need's country.")
    similarity: Optional[float] = Field(description="Cosine similarity of the two texts' embeddings.")


class MatchOut(Schema):
    kind: Literal["technology", "need", "expert"]
    id: int
    title: str
    url: str
    score: float = Field(description="Rank score; comparable within this listing's matches only.")
    similarity_percent: Optional[int]
    reasons: MatchReasons
    explanation: list[str] = Field(description="The reasons as sentences, as the site shows them.")


class MatchesOut(Schema):
    kind: Literal["technology", "need", "expert"]
    id: int
    published: bool = Field(description="Drafts and listings under review have no matches until published.")
    items: list[MatchOut]


def _reasons(stored):
    return {
        "phrases": stored.get("phrases") or [],
        "fields": stored.get("fields") or [],
        "maturity": stored.get("maturity"),
        "country": stored.get("country"),
        "similarity": stored.get("similarity"),
    }


def _register(kind):
    plural = PLURALS[kind]
    counterparts = "needs" if kind != "need" else "technologies and experts"

    @router.get(
        f"/{plural}/{{listing_id}}/matches", response=responses({200: MatchesOut}, 400, 401, 404, 422, 429),
        auth=token_required, operation_id=f"matches_of_{kind}", summary=f"Suggested {counterparts} for a {kind}",
        description="Ranked suggestions with their score and why they match (shared phrases, technology "
                    "field, maturity, country, similarity). Only published listings are suggested; like "
                    "the site, match details are for members, so a token is required.",
    )
    def matches(request, listing_id: int = Path(..., ge=1, le=MAX_ID, description="The listing's id.")):
        check_query(request)
        listing = selectors.visible_listing(kind, listing_id, request.auth)
        items = [
            {
                "kind": shown.kind, "id": shown.listing.pk, "title": shown.listing.title,
                "url": request.build_absolute_uri(shown.listing.get_absolute_url()),
                "score": shown.score, "similarity_percent": explain.similarity_percent(shown.reasons),
                "reasons": _reasons(shown.reasons), "explanation": shown.lines,
            }
            for group in matches_for(listing).values()
            for shown in group
        ]
        return {"kind": kind, "id": listing.pk, "published": listing.is_published, "items": items}


for _kind in PLURALS:
    _register(_kind)
