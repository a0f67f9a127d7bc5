#include "portal/readiness.hpp"

namespace es::portal {

Readiness::Readiness(std::function<void()> read, std::chrono::milliseconds wait)
    : read_(std::move(read)), wait_(wait), thread_([this] { run(); }) {}

Readiness::~Readiness() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void Readiness::mark_draining() noexcept {
    std::lock_guard lock(mutex_);
    draining_ = true;
}

Readiness::Verdict Readiness::check() {
    std::unique_lock lock(mutex_);
    if (draining_) {
        return {false, "draining", "This instance is shutting down."};
    }
    // A read that began before this check may have begun before the database went away: only
    // the next one counts.
    const std::uint64_t mine = started_ + 1;
    if (wanted_ < mine) {
        wanted_ = mine;
        changed_.notify_all();
    }
    if (!changed_.wait_for(lock, wait_, [&] { return finished_ >= mine || stopping_; }) ||
        stopping_) {
        return {false, "database_slow", "The database did not answer in time."};
    }
    if (draining_) {
        return {false, "draining", "This instance is shutting down."};
    }
    if (!last_ok_) {
        return {false, "database_unavailable", "The database cannot be read."};
    }
    return {true, "ready", "Ready."};
}

void Readiness::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return stopping_ || wanted_ > started_; });
        if (stopping_) {
            return;
        }
        const std::uint64_t number = wanted_;
        started_ = number;
        lock.unlock();
        bool ok = false;
        try {
            read_();
            ok = true;
        } catch (...) {
            // What failed goes nowhere: the portal's requests log the database's failures, and a
            // balancer polling every second must not fill the host's log.
        }
        lock.lock();
        finished_ = number;
        last_ok_ = ok;
        changed_.notify_all();
    }
}

}  // namespace es::portal
