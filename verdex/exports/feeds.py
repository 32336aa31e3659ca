"""RSS and Atom feeds of the newest listings found by a search.

A feed URL takes the search page's query string, so a reader can subscribe
to "solar technologies developed in Kenya". Items are the 50 most recently
published matches, whatever sort the search page used.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from .records import summary_of
from .selectors import feed_results, kind_label

SEARCH_PAGES = {"technology": "search:technologies", "need": "search:needs", "expert": "search:experts"}


@dataclass(frozen=True)
class FeedSource:
    kind: str
    results: object  # SearchResults of the newest matches
    base_url: str
    page_url: str  # the search page this feed follows
    feed_url: str  # this feed's own address, query string included

    def absolute(self, path):
        return self.base_url.rstrip("/") + path


class ListingFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, kind):
        results = feed_results(kind, request.GET, request.user)
        params = request.GET.copy()
        for name in ("page", "per_page"):
            params.pop(name, None)
        query_string = params.urlencode()
        page_path = reverse(SEARCH_PAGES[kind]) + (f"?{query_string}" if query_string else "")
        return FeedSource(
            kind=kind,
            results=results,
            base_url=request.build_absolute_uri("/"),
            page_url=request.build_absolute_uri(page_path),
            feed_url=request.build_absolute_uri(),
        )

    def title(self, source):
        title = f"{settings.SITE_NAME}: new {kind_label(source.kind)}"
        query = source.results.query
        if query.text:
            title += f" matching “{query.text}”"
        chosen = [
            option.label
            for options in source.results.facets.values()
            for option in options
            if option.selected
        ]
        if chosen:
            title += " · " + ", ".join(chosen)
        return title

    def link(self, source):
        return source.page_url

    def feed_url(self, source):
        # Absolute already, so Django does not prefix the sites framework's domain.
        return source.feed_url

    def description(self, source):
        return (
            f"The most recently published {kind_label(source.kind)} on {settings.SITE_NAME} "
            "that match this search."
        )

    def items(self, source):
        return [(source, item) for item in source.results.items]

    def item_title(self, entry):
        # RSS readers treat titles as HTML (Django ticket #6533), so escape them.
        return escape(str(entry[1]))

    def item_description(self, entry):
        return escape(summary_of(entry[1]))

    def item_link(self, entry):
        source, listing = entry
        return source.absolute(listing.get_absolute_url())

    def item_pubdate(self, entry):
        return entry[1].published_at

    def item_updateddate(self, entry):
        return entry[1].updated_at

    def item_categories(self, entry):
        return [field.name for field in entry[1].fields.all()]


class AtomListingFeed(ListingFeed):
    feed_type = Atom1Feed

    def item_title(self, entry):
        # Atom titles are written as type="text": readers show them as they are.
        return str(entry[1])

    def subtitle(self, source):
        return self.description(source)
