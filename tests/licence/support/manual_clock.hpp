// A clock the test sets by hand, standing in for the database clock.
#pragma once

#include <chrono>
#include <mutex>

#include "licence/clock.hpp"
#include "text/time_text.hpp"

namespace es::licence::testing {

class ManualClock final : public Clock {
  public:
    explicit ManualClock(domain::Timestamp start) : now_(start) {}
    domain::Timestamp now() override {
        std::lock_guard lock(mutex_);
        return now_;
    }
    void set(domain::Timestamp t) {
        std::lock_guard lock(mutex_);
        now_ = t;
    }
    void advance(std::chrono::milliseconds d) {
        std::lock_guard lock(mutex_);
        now_ += d;
    }

  private:
    std::mutex mutex_;
    domain::Timestamp now_;
};

inline domain::Timestamp at(const char* utc) {
    return *text::parse_utc(utc);
}

inline std::chrono::milliseconds days(int n) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::hours(24) * n);
}

}  // namespace es::licence::testing
