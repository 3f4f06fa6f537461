"""Garbage-collector settings for the long-running processes (web server and Celery worker).

Objects loaded at start-up (Django, templates, spaCy pipelines, gazetteers) live as long
as the process, so they are frozen out of the collector's scans; and the first threshold is
raised, because rendering a long article (10,000 words, 500 spans) creates tens of thousands
of short-lived objects and the default 700 triggers full collections that add ~100 ms tails.
"""

from __future__ import annotations

import gc


def tune_for_long_running_process() -> None:
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
