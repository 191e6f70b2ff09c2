from casualty_fixtures import casualties, estimated  # noqa: F401  (fixtures: Kazakh names on two lists; an estimate)
