#include "domain/policy.hpp"

#include <algorithm>
#include <charconv>
#include <functional>

#include "domain/validation_failed.hpp"

namespace es::domain {

namespace {

constexpr int kMaxDays = 3650;

int parse_int(const std::string& key, const std::string& value, int lo, int hi) {
    int out = 0;
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, out);
    if (ec != std::errc() || ptr != end || out < lo || out > hi) {
        throw ValidationFailed({{"policy." + key, "policy_value",
                                 "must be a whole number from " + std::to_string(lo) + " to " +
                                     std::to_string(hi) + ", not '" + value + "'"}});
    }
    return out;
}

bool parse_bool(const std::string& key, const std::string& value) {
    if (value == "true" || value == "1") {
        return true;
    }
    if (value == "false" || value == "0") {
        return false;
    }
    throw ValidationFailed(
        {{"policy." + key, "policy_value", "must be true or false, not '" + value + "'"}});
}

}  // namespace

void Policy::apply_override(PolicySettings& p, const std::string& key, const std::string& v) {
    using Setter = std::function<void()>;
    const std::map<std::string, Setter> setters = {
        {"enabled", [&] { p.enabled = parse_bool(key, v); }},
        {"direct_link_expiry_days",
         [&] { p.direct_link_expiry_days = parse_int(key, v, 1, kMaxDays); }},
        {"email_link_expiry_hours",
         [&] { p.email_link_expiry_hours = parse_int(key, v, 1, kMaxDays * 24); }},
        {"max_expiry_days", [&] { p.max_expiry_days = parse_int(key, v, 1, kMaxDays); }},
        {"require_password", [&] { p.require_password = parse_bool(key, v); }},
        {"require_code", [&] { p.require_code = parse_bool(key, v); }},
        {"force_email_codes", [&] { p.force_email_codes = parse_bool(key, v); }},
        {"code_digits", [&] { p.code_digits = parse_int(key, v, 5, 8); }},
        {"code_lifetime_minutes", [&] { p.code_lifetime_minutes = parse_int(key, v, 1, 60); }},
        {"code_max_tries", [&] { p.code_max_tries = parse_int(key, v, 1, 20); }},
        {"code_sends_per_hour", [&] { p.code_sends_per_hour = parse_int(key, v, 1, 100); }},
        {"code_sends_per_address_per_hour",
         [&] { p.code_sends_per_address_per_hour = parse_int(key, v, 1, 99); }},
        {"password_min_length", [&] { p.password_min_length = parse_int(key, v, 8, 256); }},
        {"password_max_length", [&] { p.password_max_length = parse_int(key, v, 64, 4096); }},
        {"expiry_reminder_days", [&] { p.expiry_reminder_days = parse_int(key, v, 0, 365); }},
    };
    auto it = setters.find(key);
    if (it == setters.end()) {
        throw ValidationFailed({{"policy." + key, "policy_key", "is not a policy setting"}});
    }
    it->second();
}

Policy Policy::resolve(const PolicyConfig& config, const std::string& case_type_id,
                       const PolicyOverrides& organisation_wide,
                       const PolicyOverrides& for_case_type) {
    PolicySettings s = config.for_case_type(case_type_id);
    for (const auto& [key, value] : organisation_wide) {
        apply_override(s, key, value);
    }
    for (const auto& [key, value] : for_case_type) {
        apply_override(s, key, value);
    }
    // Overrides may lower the maximum below a default; the default then yields to the maximum.
    if (s.direct_link_expiry_days > s.max_expiry_days) {
        s.direct_link_expiry_days = s.max_expiry_days;
    }
    if (s.email_link_expiry_hours > s.max_expiry_days * 24) {
        s.email_link_expiry_hours = s.max_expiry_days * 24;
    }
    if (s.password_min_length > s.password_max_length) {
        s.password_min_length = s.password_max_length;
    }
    // One address must not use up the share's codes: its budget stays below the share's.
    if (s.code_sends_per_address_per_hour >= s.code_sends_per_hour) {
        s.code_sends_per_address_per_hour = std::max(1, s.code_sends_per_hour - 1);
    }
    return Policy(s);
}

void Policy::use_clock(std::string time_zone, DayEnd end_of_day) {
    time_zone_ = std::move(time_zone);
    end_of_day_ = std::move(end_of_day);
}

Timestamp Policy::end_of_day(Timestamp at) const {
    if (end_of_day_) {
        return end_of_day_(at);
    }
    using namespace std::chrono;
    return floor<days>(at) + days{1} - milliseconds{1};
}

Timestamp Policy::default_expiry(Delivery delivery, Timestamp now) const {
    if (delivery == Delivery::EmailedLink) {
        // A duration, not a date: "a link valid for 24 hours" (the source documents) must not
        // become up to 48 by running to the end of the day on which the 24 hours end.
        return now + std::chrono::hours(settings_.email_link_expiry_hours);
    }
    return end_of_day(now + std::chrono::hours(24 * settings_.direct_link_expiry_days));
}

Timestamp Policy::latest_expiry(Timestamp now) const {
    return end_of_day(now + std::chrono::hours(24 * settings_.max_expiry_days));
}

void Policy::check_expiry(Timestamp expires_at, Timestamp now, const std::string& field,
                          Violations& out) const {
    if (expires_at <= now) {
        out.push_back({field, "expiry_in_past", "must be in the future"});
    } else if (expires_at > latest_expiry(now)) {
        out.push_back(
            {field, "max_expiry",
             "must be at most " + std::to_string(settings_.max_expiry_days) + " days from now"});
    }
}

void Policy::check_password(std::string_view password, const std::string& field,
                            Violations& out) const {
    const long length = utf8_code_points(password);
    if (length < 0) {
        out.push_back({field, "password_encoding", "must be valid UTF-8 text"});
        return;
    }
    for (unsigned char c : password) {
        if (c < 0x20 || c == 0x7f) {
            out.push_back({field, "password_encoding", "must not contain control characters"});
            return;
        }
    }
    if (length < settings_.password_min_length) {
        out.push_back({field, "password_min_length",
                       "must have at least " + std::to_string(settings_.password_min_length) +
                           " characters"});
    } else if (length > settings_.password_max_length) {
        out.push_back(
            {field, "password_max_length",
             "must have at most " + std::to_string(settings_.password_max_length) + " characters"});
    }
}

void Policy::check_protection(Protection protection, const std::string& field,
                              Violations& out) const {
    if (settings_.require_password && !needs_password(protection)) {
        out.push_back({field, "password_required", "this case type requires a password"});
    }
    if (settings_.require_code && !needs_code(protection)) {
        out.push_back({field, "code_required", "this case type requires a one-time code"});
    }
}

long utf8_code_points(std::string_view text) {
    long count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return -1;
        }
        if (i + extra >= text.size()) {
            return -1;  // truncated sequence
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr std::uint32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        i += extra + 1;
        ++count;
    }
    return count;
}

}  // namespace es::domain
