"""Why two listings match, in terms a member can check for themselves.

``pair_reasons`` returns a JSON-ready dict stored with each match:

- ``phrases``: words and two-word phrases found in both texts, rarest first
  (rarity = how few texts of the candidate pool use them), common English
  words left out, so "drip irrigation" beats "water";
- ``fields``: technology fields both listings are filed under (``match``
  "exact"), or top-level fields they share ("root");
- ``maturity``: the technology's TRL group when it is the one the need asks for;
- ``country``: how the offer reaches the need's country (available there,
  available in its region, expert serves it or is based there);
- ``similarity``: cosine similarity of the two sentence embeddings, or null.

``reason_lines`` turns that dict into sentences for pages and the API.
"""

import re
from collections import Counter

from verdex.search.query import LONG_QUERY_STOP_WORDS

MAX_PHRASES = 5
# Words shorter than this are mostly abbreviations and units ("kw", "co"), noise as reasons.
MIN_WORD_LENGTH = 3

# Words every kind of listing uses; as a "shared phrase" they explain nothing.
EXPLANATION_STOP_WORDS = LONG_QUERY_STOP_WORDS | frozenset(
    """able across after against along already among around away based best better day days
    different easy even every get good great help helps high however large less like low make
    makes making new often one provide provides providing range small system systems technology
    technologies three time two way ways within without work works year years""".split()
)

_TOKEN = re.compile(r"\w+")


def _key(word):
    """A crude singular, so "pumps" and "pump" count as one phrase."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def phrases(text):
    """{key: shown form} of the meaningful words and adjacent word pairs of ``text``."""
    tokens = [token.lower() for token in _TOKEN.findall(text or "")]
    meaningful = [
        len(token) >= MIN_WORD_LENGTH and not token.isdigit() and token not in EXPLANATION_STOP_WORDS
        for token in tokens
    ]
    found = {}
    for index, token in enumerate(tokens):
        if not meaningful[index]:
            continue
        found.setdefault(_key(token), token)
        if index + 1 < len(tokens) and meaningful[index + 1]:
            following = tokens[index + 1]
            found.setdefault(f"{_key(token)} {_key(following)}", f"{token} {following}")
    return found


def document_frequencies(phrase_sets):
    """How many of the texts (given as phrase dicts) use each phrase key."""
    counts = Counter()
    for found in phrase_sets:
        counts.update(found.keys())
    return counts


def shared_phrases(need_phrases, offer_phrases, frequencies):
    """Phrases in both texts, rarest first, two-word phrases before their own words."""
    shared = set(need_phrases) & set(offer_phrases)
    ordered = sorted(shared, key=lambda key: (frequencies.get(key, 0), -key.count(" "), key))
    chosen, covered = [], set()
    for key in ordered:
        words = key.split(" ")
        if len(words) == 1 and key in covered:
            continue
        if len(words) == 2 and all(word in covered for word in words):
            continue
        chosen.append(need_phrases[key])
        covered.update(words)
        if len(chosen) == MAX_PHRASES:
            break
    return chosen


def _field_reasons(need, offer):
    need_fields = list(need.fields.all())
    offer_fields = list(offer.fields.all())
    exact = {field.code for field in need_fields} & {field.code for field in offer_fields}
    reasons = [
        {"code": field.code, "name": field.name, "match": "exact"}
        for field in need_fields if field.code in exact
    ]
    covered_roots = {field.root_id for field in need_fields if field.code in exact}
    offer_roots = {field.root_id for field in offer_fields}
    seen = set()
    for field in need_fields:
        root = field.root
        if root is None or field.root_id in covered_roots or field.root_id not in offer_roots or root.pk in seen:
            continue
        seen.add(root.pk)
        reasons.append({"code": root.code, "name": root.name, "match": "root"})
    return reasons


def _maturity_reason(need, offer):
    if offer.kind != "technology" or not need.desired_trl_group:
        return None
    if need.desired_trl_group != offer.trl_group:
        return None
    return {"group": offer.trl_group, "label": offer.get_trl_group_display()}


def _country_reason(need, offer):
    country = need.country
    place = {"code": country.code, "name": country.name}
    if offer.kind == "technology":
        if any(available.pk == country.pk for available in offer.available_in.all()):
            return {**place, "how": "available"}
        need_regions = {country.region_id, country.subregion_id, *(group.pk for group in country.groups.all())}
        for region in offer.available_regions.all():
            if region.pk in need_regions:
                return {**place, "how": "region", "region": region.name}
        return None
    if any(served.pk == country.pk for served in offer.countries_served.all()):
        return {**place, "how": "serves"}
    if offer.country_id == country.pk:
        return {**place, "how": "based"}
    return None


def pair_reasons(need, offer, *, need_phrases, offer_phrases, frequencies, similarity):
    """Every reason ``need`` and ``offer`` (a technology or expert) match; see the module docstring."""
    return {
        "phrases": shared_phrases(need_phrases, offer_phrases, frequencies),
        "fields": _field_reasons(need, offer),
        "maturity": _maturity_reason(need, offer),
        "country": _country_reason(need, offer),
        "similarity": None if similarity is None else round(float(similarity), 4),
    }


_COUNTRY_LINES = {
    "available": "Available in {name}, where the need is",
    "region": "Available in {region}, which includes {name}",
    "serves": "Works in {name}, where the need is",
    "based": "Based in {name}, where the need is",
}


def similarity_percent(reasons):
    similarity = reasons.get("similarity")
    if similarity is None:
        return None
    return max(0, round(similarity * 100))


def reason_lines(reasons):
    """The reasons as short sentences, most specific first."""
    lines = []
    if reasons.get("phrases"):
        lines.append("Both mention " + ", ".join(f"“{phrase}”" for phrase in reasons["phrases"]))
    for field in reasons.get("fields") or ():
        if field["match"] == "exact":
            lines.append(f"Same technology field: {field['name']}")
        else:
            lines.append(f"Same broad field: {field['name']}")
    if reasons.get("maturity"):
        lines.append(f"Maturity fits what the need asks for: {reasons['maturity']['label']}")
    country = reasons.get("country")
    if country:
        lines.append(_COUNTRY_LINES[country["how"]].format(**country))
    percent = similarity_percent(reasons)
    if percent is not None:
        lines.append(f"Descriptions are {percent}% similar in meaning")
    return lines
