"""loaddata commits, then every loaded claim's search text is complete."""

import pytest
from django.core.management import call_command

from archive.models import Claim

pytestmark = pytest.mark.django_db(transaction=True)


def test_loaddata_fills_the_search_text_once_the_load_commits():
    call_command("loaddata", "anchorage-2021", verbosity=0)
    lie = Claim.objects.get(text__contains="biggest lie")
    assert "Xinjiang" in lie.search_issues and "Human rights" in lie.search_issues
    assert "China" in lie.search_context
    assert not Claim.objects.filter(search_context="").exists()
