"""Pages where members create, see and revoke their personal API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .forms import TokenForm


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        token, new_key = services.create_token(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    return render(request, "api/tokens.html", {
        "form": form,
        "new_key": new_key,
        "tokens": selectors.tokens_of(request.user),
    })


@login_required
@require_POST
def token_revoke(request, pk):
    token = services.revoke_token(user=request.user, token_id=pk)
    messages.success(request, f"The token “{token.name}” is revoked; calls using it are refused from now on.")
    return redirect("api:tokens")
