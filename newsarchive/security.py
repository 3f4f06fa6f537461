"""Request-level guards that settings alone do not give: the client address for login
limits behind a proxy, and a cap on a whole upload request's size."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponseBadRequest, JsonResponse


def client_ip(request: HttpRequest) -> str | None:
    """The address login attempts are counted against (django-axes' AXES_CLIENT_IP_CALLABLE).

    Behind a proxy (BEHIND_PROXY) the last X-Forwarded-For entry is the one our proxy
    appended; earlier entries are whatever the client claimed and are not trusted.
    """
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")


class RequestSizeLimitHandler(FileUploadHandler):
    """Refuses (400) a multipart request over UPLOAD_MAX_REQUEST_BYTES, files included.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves files out, so without this a single request
    could fill the disk with temporary files before any view sees it. The declared length
    is checked first and the bytes actually read as they come, so a false Content-Length
    does not help.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = settings.UPLOAD_MAX_REQUEST_BYTES
        self.received = 0
        if content_length > self.limit:
            raise RequestDataTooBig(f"Upload request of {content_length} bytes; the limit is {self.limit}.")
        return None

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            raise RequestDataTooBig(f"Upload request over the limit of {self.limit} bytes.")
        return raw_data

    def file_complete(self, file_size):
        return None


def nul_bytes_refused(get_response):
    """Answer 400 to a path or query string with a NUL byte: no URL or search term holds one,
    and PostgreSQL refuses it in any string (the view would answer 500)."""

    def middleware(request: HttpRequest):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            message = "The address contains a NUL byte (%00), which no page or search accepts."
            if request.path.startswith("/api/"):
                return JsonResponse({"message": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware
