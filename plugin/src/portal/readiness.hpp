// Whether this portal should be sent new requests: the answer behind GET /ready, for a load
// balancer's health check. Ready means not draining (Portal::stop has not begun) and the database
// answering a trivial read within a bound time; a portal that cannot read its database can serve
// nothing (every link is looked up there), so the balancer should send its visitors elsewhere.
//
//     Readiness readiness([&store] { store.schema_version(); }, std::chrono::seconds(2));
//     const Readiness::Verdict v = readiness.check();   // any thread; at most `wait`
//     readiness.mark_draining();                         // before the front door's stop
//
// The read runs on a thread of its own, so a database that hangs (a network partition, a locked
// table) makes check() answer "not ready" after `wait` instead of holding the caller. Checks that
// arrive while a read runs share the next read: a balancer polling often, or many of them, cost
// one read at a time. The destructor waits for a read in progress (bounded by the database
// connection's own timeouts).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace es::portal {

class Readiness {
  public:
    struct Verdict {
        bool ready = false;
        std::string code;     // "ready", "draining", "database_unavailable", "database_slow"
        std::string message;  // one sentence for the balancer's log; no detail of the failure
    };

    // `read` throws when the database does not answer.
    Readiness(std::function<void()> read, std::chrono::milliseconds wait);
    ~Readiness();
    Readiness(const Readiness&) = delete;
    Readiness& operator=(const Readiness&) = delete;

    // Any thread.
    Verdict check();
    // Any thread; from then on check() says "draining".
    void mark_draining() noexcept;

  private:
    void run();

    std::function<void()> read_;
    std::chrono::milliseconds wait_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t wanted_ = 0;    // the highest read number a caller waits for
    std::uint64_t started_ = 0;   // the read in progress or last done
    std::uint64_t finished_ = 0;  // the last read done
    bool last_ok_ = false;
    bool draining_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace es::portal
