// The module's housekeeping: on its own thread, every `interval`, it deletes what retention says
// must go (access events past storage.access_log_retention_days, one-time codes a day past their
// expiry, idle portal sessions, throttle rows no window needs any more) and recomputes case-list
// summary rows that have partly lapsed, so the column reads them without touching `shares`; and it
// re-seals secrets sealed with an older key (key rotation, app/secret_reseal.hpp).
//
// Several processes may run it against one database: every step is an idempotent DELETE or
// recompute by the database clock, so running twice does no harm.
//
// Errors: a step that fails (database away, lock timeout) is logged and the next steps still run;
// everything is tried again next round. Nothing secret is logged: counts and error texts only
// (store errors name the statement, never its values).
//
// Threading: start() spawns the thread; stop() may be called from any thread, wakes it at once
// and joins it (a step in progress finishes first). run_once() is for tests and must not be mixed
// with start().
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "crypto/secret_box.hpp"
#include "store/store.hpp"

namespace es::app {

class MaintenanceJob {
  public:
    struct Options {
        std::chrono::milliseconds interval{std::chrono::hours(1)};
        int access_log_retention_days = 365;
        std::chrono::minutes session_idle{60};
        // Access events deleted per transaction.
        std::int64_t access_log_batch = 10000;
        // Longer than any throttle window (the longest, code sends per hour, is one hour).
        std::chrono::seconds throttle_age{std::chrono::hours(24)};
        // Summary rows recomputed per transaction, and at most this many batches per round.
        int summary_batch = 500;
        int summary_batches_per_round = 200;
        // Re-seals shares' secrets sealed with an older key with this box's newest key
        // (app/secret_reseal.hpp); none: that step is skipped.
        const crypto::SecretBox* secrets = nullptr;
    };
    // What one round did.
    struct Report {
        std::int64_t access_events = 0;
        int codes = 0;
        int sessions = 0;
        int throttle_rows = 0;
        int summaries = 0;
        int resealed = 0;
        int unreadable_secrets = 0;  // sealed with a key the key file no longer holds
        int failed_steps = 0;
    };
    enum class LogLevel { Info, Error };
    using Log = std::function<void(LogLevel, const std::string&)>;

    // `store` must outlive the job. Nothing runs until start().
    MaintenanceJob(store::Store& store, Options options, Log log = {});
    ~MaintenanceJob();
    MaintenanceJob(const MaintenanceJob&) = delete;
    MaintenanceJob& operator=(const MaintenanceJob&) = delete;

    // The first round runs at once, then one every interval.
    void start();
    void stop();

    // One round on the calling thread; logs like the thread does.
    Report run_once();

  private:
    void loop();
    // Runs one step, turning an exception into a logged failure.
    template <class F>
    void step(const char* what, Report& report, F&& f);
    bool stopping();
    void log(LogLevel level, const std::string& text) const;

    store::Store& store_;
    Options options_;
    Log log_;

    std::mutex mutex_;
    std::condition_variable wakeup_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace es::app
