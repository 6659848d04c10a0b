"""Publication dates stated on a page: date lines, datelines and dated URLs, as ISO strings."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
         r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# "December 24, 2019", "Dec. 24 2019", "24 December 2019", "2019-12-24", "December 2019"
_DATE_FORMS = (
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR, re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+"
               + _YEAR, re.I),
    re.compile(r"\b" + _YEAR + r"-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
)
# A line that only states when the page was published or updated.
_DATE_LINE = re.compile(
    r"^\s*(?:(?:last\s+)?(?:updated|published|posted|modified|first published|created|"
    r"date|dated)(?:\s+(?:on|at))?\s*[:\-–]?\s*)?(?P<rest>.{6,70})$", re.I)
# What may stand beside the date on a date line: a time and a time zone.
_DATE_LINE_WORDS = re.compile(r"^[\s\d:,.|/\-–]*(?:(?:am|pm|AM|PM|a\.m\.|p\.m\.|[A-Z]{2,4}|"
                              r"[A-Z]{3}[+-]\d{1,2})[\s\d:+,.|/\-–]*)*$")
_STATED = re.compile(r"\b(?:first published|published|updated|posted)(?:\s+(?:on|at))?\b", re.I)
_DATASET_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
# "SEOUL, Aug. 10 (UPI) --", "WASHINGTON, March 3 (Reuters) -"
_DATELINE = re.compile(
    r"^(?-i:[A-Z][A-Z.'’ -]{1,40}(?:/[A-Z][A-Z.'’ -]{1,40})*),\s+" + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:,\s+" + _YEAR + r")?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-|:)", re.I)
_PLACE_DATELINE = re.compile(r"^(?-i:[A-Z][A-Z.'’ -]{2,40}(?:/[A-Z][A-Z.'’ -]{1,40})*)"
                             r"(?:,[^:(—–-]{1,30})?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-|:)\s")
_URL_DATE = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})(?:/|$|[-_])"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)-(?P<mnum>\d{2})-(?P<day>\d{2})(?:/|$|[-_])"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<mnum>\d{1,2})(?:/|$)"),
)
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*" + _YEAR, re.I)
_ANY_YEAR = re.compile(r"\b" + _YEAR + r"\b")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """YYYY-MM-DD, YYYY-MM or YYYY at the precision given; None when not a real date."""
    try:
        if month and day:
            return date(year, month, day).isoformat()
        if month:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
    except ValueError:
        return None
    return f"{year:04d}"


def _from_match(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    month = MONTHS.get((groups.get("month") or "").lower().rstrip(".")) or (
        int(groups["mnum"]) if groups.get("mnum") else None)
    day = int(groups["day"]) if groups.get("day") else None
    return _iso(int(groups["year"]), month, day)


def find_date(text: str) -> str | None:
    """The first full or partial date written anywhere in `text`."""
    found = [(m.start(), m) for form in _DATE_FORMS for m in form.finditer(text)]
    for _, m in sorted(found, key=lambda pair: pair[0]):
        value = _from_match(m)
        if value:
            return value
    return None


def dataset_date(line: str) -> tuple[str | None, str]:
    """A leading "date YYYY-MM-DD" stamp some page copies carry, and the line without it."""
    m = _DATASET_DATE.match(line)
    if not m:
        return None, line
    return _iso(*map(int, m.group(1).split("-"))), line[m.end():]


def date_line(line: str) -> str | None:
    """The date when `line` states nothing but a publication date ("Updated: Dec 24, 2019")."""
    m = _DATE_LINE.match(line.strip())
    if not m:
        return None
    rest = m.group("rest")
    for form in _DATE_FORMS:
        found = form.search(rest)
        if found and _DATE_LINE_WORDS.match(rest[:found.start()] + rest[found.end():]):
            return _from_match(found)
    return None


def stated_date(line: str) -> str | None:
    """The date a short byline-like line gives as published or updated ("By X | Published ...")."""
    if len(line) > 160 or line.rstrip().endswith("."):  # a sentence that mentions a date
        return None
    m = _STATED.search(line)
    if not m:
        return None
    rest = line[m.end():m.end() + 60]
    for form in _DATE_FORMS:
        found = form.match(rest.lstrip(" :-–,"))
        if found:
            return _from_match(found)
    return None


def url_date(url: str | None) -> str | None:
    """The date in a dated URL path (/2021/08/10/, /2021-08-10-, /2021/08/)."""
    if not url:
        return None
    for pattern in _URL_DATE:
        m = pattern.search(url)
        if m and (value := _from_match(m)):
            return value
    return None


def dateline_date(line: str, year: int | None) -> str | None:
    """The date of a dateline ("SEOUL, Aug. 10 (UPI) --"), its year given or found elsewhere."""
    m = _DATELINE.match(line.strip())
    if not m:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    if year is None:
        return None
    return _iso(year, MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))


def starts_with_dateline(line: str) -> bool:
    """True for a paragraph opening with a dateline ("BEIJING (Reuters) -", "SEOUL, Aug. 10 --")."""
    return bool(_DATELINE.match(line.strip()) or _PLACE_DATELINE.match(line.strip()))


def page_year(text: str, url: str | None) -> int | None:
    """The year a page is from when it gives no full date: its URL, copyright, latest year."""
    if (value := url_date(url)) is not None:
        return int(value[:4])
    if m := _COPYRIGHT_YEAR.search(text):
        return int(m.group("year"))
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    this_year = date.today().year
    years = [y for y in years if y <= this_year]
    return max(years) if years else None
