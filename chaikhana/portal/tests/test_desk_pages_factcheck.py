"""The fact-check page: claims, verdicts, the checklist, and what still blocks "ready"."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.factcheck import add_claim
from chaikhana.portal.models import Checklist, Claim, PortalRole, Source
from chaikhana.portal.tests.factories import SectionFactory, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _url(submission, rest="factcheck/"):
    return f"/portal/submissions/{submission.pk}/{rest}"


class FactcheckPageAccessTests:
    def test_fact_checker_sees_the_claims_and_what_blocks_ready(self, client):
        submission = submission_in(State.FACT_CHECK, complete=False)
        checker = staff(PortalRole.Role.FACT_CHECKER)
        add_claim(submission=submission, by=checker, text="The bridge cost 3 million")
        log_in_verified(client, checker)
        response = client.get(_url(submission))
        html = response.content.decode()
        assert response.status_code == 200
        assert "The bridge cost 3 million" in html and "right of reply not given" in html
        assert html.count("<h1") == 1

    def test_section_editor_of_the_section_may_open_it(self, client):
        section = SectionFactory()
        submission = submission_in(State.FACT_CHECK, section=section)
        log_in_verified(client, staff(PortalRole.Role.SECTION_EDITOR, section))
        assert client.get(_url(submission)).status_code == 200

    def test_author_is_refused_with_403(self, client):
        submission = submission_in(State.FACT_CHECK)
        log_in_verified(client, submission.author)
        assert client.get(_url(submission)).status_code == 403

    def test_stranger_and_other_sections_editor_get_404(self, client):
        submission = submission_in(State.FACT_CHECK)
        for person in (UserFactory(), staff(PortalRole.Role.SECTION_EDITOR, SectionFactory())):
            log_in_verified(client, person)
            assert client.get(_url(submission)).status_code == 404

    def test_author_cannot_post_a_verdict(self, client):
        submission = submission_in(State.FACT_CHECK)
        claim = add_claim(submission=submission, by=staff("fact_checker"), text="X happened")
        log_in_verified(client, submission.author)
        response = client.post(
            _url(submission, f"claims/{claim.pk}/"), {f"claim-{claim.pk}-verdict": "verified"}
        )
        claim.refresh_from_db()
        assert response.status_code == 403 and claim.verdict == Claim.Verdict.UNVERIFIED


class ClaimFormTests:
    def test_adding_a_claim_numbers_it_and_returns_to_the_page(self, client):
        submission = submission_in(State.FACT_CHECK)
        log_in_verified(client, staff(PortalRole.Role.FACT_CHECKER))
        response = client.post(_url(submission, "claims/"), {"text": "Turnout was 40%"})
        assert response.status_code == 302 and response["Location"].endswith("#claim-1")
        assert submission.claims.get().number == 1

    def test_a_blank_claim_is_refused_next_to_the_field(self, client):
        submission = submission_in(State.FACT_CHECK)
        log_in_verified(client, staff(PortalRole.Role.FACT_CHECKER))
        response = client.post(_url(submission, "claims/"), {"text": "   "})
        assert response.status_code == 400 and not submission.claims.exists()
        assert 'class="errorlist' in response.content.decode()

    def test_a_verdict_with_evidence_and_a_source_is_saved(self, client):
        submission = submission_in(State.FACT_CHECK)
        source = Source.objects.create(submission=submission, url="https://stat.kg/a")
        checker = staff(PortalRole.Role.FACT_CHECKER)
        claim = add_claim(submission=submission, by=checker, text="Turnout was 40%")
        log_in_verified(client, checker)
        prefix = f"claim-{claim.pk}-"
        data = {
            prefix + "verdict": "verified",
            prefix + "evidence": "CEC table 3",
            prefix + "sources": [source.pk],
        }
        response = client.post(_url(submission, f"claims/{claim.pk}/"), data)
        claim.refresh_from_db()
        assert response.status_code == 302 and claim.verdict == Claim.Verdict.VERIFIED
        assert claim.evidence == "CEC table 3" and list(claim.sources.all()) == [source]
        assert claim.checked_by == checker

    def test_an_unknown_verdict_keeps_the_typed_evidence(self, client):
        submission = submission_in(State.FACT_CHECK)
        checker = staff(PortalRole.Role.FACT_CHECKER)
        claim = add_claim(submission=submission, by=checker, text="Turnout was 40%")
        log_in_verified(client, checker)
        prefix = f"claim-{claim.pk}-"
        data = {prefix + "verdict": "maybe", prefix + "evidence": "typed by hand"}
        response = client.post(_url(submission, f"claims/{claim.pk}/"), data)
        assert response.status_code == 400 and "typed by hand" in response.content.decode()
        claim.refresh_from_db()
        assert claim.evidence == ""

    def test_another_submissions_source_cannot_be_cited(self, client):
        submission, other = submission_in(State.FACT_CHECK), submission_in(State.FACT_CHECK)
        foreign = Source.objects.create(submission=other, url="https://elsewhere.example/")
        checker = staff(PortalRole.Role.FACT_CHECKER)
        claim = add_claim(submission=submission, by=checker, text="Turnout was 40%")
        log_in_verified(client, checker)
        prefix = f"claim-{claim.pk}-"
        data = {prefix + "verdict": "verified", prefix + "sources": [foreign.pk]}
        response = client.post(_url(submission, f"claims/{claim.pk}/"), data)
        assert response.status_code == 400 and not claim.sources.exists()

    def test_a_false_claim_is_shown_as_a_blocker(self, client):
        submission = submission_in(State.FACT_CHECK)
        checker = staff(PortalRole.Role.FACT_CHECKER)
        claim = add_claim(submission=submission, by=checker, text="Turnout was 90%")
        log_in_verified(client, checker)
        client.post(_url(submission, f"claims/{claim.pk}/"), {f"claim-{claim.pk}-verdict": "false"})
        assert "Claim 1 is marked false" in client.get(_url(submission)).content.decode()

    def test_query_count_does_not_grow_with_the_claims(self, client, django_assert_max_num_queries):
        submission = submission_in(State.FACT_CHECK)
        Source.objects.create(submission=submission, url="https://stat.kg/a")
        checker = staff(PortalRole.Role.FACT_CHECKER)
        log_in_verified(client, checker)
        counts = []
        for total in (1, 5):
            while submission.claims.count() < total:
                add_claim(submission=submission, by=checker, text="A claim")
            with django_assert_max_num_queries(20) as captured:
                assert client.get(_url(submission)).status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1]


class ChecklistFormTests:
    def test_ticking_items_records_who_and_clears_the_blockers(self, client):
        submission = submission_in(State.FACT_CHECK, complete=False)
        checker = staff(PortalRole.Role.FACT_CHECKER)
        log_in_verified(client, checker)
        data = dict.fromkeys(Checklist.ITEMS, "on")
        response = client.post(_url(submission, "checklist/"), data)
        checklist = Checklist.objects.get(submission=submission)
        assert response.status_code == 302 and checklist.no_hate_speech
        assert checklist.sources_verified_by == checker
        html = client.get(_url(submission)).content.decode()
        assert "Nothing: the facts are checked" in html

    def test_unticking_one_item_leaves_the_others_and_their_checker(self, client):
        submission = submission_in(State.FACT_CHECK)
        first = Checklist.objects.get(submission=submission)
        log_in_verified(client, staff(PortalRole.Role.FACT_CHECKER))
        data = dict.fromkeys(Checklist.ITEMS[1:], "on")
        client.post(_url(submission, "checklist/"), data)
        checklist = Checklist.objects.get(pk=first.pk)
        assert not checklist.sources_verified and checklist.image_rights_cleared
        html = client.get(_url(submission)).content.decode()
        assert "sources not verified" in html
