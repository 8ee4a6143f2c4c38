from django.db.backends.postgresql import client

from dailybeat.postgresql import base

from . import server


def _prepare(settings_dict):
    """Start the server and point the connection settings at its socket."""
    running = server.start(settings_dict["DATA_DIR"])
    settings_dict.update(
        HOST=running.socket_dir, PORT=str(running.port), USER=running.user, PASSWORD=""
    )
    return running


class DatabaseClient(client.DatabaseClient):
    def runshell(self, parameters):
        _prepare(self.connection.settings_dict)
        super().runshell(parameters)


class DatabaseWrapper(base.DatabaseWrapper):
    client_class = DatabaseClient
    # Databases known to exist, so that only a process's first connection checks.
    _existing_databases = set()

    def get_connection_params(self):
        running = _prepare(self.settings_dict)
        # NAME is None when Django connects to the "postgres" database, as the test
        # runner does to create the test database.
        name = self.settings_dict["NAME"]
        if name and name not in self._existing_databases:
            server.ensure_database(running, name)
            self._existing_databases.add(name)
        return super().get_connection_params()
