"""Reports dated only by their document's publication day (fiction).

An extractor that reads a wire dateline, a "today" in a later statement or "three years
ago today" gives the writing day as the event's. Such a date says "on or before"; the
resolver lets it meet an earlier event at its place through a restated figure, and keeps
two attacks on one place apart when nothing but the place and the wording ties them.
"""

from __future__ import annotations

from reckon.model import IncidentReport
from reckon.resolve.cluster import cluster_reports, summarize_date
from reckon.resolve.matching import is_publication_day

from ._builders import accuse, count, findings, make_document, report


def _together(incidents, *document_ids: str) -> bool:
    return any(set(document_ids) <= set(i.document_ids) for i in incidents)


def test_is_publication_day_only_for_the_same_exact_day() -> None:
    assert is_publication_day("2031-09-08", "2031-09-08")
    assert not is_publication_day("2031-09-07", "2031-09-08")
    assert not is_publication_day("2031-09", "2031-09-08")
    assert not is_publication_day("2031-09-08", None)
    assert not is_publication_day(None, "2031-09-08")


def test_statement_a_week_later_dated_today_joins_the_siege() -> None:
    # Day 1: the siege of a school, dated by an encyclopedia page. A week later a rights
    # group "today" condemns it, restating the toll as "at least 212"; an undated wire
    # story gives 212 dead at the school and the encyclopedia's 1,100 hostages.
    encyclopedia = make_document(key="encyclopedia")
    wire = make_document(key="wire")
    statement = make_document(key="statement", published="2031-09-08")
    batch = [
        findings(encyclopedia, report("2031-09-01", "Marnow School No. 3",
                                      counts=(count("killed", 230), count("abducted", 1100)))),
        findings(wire, report(None, "Marnow School No. 3",
                              counts=(count("killed", 212), count("abducted", 1100)))),
        findings(statement, report("2031-09-08", "Marnow", kind="town",
                                   counts=(count("killed", 212, None, same=False),))),
    ]  # fmt: skip
    incidents = cluster_reports(batch)
    assert _together(incidents, statement.id, wire.id)
    assert _together(incidents, encyclopedia.id, statement.id)
    assert [i.date for i in incidents] == ["2031-09-01"]  # not the day of the statement


def test_inquiry_weeks_later_joins_through_the_restated_toll() -> None:
    # A hospital bombed; an aid group's report a month on (undated event) and a ministry
    # briefing seven weeks on, dated by its own header, both give 30 dead.
    news = make_document(key="news", published="2031-10-03")
    aid = make_document(key="aid", published="2031-11-05")
    briefing = make_document(key="briefing", published="2031-11-25")
    batch = [
        findings(news, report("2031-10-03", "Tesk Trauma Centre", counts=(count("killed", 9),))),
        findings(aid, report(None, "Tesk Trauma Centre", counts=(count("killed", 30),))),
        findings(briefing, report("2031-11-25", "Tesk Trauma Centre", counts=(count("killed", 30),))),
    ]  # fmt: skip
    incidents = cluster_reports(batch)
    assert _together(incidents, aid.id, briefing.id)


def test_anniversary_read_as_today_joins_the_attack_it_recalls() -> None:
    attack = make_document(key="attack", published="2030-05-07")
    other = make_document(key="later attack", published="2033-11-20")
    anniversary = make_document(key="anniversary", published="2035-05-06")
    batch = [
        findings(attack, report("2030-05-06", "Dorrin camp", counts=(count("killed", 14),),
                                perpetrators=(accuse("Sable Hand"),))),
        findings(other, report("2033-11-19", "Dorrin camp", counts=(count("killed", 9),))),
        findings(anniversary, report("2035-05-06", "Dorrin camp", counts=(count("killed", 14),),
                                     perpetrators=(accuse("Sable Hand"),))),
    ]  # fmt: skip
    incidents = cluster_reports(batch)
    assert _together(incidents, attack.id, anniversary.id)
    assert len(incidents) == 2


def test_new_attack_reported_on_its_day_stays_apart_without_a_shared_toll() -> None:
    # Same market, same group, four years later: a new toll, so a new event.
    first = make_document(key="first", published="2031-05-03")
    second = make_document(key="second", published="2035-01-09")
    batch = [
        findings(first, report("2031-05-02", "Ostra market", counts=(count("killed", 31),),
                               perpetrators=(accuse("Sable Hand"),))),
        findings(second, report("2035-01-09", "Ostra market", counts=(count("killed", 12),),
                                perpetrators=(accuse("Sable Hand"),))),
    ]  # fmt: skip
    assert len(cluster_reports(batch)) == 2


