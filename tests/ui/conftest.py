"""The ui tests run the app through AppTest like the view tests."""

from tests.views.conftest import app_env, open_view  # noqa: F401 - fixtures shared with tests/views
