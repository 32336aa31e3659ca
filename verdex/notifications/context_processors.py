"""The bell's unread count, for base.html; counted only if a template shows it."""

from functools import cache

from . import selectors


def unread(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def count():
        return selectors.unread_count(user=user)

    return {"notifications_unread": count}
