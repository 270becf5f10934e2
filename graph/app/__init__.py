"""App: the command line, the server and the build; the only place that wires the stages together."""
