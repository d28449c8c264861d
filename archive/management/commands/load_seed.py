import io

from django.core.management import call_command
from django.core.management.base import BaseCommand

from archive.models import Report

SEED_FIXTURES = ["anchorage-2021"]


class Command(BaseCommand):
    help = "Load the curated seed archive, unless the archive already holds reports."

    def handle(self, *args, **options):
        if Report.objects.exists():
            self.stdout.write("The archive already holds reports; the seed was not loaded.")
            return
        call_command("loaddata", *SEED_FIXTURES, verbosity=0)
        # loaddata writes no history: without a first entry, an editor's first change could
        # not be compared with, or reverted to, the seed as curated.
        # Quiet: it reports the records whose history loaddata's saves already began.
        call_command("populate_history", auto=True, stdout=io.StringIO(), stderr=io.StringIO())
        self.stdout.write(
            self.style.SUCCESS(f"Loaded the seed archive: {Report.objects.count()} report(s).")
        )
