// Each thread remembers the times it formatted (a page shows the same few on every request): what
// it remembers must never be given for another zone, language or shape, and stays right when the
// memory is full and starts over.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/timestamp.hpp"
#include "text/time_text.hpp"

namespace es::text {
namespace {

using domain::Language;

TEST(TimeTextMemory, NeverAnswersForAnotherZoneLanguageOrShape) {
    const auto at = domain::from_epoch_ms(1798761600000);  // 2027-01-01 00:00 UTC
    const TimeReader zurich{Language::De, "Europe/Zurich"};
    const TimeReader new_york{Language::De, "America/New_York"};
    const TimeReader english{Language::En, "Europe/Zurich"};
    const std::string first = zoned_date_time_text(at, zurich);
    EXPECT_EQ("01.01.2027, 01:00 MEZ", first);
    EXPECT_NE(first, zoned_date_time_text(at, new_york));
    EXPECT_NE(first, zoned_date_time_text(at, english));
    EXPECT_NE(first, date_time_text(at, zurich));
    EXPECT_EQ(first, zoned_date_time_text(at, zurich));
}

TEST(TimeTextMemory, StaysRightPastItsBound) {
    const TimeReader zurich{Language::De, "Europe/Zurich"};
    std::set<std::string> seen;
    // 1,000 different minutes: more than a thread remembers, so it starts over on the way.
    for (std::int64_t i = 0; i < 1000; ++i) {
        seen.insert(date_time_text(domain::from_epoch_ms(1798761600000 + i * 60000), zurich));
    }
    EXPECT_EQ(1000u, seen.size());
    EXPECT_EQ("01.01.2027, 01:00", date_time_text(domain::from_epoch_ms(1798761600000), zurich));
}

}  // namespace
}  // namespace es::text
