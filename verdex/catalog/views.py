"""Listing pages: details, create and edit forms, files, lifecycle buttons, bookmarks,
and classification suggestions for the forms.

Views stay thin: who may see or change what is decided by catalog.permissions,
catalog.selectors and the services, and hidden listings answer 404.
"""

import html
import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator, slugify
from django.views.decorators.http import require_http_methods, require_POST

from verdex.core import ratelimit
from verdex.matching import classify
from verdex.taxonomy.models import SDG

from . import permissions, services, uploads
from .duplicates import duplicate_for
from .forms import LISTING_FORMS, AttachmentUploadForm, FirstImageForm, ImageUploadForm
from .models import Bookmark, Status, Technology, TechnologyAttachment, TechnologyImage
from .selectors import get_visible_listing, listing_model

PUBLIC_EXCERPT_CHARS = 300

# Each suggestion embeds the text (tens of milliseconds of CPU), so one account
# may ask only this often; an author asks a handful of times per listing.
SUGGESTION_RATE = "20/5m"
# The form fields whose words the suggestions are made from, in this order.
SUGGESTION_TEXT_FIELDS = ("title", "full_name", "summary", "description")

ACTION_LABELS = {
    "submit": "Submit for review",
    "withdraw": "Withdraw",
    "reopen": "Reopen as a draft",
    "publish": "Publish",
    "reject": "Reject",
    "unpublish": "Unpublish",
    "delete": "Delete (hidden everywhere, restorable)",
    "restore": "Restore",
}

STATUS_MESSAGES = {
    Status.DRAFT: "The listing is a draft again; only you and your organisation's admins can see it.",
    Status.SUBMITTED: "The listing was submitted for review. A moderator will check it soon.",
    Status.PUBLISHED: "The listing is published and everyone can find it.",
    Status.REJECTED: "The listing was rejected; the owner will see your reason.",
    Status.UNPUBLISHED: "The listing was unpublished; the owner will see your reason.",
    Status.ARCHIVED: "The listing is archived and no longer shown to others.",
    Status.DELETED: "The listing is deleted: only moderators can see it, and they can restore it.",
}

KIND_NAMES = {"technology": "technology", "need": "need", "expert": "expert profile"}


def listing_detail(request, kind, pk):
    listing = get_visible_listing(kind=kind, pk=pk, user=request.user)
    user = request.user
    can_edit = permissions.can_edit(user, listing)
    is_moderator = user.is_authenticated and user.is_moderator
    full_details = permissions.can_see_full_details(user, listing)
    context = {
        "listing": listing,
        "kind": kind,
        "kind_name": KIND_NAMES[kind],
        "full_details": full_details,
        "lead": _lead(listing, full_details),
        "technology_fields": listing.fields.select_related("root"),
        "can_edit": can_edit,
        "edit_url": reverse(f"catalog:{kind}_edit", args=[listing.pk]) if can_edit else "",
        "sees_status": can_edit or is_moderator,
        "actions": _action_buttons(listing, user),
        "can_contact": user.is_authenticated and not can_edit and listing.is_published,
        "bookmarked": _is_bookmarked(user, listing),
        "duplicate": duplicate_for(listing, user),
        "still_current_url": (
            reverse("catalog:still_current", args=[services.still_current_token(listing)])
            if can_edit and listing.is_published else ""
        ),
    }
    return render(request, f"catalog/{kind}_detail.html", context)


def _lead(listing, full_details):
    """The summary shown above the details: a technology's own, else a plain-text excerpt."""
    if isinstance(listing, Technology):
        return listing.summary
    if full_details:
        return ""
    text = html.unescape(strip_tags(listing.description))
    return Truncator(" ".join(text.split())).chars(PUBLIC_EXCERPT_CHARS)


def _action_buttons(listing, user):
    return [
        {"name": name, "label": ACTION_LABELS[name], "needs_reason": services.ACTIONS[name].needs_reason}
        for name in services.allowed_actions(listing=listing, user=user)
    ]


def _is_bookmarked(user, listing):
    if not user.is_authenticated:
        return False
    return Bookmark.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(listing), object_id=listing.pk
    ).exists()


def _editable_listing(user, kind, pk):
    """The listing ``user`` may edit; 404 otherwise, so others' drafts stay secret."""
    listing = get_object_or_404(listing_model(kind), pk=pk)
    if not permissions.can_edit(user, listing):
        raise Http404("No such listing.")
    return listing


