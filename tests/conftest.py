"""Shared fixtures: named users for every role, and the countries table."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import Group

PASSWORD = "correct-horse-battery-9"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Users made by tests get a cheap hash: PBKDF2's million rounds cost about 0.3 s per
    user and most tests make several. Production keeps Django's default hashers (a
    server started in a subprocess never sees this), and PBKDF2 stays listed so a hash
    made by one still checks."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A test database of this run's own: several runs may share one PostgreSQL server."""
    from django.conf import settings

    test = settings.DATABASES["default"].setdefault("TEST", {})
    test["NAME"] = os.environ.get("TEST_DATABASE_NAME") or f"test_newsarchive_{os.getpid()}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_countries", verbosity=0)


@pytest.fixture
def countries(db):
    """The Country table, loaded again if a transactional test flushed it."""
    from django.core.management import call_command

    from annotations.models import Country

    if not Country.objects.exists():
        call_command("load_countries", verbosity=0)


def _make_user(django_user_model, username: str, role: str | None, **extra):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    if role:
        # get_or_create: transactional tests flush the groups the roles migration made.
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture
def admin_user(db, django_user_model):
    return _make_user(django_user_model, "ada-admin", "admin", is_staff=True)


@pytest.fixture
def analyst(db, django_user_model):
    return _make_user(django_user_model, "ann-analyst", "analyst")


@pytest.fixture
def viewer(db, django_user_model):
    return _make_user(django_user_model, "vic-viewer", "viewer")


@pytest.fixture
def stranger(db, django_user_model):
    """Logged in, but holds no role."""
    return _make_user(django_user_model, "sam-stranger", None)


@pytest.fixture
def client_as(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def private_redis(tmp_path):
    """A Redis of the test's own (not started yet): stopping it disturbs nobody else."""
    from newsarchive.celery import app
    from newsarchive.ops.processes import PrivateRedis, use_broker

    redis = PrivateRedis(tmp_path)
    previous = app.conf.broker_url
    yield redis
    redis.stop()
    use_broker(previous)
