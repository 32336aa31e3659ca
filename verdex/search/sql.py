"""SQL pieces shared by the search backends and the in-process listing index."""

import json

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL


def pk_in(ids):
    """A filter on primary keys held in memory, sent to the database as one parameter.

    As separate parameters a long list would run into SQLite's limit of
    32,766 variables per statement; json_each and unnest take any length.
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor == "sqlite":
        return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))
    return Q(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [ids]))
