from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from . import selectors, services
from .forms import ProfileForm

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
