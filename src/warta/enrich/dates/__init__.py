"""Date expressions in Indonesian (and English) news text, resolved against the page's date.

``find_dates`` reads expressions such as "Kamis (13/6)", "Senin (17/6) pagi", "14 Juni 2024",
"Senin, 17 Juni 2024 | 10:15 WIB", "2 jam yang lalu", "kemarin sore", "pekan lalu",
"Selasa lalu", "November 2023", "June 14, 2024" or "yesterday" and gives each an ISO 8601 value:
``YYYY-MM-DD`` for a day, ``YYYY-MM`` for a month, ``YYYY`` for a year, and
``YYYY-MM-DDTHH:MM:SS+07:00`` when a time is known (WIB +07:00, WITA +08:00, WIT +09:00; a time with
no zone is taken as the page's offset, else WIB).

Hand-written on purpose: ``dateparser`` costs tens of milliseconds a call and ignores the weekday
("Senin (6/1)" seen from early 2025 must be 2025-01-06, the Monday, not 2024-01-06), and a news page
names the weekday precisely so that the reader can place a day/month without a year. Every pattern
here is bounded and anchored on words, so none can backtrack catastrophically."""

from warta.enrich.dates.find import find_dates, parse_date_expression, published_from_text

__all__ = ["find_dates", "parse_date_expression", "published_from_text"]
