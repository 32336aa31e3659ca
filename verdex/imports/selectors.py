"""Reads of the imports app; a job is visible to the administrators of its organisation only."""

from django.http import Http404

from verdex.catalog.permissions import admin_organisation_ids
from verdex.organisations.models import Organisation

from .models import ImportJob


def admin_organisations(*, user):
    return Organisation.objects.filter(pk__in=admin_organisation_ids(user)).order_by("name")


def jobs_for(*, user):
    return (
        ImportJob.objects.filter(organisation_id__in=admin_organisation_ids(user))
        .select_related("organisation", "started_by")
        .defer("report")
    )


def get_job(*, pk, user, with_report=True):
    """The job if ``user`` administers its organisation; 404 otherwise, so others learn nothing."""
    jobs = ImportJob.objects.select_related("organisation", "started_by")
    if not with_report:
        jobs = jobs.defer("report")
    job = jobs.filter(pk=pk, organisation_id__in=admin_organisation_ids(user)).first()
    if job is None:
        raise Http404("No such import.")
    return job


REPORT_FILTERS = {
    "all": ("Every row", lambda entry: True),
    "reject": ("Rejected", lambda entry: entry["action"] == "reject"),
    "duplicate": ("Likely duplicates", lambda entry: "duplicate" in entry),
    "create": ("New", lambda entry: entry["action"] == "create"),
    "update": ("Changed", lambda entry: entry["action"] == "update"),
}


def report_rows(*, job, show):
    keep = REPORT_FILTERS.get(show, REPORT_FILTERS["all"])[1]
    return [entry for entry in job.report if keep(entry)]
