#include "text/time_text.hpp"

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>
#include <unicode/calendar.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/reldatefmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <tuple>

namespace es::text {

namespace {

using domain::Language;
using domain::Timestamp;

// English dates are written day first ("26 Dec 2026"), as in British English; American month-first
// dates would be misread by every German-speaking reader who switches to English.
icu::Locale icu_locale(Language language) {
    return language == Language::De ? icu::Locale("de") : icu::Locale("en", "GB");
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::unique_ptr<icu::TimeZone> zone_named(std::string_view name) {
    return std::unique_ptr<icu::TimeZone>(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
            icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))));
}

enum class Shape { Date, DateTime, ZonedDateTime };

// The CLDR skeleton per language and shape; ICU picks the order and separators ("26.12.2026,
// 03:35", "26 Dec 2026, 03:35").
const char* skeleton(Language language, Shape shape) {
    const bool de = language == Language::De;
    switch (shape) {
        case Shape::Date:
            return de ? "ddMMyyyy" : "dMMMy";
        case Shape::DateTime:
            return de ? "ddMMyyyyHHmm" : "dMMMyHHmm";
        case Shape::ZonedDateTime:
            return de ? "ddMMyyyyHHmmz" : "dMMMyHHmmz";
    }
    return "";
}

// Building a formatter costs far more than using one, and ICU formatters are not to be shared
// between threads: each thread keeps the ones it has built.
icu::SimpleDateFormat& formatter(Language language, Shape shape, std::string_view zone) {
    using Key = std::tuple<Language, Shape, std::string>;
    thread_local std::map<Key, std::unique_ptr<icu::SimpleDateFormat>> cache;
    Key key{language, shape, std::string(zone)};
    auto it = cache.find(key);
    if (it == cache.end()) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale locale = icu_locale(language);
        std::unique_ptr<icu::DateTimePatternGenerator> generator(
            icu::DateTimePatternGenerator::createInstance(locale, status));
        const icu::UnicodeString pattern =
            U_SUCCESS(status) ? generator->getBestPattern(skeleton(language, shape), status)
                              : icu::UnicodeString(u"yyyy-MM-dd HH:mm");
        auto format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
        format->adoptTimeZone(zone_named(zone).release());
        it = cache.emplace(std::move(key), std::move(format)).first;
    }
    return *it->second;
}

// A page shows the same few instants on every request (its expiry, the journal's dates), and ICU's
// formatting of one costs more than the rest of the page's text: each thread keeps what it
// formatted, up to a bound.
std::string formatted(Timestamp at, const TimeReader& reader, Shape shape) {
    using Key = std::tuple<std::int64_t, Language, Shape, std::string>;
    constexpr std::size_t kRemembered = 256;
    thread_local std::map<Key, std::string> remembered;
    Key key{domain::to_epoch_ms(at), reader.language, shape, reader.time_zone};
    if (auto it = remembered.find(key); it != remembered.end()) {
        return it->second;
    }
    icu::UnicodeString out;
    formatter(reader.language, shape, reader.time_zone)
        .format(static_cast<UDate>(std::get<0>(key)), out);
    std::string text = utf8(out);
    if (remembered.size() >= kRemembered) {
        remembered.clear();
    }
    remembered.emplace(std::move(key), text);
    return text;
}

// A Gregorian calendar on `zone`'s clock, set to `at`.
std::unique_ptr<icu::Calendar> calendar_at(Timestamp at, std::string_view zone) {
    UErrorCode status = U_ZERO_ERROR;
    auto cal = std::make_unique<icu::GregorianCalendar>(zone_named(zone).release(), status);
    cal->setTime(static_cast<UDate>(domain::to_epoch_ms(at)), status);
    return cal;
}

Timestamp day_end(int year, int month, int day, std::string_view zone) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar cal(zone_named(zone).release(), status);
    cal.clear();
    cal.set(year, month - 1, day + 1, 0, 0, 0);  // the next day's midnight; lenient: 32 Dec is fine
    return domain::from_epoch_ms(static_cast<std::int64_t>(cal.getTime(status)) - 1);
}

Poco::Timestamp to_poco(Timestamp at) {
    return Poco::Timestamp(domain::to_epoch_ms(at) * 1000);
}

}  // namespace

