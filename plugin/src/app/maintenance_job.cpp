#include "app/maintenance_job.hpp"

#include "app/secret_reseal.hpp"

#include <exception>
#include <utility>

namespace es::app {

MaintenanceJob::MaintenanceJob(store::Store& store, Options options, Log log)
    : store_(store), options_(options), log_(std::move(log)) {}

MaintenanceJob::~MaintenanceJob() {
    stop();
}

void MaintenanceJob::start() {
    if (thread_.joinable()) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { loop(); });
}

void MaintenanceJob::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wakeup_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void MaintenanceJob::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        run_once();
        lock.lock();
        // Waits on the condition variable, so stop() ends the wait at once instead of after
        // an interval of sleep.
        wakeup_.wait_for(lock, options_.interval, [this] { return stopping_; });
    }
}

template <class F>
void MaintenanceJob::step(const char* what, Report& report, F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        ++report.failed_steps;
        log(LogLevel::Error,
            std::string("maintenance: ") + what + " failed (tried again next round): " + e.what());
    }
}

MaintenanceJob::Report MaintenanceJob::run_once() {
    Report r;
    step("purging the access log", r, [&] {
        // Batches, so that years of events (a first purge, a shortened retention) are many short
        // transactions and shutdown need not wait for all of them.
        for (std::int64_t n = options_.access_log_batch; n >= options_.access_log_batch;) {
            if (stopping()) {
                return;
            }
            n = store_.access_log().purge_older_than(options_.access_log_retention_days,
                                                     options_.access_log_batch);
            r.access_events += n;
        }
    });
    step("purging one-time codes", r, [&] { r.codes = store_.codes().purge_expired(); });
    step("purging portal sessions", r,
         [&] { r.sessions = store_.sessions().purge_idle(options_.session_idle); });
    step("purging throttle rows", r,
         [&] { r.throttle_rows = store_.throttle().purge_older_than(options_.throttle_age); });
    step("refreshing case-list summaries", r, [&] {
        for (int batch = 0; batch < options_.summary_batches_per_round; ++batch) {
            if (stopping()) {
                return;
            }
            const int n = store_.shares().refresh_lapsed_summaries(options_.summary_batch);
            r.summaries += n;
            if (n < options_.summary_batch) {
                return;
            }
        }
    });
    if (options_.secrets != nullptr) {
        step("re-sealing secrets with the newest key", r, [&] {
            const auto done = reseal_shares(store_.shares(), *options_.secrets);
            r.resealed = done.resealed;
            r.unreadable_secrets = done.unreadable;
        });
    }
    if (r.unreadable_secrets > 0) {
        log(LogLevel::Error,
            "maintenance: " + std::to_string(r.unreadable_secrets) +
                " share(s) hold secrets sealed with a key that is not in the key file, or "
                "damaged; they cannot be opened or re-sealed (put the old key back in the key "
                "file)");
    }
    log(LogLevel::Info,
        "maintenance: deleted " + std::to_string(r.access_events) + " access event(s) older than " +
            std::to_string(options_.access_log_retention_days) + " days, " +
            std::to_string(r.codes) + " expired one-time code(s), " + std::to_string(r.sessions) +
            " idle portal session(s), " + std::to_string(r.throttle_rows) +
            " throttle row(s); refreshed " + std::to_string(r.summaries) +
            " case-list summary row(s); re-sealed the secrets of " + std::to_string(r.resealed) +
            " share(s) with the newest key" +
            (r.failed_steps > 0 ? "; " + std::to_string(r.failed_steps) + " step(s) failed"
                                : std::string()));
    return r;
}

bool MaintenanceJob::stopping() {
    std::lock_guard lock(mutex_);
    return stopping_;
}

void MaintenanceJob::log(LogLevel level, const std::string& text) const {
    if (log_) {
        log_(level, text);
    }
}

}  // namespace es::app
