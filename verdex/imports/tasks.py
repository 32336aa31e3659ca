"""Background tasks of the imports app; enqueued by services after the request commits."""

from verdex.core.jobs import job

from . import services
from .models import ImportJob


@job
def check_import(job_id):
    services.check_job(ImportJob.objects.select_related("organisation", "started_by").get(pk=job_id))


@job
def run_import(job_id):
    services.import_job(ImportJob.objects.select_related("organisation", "started_by").get(pk=job_id))
