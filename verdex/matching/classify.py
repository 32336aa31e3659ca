"""Suggestions of SDGs and technology fields for a listing, from its text.

Both work on sentence embeddings (verdex.search.embeddings) and are offered
to authors as suggestions they accept or change, never applied silently.

SDGs: each goal has a short description written from its official targets
(``SDG_DESCRIPTIONS``). A text's score for a goal is its cosine similarity to
that description minus its mean similarity to all seventeen, so a text that is
close to every goal (generic development prose) is not suggested for all of
them. A goal is suggested when its score reaches the goal's threshold in
``sdg_thresholds.json``; those thresholds were fitted by ``eval/sdg/tune.py``
on the tuning part of the public sdgclassification benchmark only, for the
model named in the file, which is why the SDG part always uses that model.
Scores on the held-out part are in docs/evaluation.md.

Technology fields: a text's nearest field labels ("Agriculture and forestry:
Alternative irrigation techniques") by cosine similarity, with no fitted
parameters, so it works with whichever model search is configured to use.
"""

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from verdex.search.embeddings import get_embedder
from verdex.taxonomy.models import TechnologyField

THRESHOLDS_FILE = Path(__file__).with_name("sdg_thresholds.json")

SDG_DESCRIPTIONS = {
    1: "No poverty: end extreme poverty; income of poor households; social protection and safety nets; "
       "access to basic services, land and financial services for the poor; resilience of poor people "
       "to climate disasters and economic shocks.",
    2: "Zero hunger: end hunger and malnutrition; food security; agricultural productivity and incomes "
       "of small-scale farmers; sustainable food production; resilient agriculture; crop yields, "
       "livestock, seeds and soil fertility.",
    3: "Good health and well-being: maternal and child mortality; malaria, tuberculosis, HIV and other "
       "diseases; vaccines and health care; deaths from air and water pollution; mental health; road "
       "injuries; universal health coverage.",
    4: "Quality education: free primary and secondary schooling; early childhood education; literacy "
       "and numeracy; vocational and university education; teachers and school facilities; skills for "
       "employment.",
    5: "Gender equality: end discrimination and violence against women and girls; child marriage; "
       "unpaid care and domestic work; women's participation and leadership; sexual and reproductive "
       "rights; women's equal rights to land and economic resources.",
    6: "Clean water and sanitation: safe and affordable drinking water; sanitation and hygiene; water "
       "quality and wastewater treatment; water-use efficiency and water scarcity; integrated water "
       "resources management; rivers, lakes, aquifers and wetlands.",
    7: "Affordable and clean energy: access to electricity and clean cooking fuels; renewable energy "
       "such as solar, wind and hydro; energy efficiency; energy infrastructure and investment in clean "
       "energy technology.",
    8: "Decent work and economic growth: economic growth and productivity; full employment and decent "
       "jobs; youth unemployment; forced and child labour; labour rights and safe working "
       "environments; small enterprises; tourism; access to banking.",
    9: "Industry, innovation and infrastructure: resilient infrastructure; sustainable "
       "industrialisation and manufacturing; small industries' access to credit; upgrading industries "
       "with clean technologies; scientific research and innovation; internet and mobile access.",
    10: "Reduced inequalities: income growth of the poorest; social, economic and political inclusion "
        "of all; equal opportunity and non-discrimination; fiscal and wage policies; migration; voice "
        "of developing countries in global institutions.",
    11: "Sustainable cities and communities: adequate housing and slum upgrading; public transport; "
        "urban planning; cultural and natural heritage; disaster losses; urban air quality and waste "
        "management; green and public spaces.",
    12: "Responsible consumption and production: sustainable use of natural resources; food waste and "
        "losses; chemicals and waste management; recycling and reuse; corporate sustainability "
        "reporting; sustainable public procurement; fossil fuel subsidies.",
    13: "Climate action: resilience and adaptation to climate hazards and natural disasters; climate "
        "change policies and planning; greenhouse gas emissions; education and awareness on climate "
        "mitigation; climate finance.",
    14: "Life below water: marine pollution and plastic debris; coastal and marine ecosystems; ocean "
        "acidification; overfishing and fish stocks; marine protected areas; small-scale fishers; "
        "sustainable use of the oceans.",
    15: "Life on land: forests, wetlands, mountains and drylands; deforestation and reforestation; "
        "desertification and land degradation; biodiversity and threatened species; poaching and "
        "invasive species.",
    16: "Peace, justice and strong institutions: reduce violence and conflict; abuse, trafficking and "
        "violence against children; rule of law and access to justice; corruption and bribery; "
        "accountable institutions; legal identity; public access to information.",
    17: "Partnerships for the goals: domestic resource mobilisation and taxes; development assistance "
        "and debt; technology transfer and capacity building; international trade; policy coherence; "
        "multi-stakeholder partnerships; data and statistics.",
}


@lru_cache(maxsize=1)
def sdg_parameters():
    """The fitted thresholds (goal number -> score) and the model they belong to."""
    data = json.loads(THRESHOLDS_FILE.read_text())
    return data["model"], {int(goal): value for goal, value in data["thresholds"].items()}


@lru_cache(maxsize=4)
def _sdg_prototypes(model_name):
    embedder = get_embedder(model_name)
    return np.stack([embedder.embed_query(SDG_DESCRIPTIONS[goal]) for goal in sorted(SDG_DESCRIPTIONS)])


def sdg_scores(texts, model_name=None):
    """An array (len(texts) x 17) of goal scores; column ``g - 1`` is SDG ``g``."""
    model_name = model_name or sdg_parameters()[0]
    vectors = get_embedder(model_name).embed_documents(list(texts))
    similarities = vectors @ _sdg_prototypes(model_name).T
    return similarities - similarities.mean(axis=1, keepdims=True)


def suggest_sdgs(text):
    """[(goal number, score)] for the goals whose threshold the text reaches, best first."""
    if not text or not text.strip():
        return []
    _model, thresholds = sdg_parameters()
    scores = sdg_scores([text])[0]
    passed = [(goal, float(scores[goal - 1])) for goal in sorted(thresholds)
              if scores[goal - 1] >= thresholds[goal]]
    return sorted(passed, key=lambda item: -item[1])


def field_label(field):
    """The words a field is recognised by: its top-level class and its own name."""
    if field.depth == 0:
        return field.name
    return f"{field.root.name}: {field.name}"


@lru_cache(maxsize=8)
def _field_vectors(model_name, labels):
    return get_embedder(model_name).embed_documents(list(labels))


def suggest_fields(text, limit=3):
    """The ``limit`` most similar sub-fields of each scheme (CPC, Green Inventory): [(field, score)]."""
    if not text or not text.strip():
        return []
    embedder = get_embedder()
    fields = list(TechnologyField.objects.filter(depth__gt=0).select_related("root").order_by("code"))
    if not fields:
        return []
    vectors = _field_vectors(embedder.name, tuple(field_label(field) for field in fields))
    scores = vectors @ embedder.embed_query(text)
    suggestions = []
    for scheme in sorted({field.scheme for field in fields}):
        ranked = sorted(
            (index for index, field in enumerate(fields) if field.scheme == scheme),
            key=lambda index: -scores[index],
        )
        suggestions += [(fields[index], float(scores[index])) for index in ranked[:limit]]
    return suggestions
