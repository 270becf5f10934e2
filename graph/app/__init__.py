"""The application: the ``mechkg`` command (``cli/``), the server, the build and the compiled graph it leaves."""
