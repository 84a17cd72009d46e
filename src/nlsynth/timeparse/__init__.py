"""Turn an as-reported time phrase into an interval of days ``(lower, upper]`` and a rule id.

Pure functions, no pandas. Case reports state times in prose ("within two weeks", "minimal improvement after one
month", "after a mean of 22 exposures"); the analysis needs numbers. Each phrase is read by exactly one documented
rule, and the rule id travels with the numbers so any interval can be traced back to how it was made. A phrase that
cannot be read raises :class:`TimePhraseError`; it never becomes a silent NaN.

Units: 1 hour = 1/24 day, 1 week = 7 days, 1 month = 30.4375 days, 1 year = 365.25 days, each also abbreviated (h, hr,
hrs; d; w, wk, wks; mo, mos, mth, mths, mnth, mnths; y, yr, yrs; "m" alone, minutes, metres or months, is refused).
Numbers may be digits or words, including compounds ("twenty-five weeks", "two hundred days") and ordinals ("the first
month"); a half in words is a number ("one and a half years", "three-and-a-half months", "a year and a half", "half a
year"), a fortnight two weeks ("within a fortnight"; one named by its place, "within the first fortnight", as "within
the first 2 weeks" is, once refused), a decimal point may have no digit before it (".5 months") or be a middle dot ("4·5
weeks"), a visit may be named as trials name it ("W16", "D10", "M6", "week-12"), and a time may be written in the
shorthand of British case notes, a number over the days of a week, the weeks or the months of a year ("5/7", "6/52",
"18/12"; not a share of a count, "5/12 patients", "4/7 of them"); a number with a comma in it ("1,5 months"), a decimal
comma or two numbers, is refused with both named; an arrow between two parts that each give a time ("improved at 4 weeks
-> cleared at 12 weeks", "partial (4 wk) \u2192 complete (12 wk)") breaks the clause as a semicolon does, and is left as
written where one side gives none ("PGA 3 -> 1 at 12 weeks"); a name that carries a number ("JAK1", "IL-4", "UVA1", "CO2
laser") is a name, never a second number; a number in words standing alone beside a time or a count ("improved within a
month and healed within three", "cleared after four") is a second one, refused as one in digits is (once dropped, the
first time alone a best response). A half of something else ("half of the lesions"), a quarter, "several", "few" or "a
couple" is refused: no rule reads it. So is a point part of the way through a span ("halfway through the 12-week
course", "in the middle of the 12 weeks", "the halfway point of 12 weeks"), whose time is not the one written (once its
end); beside its own time it is that time ("at 6 weeks, halfway through"). So is a time with no number ("a few weeks
after the second injection", "some weeks after the second dose", "a number of weeks after", "weeks after the third
injection", "several months after stopping", "a few weeks after 4 monthly sessions"), each once read as the moment's own
time: by the next session, or by the end of treatment. So is a moment named by its place with no session or time a rule
reads ("complete after the sixth", "cleared at the third visit", "complete by the twelfth" beside "at 4 weeks"), once
dropped beside a clause that was read, unless a time in brackets dates it ("at the second visit (4 weeks)"). In a best
response's phrase, so is a response said to come later than a timed clause with no time of its own ("improved at 4
weeks; cleared later", "eventually cleared", "then cleared", "followed by complete clearance", "cleared at the next
visit", "complete with continued treatment", or a response said to grow on, "with further improvement", "with continued
improvement", "ongoing improvement", or with a word of its own, "with eventual clearance", "with subsequent clearance",
"until complete clearance", also in brackets, "improved at 4 weeks (cleared later)"), once left out, so the best was at
4 weeks; a follow-up that says so went on past the timed clause, and is at least its time (``at-least``; once left out,
so the follow-up ended at 4 weeks, then refused as the best is); a first response is the timed clause's, unless that
clause times an end of the treatment ("stopped at 12 weeks, then improved", once a first response by 12 weeks) and no
earlier clause times one, and after a clause that says none was seen ("no change at 4 weeks, but improved later") the
best is after that time. In a best response's, so is any response with no time after timed ones that are not complete
("partial response at 4 weeks; complete response", "slight improvement at 4 weeks; marked improvement", also after a
comma, "and", a sentence's end or a dash in the timed one's clause, "improvement at 4 weeks, complete response",
"improved at 4 weeks and remained clear", once the timed part's time), once the partial one's time, however long a
complete one lasted ("complete response maintained", or for a span and no visit, "improved at 4 weeks; clear for 6
months", "...; the remission lasted 6 months", "..., clearance sustained for 6 months", each once the partial one's
time), though a clause only on how the timed one lasted ("improvement lasted") is no better one, and so is a response
from a time on, its end untimed ("improvement from week 4 onwards", "from 4 weeks until the last visit", "through the
end of therapy", or with no word of its end after "from", "improvement from week 4", or growing after its time,
"progressive improvement after week 4", "continued to improve after 4 weeks", "ongoing improvement since week 4"; each
once a best by 4 weeks), unless complete, or said to be at its best ("maximal improvement from week 12", "best response
from week 12 onwards", once refused), or followed by a later clause that says when it stopped improving ("...; plateaued
at 8 weeks": the best by then, as ``clauses-span`` reads a plateau) or a later timed clause on the response ("...,
complete at 12 weeks"), from which the best is then read; such a follow-up went on at least that long (once exactly 4
weeks; from a numbered period's start, "from the 4th week" at least 3 weeks), and such a first response is at that time,
as before; one whose time no rule reads leaves the best unresolved ("improved at 4 weeks; complete clearance at the end
of treatment" of a course with no length, "...; cleared after 6 sessions" of a regimen with no pace, "... and continued
to improve until the end of treatment" or "... and cleared by the end of treatment", each a clause of its own, once by 4
weeks); "then" after a span is at its end ("unchanged until week 8, then improved": at 8 weeks). So are two numbers for
one time, in digits or words ("5 12 years", "five 12 years"; not one course before its length, "one 4-week course"), and
two units for one ("16 days weeks").

A reading the parser cannot make, or makes differently from the source's sense, is given by the reviewer in
``data/raw/time_readings.csv`` (:mod:`nlsynth.ingest.readings`), which the cleaning stage consults before this
parser.

Rules (``TimeInterval.rule``)
-----------------------------
``within``
    "within X", "by X", "up to X", "in under X", "less than X", "below X", "before X", "at most X", "no later than X",
    "earlier than X", "prior to X", "no longer than X", "fewer than X", "a maximum of X", "< X", "≤ X", "X or less", "X
    or before", "X at the latest", "maximum X", "max. X", "X max", "X tops", "just short of X", "inside X": (0, X]. With
    a range ("within 3-6 months") the upper end of the range is the bound. A word that says the time is approximate
    between a bound and its time leaves the bound, here and below ("within about 8 weeks", "more than ~2 months"; once a
    point, the nearest word winning). Words of degree between a preposition and its time are the time's ("in just under
    8 weeks", "after well under 2 months", "in fewer than 8 weeks", "after upwards of 3 months", "in close to 8 weeks"):
    they name neither what responded nor a moment the time is counted from (once refused as either). A follow-up that
    says a response, or a relapse, did not come within its time ("no response within 6 months", "no improvement by 6
    months", "unchanged up to 6 months", "no relapse within 12 months") was seen through it: a ``point`` at X (once (0,
    X], which left a failure so followed censored at day 0, as if never seen), but not a failure that came by then
    ("failed within 3 months"). So is a follow-up that opens by saying anything else did not come ("no new lesions
    within 6 months", "without side effects up to 12 weeks", "did not develop ulcers by 6 months"), but not one whose
    bound is negated ("for no more than 6 months") or whose negation is of the patient's contact ("did not return within
    6 months", "never seen again within 6 months", "no follow-up data within 6 months"): those stay (0, X].
    "Followed up to 6 months" is a ``point`` too, as "followed-up to 6 months" and "followed up until 6 months" are,
    not "up to 6 months" (once (0, X]); "followed up for up to 6 months" keeps its bound.
``at-least``
    "at least X", "more than X", "longer than X", "beyond X", "above X" (once a point at X), "later than X", "not before
    X", "no earlier than X", "no less than X", "no fewer than X" (once within X, as "fewer than X"), "no shorter than
    X", "just over X", "after over X", "for over X", "took over X", "greater than X", "in excess of X", "upward(s) of
    X", "a minimum of X", "> X", "≥ X", "X+" ("6+ months", "12 months+", "2 years +"), "X or more", "X or longer", "X or
    after", "X and after", "minimum X", "min. X", "X minimum", "X plus", "at or after X", "past the X mark", "past week
    X" (once a response seen by then): (X, inf); a bound after a visit the time names is the time's ("at the 8-week
    visit or later", "at the 8-week visit at the latest"). A bound in one word before the time is one only right before
    it ("maximum response 8 weeks" is a point), and "plus" before a number is no bound ("8 weeks plus 3 days": two
    times, refused). So are "shortly after X", "soon after X", "just after X", "well after X", "some time after X", "at
    some point after X", "at an unspecified time after X", "not until after X" and the like: later than X by an amount
    the source does not give (before a count of sessions, "shortly", "soon", "just", "a little" and "slightly" after are
    "after": "shortly after the first injection"). Bounds that disagree, before and after the time ("within 6 months or
    more") or side by side before it ("within just over 2 weeks", "by more than 2 weeks"), are refused. A follow-up
    whose last clause has a time no rule reads is at least the read clauses' time ("improved at 4 weeks; complete
    clearance at the end of treatment" of a course with no length, once exactly 4 weeks). A follow-up that says it did
    not go on beyond its time ("no further follow-up beyond 6 months", "not followed up beyond 6 months", "follow-up did
    not extend beyond 6 months", "no visits beyond 6 months") ended then: a ``point`` (once at least X); lost beyond it
    is still at least X. So is a follow-up whose last timed clause gives an event, a stop or how a response lasted, not
    the follow-up's own length, and that then says the patient was seen at a moment it does not time ("cleared at 12
    weeks; no recurrence at last follow-up", "...; no recurrence since", "... thereafter", "..., since when no
    recurrence", "stable at 6 months and at every visit since", "stopped at 12 weeks; no relapse at last follow-up";
    each once exactly 12 weeks or 6 months; "since" before how the response lasted, "(since maintained)", "has since
    remained clear", is "since then", once refused as a time counted from "maintained"):
    at least that clause's time, from its lower end; not where it says the patient was not seen then ("not seen
    since", "lost to follow-up later", "no follow-up thereafter"), nor a length that is the follow-up's ("12 weeks; no
    recurrence at last visit", "followed for 12 months; no recurrence since"), nor a clause of only the moment, which
    names the time before it ("clear at 3 years, at the latest follow-up"), nor a visit that may be the timed one
    ("cleared at 12 weeks; no recurrence at follow-up"), nor a follow-up still going on when reported ("12 weeks
    (ongoing)"), whose time is as long as it was seen.
``point``
    "after X", "at X", "at week 12" (or "wk 12"), "X-month follow-up", "over X" (a span: "maintained over four months";
    an event's "over X" alone, more than X to some readers and during it to others, is refused, as is one with only what
    X is counted from or spent on, "over 2 months after stopping", "over 3 months of treatment", once the end plus X or
    X), "for X", "about X", "X, give or take a week", or a bare "X" with surrounding words ("4 weeks after the change in
    treatment"): lower = upper = X. One length in two parts, a unit then a smaller one ("1 year and 3 months", "1 year,
    3 months", "3 weeks 4 days"), is their sum; a smaller unit first ("2 weeks and 3 months") is two visits
    (``visits``).
``range``
    "2-3 months", "2 to 3 months", "2 through 3 months", "2~3 months", "between 2 and 3 months", "weeks 4-8",
    "between weeks 4 and 8", or with a unit at each end, "2 weeks to 3 months", "2 weeks - 3 months", "between 10
    days and 2 weeks", "from week 4 to week 8", or as alternatives, "2 or 3 months", "a month or two" (with no
    within-type qualifier): (2, 3] months. ("Weeks 4 and 8" without "between" is two visits, not a range: see
    ``visits``.) So is a period named by its number with a word that places the time in it, "in the third month",
    "during month 3", "in early month 3", "at the beginning of the second year", "early in", "towards the end of",
    or a part of it, "in the last week of the second month", "the latter part of month 3": (2, 3] months, (1, 2]
    years (each once the period's end alone, "at the beginning of the second year" 2 years); so are periods so named
    from the first's start to the last's end, "in the 2nd to 3rd month", "in the second or third month", "during
    weeks 4-8": (1, 3] months, (3, 8] weeks (each once from the first's end), but not two ends after "between",
    "between weeks 4 and 8", nor an ordinal in words joined by "and" to the time's, "in the second and third
    month", refused as several numbers, as "the 2nd and 3rd month" is (once the third month alone);
    "at the end of the third month", "at month 3" and "by the 3rd month" are its end. For the time of an event the
    range is a time seen at an assessment, by its upper end (below).
``visits``
    a list of visits in one clause, each one number, later and later, joined by commas, "and" or "&", with no
    qualifier or a point's ("at 3, 6 and 12 months", "at 3 months and 6 months", "at 2 weeks and at 3 months",
    "weeks 4, 8 and 12", "at months 3 and 6", and with a unit after each number, "at 4 weeks, 8 weeks and 12 weeks",
    where nothing follows the last visit; once split into clauses at the commas): the source may mean that it was
    seen at every visit or only by the last, so an event's time is what both readings allow, seen by the last visit,
    (0, last] (as a range is; the named sensitivity analysis that reads assessment times as exact onsets takes
    (first, last]); "not seen at 3 and 6 months" was not seen by the last. A follow-up is the last visit, a point.
    Alternatives ("at 3 or 6 months") are a ``range``; a bound ("within 3 and 6 months"), a range or another number
    in the list, or visits out of order, are refused.
``mean``
    "after a mean of X", "X on average", "X averaged" ("the time averaged 8 weeks", once a point), "mean: X", "X +/- SD"
    (with or without "mean"), and a time given with a standard deviation and no word for the summary ("X (SD S)", or
    between the number and its unit as tables print it: "X (SD S) weeks"), which is a mean's spread: a group summary
    from a series; the mean as a point (the SD and any parenthetical range are commentary). Not a visit named unit first
    with its window ("week 6 ± 3 days", "day 42 +/- 3", "month 6 ± 2 weeks"; in the visit's unit where the window names
    none): the days it may have fallen on, a ``range`` (days 39 to 45; once a mean of 6 days).
``median``
    the same for a median the source names ("median X", "X (median)", "X (median; range A-B)", "median, X") or whose
    interquartile range it gives ("X (IQR A-B)", "X (IQR A-B) weeks"): the median as a point, under its own rule id
    so that a reading says which summary the source gave.
``summary``
    the same for a summary the source does not name, given with a spread that goes with a mean as well as a median:
    a range, with or without the word ("X (range A-B)", "X (A-B)", "X (A-B weeks)", or between the number and its
    unit: "X (A-B) weeks"), or a confidence interval ("X (95% CI A-B)"): a series' summary as a point, never read as
    a mean or a median the source did not say (once ``mean``), nor as one patient's time (once ``point`` where the
    range had no word); two calendar years in brackets say when the time was ("2 years (2018-2020)": a ``point``,
    once a summary). A count of sessions so given is ``exposures-summary``. A summary's spread may follow it
    after a comma ("median 12 weeks, range 4-24", "mean, 4 months; range, 2-6 months"); any other time beside a
    summary ("2-6 months, mean 4 months", "median 12 weeks; 4-24 weeks", "improved at 3 months, mean 4 months") is
    refused, since it may be the spread, a bound or one patient's time.
``exposures``
    a count of sessions, sittings, exposures, infusions, perfusions, instillations, treatments, injections, shots,
    applications, irradiations, doses, cycles or administrations (perfusions, instillations and shots once refused as
    numbers with no unit; not a laser's pulses, several to a session), singular or plural, in digits, words
    ("twenty-two") or as an ordinal ("the second infusion", "the 3rd injection", "a single session", "initial" as
    "first", "after the initial injection", once no time; not "initial treatment", a course's first line), or in times
    ("after 4 times of treatment", "after 3 times PDT", "after being treated 3 times", once a number without a unit;
    not a pace, "3 times weekly", nor a factor, "3 times faster", "3 times the dose"; not an ordinal before plural
    sessions, "the first injections", "the first few sessions", refused as "the first weeks" is, once the first
    session alone), with decimals a series' summary ("after a mean of 22.5 exposures"; once read as its decimals
    alone, 5 exposures; not whole and with no word of a summary, ``unresolved``), possibly a range ("2-3 sessions", "3
    or 4 injections", "between 4 and 6 cycles"), converted with the frequency stated in the row's regimen
    (:func:`sessions_per_week`: "twice weekly", "three-times weekly", "3 sessions/week", "every 2 weeks", "q2w",
    "nightly", "BID", "BD", "every 12 hours", "2 applications daily"; "morning and evening" twice a day, once daily from
    "every morning", "at night", "qAM", "qPM" or "q.h.s.", every other day from "QOD"; not "OD", an occlusive dressing
    to some; "twice yearly", "half-yearly" and "semi-annual" twice a year, "every 2 years" and "2-yearly" once in two,
    each once read as once a year or none; not a pace word after a prefix no form reads, "multi-weekly", once weekly): N
    sessions at f per week take N / f weeks; a frequency range ("3-5 times weekly") gives the interval (N/5, N/3] weeks.
    A count that states its own pace ("after 12 weekly sessions", "4 monthly PDT sessions", "10 daily applications", "6
    fortnightly injections", the last once at the regimen's pace or unresolved; "3 quarterly injections", "2 yearly
    infusions", once at the regimen's pace) is read at it. A regimen that dates its sessions
    (:func:`~nlsynth.timeparse.regimen.session_days`: "at weeks 0, 2 and 6", "0, 2, 6 weeks", "160 mg week 0, 80 mg week
    2", "on days 1 and 15", the first on week 0 or day 1, each later than the one before) places each on its day, and
    the sessions after them an interval apart at a single pace that follows them with "then", "thereafter" or "followed
    by" ("then every 8 weeks", "and every 12 weeks thereafter", "followed by maintenance every 8 weeks") or starts on
    the last ("then 40 mg every other week from week 1"): N sessions take until the day of the (N + 1)th, as N / f weeks
    is at a pace ("after 3 infusions" of infliximab "at weeks 0, 2 and 6, then every 8 weeks" is 14 weeks, "at the third
    infusion" 6 weeks, "2 weeks after the 4th infusion" 16 weeks; each once ``unresolved``, "it dates sessions besides
    its pace"). A count past the dated sessions with no such pace after them (none, or a course "repeated every 6
    months") is ``unresolved``, and so is any count in a regimen whose days may be visits ("reviewed at weeks 4 and
    12"), are counted from the session before ("4 weeks later"), start later than week 0 or day 1 ("at weeks 2, 4 and
    6"), are alternatives ("weeks 0, 2 or 6") or end in a number that a unit after them takes ("weeks 0, 2 and 6 and 8
    weeks later"), or that has a pace before them; a pace that is a range ("then every 6-8 weeks") places the sessions
    after them between its intervals. A session named by its place with "at", "by", "before" or "until" ("at the third
    injection", "by the 3rd infusion") is the day it was given, (N - 1) / f weeks, as ``end-of-treatment`` counts the
    last (the first, day 0, is ``unresolved``). So is the end of a count of sessions, or its completion ("at the end of
    6 sessions", "on completion of the 6th session", "upon completing 6 sessions"), as "after completion of 6 sessions"
    is (each once a session's interval later); not of cycles, whose end comes a cycle after the last one starts. A bound
    in words reads as for a duration ("after at least 4 sessions" is ``at-least``, "within 3 sessions" ``within``), and
    a part of a count ("6 of 8 sessions") is ``unresolved`` (a session named by the visit it was given at is that visit:
    "after the week-4 injection" is 4 weeks, once the 4th injection) (so is a count of courses, rounds, series or blocks
    of sessions: "after two courses", "after 2 series of 10 sessions", the last once read as 10 sessions). A summary is
    kept in the rule id (``exposures-mean``, ``exposures-median``, ``exposures-summary``) when the count is a series'
    mean, median or unnamed summary. A count is never an error: with no frequency in the regimen (or one readers take
    two ways: "biweekly", "bi-annually", "tri-weekly", "bi-daily", "x3 weekly", "2 weekly", "2 yearly", "2-4 weekly", "3
    sessions weekly", "3 sessions every 4 weeks", a rate or a course; a pace the sessions need not have kept, "twice
    daily as needed", "PRN", "at least every 2 weeks", "every 2 weeks or less often", once read as that pace; "2 x 5 mg
    daily", "2 tablets daily", two doses a day or two units at once, once daily; several that disagree: "daily for 5
    days every 4 weeks", "tacrolimus nightly; clobetasol weekly", though not a pace of the dose's change, "increased by
    0.5 J/cm2 weekly"; or sessions on given days beside a pace whose days are not read as sessions (above), "daily,
    reviewed at weeks 4 and 12"; or a daily pace that leaves out days, "daily except weekends", "daily (Mon-Fri)",
    "daily for 5 days, then 2 days off"; once 7 a week; or a pace only after an earlier phase with sessions or a time at
    none, "10 sessions over 5 weeks, then monthly", "induction 4 weeks, then monthly", once the later pace from the
    start, though not after a single dose, "600 mg loading dose, then 300 mg every 2 weeks"), a count of zero, several
    counts, a count beside a duration in one clause, a count with a number standing alone after it, refused as several
    numbers ("improvement after 10 sessions, complete after 20", once 10 sessions, and so is a place, "improved after
    the 2nd session, cleared after the 4th", once the 2nd; not "3 sessions of 5-ALA PDT" nor visits written unit
    first, "5 infusions at weeks 0, 2 and 6"), a count whose part of the phrase gives the sessions a pace that is
    not the regimen's ("after three treatments at monthly intervals", "after 3 sessions (1 month apart)" with "every 2
    weeks", and in a regimen's words, "after 3 sessions (weekly)", "after 3 sessions, monthly", "(2x/week)", "(1 per
    month)"; once read at the regimen's; or one that reads two ways, neither of them the regimen's, "after 3 tri-weekly
    sessions", three a week or one in three weeks, once read at the regimen's as no pace, though "after 3 biweekly
    sessions" of every 2 weeks is read; not a count that states its own, "after 4 monthly sessions", read at it), or
    more sessions than the regimen's course ("after 6 sessions" of "3 sessions 4 weeks apart": given again, after a
    pause), or a count of a later phase's sessions ("after 3 maintenance doses", which leave out the loading dose's) or
    of sessions counted from a session or a phase ("2 doses after the loading dose", "2 injections following the first",
    "following induction"; each once read from the start, a session or more short), the reading is ``unresolved`` with
    the reason (a reviewer can give the reading in ``data/raw/time_readings.csv``); only what the phrase says beside the
    count can make it one, as for any time: a vague time ("a few weeks after the second injection"), or a number right
    before the count's own. A duration counted from the first session ("2 months after the first injection") is read as
    that duration: the first session is time zero. One counted from a later session ("2 weeks after the second
    injection", "4 weeks following 3 sessions", or the last of a count, "2 years after the last of 3 sessions", once
    ``unresolved``) is that session's day, (N - 1) / f weeks as ``end-of-treatment`` counts the last, plus the
    duration; a bound or a range before it keeps its rule, shifted by that day ("within 6 weeks of
    the 2nd infusion" is ``within``); where the count alone would be ``unresolved``, so is it. A visit named unit first
    or with a word for a visit ("week 10", "the 12-week visit", "3-month follow-up") before a count that names no one
    session may be since the start, the count being what had been given by then (as with a comma: "at week 10, after 5
    injections"), or since the count's last session (as "week 10 after surgery" is since the surgery): "at week 10 after
    5 injections" of fortnightly injections is what both allow, (70, 126] days (``exposures``: seen by day 126, not seen
    by day 70); ``unresolved`` where no pace places the sessions, for a bound ("by week 16 after 8 injections"), and
    where the pace places the count's last session after the visit ("at week 4 after 5 injections": since the start, or
    since the 5th?). A length made of the sessions it counts is since the start ("after 12 weeks of 6 sessions", "a
    12-week course of 6 injections": 12 weeks, the count given in it; ``unresolved`` where the pace places the last
    session after it), but not a bound counted from them ("within 4 weeks of 3 sessions").
``end-of-treatment``
    "at the end of the treatment" (or "upon completion of therapy", "at the conclusion of treatment", "at treatment
    completion", "at the end-of-treatment visit", "by the end of the treatment period", "at EOT"), or the last session
    named as a moment ("at the last session", "by the final injection"; once refused, no time): the day of the last
    session, (N - 1) / f weeks for N sessions at f per week, since the first session is day 0 ("6 sessions at two weeks
    intervals" = 5 / 0.5 per week = 10 weeks, day 70; also "8 weekly injections", "4 cycles"), or the last of the days a
    regimen dates its sessions on, with no pace after them, no repeat and no other count ("at weeks 0, 4 and 8": day 56;
    "1 g on days 1 and 15": day 14; once ``unresolved``), or the course length a regimen states ("applied daily for 10
    months", "x 12 weeks", "during 6 months", "a 12-week course", "12 weeks of daily application", "duration 12 weeks"
    starting a part of it, "twice daily; duration 12 weeks", once none; "total 12 weeks" so too, "12 weeks in total",
    "for a 12-week period", and a length that is a whole part of a regimen at a pace, "daily, 12 weeks", "300 mg every 2
    weeks (16 weeks)", each once none, but not with no pace, "oral, 6 months", beside a count of sessions, "4 sessions,
    4 weeks", or before a pace, "daily, 5 days, every 4 weeks"; not "irradiation duration 8 days"); where it states both
    and they differ, the days between them, as the source rounds one or the other ("NB-UVB 3x/week for 3 months (36
    sessions)": days 81.7 to 91.3; once day 81.7 alone). How long the patient was watched is no course length, nor a
    phase of the course ("twice daily; followed for 2 years", "follow-up for 1 year", "observed for 6 months": once the
    end; "6 months of treatment, then followed up for a year" ends at 6 months, once at a year). A period on of a course
    that pauses is not its length ("twice daily for 2 weeks on, 2 weeks off, for 3 months" ends at 3 months, once 2
    weeks), and its pace, which holds only while it is on, counts no sessions. Nor is the length of one phase of a
    course ("twice weekly for 4 weeks, then weekly", "for 12 weeks and tapered over 4 weeks", "for 12 weeks + 4 weeks
    taper": a taper or a weaning however joined, once the end at 12 weeks), nor a length given as a bound or as
    approximate ("for 12 weeks or longer", "for over 3 months", "a 12-week course or more", "for 3 months or so", "for
    12 weeks or until clearance", once the end at its number, as "for at least 12 weeks" never was), nor a later phase's
    after one at a pace whose length is not given ("twice daily, then tapered over 4 weeks"): ``unresolved``; a single
    dose before the length is its day 0 ("600 mg loading dose, then 300 mg every 2 weeks for 6 months" ends at 6
    months). Phases one after another ("then", "followed by", "thereafter"), each with a length of its own, end at their
    sum ("twice weekly for 6 weeks, then weekly for 6 weeks" at 12 weeks, "5 mg/day for 2 months, then tapered over 1
    month" at 3 months; once ``unresolved``), unless time passes between them that no length counts ("4 weeks later", a
    pause, a phase given again). So is a count of one phase's sessions, or of a loading dose's ("3 sessions 2 weeks
    apart, then monthly", "600 mg (2 injections), then 300 mg every 2 weeks"). Nor is the length of one pulse of a
    course repeated at a pace ("daily for 5 days every 4 weeks", "for 3 days monthly", "for 3 weeks out of 4"; once the
    end on day 5): the course's length is the one the regimen gives beside it ("daily for 5 days each month for 6
    months" ends at 6 months), and without one the end is ``unresolved``. A regimen that says its course did not run so
    ("stopped after 3 months", "repeated once", "extended to 24 weeks", "paused at week 8"), or that it had not ended
    when reported ("for 16 weeks (ongoing)", "to date", "still on treatment"; once the end at its length), paused ("with
    a 2-week break", not "without a break"), was given again ("for 8 weeks x 2", "on 2 occasions") or went on past its
    length ("for 16 weeks; continued as maintenance"), or that it ran on from the response ("continued for 12 weeks
    after clearance", whose time it does not give), or that gives its count of sessions as a bound or a range ("up to 3
    sessions", "3-4 sessions"), gives no end: ``unresolved``; so does one in several courses ("in two courses"), or in
    cycles that are spans of days (a cycle's own length, "3 cycles of 5 days", a pulse of days repeated, "5 days a
    month", whose cycle is the month, or a pace of a session a day or more, "daily for 12 weeks in 2 cycles", where a
    count of cycles is no count of sessions either), or with a count of cycles beside a length that may be one cycle's
    ("daily for 3 days, monthly, 6 cycles"). Where the phrase also states the time ("end of treatment at 12 weeks", "at
    the end of therapy (12 weeks)", "at the end of treatment, after 16 sessions"), the regimen's end stands if the two
    agree within 10% (or a day: "8 weeks" and "2 months" do; where the regimen's end spans days, the stated time within
    them, or within 10% of them: "(30 weeks)" of "every 4-6 weeks, 6 sessions", days 140 to 210, once refused), the
    stated time (``point``) if the regimen gives no end, and a disagreement is refused: which holds is the reviewer's to
    read. A count of sessions beside it is the day of its last session, (N - 1) / f weeks.
``after-end-of-treatment``
    a time counted from the end of the course, not its start: "3 months after the end of treatment", "6 weeks after the
    last session", "2 months post-treatment", "3 months post-discontinuation", "3 months after stopping", "4 weeks after
    EOT", "4 weeks post-EOT", "EOT + 4 weeks" (a time added to a moment written before it is that time after the moment,
    "diagnosis + 6 weeks" as "6 weeks after diagnosis", each once read as since the start): the end of treatment as
    ``end-of-treatment`` reads it (or the course the phrase names: "after the end of the 12-week course", "6 months
    after a 12-week course", "6 months after a 12-week treatment", "the 12-week regimen", once refused; the course named
    by what it gave, "3 months after the PDT course", once since the start, not one of several or a phase of one, "the
    previous course", "the induction course"; not "after 12 weeks treatment", with no article, which is time on it; or
    by its count of sessions, "3 months after completion of 6 sessions", the last one's day at the regimen's pace, once
    unresolved; not the end of a cycle, a span) plus that time. Time stopped is time since the end: "off treatment for 2
    months", "2 months off-therapy", "treatment-free for 6 months" (not free of one drug, "steroid-free", which may not
    be the row's), "6 months without treatment" (not "without further treatment"; once a time since the start), "after
    stopping the drug for 2 months". So is a time right after a word that is the end, with nothing it ends named:
    "post-treatment week 4", "post-discontinuation month 2", "post-treatment follow-up at 6 months" (not "off treatment
    at 6 months", whose preposition dates the end, nor "post-treatment (12 weeks)", whose brackets may restate it). So
    is the time of a main clause after a fronted end and a comma: "after stopping, no relapse for 6 months" is 6 months
    after the end, as "no relapse for 6 months after stopping" is (once the end of a course of 6 months, whatever the
    regimen said). "After completing therapy for 2 months" may time the course or the time since it, so it is
    ``unresolved``. "Within X" of the end reads (0, end + X], and "at least X" or a range after it keep their rule,
    shifted by the end; the end alone ("after completion of therapy") is ``end-of-treatment``, and later than it by an
    amount not given ("shortly after the end of treatment", "not until after completion of therapy") is ``at-least`` the
    end (once at the end: a response seen by then, the opposite). A regimen of one session and nothing more ("single
    treatment", "one session of PDT": no frequency, count or course length) ends on day 0, so the time after it is the
    time since the start. With no end of treatment to count from, an event's reading is ``unresolved``, never a time
    from the start; a follow-up lasted at least the time since the end, which is no earlier than the start: ``at-least``
    ("6 months after stopping" with no course length, (6 months, inf); "within" such a time gives no floor and is
    ``unresolved``).
``seen-at-assessment`` (times of events only)
    First and best responses are *seen at* assessments. A time X read by ``point``, ``exposures``,
    ``end-of-treatment`` or ``after-end-of-treatment`` ("minimal improvement after one month", "at week 12",
    "three-month follow-up", "4 weeks after the change in treatment") says the response was seen at that visit, so
    it began in (0, X] (the previous assessment is not reported). A range of times (``range``, or a range of
    sessions) says it was seen by the range's upper end: "after 6-8 weeks" and "between 6 and 8 weeks" are (0, 8]
    weeks, as "after 8 weeks" is (a time given less precisely is never read more narrowly); that it had not come by
    the lower end is the source's to say ("no response at 6 weeks; improvement at 8 weeks"). The same phrase read as
    a duration (``event=False``) gives the point X: the named sensitivity analysis that reads assessment times as
    exact onsets uses it. Follow-up durations keep the point X.
``at-least`` for an event not yet seen (times of events only)
    clauses that say only that the event had not happened at a time X ("no response at 3 months", "lesions unchanged
    after 8 weeks", "did not improve within 6 weeks", "failure to improve at 8 weeks", "unable to heal by 8 weeks",
    "none by 6 months", "ineffective after 4 months", "failed after 3 months", "refractory at 6 months", "no response (3
    months)", also after words that lead into it: "there was no response at 6 months", "she had not improved by 3
    months"; or that the disease was still there, with no word of a response: "lesions persisted at 3 months", "ulcer
    still open at 3 months", "yet to respond at 3 months"; or that it was not seen, with no word of the lesions: "not
    seen at 3 months", "improvement not evident at 3 months", "not yet at 3 months"), also after the time it is about
    ("at 3 months no change", "3 months: unchanged", "3 months (no improvement)"), or as the length of a treatment said
    to have failed ("a 3-month trial was unsuccessful", "treatment for 3 months failed"; once a response by then): it
    came later, (X, inf). Any other clause of an event's time that negates ("nothing at 3 months", "lesions not visible
    at 3 months", "no side effects at 3 months"), says what could not be done or seen, or that no data of the response
    were had ("unable to assess at 3 months", "photographs unavailable at 3 months", "no response data after 3 months"),
    says a change was all but absent ("hardly any change at 3 months", "little improvement at 3 months", "negligible
    change") or may not have come ("minimal, if any, improvement", "no or minimal improvement", where a minimal one is a
    response) is refused, since it may say the event had not come by X, and so is a phrase whose only times say that
    something else than the lesions was still there, with no word of a response ("erythema persisted at 8 weeks", "still
    present at 8 weeks"; what healing leaves, "a scar remained visible at 6 months", says the lesion healed): only a
    negation of the response's completeness ("not completely healed"), of a bound ("no later than"), or, beside a word
    for the response, of something else ("healed at 8 weeks without side effects", "with no change in dose") leaves a
    clause's time the event's. Once read as a response seen by X. A clause that says only that the response was not
    complete, or not so great, by X ("not fully healed at 3 months", "no complete response at 3 months", "no marked
    improvement at 3 months") says a best response came later; of a first response it says nothing, since a lesser one
    may have come by X: beside a clause that times the response it is left out, and alone it is refused (once a first
    response after X). Beside a clause that times the event they bound it from below, as ``clauses-span`` says. Nor is a
    clause that says, past a comma or a word of contrast, that another part of the disease did respond ("ulcer healed
    after 4 months but plaques unchanged", "size unchanged but erythema improved at 12 weeks", "not cleared but improved
    at 12 weeks"): it times the response as it does after ";" (once, not seen by X); not where a statement says what a
    response was to, with or on ("no response to steroids, improved with tacrolimus"), which may be two treatments. "No
    improvement until X" is not among them: it says the event came at X; with the time first ("until X no improvement")
    it may say only that none had come by X, and is refused. A worsening ("worsened at 2 weeks", "lesions enlarged at 4
    weeks", "ulcer size increased at 4 weeks", "lesions increased in number at 8 weeks", also a sign said to come or
    grow: "lesions became inflamed", "became ulcerated", "more inflamed at 2 weeks", once the first response then) is
    among them when no clause times the response before it; after one it is a later event, like a relapse, and is left
    out. "No worsening at X" ("no increase in size at X"), and a worsening that stopped ("stopped enlarging at X",
    "progression halted by X"), say only that the lesions were stable: beside a time of the response it is commentary,
    and alone it is ``unresolved``. What healing left, with no word of a response ("atrophy at 6 months", "scarring at 1
    year"), says how the healed lesion looked, as a clause on how long the response lasted does: beside a response it is
    commentary; so, after a complete response of the lesions, is a clause on how they were, with no word of a response
    ("complete response at 12 weeks; lesions flat at 6 months"): nothing is better than complete. A clause that names
    only the lesions or their signs beside its time, with no word of a response, a change, a degree, a failure or an
    absence ("erythema at 2 weeks", "ulcer noted at 4 weeks"), also by a word of a sign alone ("ulcerated", "inflamed",
    "active", "painful at 12 weeks"), says how they looked then: neither that they had responded (erythema may be the
    irritation of a cream, or what a partial response left) nor that they had not. Beside a clause that times the
    response it is commentary, and alone it is refused (each once a response at its time: "erythema at 2 weeks,
    improvement at 8 weeks" had a first response by 2 weeks, "improvement at 4 weeks, ulcerated at 12 weeks" a best one
    after 4 weeks). A lost response ("loss of response at 6 months", "lost by 8 weeks") times another event, as a
    relapse does; so does one said to decline ("the effect diminished at 16 weeks", "the response waned", "the benefit
    began to wear off", "waning response"; not a side effect), each once a response at its time or refused as naming
    something other than the lesions; "lost to follow-up after 3 months" is when the patient left, so for an event it is
    ``unresolved`` (for a follow-up, 3 months).
``onset`` (times of events only)
    the source dates the onset itself ("began to improve on day 10", "began improving on day 10", "improvement
    started after two weeks"): the exact time; in a numbered period ("began in the second month", "beginning of month
    3"), somewhere in it, (1, 2] months. Not when the time is a visit's ("improvement began at the 3-month visit"):
    that was seen at the visit, (0, X]. An onset is a first response's time: as a best response's it is refused,
    since the response may have grown after it (once the best, exactly at the onset), unless complete or followed by
    a later timed clause on the response ("began to improve at 4 weeks; cleared at 12 weeks": (4, 12] weeks); so
    is an onset seen at a visit, and a response said to be first seen ("first improvement at 4 weeks", "first
    signs of improvement", "initial response", "improvement was first noted at 4 weeks"; each once the best by
    then), though each is a first response seen by then, (0, X].
``clauses-span``
    several timed clauses separated by ";", or by commas where every part has a time of its own ("response at week 4,
    maximal at week 16"; never "at 3, 6 and 12 months" or "at 3 months, 6 months and 12 months": ``visits``), or by
    "and", "then" or "but" before a clause's own words ("improved at 1 month and cleared at 3 months"; never "at 2 weeks
    and 3 months"), or by "with", "followed by", "leading to", "progressing to", "which" or "that" before a statement
    with a time of its own ("improvement at 1 month with near-complete clearance at 4 months", "partial response at 1
    month which became complete at 4 months", once refused as several times in one clause) (a series reporting one time
    per outcome group, or a best response): the interval spanning all of them. Beside a clause saying the event had not
    come by X, the span of the times the timed clauses give the event (a visit's (0, T], as ``seen-at-assessment`` reads
    it), from no earlier than X: "no response at 3 months; improvement at 6 months" and "no improvement during the first
    3 months, then improved by 6 months" are both (3, 6] months; a clause that says something else had not responded
    ("no response to methotrexate at 4 weeks" in a dupilumab row, "no improvement in quality of life") is refused. A
    clause on how long a response lasted is commentary ("improved at 4 weeks; no further change at 12 weeks": (0, 4]
    weeks), except, for a best response, one that says when the improvement stopped ("partial response at 8 weeks,
    plateaued at 16 weeks", "no further improvement after 12 weeks"): the best came by then, (0, 16] weeks (once (0, 8],
    more precisely than the source says), and one that says a complete response lasted, seen at a visit after every
    timed clause, where none of them says the response was complete ("improvement at 4 weeks, sustained clearance at 6
    months", "durable remission at 12 months", also a complete state said to hold, "remained clear", "still clear",
    "remained free of lesions", each once commentary): a response better than any timed, there by then, (4 weeks, 6
    months] (once (0, 4] weeks, earlier than the source says); after a clause that may itself say a complete response, a
    healing or a clearing ("healed at 8 weeks, still clear at 1 year"), by then and maybe already at it, (0, 1 year]
    (once (8 weeks, 1 year], then (0, 8 weeks]). A relapse, recurrence, flare, lost response or worsening between
    two clauses that time a best response undoes the later one's being better: a complete response before it is the
    best, first reached then ("complete at 16 weeks; relapse at 24 weeks; cleared again at 32 weeks": (0, 16] weeks,
    once (16, 32]), one short of complete may be the best or not, so the best came by the last time ("improved at 8
    weeks; relapsed at 12 weeks; improved at 20 weeks": (0, 20] weeks, once (8, 20]); a complete response only after it
    is the best, after what came before. A follow-up was at least as long as each of its clauses says, so its span
    starts at the latest floor among them ("no change at 3 months; no change at 12 months": 12 months; once (3, 12]
    months, so that a patient with no response was censored at 3). Of a follow-up whose clauses give two or more lengths
    of time (no word of a moment: "treated 3 months, then observed 6 months", "3 months on treatment, 6 months
    follow-up"), the span reaches their sum, (6, 9] months: the lengths may run one after the other or the one hold the
    other; a time written unit first or as a numbered period is a moment, as "at 24 weeks" is ("week 12: partial; week
    24: complete" 24 weeks, once up to 36; "in the 3rd month: improved; 6 months of follow-up" 6 months); one named as
    the whole holds the others ("6 months of treatment, followed for 2 years in total", "total follow-up 2 years": 2
    years, once up to their sum). Lengths that each have words of their own after them are such clauses joined by "and",
    "plus" or "+" as well ("12 weeks of treatment and 4 weeks follow-up", "6 months treatment + 6 months follow-up":
    (12, 16] weeks and (6, 12] months; each once refused as several times in one clause), in a follow-up only, and not
    where one is counted from a moment ("12 months on treatment plus 6 months off", whose end the regimen may place
    elsewhere); "1 year and 3 months" is one length. A length after the end of treatment may run from the end: "stopped
    at 12 weeks; no relapse for 6 months" reaches 12 weeks + 6 months, (6 months, 12 weeks + 6 months] (once 12 weeks to
    6 months); so does a follow-up's time ("stopped at 12 weeks; no relapse at the 6-month follow-up", once 6 months),
    and the end may be in any words ("treatment completed at 12 weeks", "last dose at week 12", "tapered off at 12
    weeks"; each once no end); one after another moment counts from the start ("improved at 8 weeks; observed for 6
    months": 6 months), unless it says how long the response seen then lasted ("cleared at 12 weeks; remained clear for
    6 months", "improved at 8 weeks; no relapse for 6 months"), which may run from that moment, (6 months, 12 weeks + 6
    months], or, a complete response after a lesser one, from a later time the phrase does not give ("improved at 4
    weeks; clear for 6 months": at least 6 months; each once exactly 6 months). A time counted from the end ("6 months
    off treatment") is a moment, no length to add; that end is the course an earlier clause states, where the regimen
    gives none ("treated 3 months; no relapse 6 months after stopping" of a twice-daily cream: 9 months, once at least
    6; the course named by the row's agent, a session or a word for giving it too, "dupilumab for 3 months", "injections
    for 3 months", "a 3-month course", "given for 3 months", or by when it stopped or ended, "stopped at 3 months",
    "discontinued after 3 months", "treatment completed at 3 months", "the last dose at 3 months"; not a follow-up's
    length, "followed for 12 months", nor a pulse, "2 weeks on, 1 week off"), and a regimen whose course ends elsewhere
    disagrees with it and is refused ("daily for 6 weeks": once 6 weeks + 6 months, the 3 months of treatment left out),
    as is a response's time so counted ("treated 12 weeks; improved 4 weeks after stopping", "stopped at 12 weeks;
    improved 4 weeks after stopping"); where the regimen gives no course, such a response's time counts from an end the
    phrase states ("stopped at 12 weeks; improved 4 weeks after stopping": 16 weeks, once unresolved).
``earliest-clause`` (times of a first response only)
    several clauses that time a first response ("partial response after 4 weeks; complete at 12 weeks"): the
    response was there by the earliest of them, read as its own rule says ((0, 4] weeks), and after the latest time
    a clause says it had not happened. Once the span of all of them, (4, 12] weeks, which leaves out the time the
    source gives.
``unresolved``
    the phrase is understood but carries no time since the start of treatment; lower and upper are NaN and ``note`` says
    why: a count of sessions with no frequency in the regimen, a count of periods of a stated length ("after two 4-week
    cycles", "during the second 3 months": how they follow each other), an end of treatment with no course length, a
    calendar period ("enrolled 2013 to 2023"), a recommendation, plan or expectation ("at least six months recommended
    before final evaluation", "planned assessment at 12 weeks", "expected to respond by 12 weeks", "to be reviewed at 6
    months", "review due at 6 months", "will reassess at 6 months", "plan to stop at 6 months", "treatment to continue
    for 6 months", "awaiting the 6-month review"; a plan in a part of its own with no time, beside what was seen, is
    left out of it: "cleared at 12 weeks, further review planned" is 12 weeks, and "as planned" says what was done), a
    pace ("every 3 months", "at 3-month intervals", or a number of sessions in each span, "once a month", "three times a
    week", once a time of a month or a week: set aside beside another time), how long a response lasted as the only time
    of that response ("remained stable for 6 months", "no relapse for more than a year", the same over or throughout the
    span, "remained stable over 12 weeks", "maintained throughout 6 months", and a state held or a relapse absent for a
    span with no verb of lasting: "clear for 6 months", "in remission for 1 year", "lesion-free for 6 months", "no
    relapse for 2 years", and "over" or "throughout" a span for a state that is no process: "no relapse over 6 months",
    "in remission throughout 2 years", but not "healed over 8 weeks", which may say how long the healing took; and
    without "for": "the remission lasted 6 months", "a 6-month remission", "remission of 3 months", "duration of
    response 6 months"; once a response seen by then), or a phrase that says only that no time is given ("not stated",
    "timing not reported", "NR", "n/a"), or that there is none to give ("no response", "never", "not applicable", "lost
    to follow-up", "ongoing", "-").
``not-reported``
    the cell is empty.

A time counted from another event than the start of treatment ("3 months after diagnosis", "6 weeks after the biopsy",
"6 weeks post-dose increase", once read since the start, "4 weeks after dose escalation", in any words for a change of
the dose, "within 4 weeks of dose intensification", "after dose optimisation", "after treatment intensification": the
last once read since the start; a passive in "being" is one in "was", "within 2 months of the dose being doubled", once
read since the start; or a time spent on a later dose or in a later phase, "after 8 weeks at the higher dose", or on one
reached by titration, "after 8 weeks at the full dose", "at the target dose", "on a therapeutic dose" (these once read
since the start; not a dose named by its amount or as the standard one, "after 12 weeks at 300 mg"), "after 8 weeks of
maintenance", "after 4 weeks of tapering", or at a pace that is not the regimen's, "after 8 weeks of weekly dosing" of
dupilumab every 2 weeks, or at neither pace of one that reads two ways, "8 weeks of tri-weekly dosing", once read since
the start (not "daily application" of a twice-daily ointment, nor a pace of visits, "8 weeks of weekly follow-up"), once
read since the start), or from any moment the reader does not know to be the start ("6 weeks after onset", "8 weeks
after tapering", "4 weeks into the taper", "8 weeks into her pregnancy", "2 weeks after the ulcer healed", "3 months
postpartum", "3 months after methotrexate" in a dupilumab row; or an interval named by its ends from any such moment,
"time from diagnosis to response: 6 weeks", "6 weeks between diagnosis and response", "diagnosis-to-treatment 6 weeks",
or after the event a time runs to, "6 weeks to healing after surgery", or in other words after a time, "6 weeks
subsequent to surgery", "past", "beyond", "later than", "s/p", "status post", "as of", "relative to", "counted from",
also after a dash or a colon, "6 weeks - after surgery", once read since the start; not a change of grade or size after
"from", "improved over 8 weeks from moderate to mild", "reduced at 8 weeks from 5 cm to 2 cm", once refused as counted
from "moderate"; nor a follow-up's length after "after", "after a follow-up of 12 months", "after an observation period
of 6 months", read as "after 12 months of follow-up" is, once refused as counted from the follow-up), added to an
earlier moment the phrase does not give ("after a further 2 months", "2 more months", or sessions, "after a further 3
injections", "after 3 more sessions", "3 injections later", once read as that many since the start, "6 months after" or
"6 months since" ending its clause, or a span that follows it, "over the following 8 weeks", "within the next month",
"in the subsequent 3 months", which are not "following 8 weeks of treatment"; once read since the start; a unit with no
number is one of it, "the next day", "another month"; a time added to the one exact time of the clause right before it
is that sum, "improved at 4 weeks and cleared 8 weeks later" reading as "... cleared at 12 weeks" (once refused), "no
change at 4 weeks; improvement over the following 8 weeks" as "... improvement at 12 weeks" (once (4, 8] weeks), and one
added to a statement that the row's treatment was started, in the clause before or its own, is the time since the start,
"dupilumab was initiated; 6 weeks later the lesions improved" reading as "the lesions improved at 6 weeks" (once
refused; not another drug's start, a change or a start with a time of its own), but not one added to a bound, a range or
a clause with no time), or counted back from a later one ("3 months before", "8 weeks back", "2 weeks before the end of
treatment", "in the last 3 months"), or since the treatment was resumed ("8 weeks back on dupilumab", and any time in a
phrase that names the treatment given again before or with its first timed clause: "on rechallenge, improvement at 4
weeks", "restarted; improved at 4 weeks", "re-treated at 2 months; cleared at 6 months"; once times since the first
start; not after a timed clause, which the first course's time keeps, nor negated, "no retreatment needed"; and likewise
after a change of the dose named with no time of its own, "dose increased; improved at 4 weeks", "on the higher dose,
improvement at 4 weeks", while a change at its own time, "dose reduced at 4 weeks; improved at 8 weeks", is an event
since the start) is refused: no rule can turn it into a time since the start. So is a time of the disease's history or
of an earlier treatment ("NL for 10 years", "a 5-year history", "previously treated with steroids for 1 month", or of
the patient's diabetes, "diabetes for 20 years", "diabetic for 20 years", "duration of diabetes 15 years"). So is
how long a pause of the treatment lasted, when it began or ended unsaid ("improved after a 2-week interruption", "after
a 6-month drug holiday", "an interruption of 2 weeks", "a 4-week washout", "a 2-week rest", "a 2-week period of rest",
"a 2-week gap in treatment", "a 3-month lapse", these four once read since the start; a gap in a regimen may be its
spacing and ends no course); in an event's phrase, a pause with no word of response is another event's time, as a stop
is ("a 2-week treatment break at week 6; improved at 12 weeks" reads 12 weeks).

The moments known to be the start are a word for starting ("after initiating dupilumab", "dupilumab initiation", "the
switch", "after transitioning to dupilumab", "baseline"; a transition or a conversion is a switch), the treatment or one
of its sessions ("after therapy began", "the first injection", "the loading dose"), a procedure where the row's
treatment is one of its kind ("surgery" or "post-operatively" in a row of excision and grafting, "post-PDT" in one of
PDT; "post" before the time names its moment as after it does, "postoperative day 10", "post-PDT day 10", once read as
since the start in any row; the kinds are an operation, light (a laser, PDT, phototherapy, PUVA, UVA1, NB-UVB, IPL),
hyperbaric oxygen, negative-pressure wound therapy, cryotherapy, radiotherapy and compression, and measures that are no
drug: wound care, physiotherapy, rest or elevation, and the control of diabetes, smoking or weight, so that "after 2
months of leg elevation" in a dupilumab row is time on another treatment, once since the start), and the row's own agent
(``agent``: "3 months after dupilumab" in a dupilumab row). Using, applying, taking, receiving or being on a treatment,
or being treated, right before "for" a time, is that time spent on it since its start, as "after 8 weeks on dupilumab"
is ("improved after using the cream for 6 weeks", "after being treated for 6 weeks", each once refused as counted
from another moment; not "6 weeks after using the cream", which may count from one use), its start read as "after
starting" it is. What the start names must be the row's agent, a class it is
one of ("starting the JAK inhibitor" in a tofacitinib row, "the biologic was started" in a dupilumab row, once refused;
not where a route may set another drug of the class apart, "systemic corticosteroids" of intralesional triamcinolone,
nor in a row that combines drugs) or a word for any treatment ("starting the cream"): "after adding methotrexate" or
"after starting methotrexate" in a dupilumab row is another treatment's start, and "after changing the dose", "after
switching to weekly injections" or "after adding occlusion" changes the same treatment; so is a start whose words say
the treatment is given in another way than the row's ("7 months after beginning the tablets" of a cream, "6 weeks after
starting the cream" of a subcutaneous drug, once read since the row's start); all are refused, as is such a start or
change before the time it was at ("improved after switching to weekly injections at 8 weeks": the time of the switch, or
counted from it; never the response's since the start), and a change of the dose or of its schedule right before a time,
in words that also name a response ("improvement after dose escalation at 3 months", "improved on the higher dose at 4
weeks", "response after dose doubling (week 8)", "improvement after the interval was shortened at 3 months"; once read
as a response by then), though not a change alone at its time nor one that a comma or a word of response parts from it
("dose reduced after clearance at 4 months" reads 4 months); so, in a row of another agent, is another treatment added
before the time or beside it ("with the addition of methotrexate, response at 8 weeks", "methotrexate was added;
improvement at 8 weeks", "improvement once methotrexate was added at 8 weeks", "improvement at 8 weeks with the addition
of methotrexate"), though not the row's agent added ("dupilumab added to methotrexate"), nor an addition negated ("no
other treatment added") or after a comma ("improvement at 8 weeks, methotrexate was then added"); a negation of the
response before a change ("no improvement until methotrexate was added at 8 weeks") is not the change's, nor one before
the treatment given again ("no improvement until rechallenge at 4 weeks"); and so is, in a row of another agent, a drug
that the words of a response lead to right before the time ("improved after methotrexate at 8 weeks", "improved once on
methotrexate at 8 weeks", "improved after crossover to methotrexate at 8 weeks", and a procedure the row's treatment is
not: "improved after PDT at 8 weeks", "improved post-PDT at 8 weeks", the last once read since the start; a drug named
by its nonproprietary name's stem, neither the row's agent nor in its regimen nor after the row's agent ("with dupilumab
and methotrexate": the first drug decides), and not said to have failed, as in "no response to methotrexate at 4
weeks"). So is the end of another treatment than the row's, where the end names what ended ("after stopping
methotrexate", "after cessation of the previous agent", "after the last methotrexate injection", "after a course of PDT"
in a dupilumab row, or a treatment given in another way than the row's, "after stopping the tablets" of a cream, "after
discontinuing the cream" of a subcutaneous drug, once the row's end): it is not the end of the row's course that
``after-end-of-treatment`` counts from. Nor is the end of some drugs of a row's combination, the others of which may
have gone on ("4 weeks after stopping tacrolimus" in a row of a steroid cream and tacrolimus, once that course's end
plus 4 weeks), while "after stopping both" or "the combination" is its end (once refused). An end that is a word of its
own names nothing that ended ("post-treatment follow-up at 6 months", "treatment-free for 6 months"). With no agent
given (the parser alone) every end is the row's. So is a time spent on another treatment than the row's ("after 8 weeks
of tofacitinib", "8 weeks on methotrexate", "on methotrexate for 8 weeks", "on dupilumab weekly for 8 weeks" (once the
word before "for" alone: "weekly", read as the row's), "treated for 3 months with methotrexate" (once "treated" alone,
read as the row's), "methotrexate continued for 6 months" or "given for 3 months" (once "continued" or "given" alone),
"during a 3-month course of methotrexate", "3 months' treatment
with methotrexate" or "after 6 weeks of excimer laser" in a ruxolitinib row; once that time since the row's start), or
with which a time came, after it ("improved at 6 weeks with methotrexate", "while on methotrexate", "with PDT", "with
the cream" of an injected drug; once read since the row's start, where "with" names a treatment: not a pace, "every 2
weeks with methotrexate", nor what came with the response, "with residual erythema", an adverse event, "with oral
ulcers", or a drug not given or given less, "with no need for methotrexate", "with prednisone taper"): a
drug named by its international nonproprietary name's stem ("-mab", "-tinib", "-limus", "-sone", "-trexate", "-prost",
"-ermin" and the like), or by name where a drug given for NL has no such stem (alprostadil, fumaric acid esters,
aspirin, dipyridamole, nicotinamide, colchicine, insulin), or by a brand or another spelling of a drug given for NL,
which is that drug ("Humira" in a dupilumab row, once read as the row's; "Dupixent" there, and "ciclosporin" in a row of
"systemic cyclosporine", once refused; a brand given another way than the row's drug is another treatment, "Jakafi",
oral ruxolitinib, in a row of its cream), that is neither the row's agent nor in its regimen, or a procedure the row's
treatment is not, or a treatment given in a way the regimen and the agent say the row's is not ("after 8 weeks of
injections" or "of oral therapy" of an ointment); the first drug named decides, a time spent on anything else ("8 weeks
of the cream", "8 weeks of follow-up", "at 8 weeks on examination", "at 4 weeks on the left shin") is read as before,
and with no agent given every such time is the row's. A drug named by its class ("steroids", "corticosteroids", "a JAK
inhibitor", "anti-TNF therapy", "a calcineurin inhibitor", "antimalarials", "antibiotics", "statins", "antiplatelet
therapy", "biologics") is another treatment where nothing in the row's agent or regimen is of that class, here, right
before a time ("improved after steroids at 8 weeks") and in its sessions ("after 3 steroid injections" in a dupilumab
row, once read at its pace as 6 weeks); each was once read as the row's in any row. In a row of a member ("8 weeks of
steroids" of intralesional triamcinolone, "a JAK inhibitor" of ruxolitinib) or whose regimen names the class, it is the
row's, unless given in another way than the row's ("after 12 weeks of oral steroids" of a steroid cream). A drug the
time was free of or spared names no time on it ("steroid-free for 6 months", "methotrexate-free for 6 months", "a
steroid-sparing regimen"; the name once refused). In a row of a combination ("halobetasol cream + tacrolimus ointment"),
a time spent on one of its drugs alone ("after 8 weeks of tacrolimus alone", "of tacrolimus monotherapy", "of the
steroid alone") is a phase before or after the combination, and is refused as another treatment's time is (once read
since the start); one of its drugs without such a word is the combination's.

A session named without saying which ("4 weeks after the injection", "post-PDT", "after each session") is the start only
when the regimen gives one session (or none is stated); with several, the time is ``unresolved``: after the first, or
the last? So is the treatment named as a whole ("3 months after treatment", "6 weeks after the therapy"), or by the
row's agent ("4 weeks after laser" in a row of pulsed dye laser), in a course of a stated number of sessions ("6
sessions at two weeks intervals", "monthly x 4", "q4w x 3" (once no course), "x3 injections", "3 times at 2-week
intervals", "three times 4 weeks apart" (these two once no course), "at weeks 0, 4 and 8", one session given again,
"single session, repeated after 1 week", "a second session after 2 weeks", once the start; but not "2 weeks into
treatment", since it began, however many sessions it has, once unresolved), or, right after a time, in a course of a
stated length ("for 16 weeks", "applied daily for 10 months": "3 months after treatment" may count from its start or
from its end; "2 weeks into therapy" or "after treatment for 12 weeks" count from its start); in any other regimen it is
the start. A follow-up counted from such a moment is at least its time (``at-least``: the first session and the last,
the start and the end, are no earlier than the start). A session that is not of the row's treatment is refused, counted
or not ("after 3 injections", "2 weeks after the second infusion" or "2 weeks after intralesional injection" of a
twice-daily ointment or of an oral drug, "after 4 applications" of an oral drug; "after 3 injections of triamcinolone",
"after 3 methotrexate injections" or "after 3 PDT sessions" in a dupilumab row; once read at the row's pace, "after 3
injections" of the ointment as 1.5 days; with their own pace too, "after 4 monthly PDT sessions" in a dupilumab row or
"after 6 weekly injections" of the ointment, once read at it): an injection or an infusion where the regimen, the agent
and the route say the treatment is applied ("cream", "ointment", "topical") or taken by mouth ("orally", "tablets") and
nowhere that it is injected, an application where they say it is injected ("subcutaneous", "intralesional") or taken by
mouth (a time spent on "systemic therapy" is injected or taken by mouth, on a biologic injected), or sessions named with
a drug or a procedure that is not the row's, as of a time spent on one. Sessions that say nothing of how they were given
("after 3 doses"), in a row whose words say nothing of it (dupilumab "300 mg every 2 weeks" with no route stated), or
with no agent given, are read as before. A moment before a comma is one ("after tapering to 10 mg, improvement at 4
weeks"), as it is before "within". A clause that dates the start of a treatment before any response ("treatment was
started at 2 weeks", "started at week 2; improved at 8 weeks") is refused: the phrase's times may be counted from
another moment (once a response by the start's time). So is an age given as the only time ("at the age of 45 years", "at
18 months of age", "a 6-month-old ulcer", "at 30 weeks' gestation"); beside another time an age is set aside.

A head count, a patient's label or a share of patients beside a time ("in 3 patients after 3 months", "three of four
patients at 6 weeks", "most by 2 months", "usually by 2 months", "typically 8 weeks", "8 weeks (patient 1)", also in
parentheses) is refused, since the time is only theirs. Two numbers given as alternatives for one time ("two or three
weeks", "a week or two", "at 3 or 6 months"), in digits or in words, are the range they span, as "2 to 3 weeks" is: the
time is one of them (once refused). A time the phrase doubts ("8 weeks?", "possibly 8 weeks", "8 weeks (unclear)",
"equivocal response at 8 weeks") is refused too: whether it holds is the reviewer's reading; a doubt about anything else
("at 8 weeks, possibly due to the cream", "cause unclear") is commentary.

Commentary that is skipped: text in parentheses, and a restatement after "i.e." or "viz.", which is read as one ("at 8
weeks, i.e. 2 months"; for the time of an event, not one that times a response, "6 weeks (complete clearance at 12
weeks)", or says how great it was at a time, "response at 2 weeks (maximal at 8 weeks)", which is a clause of its own,
with a count of sessions too, "at 8 weeks (complete after 6 sessions)", or with a number and no unit, "(complete at
12)", refused as a number without a unit (each once commentary, the best response by the time before it), and one that
names the onset or first signs alone before a time, "(onset at 1 month)", "(first signs at 1 month)", once commentary
beside "complete response at 6 months", the first response by 6 months; not a dose's or a course's degree, "(maximal
dose at 2 weeks)", nor the disease's onset, "(disease onset 10 years ago)"; nor, for the time of an event, a time alone
in brackets right after a response, or a word of its degree alone ("complete (12 weeks)"), or words of what changed in
the lesions that name nothing else and do not say it had not come ("ulcer closed (12 weeks)", "lesions disappeared (12
weeks)", not "erythema (4 weeks)", "no change (12 weeks)", "treatment (12 weeks)"), in a clause of no other time, beside
a time outside them or another such response, "rapid response (2 weeks), sustained at 6 months", "improvement (week 4),
clearance (week 12)", "improvement at 4 weeks, complete (12 weeks)", "erythema reduced (4 weeks), healed at 12 weeks",
its clause ending at a comma, a semicolon, another such bracket, or an "and", "then" or "but" that starts a clause of
its own ("improvement (4 weeks) and clearance (12 weeks)"), read as if written there, once set aside or refused),
clauses without any number (", outcome remained stable in all"), clauses about another event (relapse, recurrence, also
with no time of its own after a comma, "and", "then" or "but" that follows the response's time, "improved at 2 weeks,
then relapsed", once the whole clause the relapse's and refused; for a follow-up, though, a relapse's, recurrence's,
flare's or lost response's time that a rule reads, in a clause that names no response, is observed time, "cleared at 16
weeks; relapse at 6 months" at least 6 months, once 16 weeks, and "recurrence at 6 months" alone 6 months, once refused,
also counted from the end of treatment, "relapsed 3 months after discontinuation" of a 6-month course 9 months (once the
end alone, 6 months) and, where no rule places the end, at least 3 months (once refused); for the time of a response
also an adverse event, a stop or a change of the treatment: "nausea at 2 weeks", "acne at 4 weeks", "elevated CK at 4
weeks" (these two once a response by then), "dose reduced at 4 weeks", "reduced to once daily at 4 weeks", "stopped at
12 weeks", also in other words, "treatment completed at 12 weeks", "tapered off at 12 weeks" (each once a response by
then; not "follow-up ended at 8 months"), whose time alone is refused, while a stop for want of a response,
"discontinued at 12 weeks for lack of efficacy", "treatment ended at 12 weeks for lack of efficacy", says the response
had not come by then; beside a clause on the response, one that names something no list holds, "syncope at 3 weeks;
improved at 8 weeks", "biopsy at 3 weeks; …", "methotrexate added at 2 months; …", or whose response is of something
other than the lesions, "tinea cleared at 3 weeks; …", "quality of life improved at 4 weeks; …", or that names a
procedure done at its time, "skin graft at 4 weeks; healed at 8 weeks", "PDT at 4 weeks; …", or the times sessions were
given, "injections at weeks 0, 2 and 4; …", one session's, "the injection at week 2; …", "a dose on day 1; …", or a time
from which a treatment was given, "injections from week 2; …", "300 mg from week 2; …", "dupilumab from week 2; …" (each
of these three kinds alone refused as a schedule, as is a response after them, "improved after doses at weeks 0, 2, 6",
"improved after the injection at week 8", once seen by the last, or with or on a treatment given from a time, "improved
with injections from week 2", "improved on dupilumab from week 2", once by then; "treatment at 8 weeks" may be "at 8
weeks of treatment" and is read), or that gives a length of time with no word of a response, "treatment continued for 6
months", "a 4-week course", "4 weeks of treatment", or with no word between, "treated 12 weeks", "12 weeks' treatment",
"followed up 4 weeks", or a sum, "12 weeks in total" (no total response), is refused (for a first response, only when it
is earlier than the response's time, which a later clause cannot move, or when that time is a follow-up's, "12 weeks of
treatment, 4 weeks follow-up", which may be counted from the length's end; a follow-up's time that gives a first or a
best response beside another clause that names the end of the treatment (a follow-up's length too, "stopped at 12 weeks;
followed for 6 months"), "stopped at 12 weeks; improvement at the 4-week follow-up", "partial at the end of treatment;
complete at the 4-week follow-up", "last injection at week 12; …", "… (end of treatment); …", or dated in brackets,
"stopped at 12 weeks; cleared at last follow-up (6 months)", is refused as well, since it may be counted from that end,
unless it is counted from a time or the end itself, "at follow-up 4 weeks later", "at the 4-week follow-up after a
12-week course"), since which time is the response's is the reviewer's reading: the lesions, their change, "partial" or
a bare time, "lesions flatter at 4 weeks; …", "at 4 weeks; complete at 12 weeks", are of the response, and so is a
clause alone (not two that each give a length and none a response, "treated for 12 weeks and followed for 4 weeks", "MAL
for 3 h; applied daily for 10 days", once a first response by the shorter), unless, with no word of response in the
phrase, it names a change of the treatment, "methotrexate added at 8 weeks", "dose escalation at 8 weeks", or another
treatment led to right before its time, "after PDT at 4 weeks", "switched to methotrexate at 8 weeks" in a dupilumab row
(each once a response by then), whose time is refused as that change's or treatment's, or counted from it; for a best
response, a later time that says nothing of it, "improved at 8 weeks; follow-up at 16 weeks", is refused, and so is one
written before it that is no bare time, "seen at 16 weeks, improved at 8 weeks", "until week 16, improved at 8 weeks",
while "16 weeks (improved at 8 weeks)" is the cell's own time), and, for the time of a response, a clause about how long
it lasted ("3 months; sustained at 12 months", "16 weeks, confirmed at 24 weeks"; a response's state still there,
"cleared at 12 weeks, still clear at 1 year", not "still improving"; a disease stable or stabilised, "stabilised at 4
weeks; improved at 12 weeks") beside one that times it, and beside a time, a dose, a lesion's size, an extent of change
or a clinical score's value ("after 16 weeks of 300 mg", "1.5% cream", "cream 1.5%", a drug's strength, "0.1%
tacrolimus", "tacrolimus 0.1%", whose name stays, once refused as several numbers, "ulcer 3 x 4 cm", "improved by 50% at
8 weeks", "improvement of more than 50% at week 8", "IGA 1 at week 16", "PGA improved from 3 to 1 at week 12",
"EASI-75"; a global assessment of the disease, IGA, vIGA or PGA, is of the lesions; never a share of patients or a head
count, "in 60% by 3 months", "in 5 of 8 patients", which say whose time it is). A phrase whose only time is in one
parenthesis ("response at first follow-up (6 weeks)") is read from it, as is one whose own time does not resolve ("end
of treatment (12 weeks)" with no course length in the regimen), and a count of sessions whose time it states ("after the
4th session (week 6)": the source's time, not the regimen's pace). A parenthesis with no time of its own that says what
the time before it is counted from is read with it, as if written there: "2 years (after end of treatment)" is "2 years
after end of treatment", "12 months (from diagnosis)" is refused as "12 months from diagnosis" is (once commentary, and
the time read as since the start); so, in a follow-up, is one that only labels the length before it ("8 weeks
(treatment), 6 months (follow-up)", "3 months (on therapy); 9 months (off therapy)"; once dropped, which left a list of
visits or a time off treatment from no stated end). A follow-up's parenthesis that gives a time later than every time
outside it ("cleared at 12 weeks; no recurrence at last follow-up (6 months)", "improvement at 4 weeks, complete (12
weeks)") says the patient was seen then: the follow-up reaches it, as "cleared at 12 weeks; no recurrence at 6 months"
does (once the time outside alone); not a series' summary ("(range 3-12 months)"), a bare time right after another ("8
weeks (2 months)"), or an end of treatment or a count of sessions the reading has weighed against the regimen.

Modules
-------
The rules are read in stages, each a module of this package, each using only those above it:
:mod:`~nlsynth.timeparse.lexicon` (units, numbers in words, normalisation), :mod:`~nlsynth.timeparse.regimen` (the
regimen's pace and course), :mod:`~nlsynth.timeparse.interval` (the reading and its error),
:mod:`~nlsynth.timeparse.treatment` (the row's regimen, agent and route, read together),
:mod:`~nlsynth.timeparse.response` (what one clause says of the response), :mod:`~nlsynth.timeparse.quantities`
(numbers that are not the time), :mod:`~nlsynth.timeparse.anchors` (what a time is counted from),
:mod:`~nlsynth.timeparse.qualifiers` (bounds), :mod:`~nlsynth.timeparse.summaries` (a series' summaries),
:mod:`~nlsynth.timeparse.sessions` (counts of sessions, the end of treatment), :mod:`~nlsynth.timeparse.clause` (one
clause), :mod:`~nlsynth.timeparse.checks` (the clauses together) and :mod:`~nlsynth.timeparse.phrase`
(:func:`parse_time`).

Examples
--------
>>> parse_time("within two weeks")
TimeInterval(lower=0.0, upper=14.0, rule='within', note='')
>>> parse_time("minimal improvement after one month").upper
30.4375
>>> round(parse_time("after a mean of 47 sessions", regimen="three times weekly").upper, 2)
109.67
"""

from nlsynth.timeparse.clause import as_event
from nlsynth.timeparse.interval import NOT_REPORTED, TimeInterval, TimePhraseError, unresolved
from nlsynth.timeparse.lexicon import NUMBER_WORDS, normalise, number
from nlsynth.timeparse.phrase import parse_time
from nlsynth.timeparse.qualifiers import SUMMARY_RULES
from nlsynth.timeparse.regimen import sessions_per_week
from nlsynth.timeparse.response import DOUBT_RE

__all__ = [
    "DOUBT_RE",
    "NOT_REPORTED",
    "NUMBER_WORDS",
    "SUMMARY_RULES",
    "TimeInterval",
    "TimePhraseError",
    "as_event",
    "normalise",
    "number",
    "parse_time",
    "sessions_per_week",
    "unresolved",
]

# The public classes are documented, raised and shown under the package's name.
TimeInterval.__module__ = TimePhraseError.__module__ = __name__
