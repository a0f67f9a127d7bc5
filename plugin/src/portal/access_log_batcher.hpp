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
    struct Batch {
        std::vector<domain::AccessEvent> events;
        bool done = false;
        std::exception_ptr error;
        // Only this batch's requests wait here: with one shared condition every commit woke the
        // requests of the next batch too, only for them to sleep again.
        std::condition_variable committed;
    };

    void write_loop();

    store::AccessLogRepository& log_;
    std::mutex mutex_;
    std::condition_variable queued_;  // the writer waits for a batch
    std::shared_ptr<Batch> open_;     // collecting events while the writer commits the last
    bool stopping_ = false;
    std::thread writer_;
};

}  // namespace es::portal
