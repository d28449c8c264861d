import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from archive import publication
from archive.models import Claim, Revision
from archive.search import indexes
from archive.search.document import refresh_claims


class Command(BaseCommand):
    help = (
        "Recover the full-text search: recreate missing index objects, recompute every "
        "claim's search text from its speaker, side, issues, report and meeting, and rebuild "
        "the engine's index."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        with transaction.atomic():
            indexes.install(connection)
            publication.install(connection)
            publication.resync(connection)
            self.stdout.write(
                f"Checked the search index objects and publication triggers on "
                f"{connection.vendor}; recomputed which claims are public."
            )
            total = Claim.objects.count()
            changed = refresh_claims(Claim.objects.all())
            self.stdout.write(
                f"Recomputed the search text of {total} claims; {changed} had changed."
            )
            for line in indexes.rebuild(connection):
                self.stdout.write(line[0].upper() + line[1:] + ".")
            Revision.bump()  # no table named: every process reads its facet tables again
            self.stdout.write("Every process will read its facet tables again.")
        self.stdout.write(
            self.style.SUCCESS(f"Search index rebuilt in {time.monotonic() - started:.1f} s.")
        )