def test_same_day_wires_of_a_new_attack_fix_its_date() -> None:
    # Two independent wires report a new attack on their day with a toll that happens to
    # equal the old one's: each restates a figure, but together they fix the day.
    old = make_document(key="old", published="2031-05-03")
    wire_a = make_document(key="wire a", published="2035-01-09")
    wire_b = make_document(key="wire b", published="2035-01-09")
    batch = [
        findings(old, report("2031-05-02", "Ostra market", counts=(count("killed", 12),))),
        findings(wire_a, report("2035-01-09", "Ostra market", counts=(count("killed", 12),))),
        findings(wire_b, report("2035-01-09", "Ostra market", counts=(count("killed", 12),))),
    ]
    incidents = cluster_reports(batch)
    assert _together(incidents, wire_a.id, wire_b.id)
    assert not _together(incidents, old.id, wire_a.id)


def test_summary_date_skips_a_publication_day_written_later() -> None:
    def item(date: str | None, published: str | None) -> IncidentReport:
        return IncidentReport(document_id=f"d{date}{published}", index=0, published=published,
                              report=report(date, "Marnow"))  # fmt: skip

    later = [item("2031-09-08", "2031-09-08"), item("2031-09-08", "2031-09-08")]
    assert summarize_date([item("2031-09-01", None), *later]) == "2031-09-01"
    # The report of the day: its publication day is the event's, counted as before.
    same_day = [item("2031-09-01", "2031-09-01"), item("2031-09-01", "2031-09-01")]
    assert summarize_date([item("2031-09-02", "2031-09-03"), *same_day]) == "2031-09-01"


def test_placeless_statement_naming_the_town_joins_through_the_restated_toll() -> None:
    # A coalition "today" condemns the abduction of 63 girls "in Dessaro"; the extractor
    # found no place for it, but its text names the town the wire's report is placed at.
    wire = make_document("DESSARO, 4 March 2032 - Gunmen seized 63 pupils in Dessaro.",
                         published="2032-03-04")  # fmt: skip
    statement = make_document("The coalition today condemns the abduction of 63 girls in Dessaro.",
                              published="2032-03-10")  # fmt: skip
    batch = [
        findings(wire, report("2032-03-03", "Dessaro", kind="town", counts=(count("abducted", 63),))),
        findings(statement, report("2032-03-10", None, None, counts=(count("abducted", 63),))),
    ]  # fmt: skip
    assert len(cluster_reports(batch)) == 1
    # Without the restated toll it stays apart: a new event in the town, written that day.
    batch[1] = findings(statement, report("2032-03-10", None, None, counts=(count("abducted", 12),)))
    assert len(cluster_reports(batch)) == 2


def test_a_small_shared_toll_does_not_tie_a_later_piece_to_an_old_event() -> None:
    # "Two killed" at one village, years apart: a coincidence, not a restated toll.
    old = make_document(key="old", published="2031-05-03")
    new = make_document(key="new", published="2035-01-09")
    batch = [
        findings(old, report("2031-05-02", "Brannick", counts=(count("killed", 2),))),
        findings(new, report("2035-01-09", "Brannick", counts=(count("killed", 2),))),
    ]
    assert len(cluster_reports(batch)) == 2


def test_wire_datelined_the_morning_after_joins_the_site_report() -> None:
    # A night raid on Dessaro Girls College, dated that day by the local paper; the wire's
    # report is dated by its dateline, the next morning, and placed in the town.
    local = make_document("Parents waited at the college gate.", published="2032-03-05")
    wire = make_document("DESSARO, 4 March 2032 - Gunmen raided overnight.", published="2032-03-04")
    batch = [
        findings(local, report("2032-03-03", "Dessaro Girls College", kind="school")),
        findings(wire, report("2032-03-04", "Dessaro", kind="town")),
    ]
    assert len(cluster_reports(batch)) == 1
    # Two days later, it is not the morning after: corroboration is needed.
    later = make_document("DESSARO, 5 March 2032 - Gunmen raided overnight.", published="2032-03-05")
    batch[1] = findings(later, report("2032-03-05", "Dessaro", kind="town"))
    assert len(cluster_reports(batch)) == 2


def test_a_later_run_still_joins_reports_to_an_incident_with_a_released_date() -> None:
    # First run: the siege and the statement a week later are one incident. A second run
    # brings another report of the siege's day: it joins that incident, not a new one.
    encyclopedia = make_document(key="encyclopedia")
    wire = make_document(key="wire")
    statement = make_document(key="statement", published="2031-09-08")
    first = cluster_reports([
        findings(encyclopedia, report("2031-09-01", "Marnow School No. 3",
                                      counts=(count("killed", 230), count("abducted", 1100)))),
        findings(wire, report(None, "Marnow School No. 3",
                              counts=(count("killed", 212), count("abducted", 1100)))),
        findings(statement, report("2031-09-08", "Marnow", kind="town",
                                   counts=(count("killed", 212, None, same=False),))),
    ])  # fmt: skip
    assert len(first) == 1
    radio = make_document(key="radio", published="2031-09-02")
    second = cluster_reports(
        [findings(radio, report("2031-09-01", "Marnow School No. 3", counts=(count("killed", 200),)))],
        existing=first,
    )
    assert len(second) == 1 and radio.id in second[0].document_ids
