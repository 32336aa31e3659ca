"""Template filters for the facet panel of the browse pages."""

from typing import NamedTuple

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

# A facet longer than this shows only its TOP_VALUES most frequent values at
# first; the rest wait behind a "Show N more" toggle, so a phone (and a
# keyboard) meets a short list. Short facets show everything.
TOP_VALUES = 8
SHOW_ALL_UP_TO = 10


class SplitOptions(NamedTuple):
    shown: list  # the options listed straight away, in the facet's own order
    more: list  # the rest, behind "Show N more"


@register.filter
def split_facet(options):
    """The facet's most frequent values (and every ticked one) first, the rest apart.

    Both parts keep the facet's order (most rows first, or the reference
    order such as SDG 1..17), so a ticked value never hides behind "more".
    """
    options = list(options)
    if len(options) <= SHOW_ALL_UP_TO:
        return SplitOptions(options, [])
    by_count = sorted(range(len(options)), key=lambda i: -options[i].count)  # stable: ties keep order
    top = set(by_count[:TOP_VALUES])
    shown = [option for i, option in enumerate(options) if i in top or option.selected]
    more = [option for i, option in enumerate(options) if i not in top and not option.selected]
    return SplitOptions(shown, more)


@register.simple_tag
def facet_options(name, options):
    """The checkboxes of one facet's ``options``, rendered in one call.

    A search page lists a hundred or more options; an ``{% include %}`` per
    option was a third of the page's rendering time.
    """
    return format_html_join(
        "", '<label class="facet-option"><input type="checkbox" name="{}" value="{}"{}> {} '
            '<span class="count">{}</span></label>',
        ((name, option.value, mark_safe(" checked") if option.selected else "", option.label, option.count)
         for option in options),
    )
