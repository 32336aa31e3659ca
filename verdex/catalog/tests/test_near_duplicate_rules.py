"""The copy rules: truncated, reordered, edited and translated copies are copies; siblings are not."""

import pytest

from verdex.catalog.near_duplicates import Embeddings, ListingText, copy_reason
from verdex.search.embeddings import get_embedder

TITLE = "Solar-powered cold room for smallholder farmers"
BODY = (
    "The cold room keeps fruit and vegetables at four degrees using only solar panels. "
    "A thermal battery of frozen salt water carries the cooling through the night. "
    "Farmers rent crates by the day through a mobile phone app. "
    "Spoilage after harvest fell from forty to under ten percent in the pilot markets."
)
ABOUT = (
    "About Frio Solar. We are a social enterprise founded in Lagos in 2015. "
    "Our engineers design, install and maintain off-grid cooling across West Africa. "
    "We work with cooperatives, markets and development partners in six countries."
)


@pytest.fixture(scope="module")
def embeddings():
    return Embeddings(get_embedder())


def text(title, body, key="b"):
    return ListingText(key=key, title=title, body=body)


ORIGINAL = text(TITLE, BODY, key="a")


def test_a_truncated_copy_is_a_copy_with_or_without_vectors(embeddings):
    words = BODY.split()
    truncated = text(TITLE, " ".join(words[: len(words) * 3 // 5]))
    assert copy_reason(ORIGINAL, truncated) is not None
    assert copy_reason(ORIGINAL, truncated, embeddings) is not None


def test_a_reordered_copy_is_the_same_text():
    sentences = BODY.split(". ")
    reordered = text(TITLE, ". ".join(reversed(sentences)))
    assert copy_reason(ORIGINAL, reordered) == "same text"


def test_an_edited_copy_is_found_by_its_wording():
    edited = text(TITLE, BODY.replace(" only", "").replace("mobile phone ", "").replace("pilot ", ""))
    assert copy_reason(ORIGINAL, edited) == "same wording"


def test_a_translated_copy_is_found_by_meaning_only(embeddings):
    translated = text(
        "Chambre froide solaire pour petits exploitants agricoles",
        "La chambre froide conserve les fruits et légumes à quatre degrés grâce aux seuls panneaux solaires. "
        "Une batterie thermique d'eau salée congelée assure le froid pendant la nuit. "
        "Les agriculteurs louent des caisses à la journée via une application mobile. "
        "Les pertes après récolte sont passées de quarante à moins de dix pour cent sur les marchés pilotes.",
    )
    assert copy_reason(ORIGINAL, translated) is None  # no shared words: wording alone cannot tell
    assert copy_reason(ORIGINAL, translated, embeddings) == "same meaning"


def test_two_products_sharing_a_company_paragraph_are_not_copies(embeddings):
    cold_room = text("Frio Solar cold room", f"{BODY} {ABOUT}", key="a")
    dryer = text(
        "Frio Solar fruit dryer",
        "A tunnel dryer heated by the sun turns surplus mangoes into dried fruit for export. "
        "Trays of stainless steel slide on rails and a small fan moves the warm air. "
        f"One tunnel dries half a tonne of fresh fruit in two days. {ABOUT}",
    )
    assert copy_reason(cold_room, dryer, embeddings) is None
    # Even under one generic title, the texts of their own decide.
    assert copy_reason(text("Frio Solar technology", cold_room.body, key="a"),
                       text("Frio Solar technology", dryer.body), embeddings) is None


def test_different_listings_on_one_topic_are_not_copies(embeddings):
    other = text(
        "Evaporative clay cooler for vegetable markets",
        "Two nested clay pots with wet sand between them keep tomatoes fresh for a week. "
        "No electricity is needed and traders build the coolers themselves from local materials.",
    )
    assert copy_reason(ORIGINAL, other, embeddings) is None


def test_variants_under_one_heading_are_not_copies():
    # Classification entries: a long shared heading, and one word that differs.
    heading = "Wind motors: mechanisms for converting wind energy into rotation; "
    vertical = text("Wind motors with vertical rotation axis", heading + "with vertical rotation axis", key="a")
    horizontal = text("Wind motors with horizontal rotation axis", heading + "with horizontal rotation axis")
    assert copy_reason(vertical, horizontal) is None
