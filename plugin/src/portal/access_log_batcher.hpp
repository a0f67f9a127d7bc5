// Group commit for the access log: every portal request that reaches a share writes one event, and
// one write transaction per event made the single SQLite writer the portal's bottleneck. Requests
// hand their event to one writer thread, which stores everything that arrived meanwhile in one
// transaction; each request still returns only after its own event is committed (or with the
// store's error), so "recorded before answered" holds exactly as with a direct append.
//
// Thread safety: append() from any number of threads. The destructor stores what is queued and
// joins the writer.
#pragma once

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "domain/access_event.hpp"
#include "store/access_log_repository.hpp"

namespace es::portal {

class AccessLogBatcher {
  public:
    explicit AccessLogBatcher(store::AccessLogRepository& log);
    ~AccessLogBatcher();
    AccessLogBatcher(const AccessLogBatcher&) = delete;
    AccessLogBatcher& operator=(const AccessLogBatcher&) = delete;

    // Returns once the event is committed; throws what the store threw for its batch.
    void append(domain::AccessEvent event);

  private:
    // One per waiting request. The writer wakes each waiter on its own condition: with one
    // condition per batch, notify_all woke the whole batch at once and every thread then queued on
    // the same mutex, which cost more CPU than the page itself (perf: futex and lock-wait frames
    // at half the page's cost). Shared with the writer, so it can notify after unlocking.
    struct Waiter {
        std::mutex mutex;
        std::condition_variable committed;
        bool done = false;
        std::exception_ptr error;
    };
    struct Batch {
        std::vector<domain::AccessEvent> events;
        std::vector<std::shared_ptr<Waiter>> waiters;
    };

    void write_loop();

    store::AccessLogRepository& log_;
    std::mutex mutex_;
    std::condition_variable queued_;  // the writer waits for a batch
    Batch open_;                      // collecting events while the writer commits the last
    bool stopping_ = false;
    std::thread writer_;
};

}  // namespace es::portal
