"""The dry run: every row checked with the catalog forms, nothing written."""

from verdex.catalog.models import Source, Technology
from verdex.imports.models import ImportJob

from .conftest import errors_of, technology_row


def test_good_rows_would_be_created_and_nothing_is_written(importer, write_csv):
    path = write_csv([technology_row(1), technology_row(2)])

    job = importer(path, commit=False)

    assert job.status == ImportJob.Status.DRY_RUN_DONE
    assert (job.total, job.processed, job.created, job.rejected) == (2, 2, 2, 0)
    assert [entry["action"] for entry in job.report] == ["create", "create"]
    assert [entry["row"] for entry in job.report] == [2, 3]
    assert not Technology.objects.exists()


def test_bad_rows_are_rejected_with_row_and_field(importer, write_csv):
    path = write_csv([
        technology_row(1),
        technology_row(2, developed_in="Narnia"),
        technology_row(3, trl="ten"),
        technology_row(4, title=""),
        technology_row(5, ip_status="Patented", patent_numbers=""),
        technology_row(6, fields="Y02E50; NOT-A-FIELD"),
        technology_row(7, external_id=""),
        technology_row(8, website="not a url at all"),
        technology_row(9, available_in="KE; Atlantis"),
    ])

    job = importer(path, commit=False)
    errors = errors_of(job)

    assert job.created == 1 and job.rejected == 8
    assert "row 3, developed_in: unknown country 'Narnia'" in errors
    assert any(e.startswith("row 4, trl: Select a valid choice.") for e in errors)
    assert "row 5, title: This field is required." in errors
    assert any(e.startswith("row 6, patent_numbers: Give the patent") for e in errors)
    assert "row 7, fields: unknown technology field 'NOT-A-FIELD'" in errors
    assert "row 8, external_id: this field is required" in errors
    assert any(e.startswith("row 9, website:") for e in errors)
    assert "row 10, available_in: unknown country 'Atlantis'" in errors
    # A converter problem is reported once, not again as "required" by the form.
    assert not any(e.startswith("row 3, developed_in: This field") for e in errors)


def test_same_id_twice_in_a_file_rejects_the_second(importer, write_csv):
    path = write_csv([technology_row(1), technology_row(1, title="Another digester entirely")])

    job = importer(path, commit=False)

    assert [entry["action"] for entry in job.report] == ["create", "reject"]
    assert "row 3, external_id: 'T-1' appears more than once in the file (first in row 2)" in errors_of(job)


def test_existing_record_would_be_updated(importer, write_csv):
    importer(write_csv([technology_row(1)]))
    changed = write_csv([technology_row(1, summary="A larger digester for cooperatives of ten farms.")],
                        name="changed.csv")

    job = importer(changed, commit=False)

    assert job.report[0]["action"] == "update"
    assert Technology.objects.get().summary.startswith("A compact")


def test_near_identical_listing_of_another_source_is_flagged_not_blocked(importer, write_csv, make_technology):
    existing = make_technology(
        title="Biogas digester model 1 for dairy farms",
        summary="A compact anaerobic digester number 1 that turns manure into cooking gas and fertiliser.",
    )
    path = write_csv([technology_row(1), technology_row(2, title="Solar dryer for mangoes",
                                                        summary="Dries fruit with sunlight in a tunnel.")])

    job = importer(path, commit=False)

    assert job.report[0]["action"] == "create"
    assert job.report[0]["duplicate"] == {"pk": existing.pk, "title": existing.title}
    assert "duplicate" not in job.report[1]
    assert job.duplicates == 1
    assert existing.source == Source.USER


def test_missing_required_column_is_a_mapping_error(importer, write_csv, organisation, org_admin):
    import pytest
    from django.core.exceptions import ValidationError

    path = write_csv([technology_row(1)], header=["external_id", "title", "summary"])

    with pytest.raises(ValidationError) as error:
        importer(path, commit=False)

    assert "description: choose the column for description; it is required." in error.value.messages


def test_a_row_copying_an_earlier_row_of_the_same_file_is_flagged(importer, write_csv):
    first = technology_row(1, title="Solar cold room for markets", summary="Keeps produce at four degrees with solar power.",
                           description="A thermal battery of frozen brine carries the cooling through the night. "
                                       "Traders rent crates by the day from a phone.")
    unrelated = technology_row(2, title="Solar dryer for mangoes", summary="Dries fruit with sunlight in a tunnel.",
                               description="Stainless trays slide on rails while a fan moves warm air over the fruit.")
    truncated_copy = technology_row(3, title=first["title"], summary=first["summary"],
                                    description="A thermal battery of frozen brine carries the cooling")

    job = importer(write_csv([first, unrelated, truncated_copy]), commit=False)

    assert "duplicate" not in job.report[0] and "duplicate" not in job.report[1]
    assert job.report[2]["duplicate"] == {"row": job.report[0]["row"], "title": first["title"]}
    assert job.duplicates == 1



def test_a_translated_copy_of_a_published_listing_is_flagged(importer, write_csv, make_technology):
    from verdex.search.services import embed_listing

    original = make_technology(
        title="Solar cold room for vegetable markets",
        summary="Keeps fruit and vegetables at four degrees using only solar panels.",
        description="<p>A thermal battery of frozen salt water carries the cooling through the night.</p>",
    )
    embed_listing(model=Technology, pk=original.pk)
    translated = technology_row(
        1, title="Chambre froide solaire pour marchés de légumes",
        summary="Conserve fruits et légumes à quatre degrés grâce aux seuls panneaux solaires.",
        description="Une batterie thermique d'eau salée congelée assure le froid pendant la nuit.",
    )

    job = importer(write_csv([translated]), commit=False)

    assert job.report[0]["duplicate"] == {"pk": original.pk, "title": original.title}
