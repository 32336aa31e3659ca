"""manage.py create_organisation NAME --type sme --country KE --admin-email a@example.org [--partner] [--publishes-without-review]

Scripted set-ups (a partner about to run ``import_listings``) need an
organisation with an administrator and the staff-only flags, without the web
forms. The administrator is the account with that email, created (without a
usable password: they set one through "Forgot your password?") when missing.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from verdex.accounts.models import User
from verdex.organisations.models import Membership, Organisation
from verdex.taxonomy.models import Country


class Command(BaseCommand):
    help = "Create an organisation with an administrator (and, optionally, the partner flags)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--type", dest="org_type", required=True, choices=Organisation.Type.values)
        parser.add_argument("--country", required=True, help="Two-letter country code, e.g. KE.")
        parser.add_argument("--admin-email", required=True, help="Email of the organisation's administrator.")
        parser.add_argument("--website", default="")
        parser.add_argument("--partner", action="store_true", help="Mark it a partner organisation.")
        parser.add_argument("--publishes-without-review", action="store_true",
                            help="Its listings are published without moderation.")

    def handle(self, *args, name, org_type, country, admin_email, website, partner, publishes_without_review,
               **options):
        name = " ".join(name.split())
        found_country = Country.objects.filter(code=country.strip().upper()).first()
        if found_country is None:
            raise CommandError(f"--country: unknown country code '{country}'.")
        if Organisation.objects.filter(name__iexact=name).exists():
            raise CommandError(f"An organisation named '{name}' already exists.")
        organisation = Organisation(name=name, org_type=org_type, country=found_country, website=website,
                                    is_partner=partner, publishes_without_review=publishes_without_review)
        email = admin_email.strip()
        try:
            User._meta.get_field("email").run_validators(email)
            organisation.full_clean(exclude=["slug"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            admin = User.objects.filter(email__iexact=email).first()
            created_admin = admin is None
            if created_admin:
                admin = User.objects.create_user(email=email)  # no password given: an unusable one
            organisation.save()
            Membership.objects.create(organisation=organisation, user=admin, role=Membership.Role.ADMIN)
        self.stdout.write(
            f"Created organisation '{organisation.name}' (slug {organisation.slug}) with administrator {email}"
            + (" (new account without a password: use 'Forgot your password?')" if created_admin else "")
            + f"; partner: {'yes' if partner else 'no'}, "
              f"publishes without review: {'yes' if publishes_without_review else 'no'}."
        )
