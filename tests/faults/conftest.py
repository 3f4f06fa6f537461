"""Fault tests use real processes: a private Redis, Celery workers, the test database."""

from __future__ import annotations

import pytest

from newsarchive.celery import app
from newsarchive.processes import PrivateRedis, use_broker


@pytest.fixture
def private_redis(tmp_path):
    redis = PrivateRedis(tmp_path)
    old = app.conf.broker_url
    yield redis
    redis.stop()
    use_broker(old)
