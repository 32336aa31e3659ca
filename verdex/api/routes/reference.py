"""Reference data (the taxonomy) and the statistics of the statistics page."""

from django.core.exceptions import PermissionDenied
from ninja import Router

from verdex.stats import selectors as stats
from verdex.taxonomy.models import SDG, Arrangement, Benefit, Country, Language, Region, TechnologyField

from ..auth import token_optional, token_required
from ..params import check_query
from ..schemas import (
    CodeName,
    CountryOut,
    FieldNode,
    ProgrammeStatisticsOut,
    RegionOut,
    SDGOut,
    SlugName,
    StatisticsOut,
    responses,
)

router = Router()
READ_ERRORS = (400, 401, 429)


@router.get("/taxonomy/fields", response=responses({200: list[FieldNode]}, *READ_ERRORS), auth=token_optional,
            tags=["Taxonomy"], operation_id="taxonomy_fields",
            summary="Technology fields: top-level fields with their sub-fields")
def fields(request):
    check_query(request)
    nodes = {}
    for field in TechnologyField.objects.order_by("depth", "scheme", "code"):
        if field.depth == 0:
            nodes[field.pk] = {"code": field.code, "name": field.name, "scheme": field.scheme, "children": []}
        elif field.root_id in nodes:
            nodes[field.root_id]["children"].append({"code": field.code, "name": field.name})
    return list(nodes.values())


@router.get("/taxonomy/sdgs", response=responses({200: list[SDGOut]}, *READ_ERRORS), auth=token_optional,
            tags=["Taxonomy"], operation_id="taxonomy_sdgs", summary="The 17 Sustainable Development Goals")
def sdgs(request):
    check_query(request)
    return list(SDG.objects.values("number", "name"))


@router.get("/taxonomy/regions", response=responses({200: list[RegionOut]}, *READ_ERRORS), auth=token_optional,
            tags=["Taxonomy"], operation_id="taxonomy_regions",
            summary="UN regions, sub-regions and country groups")
def regions(request):
    check_query(request)
    return list(Region.objects.values("code", "name", "kind"))


@router.get("/taxonomy/countries", response=responses({200: list[CountryOut]}, *READ_ERRORS),
            auth=token_optional, tags=["Taxonomy"], operation_id="taxonomy_countries",
            summary="Countries with their region, sub-region and groups")
def countries(request):
    check_query(request)
    rows = Country.objects.select_related("region", "subregion").prefetch_related("groups")
    return [
        {
            "code": country.code,
            "name": country.name,
            "region": _code_name(country.region),
            "subregion": _code_name(country.subregion),
            "groups": [_code_name(group) for group in country.groups.all()],
        }
        for country in rows
    ]


def _code_name(row):
    return {"code": row.code, "name": row.name} if row else None


@router.get("/taxonomy/benefits", response=responses({200: list[SlugName]}, *READ_ERRORS), auth=token_optional,
            tags=["Taxonomy"], operation_id="taxonomy_benefits", summary="Environmental benefits")
def benefits(request):
    check_query(request)
    return list(Benefit.objects.values("slug", "name"))


@router.get("/taxonomy/arrangements", response=responses({200: list[SlugName]}, *READ_ERRORS),
            auth=token_optional, tags=["Taxonomy"], operation_id="taxonomy_arrangements",
            summary="Ways of sharing a technology (licence, sale, ...)")
def arrangements(request):
    check_query(request)
    return list(Arrangement.objects.values("slug", "name"))


@router.get("/taxonomy/languages", response=responses({200: list[CodeName]}, *READ_ERRORS),
            auth=token_optional, tags=["Taxonomy"], operation_id="taxonomy_languages", summary="Languages")
def languages(request):
    check_query(request)
    return list(Language.objects.values("code", "name"))


@router.get("/statistics", response=responses({200: StatisticsOut}, *READ_ERRORS), auth=token_optional,
            tags=["Statistics"], operation_id="statistics",
            summary="The public figures of the statistics page (published listings only)")
def statistics(request):
    check_query(request)
    return stats.public_statistics()


@router.get("/statistics/programme", response=responses({200: ProgrammeStatisticsOut}, *READ_ERRORS, 403),
            auth=token_required, tags=["Statistics"], operation_id="programme_statistics",
            summary="Figures for programme managers: listings by status, reports, connection outcomes")
def programme_statistics(request):
    check_query(request)
    if not request.auth.has_perm("accounts.view_statistics"):
        raise PermissionDenied("Only programme managers may see these figures.")
    return stats.programme_statistics()
