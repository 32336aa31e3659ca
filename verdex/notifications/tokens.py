"""Signed unsubscribe tokens: the link in an email works without logging in.

The token names the member and the kinds of email it stops; it is signed with
SECRET_KEY (django.core.signing) and does not expire, because an unsubscribe
link in an old email must keep working.
"""

from django.core import signing

SALT = "verdex.notifications.unsubscribe"


def make(*, user, kinds):
    return signing.dumps({"u": user.pk, "k": sorted(kinds)}, salt=SALT, compress=True)


def read(token):
    """(user id, kinds) of a token, or None if it was not made by us or was altered."""
    try:
        data = signing.loads(str(token), salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("k"), list):
        return None
    return data["u"], data["k"]
