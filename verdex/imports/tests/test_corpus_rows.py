"""Real corpora import as they are: long and very short titles, over-long summaries cut with a warning."""

from verdex.catalog.models import Technology

from .conftest import errors_of, technology_row


def test_titles_up_to_300_characters_import_and_longer_ones_are_rejected(importer, write_csv):
    long_title = ("Method and apparatus for the continuous thermochemical conversion of agricultural "
                  "residues into biochar ") * 3
    path = write_csv([technology_row(1, title=long_title[:300]), technology_row(2, title=long_title[:301])])

    job = importer(path)

    assert [entry["action"] for entry in job.report] == ["create", "reject"]
    assert Technology.objects.get(external_id__endswith=":T-1").title == long_title[:300].strip()
    assert any(error.startswith("row 3, title: Ensure this value has at most 300 characters")
               for error in errors_of(job))


def test_real_short_titles_are_accepted_and_an_empty_one_is_not(importer, write_csv):
    path = write_csv([technology_row(1, title="Rice"), technology_row(2, title="Tin"),
                      technology_row(3, title="   ")])

    job = importer(path)

    assert [entry["action"] for entry in job.report] == ["create", "create", "reject"]
    assert set(Technology.objects.values_list("title", flat=True)) == {"Rice", "Tin"}
    assert "row 4, title: This field is required." in errors_of(job)


def test_an_over_long_summary_is_cut_at_a_word_boundary_with_a_warning(importer, write_csv):
    words = "Solar dryers keep harvested mangoes from rotting in humid coastal villages".split()
    summary = " ".join(words[i % len(words)] for i in range(260))  # about 1,600 characters
    path = write_csv([technology_row(1, summary=summary), technology_row(2)])

    dry_run = importer(path, commit=False)

    first, second = dry_run.report
    assert first["action"] == "create" and "errors" not in first
    assert len(first["warnings"]) == 1
    assert first["warnings"][0].startswith(f"row 2, summary: {len(summary):,} characters, cut to ")
    assert "warnings" not in second
    assert not Technology.objects.exists()

    importer(path)

    stored = Technology.objects.get(external_id__endswith=":T-1").summary
    assert len(stored) <= 1000 and stored.endswith("…")
    kept = stored.removesuffix("…")
    assert summary.startswith(kept) and summary[len(kept)] == " "  # ends where a word ended
    assert len(kept) > 900