bool is_time_zone(std::string_view name) {
    // A name of the time-zone database ("Europe/Zurich", "UTC"), not one of ICU's custom offsets
    // such as "GMT+5", which know no daylight saving time and would be wrong half the year.
    if (name.empty() || name.size() > 64) {
        return false;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString canonical;
    UBool system = false;
    icu::TimeZone::getCanonicalID(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                      name.data(), static_cast<int32_t>(name.size()))),
                                  canonical, system, status);
    return U_SUCCESS(status) && system;
}

std::string date_text(Timestamp at, const TimeReader& reader) {
    return formatted(at, reader, Shape::Date);
}

std::string date_time_text(Timestamp at, const TimeReader& reader) {
    return formatted(at, reader, Shape::DateTime);
}

std::string zoned_date_time_text(Timestamp at, const TimeReader& reader) {
    return formatted(at, reader, Shape::ZonedDateTime);
}

std::string host_date_text(std::string_view rfc3339, const TimeReader& reader) {
    const auto at = parse_utc(rfc3339);
    return at ? date_text(*at, reader) : std::string(rfc3339);
}

std::string relative_text(Timestamp at, Timestamp now, Language language) {
    UErrorCode status = U_ZERO_ERROR;
    icu::RelativeDateTimeFormatter format(icu_locale(language), status);
    const double seconds =
        static_cast<double>(domain::to_epoch_ms(at) - domain::to_epoch_ms(now)) / 1000;
    const double size = std::fabs(seconds);
    icu::UnicodeString out;
    if (size < 60) {
        format.format(UDAT_DIRECTION_PLAIN, UDAT_ABSOLUTE_NOW, out, status);
    } else if (size < 3600) {
        format.formatNumeric(std::round(seconds / 60), UDAT_REL_UNIT_MINUTE, out, status);
    } else if (size < 86400) {
        format.formatNumeric(std::round(seconds / 3600), UDAT_REL_UNIT_HOUR, out, status);
    } else {
        format.formatNumeric(std::round(seconds / 86400), UDAT_REL_UNIT_DAY, out, status);
    }
    return utf8(out);
}

std::string local_date(Timestamp at, std::string_view time_zone) {
    UErrorCode status = U_ZERO_ERROR;
    const auto cal = calendar_at(at, time_zone);
    char out[40];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", cal->get(UCAL_YEAR, status),
                  cal->get(UCAL_MONTH, status) + 1, cal->get(UCAL_DATE, status));
    return out;
}

std::optional<Timestamp> end_of_day(std::string_view text, std::string_view time_zone) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 ||
        std::sscanf(std::string(text).c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
        return std::nullopt;
    }
    using namespace std::chrono;
    if (!year_month_day{year{y}, month{m}, day{d}}.ok()) {
        return std::nullopt;
    }
    return day_end(y, static_cast<int>(m), static_cast<int>(d), time_zone);
}

Timestamp end_of_day(Timestamp at, std::string_view time_zone) {
    UErrorCode status = U_ZERO_ERROR;
    const auto cal = calendar_at(at, time_zone);
    return day_end(cal->get(UCAL_YEAR, status), cal->get(UCAL_MONTH, status) + 1,
                   cal->get(UCAL_DATE, status), time_zone);
}

std::string format_utc(Timestamp at) {
    return Poco::DateTimeFormatter::format(to_poco(at), "%Y-%m-%dT%H:%M:%SZ");
}

std::string format_utc_date(Timestamp at) {
    return Poco::DateTimeFormatter::format(to_poco(at), "%Y-%m-%d");
}

std::optional<Timestamp> parse_utc(std::string_view text) {
    const std::string s(text);
    for (const char* format : {"%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ"}) {
        Poco::DateTime parsed;
        int tz = 0;
        if (Poco::DateTimeParser::tryParse(format, s, parsed, tz) &&
            format_utc(domain::from_epoch_ms(parsed.timestamp().epochMicroseconds() / 1000))
                    .substr(0, s.size()) == s) {
            return domain::from_epoch_ms(parsed.timestamp().epochMicroseconds() / 1000 - tz * 1000);
        }
    }
    return std::nullopt;
}

}  // namespace es::text
