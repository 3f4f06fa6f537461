from django.apps import AppConfig


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = "Annotations"

    def ready(self) -> None:
        # Registers the extraction task under its name: articles sends it by that name (it
        # imports nothing from annotations), and in eager mode Celery runs it only if registered.
        from annotations import tasks  # noqa: F401
