// Group commit for the access log: every portal request that reaches a share writes one event, and
// one write transaction per event made the single SQLite writer the portal's bottleneck. Events
// that arrive while a transaction is being written wait and go together into the next one; each
// request still returns only after its own event is committed (or with the store's error), so
// "recorded before answered" holds exactly as with a direct append.
//
// There is no writer thread: the request that finds nobody writing writes the batch itself (the
// leader). A lone request therefore commits its own event without waking anyone; with a thread of
// its own, each request cost two extra thread switches, which on the 2-core bench were the
// largest single item of a page's CPU (futex waits and scheduler frames). When the leader has
// committed, it hands the lead to the first request that arrived meanwhile, which writes all of
// them: no request writes more than one batch after its own, so nobody is held up by a stream of
// later arrivals.
//
// Thread safety: append() from any number of threads.
#pragma once

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/access_event.hpp"
#include "store/access_log_repository.hpp"

namespace es::portal {

class AccessLogBatcher {
  public:
    explicit AccessLogBatcher(store::AccessLogRepository& log) : log_(log) {}
    AccessLogBatcher(const AccessLogBatcher&) = delete;
    AccessLogBatcher& operator=(const AccessLogBatcher&) = delete;

    // Returns once the event is committed; throws what the store threw for its batch.
    void append(domain::AccessEvent event);

    // Transactions written so far (for tests: concurrent events share them).
    long transactions() const;

  private:
    // One per waiting request, each with its own condition: with one condition per batch,
    // notify_all woke the whole batch at once and every thread then queued on the same mutex.
    struct Waiter {
        std::mutex mutex;
        std::condition_variable changed;
        enum class State { Waiting, Done, Lead } state = State::Waiting;
        std::exception_ptr error;
    };
    struct Batch {
        std::vector<domain::AccessEvent> events;
        std::vector<std::shared_ptr<Waiter>> waiters;
    };

    static void tell(Waiter& w, Waiter::State state, std::exception_ptr error = nullptr);

    store::AccessLogRepository& log_;
    mutable std::mutex mutex_;
    Batch open_;            // events waiting for the next transaction
    bool leading_ = false;  // a request is writing a batch now
    long transactions_ = 0;
};

}  // namespace es::portal
