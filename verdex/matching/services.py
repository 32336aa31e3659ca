"""Writing matches: computing a listing's suggestions, marking them seen, recording feedback."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from verdex.catalog import permissions
from verdex.catalog.models import LISTING_MODELS
from verdex.search.services import embed_listing

from . import engine
from .models import Match, MatchAlert, MatchFeedback, MatchSeen


def refresh_listing(*, kind, pk, cascade=True):
    """Recompute the suggestions of listing ``pk``; returns how many it now has.

    A listing that is not published (any more) loses its matches. With
    ``cascade``, each listing suggested is recomputed too, so a newly
    published technology also appears among the suggestions of the needs it
    answers. The listing is embedded first if its vector is missing or stale,
    because the embedding job queued by the same save may not have run yet.
    """
    model = LISTING_MODELS[kind]
    embed_listing(model=model, pk=pk)
    listing = model.objects.filter(pk=pk).first()
    if listing is None:
        return 0
    if not listing.is_published:
        clear_listing(listing=listing)
        return 0
    ranked = {target_kind: engine.rank(listing, target_kind) for target_kind in engine.target_kinds(kind)}
    store_suggestions(listing=listing, ranked=ranked)
    if cascade:
        for target_kind, suggestions in ranked.items():
            for suggestion in suggestions:
                refresh_listing(kind=target_kind, pk=suggestion.listing.pk, cascade=False)
    return sum(len(suggestions) for suggestions in ranked.values())


def refresh_listings(*, kind, pks):
    """Recompute the suggestions of many listings of ``kind`` (a bulk import's batch).

    As ``refresh_listing`` with its cascade, but each listing suggested for
    any of them is recomputed once, not once per listing that suggests it.
    Returns how many listings were recomputed.
    """
    for pk in pks:
        refresh_listing(kind=kind, pk=pk, cascade=False)
    if kind == "need":
        rows = Match.objects.filter(need_id__in=pks, need_score__isnull=False)
        suggested = {("technology", tech) if tech else ("expert", expert)
                     for tech, expert in rows.values_list("technology_id", "expert_id")}
    else:
        rows = Match.objects.filter(**{f"{kind}_id__in": pks}, offer_score__isnull=False)
        suggested = {("need", need) for need in rows.values_list("need_id", flat=True)}
    for target_kind, target_pk in sorted(suggested):
        refresh_listing(kind=target_kind, pk=target_pk, cascade=False)
    return len(pks) + len(suggested)


def _pair_filter(listing):
    return Q(need=listing) if listing.kind == "need" else Q(**{listing.kind: listing})


def clear_listing(*, listing):
    Match.objects.filter(_pair_filter(listing)).delete()


def store_suggestions(*, listing, ranked):
    """Replace ``listing``'s suggestions with ``ranked`` ({target kind: [Suggestion]}) in one transaction.

    Pairs stay stored while the other side still lists them; a pair that
    enters a need's list is stamped, so its owner sees it as new, and a newly
    published technology entering it is announced to the owner (``alert_new_technologies``).
    """
    is_need = listing.kind == "need"
    own_score = "need_score" if is_need else "offer_score"
    other_score = "offer_score" if is_need else "need_score"
    now = timezone.now()
    entered = []  # technologies that entered the need's suggestions now
    with transaction.atomic():
        for target_kind, suggestions in ranked.items():
            other_side = target_kind if is_need else "need"
            existing = {
                getattr(match, f"{other_side}_id"): match
                for match in Match.objects.select_for_update().filter(
                    _pair_filter(listing), **{f"{other_side}__isnull": False}
                )
            }
            wanted = {suggestion.listing.pk: suggestion for suggestion in suggestions}
            dropped = []
            for other_pk, match in existing.items():
                if other_pk in wanted or getattr(match, own_score) is None:
                    continue
                if getattr(match, other_score) is None:
                    dropped.append(match.pk)
                    continue
                setattr(match, own_score, None)
                if is_need:
                    match.listed_for_need_at = None
                match.save()
            Match.objects.filter(pk__in=dropped).delete()
            for other_pk, suggestion in wanted.items():
                match = existing.get(other_pk)
                if match is None:
                    pair = {"need": listing, target_kind: suggestion.listing} if is_need else {
                        "need": suggestion.listing, listing.kind: listing}
                    match = Match(**pair)
                if is_need and match.need_score is None:
                    match.listed_for_need_at = now
                    if target_kind == "technology":
                        entered.append(suggestion.listing)
                setattr(match, own_score, suggestion.score)
                match.reasons = suggestion.reasons
                match.save()
        if entered:
            alert_new_technologies(need=listing, technologies=entered)


def alert_new_technologies(*, need, technologies):
    """Tell ``need``'s owner about each of ``technologies`` newly matching it; returns how many were announced.

    Only a published technology published after the need (the need's first suggestions are
    on its page already, not news), not the owner's own, and never twice for the same need
    (MatchAlert), like a saved search's "new since". Runs in the caller's transaction, so the
    alert, its email job and the stored suggestion commit together.
    """
    from verdex.notifications.models import Kind
    from verdex.notifications.services import notify

    if not need.is_published or need.published_at is None:
        return 0
    url = reverse("matching:suggestions", args=["need", need.pk])
    announced = 0
    with transaction.atomic():
        for technology in technologies:
            if (not technology.is_published or technology.owner_id == need.owner_id
                    or technology.published_at is None or technology.published_at <= need.published_at):
                continue
            _, created = MatchAlert.objects.get_or_create(
                need=need, technology=technology, defaults={"notified_at": timezone.now()},
            )
            if not created:
                continue
            notify(
                recipient=need.owner, kind=Kind.NEW_MATCH, url=url,
                title=f"A new technology matches your need “{need}”: {technology}",
                body=(f"“{technology}” was just published and is now among the suggested technologies "
                      f"for “{need}”."),
            )
            announced += 1
    return announced


def mark_seen(*, user, need):
    """Note that ``user`` has looked at ``need``'s suggestions now (for "new matches")."""
    if not user.is_authenticated:
        return
    MatchSeen.objects.update_or_create(user=user, need=need, defaults={"seen_at": timezone.now()})


def _published_visible(user, kind, pk):
    listing = LISTING_MODELS[kind].objects.filter(pk=pk).first()
    if listing is None or not listing.is_published or not permissions.can_view(user, listing):
        raise Http404("No such listing.")
    return listing


def record_feedback(*, user, source_kind, source_pk, target_kind, target_pk, useful):
    """Store (or change) ``user``'s verdict on a suggested pair; returns the MatchFeedback.

    Both listings must be published; ``source_kind`` is the page it was given on.
    """
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied("Log in to rate suggestions.")
    if target_kind not in engine.target_kinds(source_kind):
        raise Http404("These kinds of listing are not matched.")
    source = _published_visible(user, source_kind, source_pk)
    target = _published_visible(user, target_kind, target_pk)
    need, offer = (source, target) if source_kind == "need" else (target, source)
    pair = {"need": need, offer.kind: offer}
    match = Match.objects.filter(**pair).first()
    if match is None:
        score, reasons = None, {}
    else:
        score = match.need_score if source_kind == "need" else match.offer_score
        reasons = match.reasons
    with transaction.atomic():
        feedback, _ = MatchFeedback.objects.update_or_create(
            user=user, **pair,
            defaults={"useful": useful, "source_kind": source_kind, "score": score, "reasons": reasons},
        )
    return feedback

