"""Search with every facet of the search pages, through the same engine.

Each kind answers GET (query parameters) and POST (the same parameters as a
JSON body, for texts too long for a URL) with the same answer.
"""

from ninja import Query, Router
from pydantic import ConfigDict

from verdex.search.engine import REGISTRY, search
from verdex.search.query import MAX_TEXT_LENGTH, SearchQuery

from .. import representations, selectors
from ..auth import token_optional
from ..errors import ApiError
from ..params import check_query
from ..schemas import SEARCH_OUT, SEARCH_PARAMS, responses

PLURALS = {"technology": "technologies", "need": "needs", "expert": "experts", "organisation": "organisations"}

router = Router(tags=["Search"])


def _checked_filters(kind, params):
    """The facet values asked for; a value that names nothing (e.g. country=XX) answers 422."""
    filters, errors = {}, []
    for facet in REGISTRY[kind].facets:
        values = getattr(params, facet.name)
        if not values:
            continue
        if any("\x00" in value for value in values):
            errors.append({"field": facet.name, "message": "Values cannot contain NUL characters."})
            continue
        cleaned = facet.clean(values)
        unknown = [value for value in dict.fromkeys(values) if value.strip() not in cleaned]
        if unknown:
            errors.append({"field": facet.name,
                           "message": f"Unknown value(s) for {facet.label.lower()}: {', '.join(unknown)}."})
        filters[facet.name] = cleaned
    if errors:
        raise ApiError(422, "Some filter values are not valid; see errors.", errors=errors)
    return filters


def _body_schema(params_schema):
    """The query schema as a JSON body: the same fields, and an unknown one is refused (422)."""
    return type(
        params_schema.__name__.replace("Params", "Body"), (params_schema,),
        {"model_config": ConfigDict(**params_schema.model_config, extra="forbid"),
         "__module__": __name__},
    )


def _answer(request, kind, params):
    """One page of ``kind`` found for ``params`` (query or body), in the API's shape."""
    query = SearchQuery(
        kind=kind, text=params.q, mode=params.mode, filters=_checked_filters(kind, params),
        sort=params.sort or "", page=params.page, per_page=params.per_page,
    )
    results = search(query, request.auth)
    if kind == "organisation":
        items = [representations.organisation(request, row) for row in results.items]
    else:
        selectors.prefetch_listing_rows(kind, results.items)
        items = [representations.listing(request, row, request.auth) for row in results.items]
    cleaned = results.query
    return {
        "query": {"q": cleaned.text, "mode": params.mode, "mode_used": results.mode_used, "sort": cleaned.sort, "page": results.page,
                  "per_page": cleaned.per_page, "filters": cleaned.filters},
        "total": results.total,
        "total_capped": results.capped,
        "num_pages": results.num_pages,
        "items": items,
        "facets": [
            {"name": name, "label": results.facet_labels[name],
             "options": [option._asdict() for option in options]}
            for name, options in results.facets.items()
        ],
        "sorts": [{"value": value, "label": label} for value, label in results.sorts.items()],
    }


def _register(kind):
    params_schema = SEARCH_PARAMS[kind]
    body_schema = _body_schema(params_schema)
    facet_names = ", ".join(facet.name for facet in REGISTRY[kind].facets)
    path = f"/search/{PLURALS[kind]}"
    answers = responses({200: SEARCH_OUT[kind]}, 400, 401, 422, 429)

    @router.get(
        path, response=answers, auth=token_optional, operation_id=f"search_{PLURALS[kind]}",
        summary=f"Search {PLURALS[kind]}",
        description=(
            "The search of the web pages: text, sort, page and a list parameter per facet "
            f"({facet_names}); values of one facet are OR-ed, facets are AND-ed. Facet counts are "
            "disjunctive, as on the site. Only published listings are searched. A long text "
            f"(a pasted need description) may not fit a URL: POST the same parameters to {path}."
        ),
    )
    def search_kind(request, params: Query[params_schema]):
        check_query(request, params_schema)
        return _answer(request, kind, params)

    @router.post(
        path, response=answers, auth=token_optional, operation_id=f"search_{PLURALS[kind]}_by_post",
        summary=f"Search {PLURALS[kind]} (parameters in a JSON body)",
        description=(
            f"The same search and answer as GET {path}, with the parameters as a JSON object "
            "(facets as lists: {\"q\": \"...\", \"country\": [\"KE\"]}), for texts too long "
            "for a URL (servers refuse request lines over about 4 KB). q holds at most "
            f"{MAX_TEXT_LENGTH:,} characters; the query string must be empty."
        ),
    )
    def search_kind_by_post(request, payload: body_schema):
        check_query(request)
        return _answer(request, kind, payload)


for _kind in PLURALS:
    _register(_kind)
