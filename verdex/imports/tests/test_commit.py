"""Writing: good rows saved with their source, audit and index; bad rows never half-written."""

from verdex.catalog.models import Source, Status, Technology
from verdex.imports import services
from verdex.imports.models import ImportJob
from verdex.imports.parsing import read_table
from verdex.imports.processing import Importer
from verdex.moderation.models import AuditEntry

from .conftest import errors_of, technology_row


def test_good_rows_are_written_and_bad_rows_are_not(importer, write_csv, organisation, org_admin):
    path = write_csv([technology_row(1), technology_row(2, developed_in="Narnia"), technology_row(3)])

    job = importer(path)

    assert job.status == ImportJob.Status.DONE
    assert (job.created, job.rejected) == (2, 1)
    technologies = Technology.objects.order_by("external_id")
    assert [t.external_id for t in technologies] == [f"{organisation.pk}:T-1", f"{organisation.pk}:T-3"]
    first = technologies[0]
    assert first.source == Source.PARTNER
    assert first.owner == org_admin and first.organisation == organisation
    assert first.status == Status.SUBMITTED  # the organisation does not publish without review
    assert first.trl_group == "demonstration"
    assert first.description == "<p>Farmers feed manure daily.</p>\n\n<p>The gas runs a two-ring stove.</p>"
    assert sorted(first.available_in.values_list("code", flat=True)) == ["KE", "TZ", "UG"]
    assert sorted(first.fields.values_list("code", flat=True)) == ["GI-AEP-BIO", "Y02E50"]
    assert sorted(first.sdgs.values_list("number", flat=True)) == [7, 13]
    audit = AuditEntry.objects.filter(object_id=first.pk, action="import").get()
    assert (audit.actor, audit.to_status, audit.reason) == (org_admin, Status.SUBMITTED, f"Import #{job.pk}, row 2")
    assert job.report[0]["pk"] == first.pk


def test_trusted_organisation_publishes_directly_and_listings_are_searchable(
    importer, write_csv, organisation
):
    organisation.publishes_without_review = True
    organisation.save()

    importer(write_csv([technology_row(1, title="Hydraulic ram pump for hill villages")]))

    technology = Technology.objects.get()
    assert technology.status == Status.PUBLISHED and technology.published_at is not None
    assert [hit.pk for hit in Technology.objects.search("hydraulic ram")] == [technology.pk]


def test_reimporting_the_same_file_updates_instead_of_duplicating(importer, write_csv):
    path = write_csv([technology_row(1), technology_row(2)])
    importer(path)
    first_pks = set(Technology.objects.values_list("pk", flat=True))

    again = importer(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

    changed = write_csv([technology_row(1, trl="9", available_in="KE"), technology_row(2)], name="v2.csv")
    third = importer(changed)

    assert (third.created, third.updated, third.unchanged) == (0, 1, 1)
    assert set(Technology.objects.values_list("pk", flat=True)) == first_pks
    updated = Technology.objects.get(external_id__endswith=":T-1")
    assert (updated.trl, updated.trl_group) == (9, "commercial")
    assert list(updated.available_in.values_list("code", flat=True)) == ["KE"]
    assert AuditEntry.objects.filter(object_id=updated.pk, action="import-update").count() == 1


def test_unmapped_columns_keep_their_values_on_update(importer, write_csv):
    importer(write_csv([technology_row(1)]))
    header = ["external_id", "title", "summary", "description", "trl", "developed_in", "ip_status"]
    narrow = write_csv([technology_row(1, title="Biogas digester, second edition")], name="narrow.csv",
                       header=header)

    job = importer(narrow)

    assert job.updated == 1
    technology = Technology.objects.get()
    assert technology.title == "Biogas digester, second edition"
    assert technology.website == "https://example.org/digester"
    assert technology.available_in.count() == 3


def test_same_external_id_of_another_organisation_is_a_separate_record(
    importer, write_csv, make_user, organisation
):
    from verdex.organisations.models import Membership, Organisation

    other = Organisation.objects.create(name="Other Partner", org_type="ngo", country_id="TZ")
    other_admin = make_user()
    Membership.objects.create(organisation=other, user=other_admin, role=Membership.Role.ADMIN)
    path = write_csv([technology_row(1)])
    importer(path)

    from django.core.files import File

    with open(path, "rb") as handle:
        job = services.create_job(organisation=other, user=other_admin, kind="technology", file_format="csv",
                                  uploaded_file=File(handle, name="same.csv"))
    services.save_mapping(job=job, user=other_admin, mapping=job.mapping, enqueue=False)
    services.import_job(job)

    assert job.created == 1
    assert Technology.objects.count() == 2


def test_a_batch_the_database_refuses_loses_only_its_bad_row(write_csv, organisation, org_admin):
    """Another process creates T-2 between the check and the write: only that row fails."""
    rows = [technology_row(n) for n in range(1, 6)]
    table = read_table(write_csv(rows), "csv")
    importer = Importer(organisation=organisation, user=org_admin, kind="technology", file_format="csv",
                        mapping={name: name for name in rows[0]}, batch_size=2)
    batches = [importer.check_batch(list(table.rows())[start:start + 2]) for start in (0, 2, 4)]
    racer = batches[0][1].form.instance.__class__.objects.create(
        title="Created meanwhile", summary="x", description="<p>x</p>", trl=5, developed_in_id="KE",
        ip_status="open", owner=org_admin, source=Source.PARTNER, external_id=f"{organisation.pk}:T-2",
    )

    for batch in batches:
        importer.write_batch(batch)

    outcomes = [outcome for batch in batches for outcome in batch]
    assert [o.action for o in outcomes] == ["create", "reject", "create", "create", "create"]
    assert outcomes[1].errors[0].startswith("row 3: the database refused the row")
    saved = set(Technology.objects.exclude(pk=racer.pk).values_list("external_id", flat=True))
    assert saved == {f"{organisation.pk}:T-{n}" for n in (1, 3, 4, 5)}
    # The refused row left nothing behind: no audit entry, no relations.
    assert AuditEntry.objects.filter(action="import").count() == 4
    assert racer.available_in.count() == 0


def test_rows_with_errors_write_nothing_at_all(importer, write_csv):
    job = importer(write_csv([technology_row(1, developed_in="Narnia", fields="Y02E50")]))

    assert job.rejected == 1 and errors_of(job)
    assert not Technology.objects.exists()
    assert not AuditEntry.objects.exists()


def test_import_fails_cleanly_when_the_user_is_no_longer_admin(importer, write_csv, org_admin, organisation):
    from verdex.organisations.models import Membership

    job = importer(write_csv([technology_row(1)]), commit=False)
    Membership.objects.filter(user=org_admin, organisation=organisation).update(role=Membership.Role.MEMBER)

    services.import_job(job)

    assert job.status == ImportJob.Status.FAILED
    assert "Only administrators" in job.error
    assert not Technology.objects.exists()
