"""What a search asks for and what it answers, independent of how it is run.

``SearchQuery`` is built from untrusted input (usually GET parameters) and is
cleaned by the engine before use; ``SearchResults`` is what every search mode
returns, so pages and later modes (semantic, hybrid) share one shape.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

RELEVANCE = "relevance"
NEWEST = "newest"
UPDATED = "updated"
NAME = "name"
SORT_LABELS = {
    RELEVANCE: "Best match",
    NEWEST: "Newest",
    UPDATED: "Recently updated",
    NAME: "Name (A–Z)",
}

KEYWORD = "keyword"
SEMANTIC = "semantic"
HYBRID = "hybrid"
MODE_LABELS = {
    HYBRID: "Hybrid (recommended)",
    KEYWORD: "Keyword",
    SEMANTIC: "Semantic",
}
DEFAULT_MODE = HYBRID

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
# Long enough for a whole need description pasted in as the query.
MAX_TEXT_LENGTH = 2000
MAX_TERMS = 32
MAX_VALUES_PER_FACET = 50
MAX_VALUE_LENGTH = 40

# Parameters with a fixed meaning; every other parameter names a facet.
# qref names a text kept server-side (search/stored_texts.py), for texts too long for a URL.
RESERVED_PARAMS = frozenset({"q", "qref", "mode", "sort", "page", "per_page"})

_WORD = re.compile(r"\w+")

# Every term must match, and SQLite's index keeps these words, so a natural
# question ("water for schools") would otherwise miss listings without "for".
STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is it of on or the to with".split()
)


# A pasted paragraph is matched with "or" (see backends.KeywordBackend); these
# words would then match nearly every listing while adding nothing to the ranking.
LONG_QUERY_STOP_WORDS = STOP_WORDS | frozenset(
    """about after all also am any because been before being between both but can could did
    do does doing down during each few further had has have having he her here hers him his
    how i if its just me more most my need needs no nor not now off once only other our ours
    out over own same she should so some such than that their theirs them then there these
    they this those through too under until up very was we were what when where which while
    who whom why will would you your looking want wants require requires currently many much
    per use used using well""".split()
)


def minimum_should_match(term_count):
    """How many of a short query's terms a listing must hold: all of up to two, else all but one.

    As Elasticsearch's ``minimum_should_match: "2<-1"``: with three to six
    words one may be missing (a typo, a word the listing puts otherwise).
    Both keyword engines (keyword_index.py, pg_keyword.py) apply it.
    """
    return term_count if term_count <= 2 else term_count - 1


def clean_text(raw):
    """The text as we keep and show it: printable, single-spaced, at most MAX_TEXT_LENGTH characters.

    Control characters (NUL included) are dropped; a longer text is cut at the
    last whole word that fits, so a pasted document still searches its start.
    """
    text = "".join(
        " " if char.isspace() else char
        for char in str(raw or "")
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    text = " ".join(text.split())
    if len(text) > MAX_TEXT_LENGTH:
        cut = text[:MAX_TEXT_LENGTH]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return text


def search_terms(text):
    """The words a keyword search looks for: letters and digits only.

    Punctuation, quotes, ``*``, brackets and emoji are dropped, so full-text
    syntax (FTS5 or tsquery) typed by a user is never interpreted as syntax.
    Common English words are left out unless the text has nothing else, and
    a word is kept once (a long query repeats its key words).
    """
    words = _WORD.findall(text)
    meaningful = [word for word in words if word.lower() not in STOP_WORDS]
    unique = {}
    for word in meaningful or words:
        unique.setdefault(word.lower(), word)
    return list(unique.values())[:MAX_TERMS]


@dataclass
class SearchQuery:
    kind: str  # "technology", "need", "expert" or "organisation"
    text: str = ""
    mode: str = DEFAULT_MODE  # KEYWORD, SEMANTIC or HYBRID; organisations always match substrings
    filters: dict = field(default_factory=dict)  # facet name -> list of values
    sort: str = ""  # empty: the default for the kind and text
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @classmethod
    def from_params(cls, kind, params):
        """Build a query from GET parameters (a QueryDict); nothing here is trusted yet.

        ``qref`` stands for a long text the search form posted (404 if unknown).
        """
        text = params.get("q", "")
        if not text and params.get("qref"):
            from .stored_texts import stored_text  # database access, only when asked for

            text = stored_text(params["qref"])
        filters = {
            name: params.getlist(name)
            for name in params
            if name not in RESERVED_PARAMS
        }
        return cls(
            kind=kind,
            text=text,
            mode=params.get("mode", DEFAULT_MODE),
            filters=filters,
            sort=params.get("sort", ""),
            page=positive_int(params.get("page"), default=1),
            per_page=positive_int(params.get("per_page"), default=DEFAULT_PER_PAGE),
        )


def positive_int(value, *, default):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


class FacetOption(NamedTuple):
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: SearchQuery  # the cleaned query that was run
    items: list
    total: int
    page_obj: object  # a django.core.paginator.Page, for includes/pagination.html
    facets: dict  # facet name -> list of FacetOption
    facet_labels: dict  # facet name -> label shown above its options
    sorts: dict  # sort key -> label, the orders this kind offers
    # The mode that ran: semantic and hybrid fall back to keyword while the
    # listings have no vectors yet (e.g. before rebuild_embeddings has run).
    mode_used: str = KEYWORD
    modes: dict = field(default_factory=dict)  # mode -> label, empty where there is no choice
    # True when the text matched more listings than a search keeps: ``total``
    # then counts the best of them (backends.KEYWORD_MATCHES, SEMANTIC_MATCHES).
    capped: bool = False

    @property
    def degraded(self):
        return bool(self.query.text) and self.mode_used != self.query.mode and bool(self.modes)

    @property
    def page(self):
        return self.page_obj.number

    @property
    def num_pages(self):
        return self.page_obj.paginator.num_pages

    @property
    def facet_groups(self):
        """(name, label, options) for each facet that has something to offer."""
        return [
            (name, self.facet_labels[name], options)
            for name, options in self.facets.items()
            if options
        ]

    @property
    def selected_count(self):
        return sum(len(values) for values in self.query.filters.values())
