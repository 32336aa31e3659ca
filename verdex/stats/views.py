from django.shortcuts import render

from . import selectors


def index(request):
    context = selectors.public_statistics()
    context["can_view_programme"] = request.user.has_perm("accounts.view_statistics")
    if context["can_view_programme"]:
        context["programme"] = selectors.programme_statistics()
    return render(request, "stats/index.html", context)
