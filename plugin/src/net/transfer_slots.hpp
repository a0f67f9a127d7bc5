// Answers that hold a worker for as long as their client takes to read them — a download, a zip,
// an inline view — counted over all clients together. Each client may have only a few requests in
// progress (FrontLimits::max_busy_per_client), but a handful of addresses reading slowly would
// still hold every worker between them, and the link pages, the password form and /ready would
// wait behind them. A transfer that finds every slot taken is refused at once (503 and
// Retry-After); pages and forms never take one, so they always find a worker. A transfer's
// thread stops counting as one of the pool's running threads (WorkerPool::this_task_may_block).
//
// Thread safety: any thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <optional>

#include "net/worker_pool.hpp"

namespace es::net {

class TransferSlots {
  public:
    // At most `limit` transfers at once (at least 1).
    explicit TransferSlots(int limit) : limit_(std::max(1, limit)) {}
    TransferSlots(const TransferSlots&) = delete;
    TransferSlots& operator=(const TransferSlots&) = delete;

    // A slot, given back when it goes out of scope.
    class Held {
      public:
        Held(Held&& other) noexcept : slots_(other.slots_) { other.slots_ = nullptr; }
        Held& operator=(Held&&) = delete;
        Held(const Held&) = delete;
        ~Held() {
            if (slots_ != nullptr) {
                slots_->in_use_.fetch_sub(1);
            }
        }

      private:
        friend class TransferSlots;
        explicit Held(TransferSlots* slots) : slots_(slots) {}
        TransferSlots* slots_;
    };

    // A slot, or nothing when all `limit` are taken.
    std::optional<Held> try_take() {
        int used = in_use_.load();
        do {
            if (used >= limit_) {
                return std::nullopt;
            }
        } while (!in_use_.compare_exchange_weak(used, used + 1));
        WorkerPool::this_task_may_block();
        return Held(this);
    }

    int in_use() const { return in_use_.load(); }
    int limit() const { return limit_; }

  private:
    const int limit_;
    std::atomic<int> in_use_{0};
};

}  // namespace es::net
