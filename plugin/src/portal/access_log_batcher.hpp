// Group commit for the access log: every portal request that reaches a share writes one event, and
// one write transaction per event made the single SQLite writer the portal's bottleneck. Events
// that arrive while a transaction is being written wait and go together into the next one.
// "Recorded before answered" holds either way:
//
// - append() returns only once its event is committed (or throws the store's error);
// - append_then() returns at once and calls `done` once the event is committed (or failed), on the
//   thread that wrote it. The link page hands its answer over this way (net::LateAnswer), so its
//   worker is free while the event waits for its transaction, and a page costs no thread waiting
//   for a commit: on the 2-core bench those waits and wake-ups were the largest part of a page's
//   CPU (futex and scheduler frames).
//
// Who writes: a request that comes while the log is quiet (no transaction ended in the last
// millisecond) writes what is queued itself, so a lone request commits its own event without
// waking anyone. Under load, events go to the batcher's writer thread, which first gathers: it
// waits while more keep arriving (each gap at most 100 µs, 500 µs in all, or until 64 are queued)
// and then writes them as one transaction. A commit's cost is nearly the same for one event or
// for 64 (the same few pages, locks and WAL frames), and on the 2-core bench one transaction per
// page was the largest share of the portal's system calls. At low load nothing waits; under load
// a page's answer waits at most the gathering, which the saved commits more than pay for.
//
// Thread safety: append() and append_then() from any number of threads. The destructor writes
// what is still queued; no append may start once it has begun.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "domain/access_event.hpp"
#include "store/access_log_repository.hpp"

namespace es::portal {

class AccessLogBatcher {
  public:
    // Called with null once the event is committed, else with the store's error. Must not throw.
    using Done = std::function<void(std::exception_ptr error)>;

    explicit AccessLogBatcher(store::AccessLogRepository& log);
    ~AccessLogBatcher();
    AccessLogBatcher(const AccessLogBatcher&) = delete;
    AccessLogBatcher& operator=(const AccessLogBatcher&) = delete;

    // Returns once the event is committed; throws what the store threw for its batch.
    void append(domain::AccessEvent event);
    // Returns at once; `done` runs once the event's transaction ended (see above).
    void append_then(domain::AccessEvent event, Done done);

    // Transactions written so far (for tests: concurrent events share them).
    long transactions() const;

  private:
    // One per waiting append(), each with its own condition: with one condition per batch,
    // notify_all woke the whole batch at once and every thread then queued on the same mutex.
    struct Waiter {
        std::mutex mutex;
        std::condition_variable changed;
        bool done = false;
        std::exception_ptr error;
    };
    struct Batch {
        std::vector<domain::AccessEvent> events;
        std::vector<std::shared_ptr<Waiter>> waiters;  // append()
        std::vector<Done> callbacks;                   // append_then()
        bool empty() const { return events.empty(); }
    };

    // Writes everything queued as one transaction and tells its callers. Called with `lock` held
    // and nobody writing; returns with it held.
    void write_queued(std::unique_lock<std::mutex>& lock);
    // After queueing an event: write now, leave it to the writer thread, or let it join the
    // transaction in progress or being gathered.
    void start_writing(std::unique_lock<std::mutex>& lock);
    // The writer thread, before a transaction: waits while events keep arriving (see above).
    void gather(std::unique_lock<std::mutex>& lock);
    void run_writer();
    static void tell(Waiter& w, std::exception_ptr error);

    using Clock = std::chrono::steady_clock;
    static constexpr auto kBusy = std::chrono::milliseconds(1);
    static constexpr auto kQuietGap = std::chrono::microseconds(100);
    static constexpr auto kGatherAtMost = std::chrono::microseconds(500);
    static constexpr std::size_t kFullBatch = 64;

    store::AccessLogRepository& log_;
    mutable std::mutex mutex_;
    std::condition_variable work_;  // the writer thread waits here
    Batch open_;                    // events waiting for the next transaction
    bool writing_ = false;          // a transaction is being written now
    bool gathering_ = false;        // the writer thread is gathering the next one
    Clock::time_point last_end_{};  // when the last transaction ended
    bool stopping_ = false;
    long transactions_ = 0;
    std::thread writer_;
};

}  // namespace es::portal
