"""The statistics page's filtered figures, the impact figures and the staff dashboard.

The same ``stats`` functions and filters as the pages: a filter the page would
ignore with a message is refused here with 400 and the same message.
"""

from django.core.exceptions import PermissionDenied
from ninja import Query, Router

from verdex.stats import dashboards, figures
from verdex.stats.filters import PARAMETERS, parse

from ..auth import token_optional, token_required
from ..errors import ApiError
from ..params import check_query
from ..schemas import FiguresOut, ImpactOut, StaffDashboardOut, StatisticsFilterParams, responses

router = Router(tags=["Statistics"])
READ_ERRORS = (400, 401, 429)


def _filters(request):
    check_query(request, names=PARAMETERS)
    filters, _ = parse(request.GET)
    if filters.errors:
        raise ApiError(400, "Some filters are not valid.",
                       errors=[{"field": name, "message": _for_the_api(message)} for name, message in filters.errors])
    return filters


def _for_the_api(message):
    """The page's message without its note that the page went on without the value."""
    return message.replace(": it was ignored.", ".").replace(": the dates were ignored.", ".")


@router.get("/statistics/figures", response=responses({200: FiguresOut}, *READ_ERRORS), auth=token_optional,
            operation_id="statistics_figures",
            summary="Every chart of the statistics page, filtered as the page is (published listings only)")
def statistics_figures(request, params: Query[StatisticsFilterParams]):
    filters = _filters(request)
    return {"filters": filters.params(), **figures.all_figures(filters)}


@router.get("/statistics/impact", response=responses({200: ImpactOut}, *READ_ERRORS), auth=token_optional,
            operation_id="statistics_impact",
            summary="What connections led to: agreements, deployments, countries reached")
def statistics_impact(request, params: Query[StatisticsFilterParams]):
    filters = _filters(request)
    return {"filters": filters.params(), **dashboards.impact(filters)}


@router.get("/statistics/staff", response=responses({200: StaffDashboardOut}, *READ_ERRORS, 403),
            auth=token_required, operation_id="statistics_staff",
            summary="The staff dashboard: moderation throughput and waits, imports, active members")
def statistics_staff(request, params: Query[StatisticsFilterParams]):
    if not request.auth.has_perm("accounts.view_statistics"):
        raise PermissionDenied("Only programme managers may see these figures.")
    filters = _filters(request)
    return {"filters": filters.params(), **dashboards.staff_dashboard(filters)}
