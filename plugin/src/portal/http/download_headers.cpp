#include "portal/http/download_headers.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

#include "crypto/digest.hpp"

namespace es::portal::http {
namespace {

bool is_token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' ||
           c == '#' || c == '$' || c == '&' || c == '^' || c == '_' || c == '.' || c == '+' ||
           c == '-';
}

std::optional<Poco::DateTime> parse(const std::string& rfc3339) {
    int tzd = 0;
    Poco::DateTime dt;
    if (rfc3339.empty() ||
        !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, rfc3339, dt, tzd)) {
        if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, rfc3339, dt,
                                            tzd)) {
            return std::nullopt;
        }
    }
    dt.makeUTC(tzd);
    return dt;
}

}  // namespace

std::string entity_tag(const std::string& sha256, const std::string& id, std::uint64_t size,
                       const std::string& modified) {
    if (sha256.size() == 64 && sha256.find_first_not_of("0123456789abcdef") == std::string::npos) {
        return "\"" + sha256 + "\"";
    }
    return "\"" +
           crypto::sha256_hex(id + "\n" + std::to_string(size) + "\n" + modified).substr(0, 40) +
           "\"";
}

std::optional<std::string> http_date(const std::string& rfc3339) {
    auto dt = parse(rfc3339);
    if (!dt) {
        return std::nullopt;
    }
    return Poco::DateTimeFormatter::format(*dt, Poco::DateTimeFormat::HTTP_FORMAT);
}

std::int64_t unix_time(const std::string& rfc3339) {
    auto dt = parse(rfc3339);
    return dt ? dt->timestamp().epochTime() : 0;
}

std::string safe_media_type(const std::string& media_type) {
    const auto slash = media_type.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == media_type.size() ||
        media_type.size() > 127) {
        return "application/octet-stream";
    }
    for (std::size_t i = 0; i < media_type.size(); ++i) {
        if (i != slash && !is_token_char(media_type[i])) {
            return "application/octet-stream";
        }
    }
    return media_type;
}

bool if_range_matches(const std::string& if_range, const std::string& etag,
                      const std::optional<std::string>& last_modified) {
    if (if_range.rfind("W/", 0) == 0) {
        return false;  // weak validators never allow a range
    }
    if (!if_range.empty() && if_range.front() == '"') {
        return if_range == etag;
    }
    return last_modified && if_range == *last_modified;
}

}  // namespace es::portal::http
