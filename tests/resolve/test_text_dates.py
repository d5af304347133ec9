"""A report whose own text gives another report's day in full (fiction).

Extractors sometimes take an event's date from the wrong line of a page: a photo caption
("Orlo Mosque in 2024"), an earlier coup. When the page itself gives, written out, the day
another source reports at the same place, the two may be one event.
"""

from __future__ import annotations

from reckon.resolve.cluster import cluster_reports
from reckon.resolve.context import explicit_days
from reckon.resolve.matching import parse_date_interval

from ._builders import count, findings, make_document, report

_PAGE = ("Orlo Mosque shooting. Orlo Mosque in 2024 (photo). The shooting took place at the "
         "Orlo Mosque in Kessaburg on 15 March 2031 during Friday prayers.")  # fmt: skip


def _day(text: str) -> int:
    interval = parse_date_interval(text)
    assert interval is not None
    return interval[0]


def test_explicit_days_are_full_dates_not_after_publication() -> None:
    text = "On 15 March 2031 gunmen attacked; on Monday police said the trial opens on 2 May 2033."
    assert explicit_days(text) == {_day("2031-03-15"), _day("2033-05-02")}
    assert explicit_days(text, _day("2031-03-20")) == {_day("2031-03-15")}
    assert explicit_days("It happened in March 2031, on a Friday.") == frozenset()


def _captioned_page_and_news():  # type: ignore[no-untyped-def]
    """A page dated by its photo caption (2024) whose text gives the event's day, and the
    news of that day: the two reports, and their findings."""
    page = make_document(_PAGE)
    news = make_document("KESSABURG, 15 March 2031 - A gunman opened fire at the Orlo Mosque "
                         "during Friday prayers, killing 49 worshippers.", published="2031-03-15")
    batch = [
        findings(page, report("2024-06-12", "Orlo Mosque", kind="mosque", counts=(count("killed", 50),))),
        findings(news, report("2031-03-15", "Orlo Mosque", kind="mosque", counts=(count("killed", 49),))),
    ]  # fmt: skip
    return page, news, batch


def test_page_dated_by_a_caption_joins_the_day_its_text_gives() -> None:
    page, news, batch = _captioned_page_and_news()
    # Other events in the batch make the shared names rare words, as in a real ledger.
    others = [make_document(key=f"elsewhere {n}", published="2031-01-0{n}") for n in range(1, 5)]
    batch += [findings(d, report(f"2031-01-0{n}", f"Brannick {n}")) for n, d in enumerate(others, 1)]
    incidents = [i for i in cluster_reports(batch) if page.id in i.document_ids]
    assert len(incidents) == 1 and news.id in incidents[0].document_ids
    assert incidents[0].date == "2031-03-15"  # the caption's date does not vote


def test_new_attack_recalling_the_old_date_keeps_its_own_day() -> None:
    # Two papers report a new attack at the market on its day; one recalls the bombing of
    # 2 May 2031 there. Two sources give the new day, so it binds.
    old = make_document(key="old", published="2031-05-03")
    recalling = make_document("Ostra market was hit again on Thursday, after the bombing of 2 May 2031.",
                              published="2035-01-10")  # fmt: skip
    other = make_document(key="other", published="2035-01-10")
    batch = [
        findings(old, report("2031-05-02", "Ostra market", counts=(count("killed", 31),))),
        findings(recalling, report("2035-01-09", "Ostra market", counts=(count("killed", 12),))),
        findings(other, report("2035-01-09", "Ostra market", counts=(count("killed", 12),))),
    ]
    incidents = cluster_reports(batch)
    assert len(incidents) == 2
    assert any({recalling.id, other.id} == set(i.document_ids) for i in incidents)


def test_encyclopedia_of_two_attacks_keeps_its_report_with_its_own_day() -> None:
    # The page gives both attacks' days; its one report is of the second. Two papers
    # report each attack on its day; the page joins the second, not the first.
    page = make_document("Dorrin camp attacks. On 6 May 2030 gunmen killed 14 in Dorrin camp. "
                         "On 19 November 2034 gunmen attacked Dorrin camp again, killing nine.")  # fmt: skip
    batch = [findings(page, report("2034-11-19", "Dorrin camp", counts=(count("killed", 9),)))]
    for day, killed in (("2030-05-06", 14), ("2034-11-19", 9)):
        for outlet in ("a", "b"):
            paper = make_document(f"Gunmen attacked Dorrin camp, killing {killed} ({outlet}).",
                                  published=day)  # fmt: skip
            batch.append(findings(paper, report(day, "Dorrin camp", counts=(count("killed", killed),))))
    incidents = cluster_reports(batch)
    assert len(incidents) == 2
    second = next(i for i in incidents if i.date == "2034-11-19")
    assert page.id in second.document_ids and len(second.reports) == 3


def test_a_later_run_without_the_page_text_still_grows_the_incident() -> None:
    # The first run joined the captioned page to the news; a second run gets only a new
    # report (the page's text is not in the batch): it still joins by the incident's date.
    page, news, batch = _captioned_page_and_news()
    others = [make_document(key=f"elsewhere {n}", published="2031-01-0{n}") for n in range(1, 5)]
    batch += [findings(d, report(f"2031-01-0{n}", f"Brannick {n}")) for n, d in enumerate(others, 1)]
    first = cluster_reports(batch)
    radio = make_document(key="radio", published="2031-03-16")
    second = cluster_reports(
        [findings(radio, report("2031-03-15", "Orlo Mosque", counts=(count("killed", 49),)))],
        existing=first,
    )
    assert len(second) == len(first)
    assert any({page.id, radio.id} <= set(i.document_ids) for i in second)
