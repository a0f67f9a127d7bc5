#include "licence/time_text.hpp"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

namespace es::licence {

namespace {

Poco::Timestamp to_poco(domain::Timestamp at) {
    return Poco::Timestamp(domain::to_epoch_ms(at) * 1000);
}

}  // namespace

std::string format_utc(domain::Timestamp at) {
    return Poco::DateTimeFormatter::format(to_poco(at), "%Y-%m-%dT%H:%M:%SZ");
}

std::string format_date(domain::Timestamp at) {
    return Poco::DateTimeFormatter::format(to_poco(at), "%Y-%m-%d");
}

std::optional<domain::Timestamp> parse_utc(std::string_view text) {
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

}  // namespace es::licence
