"""A query in Chinese, Spanish, French, Arabic or Russian finds the English listing."""

import pytest

from verdex.search.engine import search
from verdex.search.query import HYBRID, SEMANTIC, SearchQuery

pytestmark = pytest.mark.django_db

QUERIES = {
    "drip": {
        "zh": "太阳能滴灌系统",
        "es": "riego por goteo con energía solar",
        "fr": "irrigation goutte à goutte solaire",
        "ar": "ري بالتنقيط بالطاقة الشمسية",
        "ru": "капельное орошение на солнечной энергии",
    },
    "biogas": {
        "zh": "用厨余垃圾生产沼气",
        "es": "biogás a partir de residuos de cocina",
        "fr": "biogaz à partir de déchets de cuisine",
        "ar": "الغاز الحيوي من نفايات المطبخ",
        "ru": "биогаз из кухонных отходов",
    },
    "cooler": {
        "zh": "不用电保存蔬菜新鲜",
        "es": "conservar verduras frescas sin electricidad",
        "fr": "garder les légumes frais sans électricité",
        "ar": "حفظ الخضروات طازجة بدون كهرباء",
        "ru": "хранение свежих овощей без электричества",
    },
}


@pytest.mark.parametrize("mode", [SEMANTIC, HYBRID])
@pytest.mark.parametrize("language", ["zh", "es", "fr", "ar", "ru"])
@pytest.mark.parametrize("target", sorted(QUERIES))
def test_query_in_another_language_finds_the_english_listing(catalogue, mode, language, target):
    text = QUERIES[target][language]

    results = search(SearchQuery(kind="technology", text=text, mode=mode), None)

    assert results.mode_used == mode
    assert results.items[0] == catalogue[target]


def test_english_query_finds_a_listing_written_in_spanish(make_technology, committed, catalogue):
    with committed():
        spanish = make_technology(
            title="Secador solar de café",
            summary="Un secador de granos de café que funciona con energía solar para cooperativas.",
            description="<p>Reduce la leña y mejora la calidad del grano.</p>",
        )

    results = search(SearchQuery(kind="technology", text="solar coffee bean dryer", mode=SEMANTIC), None)

    assert results.items[0] == spanish
