"""
A database backend for development and tests: PostgreSQL embedded in the project.

When DATABASE_URL is unset, settings.py selects this backend. It is Django's own
PostgreSQL backend, except that on the first connection it starts a private
PostgreSQL server (from the PyPI package ``pgserver``) whose data lives in a folder of
the project's (``.pgdata/``), creates the database if it is missing, and connects
through the server's Unix socket. The server is shared by every process of the
project and stops when the last of them exits.
"""
