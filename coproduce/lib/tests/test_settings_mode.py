from django.conf import settings


def test_the_suite_runs_in_test_mode_with_fast_hashing_and_immediate_tasks() -> None:
    assert settings.MODE == "test"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
