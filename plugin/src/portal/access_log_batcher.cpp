#include "portal/access_log_batcher.hpp"

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
    std::unique_lock lock(mutex_);
    if (stopping_) {
        lock.unlock();
        log_.append(event);  // during shutdown: directly, nothing is dropped
        return;
    }
    if (!open_) {
        open_ = std::make_shared<Batch>();
    }
    const std::shared_ptr<Batch> mine = open_;
    mine->events.push_back(std::move(event));
    queued_.notify_one();
    mine->committed.wait(lock, [&] { return mine->done; });
    if (mine->error) {
        std::rethrow_exception(mine->error);
    }
}

void AccessLogBatcher::write_loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [&] { return open_ != nullptr || stopping_; });
        if (!open_) {
            return;  // stopping and nothing left
        }
        std::shared_ptr<Batch> batch = std::move(open_);
        open_.reset();
        lock.unlock();
        try {
            log_.append_all(batch->events);
        } catch (...) {
            batch->error = std::current_exception();
        }
        lock.lock();
        batch->done = true;
        batch->committed.notify_all();
    }
}

}  // namespace es::portal
