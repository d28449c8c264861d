"""An Atom feed for any claims listing: the same filters (and search words) as the page, the
claims newest published first."""

from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive.filters import ClaimFilter, first_value
from archive.listing import Links
from archive.models import Claim
from archive.ratelimit import too_many_exports
from archive.search import FoundClaims, prepare
from archive.views.listing import records_of

FEED_SIZE = 50


class PlainTextAtom1Feed(Atom1Feed):
    """An Atom feed whose summaries are plain text (type="text"): a claim is words, and a
    reader must never render what an editor typed as HTML (Django's Atom feed marks its
    summary type="html", so "<img onerror=...>" in a claim would run in a feed reader)."""

    def add_item_elements(self, handler, item) -> None:
        summary, item["description"] = item["description"], None
        super().add_item_elements(handler, item)
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


class ClaimFeed(Feed):
    feed_type = PlainTextAtom1Feed

    def __call__(self, request, *args, **kwargs) -> HttpResponse:
        refused = too_many_exports(request)  # a feed is an export: 50 claims a request
        if refused:
            return refused
        filters = self.get_object(request)
        problems = filters.problems + filters.query_problems
        if problems:
            return HttpResponseBadRequest(
                "\n".join(problems) + "\n", content_type="text/plain; charset=utf-8"
            )
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args, **kwargs) -> ClaimFilter:
        if not hasattr(request, "_claim_filters"):
            words = first_value(request.GET, "q") or ""
            prepared = prepare(words)
            parsed = prepared.parsed
            searched = not prepared.is_empty
            filters = ClaimFilter(
                request.GET,
                matches=FoundClaims(parsed) if searched else None,
                key=repr((parsed.include, parsed.exclude)) if searched else "",
            )
            filters.words = prepared.parsed.text if not prepared.is_empty else ""
            # Words that search nothing ("*") must not widen the feed to every claim.
            typed = bool(words.strip())
            filters.query_problems = prepared.parsed.notices if typed and prepared.is_empty else []
            request._claim_filters = filters
        return request._claim_filters

    def title(self, filters: ClaimFilter) -> str:
        parts = [f"{title}: {label}" for title, label, _, _ in filters.chips()]
        if filters.words:
            parts.insert(0, f"\u201c{filters.words}\u201d")
        return "Claims" + (" \u2014 " + "; ".join(parts) if parts else "") + " \u00b7 new claims"

    def link(self, filters: ClaimFilter) -> str:
        page = reverse("search") if filters.words else reverse("claim-list")
        return Links(page, filters, self.kept(filters)).current()

    def feed_url(self, filters: ClaimFilter) -> str:
        """The feed's own address (rel="self") with its filters, as Atom readers store it."""
        return Links(reverse("claim-feed"), filters, self.kept(filters)).current()

    @staticmethod
    def kept(filters: ClaimFilter) -> list[tuple[str, str]]:
        return [("q", filters.words)] if filters.words else []

    def subtitle(self, filters: ClaimFilter) -> str:
        return "Claims from bilateral meeting reports, newest published first."

    def items(self, filters: ClaimFilter):
        shown = (
            Claim.objects.for_display()
            .select_related("report")
            .annotate(last_corrected=Max("corrections__corrected_at"))
        )
        return records_of(shown, filters.ids("published", 0, FEED_SIZE))

    def item_title(self, claim: Claim) -> str:
        words = (
            claim.text if len(claim.text) <= 90 else claim.text[:87].rsplit(" ", 1)[0] + "\u2026"
        )
        reported = f", as reported by {claim.reported_by}" if claim.reported_by else ""
        return f"{claim.side_label}{reported}: \u201c{words}\u201d"

    def item_description(self, claim: Claim) -> str:
        return f"{claim.text}\n\n{claim.provenance}."

    def item_link(self, claim: Claim) -> str:
        return claim.get_absolute_url()

    def item_author_name(self, claim: Claim) -> str:
        name = claim.speaker.person.name if claim.speaker else claim.side_label
        return f"{name}, as reported by {claim.reported_by}" if claim.reported_by else name

    def item_pubdate(self, claim: Claim):
        return claim.report.published_at

    def item_updateddate(self, claim: Claim):
        """Its report's publication, or its last correction: a feed reader shows a corrected
        claim as updated."""
        dates = (claim.report.published_at, claim.last_corrected)
        return max((d for d in dates if d is not None), default=None)

    def item_categories(self, claim: Claim) -> list[str]:
        return [issue.name for issue in claim.issues.all()]
