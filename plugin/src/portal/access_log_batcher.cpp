#include "portal/access_log_batcher.hpp"

#include <utility>

namespace es::portal {

AccessLogBatcher::AccessLogBatcher(store::AccessLogRepository& log)
    : log_(log), writer_([this] { run_writer(); }) {}

AccessLogBatcher::~AccessLogBatcher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_.notify_one();
    writer_.join();
}

void AccessLogBatcher::tell(Waiter& w, std::exception_ptr error) {
    {
        std::lock_guard lock(w.mutex);
        w.done = true;
        w.error = std::move(error);
    }
    w.changed.notify_one();
}

long AccessLogBatcher::transactions() const {
    std::lock_guard lock(mutex_);
    return transactions_;
}

void AccessLogBatcher::append(domain::AccessEvent event) {
    auto me = std::make_shared<Waiter>();
    std::unique_lock lock(mutex_);
    open_.events.push_back(std::move(event));
    open_.waiters.push_back(me);
    start_writing(lock);
    lock.unlock();
    std::unique_lock mine(me->mutex);
    me->changed.wait(mine, [&] { return me->done; });
    if (me->error) {
        std::rethrow_exception(me->error);
    }
}

void AccessLogBatcher::append_then(domain::AccessEvent event, Done done) {
    std::unique_lock lock(mutex_);
    open_.events.push_back(std::move(event));
    open_.callbacks.push_back(std::move(done));
    start_writing(lock);
}

void AccessLogBatcher::start_writing(std::unique_lock<std::mutex>& lock) {
    if (writing_ || gathering_) {
        if (gathering_ && open_.events.size() >= kFullBatch) {
            work_.notify_one();
        }
        return;  // goes into the transaction being gathered or the one after the current
    }
    if (Clock::now() - last_end_ < kBusy) {
        work_.notify_one();  // more are on their way: the writer thread gathers them
        return;
    }
    write_queued(lock);  // this request's event is in what it writes
}

void AccessLogBatcher::gather(std::unique_lock<std::mutex>& lock) {
    gathering_ = true;
    const auto until = Clock::now() + kGatherAtMost;
    for (;;) {
        const std::size_t before = open_.events.size();
        work_.wait_for(lock, kQuietGap,
                       [&] { return stopping_ || open_.events.size() >= kFullBatch; });
        if (stopping_ || open_.events.size() >= kFullBatch || open_.events.size() == before ||
            Clock::now() >= until) {
            break;
        }
    }
    gathering_ = false;
}

void AccessLogBatcher::write_queued(std::unique_lock<std::mutex>& lock) {
    writing_ = true;
    Batch batch = std::exchange(open_, Batch{});
    ++transactions_;
    lock.unlock();

    std::exception_ptr error;
    try {
        log_.append_all(batch.events);
    } catch (...) {
        error = std::current_exception();
    }
    // Threads waiting first: they go on at once, while the callbacks (sending answers) follow.
    for (const auto& w : batch.waiters) {
        tell(*w, error);
    }
    for (auto& done : batch.callbacks) {
        try {
            done(error);
        } catch (...) {
            // A callback must not throw; the others still get theirs.
        }
    }

    lock.lock();
    writing_ = false;
    last_end_ = Clock::now();
    if (!open_.empty() || stopping_) {
        work_.notify_one();  // what arrived meanwhile is the writer thread's
    }
}

void AccessLogBatcher::run_writer() {
    std::unique_lock lock(mutex_);
    for (;;) {
        work_.wait(lock, [&] { return !writing_ && (!open_.empty() || stopping_); });
        if (open_.empty()) {
            return;  // stopping, and everything is written
        }
        gather(lock);
        write_queued(lock);
    }
}

}  // namespace es::portal