@login_required
def listing_create(request, kind):
    """The form for a new listing; a technology's form also takes its first picture."""
    form = LISTING_FORMS[kind](request.POST or None, user=request.user)
    image_form = None
    if kind == "technology":
        image_form = FirstImageForm(request.POST or None, request.FILES or None, prefix="image")
    bound = [candidate for candidate in (form, image_form) if candidate is not None]
    if request.method == "POST" and all([candidate.is_valid() for candidate in bound]):
        listing = _create_listing(request, form, image_form)
        if listing is not None:
            messages.success(
                request,
                f"Your {KIND_NAMES[kind]} was saved as a draft. Only you can see it until you "
                "submit it for review and a moderator publishes it.",
            )
            return redirect(listing)
    return render(request, "catalog/listing_form.html", {
        "form": form, "first_image_form": image_form, "kind": kind, "kind_name": KIND_NAMES[kind],
        "heading": f"New {KIND_NAMES[kind]}",
    })


def _create_listing(request, form, image_form):
    """Save a new listing and its picture, if any, in one transaction: a refused picture saves nothing."""
    image = image_form.cleaned_data["image"] if image_form is not None else None
    with transaction.atomic():
        listing = _save_listing(request, form)
        if listing is None or not image:
            return listing
        try:
            uploads.add_image(
                technology=listing, by=request.user, image=image, caption=image_form.cleaned_data["caption"],
            )
        except ValidationError as error:
            image_form.add_error("image", error)
            transaction.set_rollback(True)
            return None
    return listing


@login_required
def listing_edit(request, kind, pk):
    listing = _editable_listing(request.user, kind, pk)
    form = LISTING_FORMS[kind](request.POST or None, instance=listing, user=request.user)
    if request.method == "POST" and form.is_valid():
        was_published = listing.is_published
        saved = _save_listing(request, form)
        if saved is not None:
            if was_published and saved.status == Status.SUBMITTED:
                messages.success(
                    request,
                    "Your changes were saved. The listing is hidden again until a moderator reviews them.",
                )
            else:
                messages.success(request, "Your changes were saved.")
            return redirect(saved)
    return _render_edit_page(request, listing, form=form)


def _save_listing(request, form):
    """Save through the service; on refusal put its reasons on the form and return None."""
    try:
        return services.save_listing(
            listing=form.save(commit=False), by=request.user, m2m=form.m2m_data()
        )
    except PermissionDenied as error:
        form.add_error(None, str(error))
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
    return None


def _render_edit_page(request, listing, *, form=None, image_form=None, attachment_form=None):
    kind = listing.kind
    context = {
        "form": form or LISTING_FORMS[kind](instance=listing, user=request.user),
        "listing": listing,
        "kind": kind,
        "heading": f"Edit {KIND_NAMES[kind]}",
        "kind_name": KIND_NAMES[kind],
        "can_edit": True,
        "duplicate": duplicate_for(listing, request.user),
    }
    if isinstance(listing, Technology):
        context.update(
            image_form=image_form or ImageUploadForm(prefix="image"),
            attachment_form=attachment_form or AttachmentUploadForm(prefix="attachment"),
            images=listing.images.all(),
            attachments=listing.attachments.all(),
        )
    return render(request, "catalog/listing_form.html", context)


def _files_section(technology, anchor):
    return reverse("catalog:technology_edit", args=[technology.pk]) + f"#{anchor}"


@login_required
@require_POST
def technology_image_add(request, pk):
    technology = _editable_listing(request.user, "technology", pk)
    form = ImageUploadForm(request.POST, request.FILES, prefix="image")
    if form.is_valid():
        uploads.add_image(
            technology=technology, by=request.user,
            image=form.cleaned_data["image"], caption=form.cleaned_data["caption"],
        )
        messages.success(request, "The image was added.")
        return redirect(_files_section(technology, "images"))
    return _render_edit_page(request, technology, image_form=form)


@login_required
@require_POST
def technology_image_delete(request, pk, image_pk):
    technology = _editable_listing(request.user, "technology", pk)
    image = get_object_or_404(TechnologyImage, pk=image_pk, technology=technology)
    uploads.delete_image(image=image, by=request.user)
    messages.success(request, "The image was removed.")
    return redirect(_files_section(technology, "images"))


@login_required
@require_POST
def technology_attachment_add(request, pk):
    technology = _editable_listing(request.user, "technology", pk)
    form = AttachmentUploadForm(request.POST, request.FILES, prefix="attachment")
    if form.is_valid():
        uploads.add_attachment(
            technology=technology, by=request.user,
            file=form.cleaned_data["file"], title=form.cleaned_data["title"],
        )
        messages.success(request, "The document was added.")
        return redirect(_files_section(technology, "attachments"))
    return _render_edit_page(request, technology, attachment_form=form)


