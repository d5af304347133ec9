"""Rules found on held-out batch 7, each pinned on fictional sentences of our own."""

from __future__ import annotations


def test_a_coded_first_actor_of_remote_violence_or_an_attack_is_accused_whoever_the_target() -> None:
    # The dataset codes the one who struck first in every event type but a battle, also when
    # the target is an armed unit rather than civilians.
    from reckon.extract.accusations import find_coded_accused

    text = ("1. 02/05/2026 | Ostravia – Kelm – Dunmarsh\nEvent type: Explosions/Remote violence – Drone strike\n"
            "Actors: Unidentified military forces; Kelm Valley Front\nFatalities: 3\n\n"
            "2. 03/05/2026 | Ostravia – Kelm – Orrin\nEvent type: Violence against civilians – Attack\n"
            "Actors: Unidentified gunmen; Orrin village guards\nFatalities: 1\n\n"
            "3. 04/05/2026 | Ostravia – Kelm – Tabb\nEvent type: Battles – Armed clash\n"
            "Actors: Police Forces of Ostravia; Kelm Valley Front\nFatalities: 2\n")
    assert [a.surface for a in find_coded_accused(text)] == ["Unidentified military forces", "Unidentified gunmen"]
