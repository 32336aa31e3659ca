"""Email of notifications: one at a time or as a digest, HTML and plain text from templates.

Every email to a member carries a one-click unsubscribe link (RFC 8058): a
signed token, so it works without logging in. Links are built from
settings.SITE_URL. Called by the jobs in tasks.py, never inside a request.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import tokens
from .models import DIGESTS, Frequency, Kind, Notification, absolute


def unsubscribe_url(*, user, kinds):
    return absolute(reverse("notifications:unsubscribe", args=[tokens.make(user=user, kinds=kinds)]))


def _message(*, to, subject, template, context, user=None, kinds=()):
    context = {
        **context,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL.rstrip("/"),
        "preferences_url": absolute(reverse("notifications:preferences")),
    }
    headers = {}
    if user is not None:
        context["unsubscribe_url"] = unsubscribe_url(user=user, kinds=kinds)
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=render_to_string(f"notifications/email/{template}.txt", context),
        to=[to],
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"notifications/email/{template}.html", context), "text/html")
    return message


def send_notification(notification_id):
    """Email one notification unless it has been emailed already (a retried job sends once)."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",)).select_related("recipient")
            .filter(pk=notification_id, emailed_at__isnull=True).first()
        )
        if notification is None:
            return False
        user = notification.recipient
        to = user.email if user is not None else notification.email
        if user is not None and not user.is_active:
            return False
        _message(
            to=to, subject=notification.title, template="notification",
            context={"notification": notification, "url": notification.absolute_url},
            user=user, kinds=[notification.kind],
        ).send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def send_digest(*, user_id, frequency):
    """Email a member the notifications waiting for this digest, as one email; returns how many."""
    if frequency not in DIGESTS:
        raise ValueError(f"Not a digest frequency: {frequency}")
    from .selectors import preferences_for

    with transaction.atomic():
        due = list(
            Notification.objects.select_for_update(of=("self",)).select_related("recipient")
            .filter(recipient_id=user_id, email_frequency=frequency, emailed_at__isnull=True)
            .order_by("created_at", "pk")
        )
        if not due:
            return 0
        user = due[0].recipient
        if user.is_active:
            label = "daily" if frequency == Frequency.DAILY else "weekly"
            # Unsubscribing from a digest stops every kind now sent in it.
            kinds = [kind for kind, chosen in preferences_for(user=user).items() if chosen == frequency]
            _message(
                to=user.email,
                subject=f"Your {label} digest: {len(due)} update{'s' if len(due) != 1 else ''}",
                template="digest",
                context={
                    "label": label,
                    "items": [(item, item.absolute_url) for item in due],
                    "kind_labels": [Kind(kind).label for kind in kinds],
                },
                user=user, kinds=kinds or [due[0].kind],
            ).send()
        Notification.objects.filter(pk__in=[item.pk for item in due]).update(emailed_at=timezone.now())
    return len(due)
