"""The JSON API (django-ninja) over articles, quotes and persons."""
