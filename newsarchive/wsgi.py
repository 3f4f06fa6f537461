import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")

application = get_wsgi_application()

from newsarchive.gc_tuning import tune_for_long_running_process  # noqa: E402

tune_for_long_running_process()
