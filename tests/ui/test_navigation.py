"""Presentation mode steps through the board views in meeting order, skipping those a link may not see."""

from __future__ import annotations

from domain.roles import Actor
from ui.navigation import neighbours


def test_the_first_and_last_board_views_have_one_neighbour_each():
    admin = Actor(id="a", name="a", role="admin", kind="local")
    assert neighbours("situation", admin)[0] is None and neighbours("situation", admin)[1].name == "status"
    assert neighbours("self_assessments", admin)[1] is None


def test_a_link_limited_to_two_views_steps_between_those_two():
    link = Actor(id="länk 1", name="l", role="link", kind="link", link_id=1, link_views=("", "incidenter"))
    assert neighbours("situation", link)[1].name == "incidents"
    assert neighbours("incidents", link) == (
        neighbours("situation", link)[1] and neighbours("incidents", link)[0],
        None,
    )
