from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Only for Django to find the benchmark, seeding and drill commands; no models."""

    name = "newsarchive.ops"
    label = "ops"
    verbose_name = "Operations"
