import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")

app = Celery("newsarchive")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _tune_gc(**_kwargs) -> None:
    from newsarchive.gc_tuning import tune_for_long_running_process

    tune_for_long_running_process()
