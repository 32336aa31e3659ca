from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import selectors, services
from .forms import DeleteAccountForm, ProfileForm

LISTING_SECTIONS = [
    ("technology", "My technologies", "Add a technology"),
    ("need", "My needs", "Add a need"),
    ("expert", "My expert profile", "Create an expert profile"),
]


@login_required
def dashboard(request):
    context = selectors.dashboard(user=request.user)
    context["sections"] = [
        {"kind": kind, "heading": heading, "create_label": create_label,
         "listings": context["own"][kind]}
        for kind, heading, create_label in LISTING_SECTIONS
    ]
    return render(request, "accounts/dashboard.html", context)


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(
            user=request.user, by=request.user,
            values=form.cleaned_data, languages=form.cleaned_data["languages"],
        )
        messages.success(request, "Your profile has been saved.")
        return redirect("accounts:profile")
    return render(
        request, "accounts/profile.html",
        {"form": form, "memberships": selectors.memberships(user=request.user)},
    )


@login_required
@require_GET
@never_cache
def my_data(request):
    """Everything Verdex holds about the member, as one JSON file."""
    response = JsonResponse(selectors.personal_data(user=request.user), encoder=DjangoJSONEncoder,
                            json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="verdex-my-data-{timezone.now():%Y-%m-%d}.json"'
    return response


@login_required
@never_cache
def delete_account(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            listings = services.delete_account(user=request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(
                request,
                f"Your account is deleted. {listings['handed_over']} listing(s) went to your organisation, "
                f"{listings['archived']} were archived.",
            )
            return redirect("core:home")
    return render(request, "accounts/delete_account.html", {"form": form})
