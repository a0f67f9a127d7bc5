// Points in time as people and machines read them; the one place that turns a Timestamp into text
// and back.
//
// People read times on the organisation's clock (its IANA time zone, per organisation, default
// Europe/Zurich) in their own language's format: "26.12.2026, 03:35" in German, "26 Dec 2026,
// 03:35" in English. Where the reader may be elsewhere (a recipient: portal pages, the zip summary,
// e-mails, SMS) the zone's short name follows: "03:35 MEZ" / "03:35 CET", "MESZ" / "CEST" in
// summer, "GMT-5" where the language has no name for the zone. ICU does the work with the system's
// time-zone data; nothing here counts hours itself.
//
// Machines (licence keys, JSON values, logs) read UTC in ISO 8601, below.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/language.hpp"
#include "domain/timestamp.hpp"

namespace es::text {

inline constexpr std::string_view kDefaultTimeZone = "Europe/Zurich";

// Who reads a time: in which language, on which organisation's clock.
struct TimeReader {
    domain::Language language = domain::Language::De;
    std::string time_zone{kDefaultTimeZone};  // an IANA name, checked with is_time_zone
};

// True for a zone ICU knows ("Europe/Zurich", "UTC"); false for "Mars/Base", "".
bool is_time_zone(std::string_view name);

// "26.12.2026" / "26 Dec 2026"
std::string date_text(domain::Timestamp at, const TimeReader& reader);
// "26.12.2026, 03:35" / "26 Dec 2026, 03:35"
std::string date_time_text(domain::Timestamp at, const TimeReader& reader);
// "26.12.2026, 03:35 MEZ" / "26 Dec 2026, 03:35 CET": for readers who may be in another zone.
std::string zoned_date_time_text(domain::Timestamp at, const TimeReader& reader);
// `at` seen from `now`: "in 3 days", "5 minutes ago", "now" / "in 3 Tagen", "vor 5 Minuten",
// "jetzt". The unit is the largest that fits (minutes below an hour, hours below a day), rounded.
std::string relative_text(domain::Timestamp at, domain::Timestamp now, domain::Language language);

// The date of a time the host wrote (RFC 3339 UTC: a journal entry's date), as date_text writes
// it; the host's text as it is when it cannot be read.
std::string host_date_text(std::string_view rfc3339, const TimeReader& reader);

// Days on the organisation's calendar. A date means the end of that day in the organisation's
// zone: its last millisecond.
std::string local_date(domain::Timestamp at, std::string_view time_zone);  // "2026-12-26"
// The end of the day "YYYY-MM-DD" in `time_zone`; nothing when `text` is no such date.
std::optional<domain::Timestamp> end_of_day(std::string_view text, std::string_view time_zone);
// The end of the day `at` falls on in `time_zone`.
domain::Timestamp end_of_day(domain::Timestamp at, std::string_view time_zone);

// Machine formats, UTC.
std::string format_utc(domain::Timestamp at);       // "2026-11-23T13:27:16Z"
std::string format_utc_date(domain::Timestamp at);  // "2026-11-23"
// "2026-11-23" (midnight UTC) or "2026-11-23T13:27:16Z"; nothing when neither.
std::optional<domain::Timestamp> parse_utc(std::string_view text);

}  // namespace es::text