@login_required
@require_POST
def technology_attachment_delete(request, pk, attachment_pk):
    technology = _editable_listing(request.user, "technology", pk)
    attachment = get_object_or_404(TechnologyAttachment, pk=attachment_pk, technology=technology)
    uploads.delete_attachment(attachment=attachment, by=request.user)
    messages.success(request, "The document was removed.")
    return redirect(_files_section(technology, "attachments"))


def technology_image(request, pk, image_pk):
    """Images are shown only to those who may see the technology, so drafts' pictures stay private."""
    technology = get_visible_listing(kind="technology", pk=pk, user=request.user)
    image = get_object_or_404(TechnologyImage, pk=image_pk, technology=technology)
    try:
        handle = image.image.open("rb")
    except FileNotFoundError:
        raise Http404("The image file is missing.") from None
    # Uploads are checked to be JPEG, PNG or WebP with a matching extension.
    content_type = mimetypes.guess_type(image.image.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    # Shared caches must not keep a picture that may become private again.
    patch_cache_control(response, private=True, max_age=3600)
    return response


@login_required
def technology_attachment_download(request, pk, attachment_pk):
    """Attachments are for members only, so they are served here rather than from MEDIA_URL."""
    technology = get_visible_listing(kind="technology", pk=pk, user=request.user)
    if not permissions.can_see_full_details(request.user, technology):
        raise Http404("No such document.")
    attachment = get_object_or_404(TechnologyAttachment, pk=attachment_pk, technology=technology)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("The document file is missing.") from None
    return FileResponse(
        handle, as_attachment=True, content_type="application/pdf",
        filename=f"{slugify(attachment.title) or 'document'}.pdf",
    )


def _next_url(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@login_required
@require_POST
def listing_transition(request, kind, pk, action):
    listing = get_visible_listing(kind=kind, pk=pk, user=request.user)
    try:
        listing = services.transition(
            listing=listing, action=action, by=request.user, reason=request.POST.get("reason", "")
        )
    except services.TransitionNotAllowed as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, STATUS_MESSAGES[listing.status])
    return redirect(_next_url(request) or listing.get_absolute_url())


@login_required
@require_POST
def bookmark(request, kind, pk):
    listing = get_visible_listing(kind=kind, pk=pk, user=request.user)
    bookmarked = services.toggle_bookmark(user=request.user, listing=listing)
    if request.htmx:
        return render(request, "catalog/includes/bookmark_button.html", {
            "listing": listing, "bookmarked": bookmarked, "next": _next_url(request),
        })
    messages.success(request, "Bookmarked." if bookmarked else "Bookmark removed.")
    return redirect(_next_url(request) or listing.get_absolute_url())


@login_required
@require_POST
def classification_suggestions(request, kind):
    """Technology fields and SDGs that suit the text typed so far, for the author to accept.

    Answers the small panel the form's "Suggest" button swaps in; nothing is
    ticked or saved here.
    """
    listing_model(kind)  # 404 for an unknown kind

    def answer(context, status=200):
        return render(request, "catalog/includes/classification_suggestions.html", context, status=status)

    try:
        ratelimit.check(request.user, "classification-suggestions", rate=SUGGESTION_RATE)
    except ratelimit.RateLimited as error:
        response = answer({"error": str(error)}, status=429)
        response["Retry-After"] = str(error.retry_after)
        return response
    text = "\n".join(
        html.unescape(strip_tags(request.POST.get(name, ""))).strip() for name in SUGGESTION_TEXT_FIELDS
    ).strip()
    if not text:
        return answer({"error": "Write a title and a description first; the suggestions are made from them."})
    chosen_fields = set(request.POST.getlist("fields"))
    chosen_sdgs = set(request.POST.getlist("sdgs"))
    goal_numbers = [goal for goal, _score in classify.suggest_sdgs(text)]
    goals = SDG.objects.in_bulk(goal_numbers)
    return answer({
        "fields": [
            {"field": field, "label": classify.field_label(field), "chosen": str(field.pk) in chosen_fields}
            for field, _score in classify.suggest_fields(text)
        ],
        "sdgs": [
            {"sdg": goals[number], "chosen": str(number) in chosen_sdgs}
            for number in goal_numbers if number in goals
        ],
    })


@require_http_methods(["GET", "POST"])
def still_current(request, token):
    """The link of a freshness reminder: GET asks, POST confirms; the signed token stands for the owner."""
    listing = services.listing_of_still_current_token(token)
    if listing is None:
        return render(request, "catalog/still_current.html", {"invalid": True}, status=400)
    context = {"listing": listing, "token": token}
    if request.method == "POST":
        try:
            services.confirm_current(listing=listing)
        except services.TransitionNotAllowed as error:
            return render(request, "catalog/still_current.html", {**context, "error": str(error)}, status=409)
        context["done"] = True
    return render(request, "catalog/still_current.html", context)

