"""Import pages for organisation administrators: upload, columns, dry run, import, progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from verdex.organisations.selectors import get_organisation

from . import selectors, services
from .downloads import rejected_rows_csv
from .forms import MappingForm, UploadForm
from .models import Format, ImportJob

REPORT_PER_PAGE = 100
EDITABLE_MAPPING = (ImportJob.Status.UPLOADED, ImportJob.Status.MAPPED, ImportJob.Status.DRY_RUN_DONE)


@login_required
def index(request):
    services.fail_dead_jobs()
    page_obj = Paginator(selectors.jobs_for(user=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "imports/index.html", {
        "page_obj": page_obj, "query_string": "",
        "organisations": selectors.admin_organisations(user=request.user),
    })


@login_required
def upload(request, slug):
    organisation = get_organisation(slug=slug)
    services.require_admin(organisation=organisation, user=request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.create_job(
                organisation=organisation, user=request.user, kind=form.cleaned_data["kind"],
                file_format=form.cleaned_data["format"], uploaded_file=form.cleaned_data["file"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if job.format == Format.PATENTS:
                messages.success(request, "The patent list is being checked; nothing is imported yet.")
                return redirect(job)
            return redirect("imports:mapping", job.pk)
    return render(request, "imports/upload.html", {"form": form, "organisation": organisation})


@login_required
def mapping(request, pk):
    job = selectors.get_job(pk=pk, user=request.user, with_report=False)
    if job.status not in EDITABLE_MAPPING or job.format == Format.PATENTS:
        return redirect(job)
    form = MappingForm(request.POST or None, kind=job.kind, headers=job.headers, initial_mapping=job.mapping)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_mapping(job=job, user=request.user, mapping=form.mapping())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Columns saved. The dry run is checking every row; nothing is imported yet.")
            return redirect(job)
    return render(request, "imports/mapping.html", {"form": form, "job": job})


@login_required
def detail(request, pk):
    job = selectors.get_job(pk=pk, user=request.user)
    services.fail_if_dead(job)
    show = request.GET.get("show", "all")
    if show not in selectors.REPORT_FILTERS:
        show = "all"
    page_obj = Paginator(selectors.report_rows(job=job, show=show), REPORT_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "imports/detail.html", {
        "job": job, "page_obj": page_obj, "query_string": f"show={show}", "show": show,
        "filters": {key: label for key, (label, _) in selectors.REPORT_FILTERS.items()},
        "committed": job.status == ImportJob.Status.DONE,
    })


@login_required
def status(request, pk):
    job = selectors.get_job(pk=pk, user=request.user, with_report=False)
    services.fail_if_dead(job)
    response = render(request, "imports/_status.html", {"job": job})
    if request.htmx and not job.is_running:
        response["HX-Refresh"] = "true"  # the finished job's page shows the full report
    return response


@login_required
@require_POST
def start(request, pk):
    return _queue_step(request, pk, services.start_import,
                       "The import has started. You can leave this page; it carries on.")


@login_required
@require_POST
def resume(request, pk):
    return _queue_step(request, pk, services.resume_job,
                       "The job is queued again. Rows already imported are not written twice.")


def _queue_step(request, pk, service, success_message):
    job = selectors.get_job(pk=pk, user=request.user, with_report=False)
    try:
        service(job=job, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success_message)
    return redirect(job)


@login_required
def rejected(request, pk):
    job = selectors.get_job(pk=pk, user=request.user)
    response = HttpResponse(rejected_rows_csv(job), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-rejected-rows.csv"'
    return response
