from django.core.management.base import BaseCommand
from django.db import connection

from newsarchive.ops.processes import (
    database_connections,
    free_port,
    requests_on_separate_connections,
    start_web,
    stop_process,
    wait_for,
)


class Command(BaseCommand):
    help = (
        "Start the web server, send N requests each on its own TCP connection, and print how many "
        "PostgreSQL connections the server then holds. Keep N well under PostgreSQL's "
        "max_connections with --server runserver: it holds one per client."
    )

    def add_arguments(self, parser):
        parser.add_argument("--server", choices=("gunicorn", "runserver"), default="gunicorn")
        parser.add_argument("--requests", type=int, default=300)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, server, requests, workers, **options):
        database = connection.settings_dict["NAME"]
        port = free_port()
        before = database_connections(database)
        web = start_web(port, server=server, workers=workers)
        try:
            url = f"http://127.0.0.1:{port}/accounts/login/"
            with requests_on_separate_connections(url, requests) as statuses:
                held_open = database_connections(database) - before
            wait_for(lambda: False, 1)
            held_after = database_connections(database) - before
        finally:
            stop_process(web)
        bad = sum(1 for s in statuses if s >= 500)
        self.stdout.write(
            f"server={server} workers={workers if server == 'gunicorn' else '-'} requests={len(statuses)} "
            f"errors_5xx={bad} db_connections_while_clients_open={held_open} "
            f"db_connections_after_clients_closed={held_after}"
        )
