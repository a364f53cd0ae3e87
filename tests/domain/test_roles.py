"""Who sees which view and who may do what: the one list of views and roles."""

from __future__ import annotations

import pytest

from domain.roles import MEETING_VIEWS, VIEWS, Actor, Forbidden, ensure, open_mode_allowed, operator

BOARD_VIEWS = tuple(v.path for v in MEETING_VIEWS)
EVERY_VIEW = tuple(v.path for v in VIEWS)


@pytest.mark.parametrize(
    ("role", "views"),
    [
        ("viewer", (*BOARD_VIEWS, "presentation", "moten", "data")),
        ("auditor", (*BOARD_VIEWS, "presentation", "moten", "data", "logg")),
        ("controller", (*BOARD_VIEWS, "presentation", "moten", "data", "import", "utforska", "lankar")),
        ("admin", tuple(v for v in EVERY_VIEW if v != "jamforelse")),
    ],
)
def test_every_role_sees_exactly_its_views(role, views):
    actor = Actor(id="x", name="x", role=role, kind="local")
    assert {v for v in EVERY_VIEW if actor.sees(v)} == set(views)


def test_the_comparison_is_for_a_role_in_several_organisations_and_never_for_a_link():
    one = Actor(id="x", name="x", role="viewer", kind="local", roles=(("burlov", "viewer"),))
    two = Actor(id="x", name="x", role="viewer", kind="local", roles=(("burlov", "viewer"), ("standard", "auditor")))
    link = Actor(id="länk 1", name="l", role="link", kind="link", roles=(("burlov", "link"), ("standard", "link")))
    assert not one.sees("jamforelse") and two.sees("jamforelse") and not link.sees("jamforelse")
    assert two.in_organisation("standard").role == "auditor" and two.in_organisation("burlov").role == "viewer"
    with pytest.raises(Forbidden):
        one.in_organisation("standard")


def test_a_link_sees_its_board_views_and_never_imports():
    everything = Actor(id="länk 1", name="l", role="link", kind="link", link_id=1)
    assert {v for v in EVERY_VIEW if everything.sees(v)} == {*BOARD_VIEWS, "presentation"}
    limited = Actor(id="länk 2", name="l", role="link", kind="link", link_id=2, link_views=("", "status"))
    assert {v for v in EVERY_VIEW if limited.sees(v)} == {"", "status", "presentation"}  # their slides only
    data_only = Actor(id="länk 3", name="l", role="link", kind="link", link_id=3, link_views=("data",))
    assert {v for v in EVERY_VIEW if data_only.sees(v)} == {"data"}  # no board view, no slides
    for action in ("import", "undo", "manage_links", "access_log", "import_history"):
        with pytest.raises(Forbidden):
            ensure(everything, action)


def test_open_mode_only_on_loopback():
    assert open_mode_allowed("127.0.0.1") and open_mode_allowed("localhost") and open_mode_allowed("::1")
    assert not open_mode_allowed("0.0.0.0") and not open_mode_allowed("") and not open_mode_allowed(None)
    assert not open_mode_allowed("10.0.0.5")


def test_the_command_line_operator_may_import_and_undo():
    assert operator("anna (kommandorad)").may("import") and operator("x").may("undo")
