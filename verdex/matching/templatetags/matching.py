from django import template

from verdex.matching import selectors

register = template.Library()


@register.inclusion_tag("matching/_dashboard_section.html", takes_context=True)
def new_matches_section(context):
    """The dashboard's "New matching technologies" for the logged-in user."""
    user = context["request"].user
    return {"new_matches": selectors.new_technology_matches(user=user) if user.is_authenticated else []}
