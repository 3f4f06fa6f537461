import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")

application = get_asgi_application()

from newsarchive.gc_tuning import tune_for_long_running_process  # noqa: E402

tune_for_long_running_process()
