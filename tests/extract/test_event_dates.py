"""Which date is the event's: rules of reckon.extract.event_dates, on short fictional reports."""

from __future__ import annotations

from reckon import extract
from reckon.formats import findings_to_json


def _dates(text: str) -> list[str | None]:
    return [i["date"] for i in findings_to_json(extract(text), id="t")["incidents"]]


def test_the_reports_own_dateline_does_not_outvote_the_event_day():
    text = ("ORLAND, March 20, 2016 — Errors led to the strike that killed 14 people at a clinic in Vessa on "
            "Feb. 4, the commander said in Orland today.\n\nThe strike also left 20 wounded.")
    assert _dates(text) == ["2016-02-04"]


def test_a_sentence_saying_when_the_siege_began_gives_the_first_day():
    text = ("Published 9 June 2012\n\nThe siege began on 2 June when gunmen burst into a school in Tolvar. "
            "Security forces stormed the building on 4 June. More than 80 hostages were killed.")
    assert _dates(text) == ["2012-06-02"]


def test_a_date_that_names_another_kind_of_event_is_not_the_event_date():
    text = ("Posted: May 20, 2011\n\nThe March 2 coup leaders showed their brutality again. Today their "
            "soldiers massacred protesters at Dorran Square. Troops fired on the crowd, killing more than "
            "three hundred people, and the March 2 coup leaders promised more.")
    assert _dates(text) == ["2011-05-20"]


def test_a_full_date_of_the_event_refines_a_year_in_the_toll_sentence():
    text = ("Rights groups recalled the 2011 Lessa Square massacre by the army. They asked courts to judge "
            "what happened in Lessa on 9 October 2010. Around 300 people were killed that day.")
    assert _dates(text) == ["2010-10-09"]


def test_a_year_modifying_a_massacre_dates_it_when_nothing_else_does():
    text = ("date 2020-05-02 Orvieto: A court convicted nine men over a 2012 massacre in a northern province. "
            "The trial involved more than 60 detained suspects.")
    assert _dates(text) == ["2012"]


def test_a_day_that_names_the_massacre_outweighs_the_days_the_toll_rose():
    text = ("Posted at Mar 9 2011 05:00 PM\n\nKORRAN - The death toll from the massacre in Velle rose to 30 on "
            "Wednesday. Police said 12 bodies had been recovered on Wednesday, on top of 18 found on Tuesday. "
            "The scale of Monday's massacre has shocked the country, and 40 people were wounded on Wednesday.")
    assert _dates(text) == ["2011-03-07"]


def test_figures_date_the_event_before_a_sentence_that_only_blames():
    text = ("A bomb killed 12 people at the Korri bus terminal in 2021. Militants have struck before, among "
            "them in the 2017 bombing of a market in Ulwan.")
    assert _dates(text) == ["2021"]


def test_the_day_a_running_toll_stood_by_is_not_the_event_day():
    text = ("KORRAN, May 6, 2020 -- Gunmen attacked a camp near Velle late on Monday. A chief reported about 12 "
            "dead on Monday night. By Tuesday afternoon volunteers had collected 41 bodies, and more than 300 "
            "people had fled by Tuesday.")
    assert _dates(text) == ["2020-05-04"]


def test_a_span_of_days_is_dated_by_its_first_day():
    text = ("Published 22 May 2020\n\nThe attack carried out on the night of 17 to 18 May against the Velle camp "
            "killed at least 40 people.")
    assert _dates(text) == ["2020-05-17"]


def test_the_day_of_a_statement_is_not_the_event_day():
    text = ("Published 10 May 2021\n\nBy the time the gunmen left the Velle market on Tuesday afternoon, many "
            "were dead. The government put the toll at 23 killed in a statement on Wednesday. A statement "
            "posted late on Wednesday by the group claimed the attack.")
    assert _dates(text) == ["2021-05-04"]


def test_the_anniversary_dates_the_event_when_the_toll_sentence_gives_only_a_later_year():
    text = ("Camp News | Thursday, 11 March 2021\n\nThursday is the third anniversary of the attack on the Boa "
            "Vista camp. Ten people were killed that night, according to the indictment filed in 2019.")
    assert _dates(text) == ["2018-03-11"]


def _main_date(text: str) -> str | None:
    from reckon import extract as _extract

    findings = _extract(text)
    return findings.incidents[0].date if findings.incidents else None


def test_a_toll_given_on_a_later_day_and_a_state_that_still_held_do_not_date_the_event():
    text = ("Gunmen hold travellers at Lomara depot\n\nBy Ines Tavora\n\nMarch 5, 2024 6:40 AM UTC\n\n"
            "LOMARA, March 5 (Orient Wire) - Gunmen who stormed a bus depot in Lomara on Sunday night were still "
            "holding dozens of travellers on Tuesday, and at least 12 people had been killed, police said.\n\n"
            "Commander Ivo Saar gave a death toll of seven early on Tuesday, and raised it to 12 later.")
    assert _main_date(text) == "2024-03-03"


def test_the_second_day_of_a_between_and_span_does_not_date_the_event():
    text = ("Lomara depot siege: toll disputed\n\nWednesday, March 6, 2024\n\n"
            "Spokesman Ivo Saar said 21 people were killed between Sunday night, when gunmen stormed the depot, "
            "and Tuesday morning, when soldiers retook it.\n\n"
            "In a statement posted on a messaging channel on Tuesday evening, the Orrin Front said it had killed 40.")
    assert _main_date(text) == "2024-03-03"


def test_a_headlines_still_does_not_reach_the_date_on_the_next_line():
    text = ("A year after Korvel raid, six herders still missing\n\nThe Eastern Courier — Monday 4 March 2024\n\n"
            "A year ago today, armed men raided Korvel and killed 11 herders.")
    assert _main_date(text) == "2023-03-04"


def test_a_fresh_weekday_dates_the_news_before_a_month_of_an_earlier_year_the_report_recalls():
    from reckon import extract
    from reckon.formats import findings_to_json

    text = ("Gunmen seize lorry drivers on desert highway\n\nPublished: Thursday 8 October 2026\n\n"
            "Armed men stopped a convoy of lorries near Tessalit late on Tuesday, security sources said.\n\n"
            "Two drivers were killed and nine were taken, a gendarme told reporters.\n\n"
            "In May 2024 the same group abducted four surveyors near Tin Azouad.")
    dates = {i["date"] for i in findings_to_json(extract(text), id="t")["incidents"]}
    assert "2026-10-06" in dates
