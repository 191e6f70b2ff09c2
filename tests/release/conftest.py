from release_fixtures import canaried  # noqa: F401  (fixture: three lists with canary values, two published)
