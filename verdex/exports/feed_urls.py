from django.urls import re_path

from .feeds import AtomListingFeed, ListingFeed

app_name = "feeds"

urlpatterns = [
    re_path(r"^(?P<kind>technology|need|expert)/rss/$", ListingFeed(), name="rss"),
    re_path(r"^(?P<kind>technology|need|expert)/atom/$", AtomListingFeed(), name="atom"),
]
