"""Background jobs of notifications: emails go out from the job queue, never from a request."""

from verdex.core.jobs import job

from . import alerts, emails


@job
def send_notification_email(notification_id):
    return emails.send_notification(notification_id)


@job
def send_digest(user_id, frequency):
    return emails.send_digest(user_id=user_id, frequency=frequency)


@job
def run_instant_alerts():
    """After a listing is published: check the saved searches that alert at once."""
    return alerts.run_saved_searches(frequency="instant")
