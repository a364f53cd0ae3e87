"""AppTest: the incidents view tells which reporting deadlines were met, on the example data."""

from __future__ import annotations

from tests.views.conftest import page_text


def test_the_missed_72_hour_notification_is_named_with_the_share_on_time(open_view):
    text = page_text(open_view("views/incidents.py"))
    assert "Rapporterat i tid 2025: 83\u00a0% (5 av 6), mål 100\u00a0%." in text
    assert "Missade: incidentanmälan KRIT-2025-04 (26 h efter fristen)." in text
