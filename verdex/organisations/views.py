from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from verdex.core.ratelimit import RateLimited

from . import selectors, services
from .forms import InvitationForm, MembershipRoleForm, OrganisationForm
from .models import Membership


@login_required
def create(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.create_organisation(organisation=form.save(commit=False), by=request.user)
        messages.success(request, f"{organisation.name} is registered and you are its administrator.")
        return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": None})


def detail(request, slug):
    organisation = selectors.get_organisation(slug=slug)
    membership = selectors.membership_of(organisation=organisation, user=request.user)
    is_admin = membership is not None and membership.role == Membership.Role.ADMIN
    context = {
        "organisation": organisation,
        "membership": membership,
        "is_admin": is_admin,
        "listings": selectors.published_listings(organisation=organisation),
    }
    if membership is not None:
        context["members"] = selectors.members(organisation=organisation)
        context["role_choices"] = Membership.Role.choices
    if is_admin:
        context["invitations"] = selectors.open_invitations(organisation=organisation)
    return render(request, "organisations/detail.html", context)


def _admin_only(request, slug):
    organisation = selectors.get_organisation(slug=slug)
    if not selectors.is_admin(organisation=organisation, user=request.user):
        raise PermissionDenied("Only administrators of this organisation can do that.")
    return organisation


@login_required
def edit(request, slug):
    organisation = _admin_only(request, slug)
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.update_organisation(organisation=form.save(commit=False), by=request.user)
        messages.success(request, "The organisation's profile has been saved.")
        return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": organisation})


@login_required
def invite(request, slug):
    organisation = _admin_only(request, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite(
                organisation=organisation, email=form.cleaned_data["email"],
                role=form.cleaned_data["role"], by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except RateLimited as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"We have emailed an invitation to {invitation.email}.")
            return redirect(organisation)
    return render(request, "organisations/invite.html", {"form": form, "organisation": organisation})


@login_required
def accept_invite(request, token):
    invitation = selectors.get_invitation(token=token)
    if request.method == "POST":
        try:
            membership = services.accept_invitation(invitation=invitation, user=request.user)
        except services.InvitationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"You are now a member of {membership.organisation.name}.")
            return redirect(membership.organisation)
    context = {
        "invitation": invitation,
        "for_another_address": not services.invited_address_belongs_to(request.user, invitation.email),
    }
    return render(request, "organisations/accept_invite.html", context)


def _membership_in(slug, pk):
    organisation = selectors.get_organisation(slug=slug)
    return get_object_or_404(
        Membership.objects.select_related("organisation", "user"), organisation=organisation, pk=pk
    )


@login_required
@require_POST
def change_role(request, slug, pk):
    membership = _membership_in(slug, pk)
    form = MembershipRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose administrator or member.")
        return redirect(membership.organisation)
    try:
        services.change_role(membership=membership, role=form.cleaned_data["role"], by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        role = Membership.Role(form.cleaned_data["role"])
        messages.success(request, f"{membership.user.name}'s role is now {role.label.lower()}.")
    return redirect(membership.organisation)


@login_required
@require_POST
def remove_member(request, slug, pk):
    membership = _membership_in(slug, pk)
    try:
        services.remove_member(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"{membership.user.name} is no longer a member of {membership.organisation.name}."
        )
    return redirect(membership.organisation)
