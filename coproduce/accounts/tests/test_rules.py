from coproduce.accounts import rules
from coproduce.tenancy.models import Membership, Role


def test_staff_roles_need_two_factor_and_others_do_not() -> None:
    assert rules.needs_two_factor([Membership(role=Role.CARER), Membership(role=Role.COORDINATOR)])
    assert rules.needs_two_factor([Membership(role=Role.ADMIN)])
    assert not rules.needs_two_factor(
        [Membership(role=Role.CARER), Membership(role=Role.PROFESSIONAL)]
    )
    assert not rules.needs_two_factor([])


def test_safe_next_allows_only_this_site() -> None:
    assert rules.safe_next("/you/", "testserver", "/") == "/you/"
    assert (
        rules.safe_next("https://testserver/you/", "testserver", "/") == "https://testserver/you/"
    )
    assert rules.safe_next("https://evil.example/", "testserver", "/") == "/"
    assert rules.safe_next("//evil.example/", "testserver", "/") == "/"
    assert rules.safe_next(None, "testserver", "/home") == "/home"
    # Not addresses: redirect() would look them up as views' names (a 500 the fuzzer found).
    for word in ("0", "133", "{% debug %}", "pages:home", "you"):
        assert rules.safe_next(word, "testserver", "/") == "/"
