"""Load the demo dataset; `make run` calls this on every start."""

import time

from django.core.management.base import BaseCommand

from verdex.demo import services


class Command(BaseCommand):
    help = (
        "Load the Verdex demo dataset (organisations, people, technologies, needs, experts, "
        "connections). Does nothing if it is already loaded; --reset replaces it. Demo logins: "
        f"{services.DEMO_EMAIL}, {services.MODERATOR_EMAIL} and {services.ADMIN_EMAIL}, "
        f"password “{services.DEMO_PASSWORD}”."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true",
                            help="Delete the demo rows first, then load them again.")

    def handle(self, *args, reset=False, verbosity=1, **options):
        started = time.monotonic()
        say = self.stdout.write if verbosity > 0 else (lambda *args, **kwargs: None)
        if reset:
            services.remove_demo()
            say("Removed the previous demo data.")
        elif services.demo_is_loaded():
            say("Demo data is already loaded; use --reset to reload it.")
            return
        counts = services.load_demo(show_progress=verbosity > 0)
        summary = ", ".join(f"{number} {name}" for name, number in counts.items())
        say(self.style.SUCCESS(f"Loaded demo data in {time.monotonic() - started:.1f} s: {summary}."))
        say(
            f"Log in as {services.DEMO_EMAIL}, {services.MODERATOR_EMAIL} or "
            f"{services.ADMIN_EMAIL} with the password “{services.DEMO_PASSWORD}”."
        )
