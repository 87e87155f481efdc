"""The blocklists page: staff list, add and remove blocked words and domains, audited."""

import pytest
from django.urls import reverse

from chaikhana.comments.spam.models import BlockedTerm
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.network import actions
from chaikhana.network.models import AuditEntry

pytestmark = pytest.mark.django_db

PAGE = reverse("network:blocklist")


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


def writes(term_pk=0):
    """Every POST the page makes, with input that would succeed."""
    return [
        (reverse("network:block_word"), {"word": "казино"}),
        (reverse("network:block_domain"), {"domain": "bad-pills.example"}),
        (reverse("network:unblock", args=[term_pk]), {}),
    ]


class BlocklistActionTests:
    def test_blocking_a_word_is_audited_when_staff_blocks_it(self, staff):
        term = actions.block_word(word=" Казино ", by=staff)
        entry = AuditEntry.objects.get()
        assert (entry.action, entry.actor, entry.details) == (
            "blocklist.word_added", staff, {"value": "казино"},
        )  # fmt: skip
        assert entry.target_id == str(term.pk)

    def test_blocking_a_domain_is_audited_when_staff_blocks_it(self, staff):
        actions.block_domain(domain="https://www.Bad-Pills.example/", by=staff)
        entry = AuditEntry.objects.get()
        assert (entry.action, entry.details) == (
            "blocklist.domain_added",
            {"value": "bad-pills.example"},
        )

    def test_removal_is_audited_with_what_was_removed_when_staff_unblocks(self, staff):
        term = actions.block_domain(domain="bad-pills.example", by=staff)
        actions.unblock_term(term=term, by=staff)
        assert not BlockedTerm.objects.exists()
        entry = AuditEntry.objects.newest_first().first()
        assert (entry.action, entry.details) == (
            "blocklist.domain_removed",
            {"value": "bad-pills.example"},
        )

    def test_nothing_is_audited_when_the_word_is_refused(self, staff):
        actions.block_word(word="казино", by=staff)
        with pytest.raises(ActionError, match="already blocked"):
            actions.block_word(word="КАЗИНО", by=staff)
        assert AuditEntry.objects.count() == 1


class BlocklistPageTests:
    def test_lists_words_and_domains_with_fixed_queries_when_staff_opens_it(
        self, client, staff, django_assert_num_queries
    ):
        log_in_verified(client, staff)
        for word in ("казино", "займ без отказа", "free spins"):
            actions.block_word(word=word, by=staff)
        for domain in ("bad-pills.example", "azino-win.site"):
            actions.block_domain(domain=domain, by=staff)
        # session, user, the verified device (two-factor), words, domains
        with django_assert_num_queries(5):
            response = client.get(PAGE)
        html = response.content.decode()
        assert response.status_code == 200
        assert [t.value for t in response.context["words"]] == [
            "free spins",
            "займ без отказа",
            "казино",
        ]
        assert "Remove azino-win.site" in html and "held for a moderator" in html

    def test_is_linked_from_the_dashboard_when_staff_opens_it(self, client, staff):
        log_in_verified(client, staff)
        assert f'href="{PAGE}"' in client.get(reverse("network:dashboard")).content.decode()

    def test_adds_a_word_and_audits_it_when_staff_posts(self, client, staff):
        log_in_verified(client, staff)
        response = client.post(reverse("network:block_word"), {"word": "  Казино "}, follow=True)
        assert "“казино” is blocked." in response.content.decode()
        assert list(BlockedTerm.objects.words().values_list("value", flat=True)) == ["казино"]
        assert AuditEntry.objects.get().actor == staff

    def test_adds_a_domain_when_staff_posts(self, client, staff):
        log_in_verified(client, staff)
        response = client.post(reverse("network:block_domain"), {"domain": "www.Bad-Pills.example"})
        assert response.status_code == 302
        assert BlockedTerm.objects.domains().get().value == "bad-pills.example"
        assert AuditEntry.objects.get().action == "blocklist.domain_added"

    def test_removes_a_term_and_audits_it_when_staff_posts(self, client, staff):
        term = actions.block_word(word="казино", by=staff)
        log_in_verified(client, staff)
        response = client.post(reverse("network:unblock", args=[term.pk]), follow=True)
        assert "“казино” is no longer blocked." in response.content.decode()
        assert not BlockedTerm.objects.exists()
        assert AuditEntry.objects.filter(action="blocklist.word_removed").exists()

    def test_removing_is_404_when_the_term_is_gone_already(self, client, staff):
        log_in_verified(client, staff)
        assert client.post(reverse("network:unblock", args=[999])).status_code == 404

    @pytest.mark.parametrize(
        ("url", "field", "typed", "error"),
        [
            ("network:block_word", "word", "", "Type the word or phrase to block."),
            ("network:block_word", "word", " x ", "at least two letters"),
            ("network:block_domain", "domain", "", "Type the domain to block"),
            ("network:block_domain", "domain", "localhost", "such as example.com"),
            ("network:block_domain", "domain", "bad pills.example", "such as example.com"),
        ],
    )
    def test_explains_and_keeps_the_input_when_it_is_refused(
        self, client, staff, url, field, typed, error
    ):
        log_in_verified(client, staff)
        response = client.post(reverse(url), {field: typed})
        assert response.status_code == 400
        assert error in " ".join(response.context[f"{field}_form"].errors[field])
        assert f'value="{typed}"' in response.content.decode() or not typed
        assert not BlockedTerm.objects.exists() and not AuditEntry.objects.exists()

    def test_explains_when_the_word_is_blocked_already(self, client, staff):
        actions.block_word(word="казино", by=staff)
        log_in_verified(client, staff)
        response = client.post(reverse("network:block_word"), {"word": "КАЗИНО"})
        assert response.status_code == 400
        assert response.context["word_form"].errors["word"] == ["This word is already blocked."]
        assert 'value="КАЗИНО"' in response.content.decode()
        assert BlockedTerm.objects.count() == AuditEntry.objects.count() == 1

    def test_explains_when_the_domain_is_blocked_already(self, client, staff):
        actions.block_domain(domain="bad-pills.example", by=staff)
        log_in_verified(client, staff)
        response = client.post(reverse("network:block_domain"), {"domain": "bad-pills.example"})
        assert response.context["domain_form"].errors["domain"] == [
            "This domain is already blocked."
        ]


class BlocklistAccessTests:
    def test_refuses_when_signed_in_without_staff(self, client, user, staff):
        term = actions.block_word(word="казино", by=staff)
        client.force_login(user)
        assert client.get(PAGE).status_code == 403
        for url, data in writes(term.pk):
            assert client.post(url, data).status_code == 403, url
        assert BlockedTerm.objects.count() == AuditEntry.objects.count() == 1

    def test_sends_to_login_when_anonymous(self, client, staff):
        term = actions.block_word(word="казино", by=staff)
        for url, data in [(PAGE, None), *writes(term.pk)]:
            response = client.post(url, data) if data is not None else client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert BlockedTerm.objects.count() == 1

    def test_sends_staff_to_enrol_when_without_a_second_factor(self, client, staff):
        client.force_login(staff)
        response = client.post(reverse("network:block_word"), {"word": "казино"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:twofactor"))
        assert not BlockedTerm.objects.exists()

    def test_refuses_a_get_when_the_page_only_accepts_posts(self, client, staff):
        log_in_verified(client, staff)
        for url, _data in writes():
            assert client.get(url).status_code == 405, url
