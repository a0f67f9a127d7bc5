#include "portal/access_log_batcher.hpp"

#include <utility>

namespace es::portal {

AccessLogBatcher::AccessLogBatcher(store::AccessLogRepository& log)
    : log_(log), writer_([this] { write_loop(); }) {}

AccessLogBatcher::~AccessLogBatcher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_one();
    writer_.join();
}

void AccessLogBatcher::append(domain::AccessEvent event) {
    auto waiter = std::make_shared<Waiter>();
    {
        std::unique_lock lock(mutex_);
        if (stopping_) {
            lock.unlock();
            log_.append(event);  // during shutdown: directly, nothing is dropped
            return;
        }
        open_.events.push_back(std::move(event));
        open_.waiters.push_back(waiter);
    }
    queued_.notify_one();
    std::unique_lock lock(waiter->mutex);
    waiter->committed.wait(lock, [&] { return waiter->done; });
    if (waiter->error) {
        std::rethrow_exception(waiter->error);
    }
}

void AccessLogBatcher::write_loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [&] { return !open_.events.empty() || stopping_; });
        if (open_.events.empty()) {
            return;  // stopping and nothing left
        }
        Batch batch = std::exchange(open_, Batch{});
        lock.unlock();
        std::exception_ptr error;
        try {
            log_.append_all(batch.events);
        } catch (...) {
            error = std::current_exception();
        }
        for (const auto& w : batch.waiters) {
            {
                std::lock_guard done(w->mutex);
                w->done = true;
                w->error = error;
            }
            w->committed.notify_one();
        }
        lock.lock();
    }
}

}  // namespace es::portal
