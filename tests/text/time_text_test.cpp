// The one formatter of times (text/time_text.hpp): the reader's language, the organisation's
// clock, ICU's calendar. Europe/Zurich changes to summer time on 29 March 2026 at 01:00 UTC and
// back on 25 October 2026 at 01:00 UTC.
#include "text/time_text.hpp"

#include <gtest/gtest.h>

#include <ostream>

namespace es::text {
namespace {

using domain::Language;
using namespace std::chrono_literals;

domain::Timestamp at(const char* iso) {
    return *parse_utc(iso);
}

const TimeReader kGerman{Language::De, "Europe/Zurich"};
const TimeReader kEnglish{Language::En, "Europe/Zurich"};

const TimeReader kGermanUtc{Language::De, "UTC"};
const TimeReader kNewYorker{Language::En, "America/New_York"};

// A moment (UTC), one of the formatters, a reader, and the text that reader sees.
struct ShownTime {
    const char* name;
    std::string (*shown)(domain::Timestamp, const TimeReader&);
    const char* utc;
    TimeReader reader;
    const char* text;
};

constexpr auto zoned = zoned_date_time_text;

// German readers see day.month.year, English ones the day first with the month's name, both on
// the organisation's clock: 23:30 UTC on the 13th is already the 14th in Zurich. Readers elsewhere
// are told the zone. The clock jumps where summer time begins (29 March 2026, 01:00 UTC) and
// repeats an hour where it ends (25 October 2026, 01:00 UTC).
const ShownTime kShownTimes[] = {
    {"GermanDateTime", date_time_text, "2026-12-26T02:35:00Z", kGerman, "26.12.2026, 03:35"},
    {"GermanDate", date_text, "2026-12-26T02:35:00Z", kGerman, "26.12.2026"},
    {"EnglishDateTime", date_time_text, "2026-12-26T02:35:00Z", kEnglish, "26 Dec 2026, 03:35"},
    {"EnglishDate", date_text, "2026-12-26T02:35:00Z", kEnglish, "26 Dec 2026"},
    {"OrganisationsDate", date_text, "2026-12-13T23:30:00Z", kGerman, "14.12.2026"},
    {"UtcDate", date_text, "2026-12-13T23:30:00Z", kGermanUtc, "13.12.2026"},
    {"NewYorkDate", date_time_text, "2026-12-13T23:30:00Z", kNewYorker, "13 Dec 2026, 18:30"},
    {"WinterZoneGerman", zoned, "2026-12-26T02:35:00Z", kGerman, "26.12.2026, 03:35 MEZ"},
    {"WinterZoneEnglish", zoned, "2026-12-26T02:35:00Z", kEnglish, "26 Dec 2026, 03:35 CET"},
    {"SummerZoneGerman", zoned, "2026-07-01T10:00:00Z", kGerman, "01.07.2026, 12:00 MESZ"},
    {"SummerZoneEnglish", zoned, "2026-07-01T10:00:00Z", kEnglish, "1 Jul 2026, 12:00 CEST"},
    {"LastMinuteBeforeSummerTime", zoned, "2026-03-29T00:59:00Z", kGerman, "29.03.2026, 01:59 MEZ"},
    {"FirstMinuteOfSummerTime", zoned, "2026-03-29T01:00:00Z", kGerman, "29.03.2026, 03:00 MESZ"},
    {"LastMinuteOfSummerTime", zoned, "2026-10-25T00:59:00Z", kEnglish, "25 Oct 2026, 02:59 CEST"},
    {"RepeatedHourInWinterTime", zoned, "2026-10-25T01:00:00Z", kEnglish, "25 Oct 2026, 02:00 CET"},
};

// A case is shown by its name (in ctest's list too), not as bytes.
void PrintTo(const ShownTime& c, std::ostream* os) {
    *os << c.name;
}

class ShownTimes : public ::testing::TestWithParam<ShownTime> {};

TEST_P(ShownTimes, AreOnTheReadersClockInTheReadersLanguage) {
    const ShownTime& t = GetParam();
    EXPECT_EQ(t.text, t.shown(at(t.utc), t.reader));
}

INSTANTIATE_TEST_SUITE_P(TimeTextTest, ShownTimes, ::testing::ValuesIn(kShownTimes),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(TimeTextTest, ADateEndsAtTheEndOfThatDayInTheOrganisationsZone) {
    EXPECT_EQ(at("2026-12-13T22:59:59Z") + 999ms, end_of_day("2026-12-13", "Europe/Zurich"));
    EXPECT_EQ(at("2026-07-01T21:59:59Z") + 999ms, end_of_day("2026-07-01", "Europe/Zurich"));
    EXPECT_EQ(at("2026-12-14T04:59:59Z") + 999ms, end_of_day("2026-12-13", "America/New_York"));
    EXPECT_EQ(at("2026-12-13T23:59:59Z") + 999ms, end_of_day("2026-12-13", "UTC"));
}

TEST(TimeTextTest, DaysOfAClockChangeEndAtTheirOwnMidnight) {
    // 23 hours long, ending in summer time (UTC+2).
    EXPECT_EQ(at("2026-03-29T21:59:59Z") + 999ms, end_of_day("2026-03-29", "Europe/Zurich"));
    // 25 hours long, ending in winter time (UTC+1).
    EXPECT_EQ(at("2026-10-25T22:59:59Z") + 999ms, end_of_day("2026-10-25", "Europe/Zurich"));
    EXPECT_EQ("25.10.2026, 23:59",
              date_time_text(*end_of_day("2026-10-25", "Europe/Zurich"), kGerman));
}

TEST(TimeTextTest, OnlyARealDateHasAnEnd) {
    EXPECT_FALSE(end_of_day("2026-02-30", "Europe/Zurich"));
    EXPECT_FALSE(end_of_day("2026-1-05", "Europe/Zurich"));
    EXPECT_FALSE(end_of_day("13.12.2026", "Europe/Zurich"));
    EXPECT_FALSE(end_of_day("", "Europe/Zurich"));
}

TEST(TimeTextTest, AMomentsDayEndsOnTheOrganisationsCalendar) {
    // 23:30 UTC on the 13th is the 14th in Zurich: its day ends at the end of the 14th there.
    EXPECT_EQ(at("2026-12-14T22:59:59Z") + 999ms,
              end_of_day(at("2026-12-13T23:30:00Z"), "Europe/Zurich"));
    EXPECT_EQ("2026-12-14", local_date(at("2026-12-13T23:30:00Z"), "Europe/Zurich"));
    EXPECT_EQ("2026-12-13", local_date(at("2026-12-13T23:30:00Z"), "UTC"));
}

TEST(TimeTextTest, RelativeTimesUseTheLargestUnitThatFits) {
    const auto now = at("2026-12-10T12:00:00Z");
    EXPECT_EQ("in 3 days", relative_text(now + 72h + 5h, now, Language::En));
    EXPECT_EQ("in 3 Tagen", relative_text(now + 72h, now, Language::De));
    EXPECT_EQ("5 minutes ago", relative_text(now - 5min, now, Language::En));
    EXPECT_EQ("vor 5 Minuten", relative_text(now - 5min, now, Language::De));
    EXPECT_EQ("in 2 hours", relative_text(now + 2h, now, Language::En));
    EXPECT_EQ("vor 1 Tag", relative_text(now - 25h, now, Language::De));
    EXPECT_EQ("now", relative_text(now + 10s, now, Language::En));
    EXPECT_EQ("jetzt", relative_text(now - 10s, now, Language::De));
}

TEST(TimeTextTest, ZonesAreThoseIcuKnows) {
    EXPECT_TRUE(is_time_zone("Europe/Zurich"));
    EXPECT_TRUE(is_time_zone("America/New_York"));
    EXPECT_TRUE(is_time_zone("UTC"));
    EXPECT_FALSE(is_time_zone("Mars/Olympus_Mons"));
    EXPECT_FALSE(is_time_zone("Europe/Zürich"));
    // ICU's custom offsets are no zones of the database: no daylight saving time, wrong half the
    // year. So are long strings, whatever they hold.
    EXPECT_FALSE(is_time_zone("GMT+5"));
    EXPECT_FALSE(is_time_zone("GMT-03:30"));
    EXPECT_FALSE(is_time_zone(std::string(65, 'A')));
    EXPECT_TRUE(is_time_zone("Etc/GMT+5"));  // a database name (with POSIX's inverted sign)
    EXPECT_FALSE(is_time_zone(""));
}

TEST(TimeTextTest, MachinesReadUtcInIso8601) {
    EXPECT_EQ("2026-11-23T13:27:16Z", format_utc(at("2026-11-23T13:27:16Z")));
    EXPECT_EQ("2026-11-23", format_utc_date(at("2026-11-23T23:59:59Z")));
    EXPECT_EQ(at("2026-11-23T00:00:00Z"), parse_utc("2026-11-23"));
    EXPECT_FALSE(parse_utc("23.11.2026"));
    EXPECT_FALSE(parse_utc("2026-11-23T13:27:16+01:00x"));
}

}  // namespace
}  // namespace es::text
