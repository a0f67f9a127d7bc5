#include "ui/dates.hpp"

#include <chrono>
#include <cstdio>

namespace es::ui {

namespace {

using namespace std::chrono;

}  // namespace

std::string format_date(domain::Timestamp t) {
    const year_month_day d{floor<days>(t)};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return out;
}

std::string format_date_time(domain::Timestamp t) {
    const auto day = floor<days>(t);
    const hh_mm_ss<milliseconds> time{t - day};
    char out[32];
    std::snprintf(out, sizeof out, "%s %02ld:%02ld UTC", format_date(t).c_str(),
                  static_cast<long>(time.hours().count()),
                  static_cast<long>(time.minutes().count()));
    return out;
}

std::optional<domain::Timestamp> end_of_day(std::string_view text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 ||
        std::sscanf(std::string(text).c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
        return std::nullopt;
    }
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return time_point_cast<milliseconds>(sys_days{ymd} + days{1}) - milliseconds{1};
}

}  // namespace es::ui
