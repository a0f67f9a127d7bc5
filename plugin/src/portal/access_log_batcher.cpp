#include "portal/access_log_batcher.hpp"

#include <utility>

namespace es::portal {

void AccessLogBatcher::tell(Waiter& w, Waiter::State state, std::exception_ptr error) {
    {
        std::lock_guard lock(w.mutex);
        w.state = state;
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
    if (leading_) {
        lock.unlock();
        {
            std::unique_lock mine(me->mutex);
            me->changed.wait(mine, [&] { return me->state != Waiter::State::Waiting; });
            if (me->state == Waiter::State::Done) {
                if (me->error) {
                    std::rethrow_exception(me->error);
                }
                return;
            }
        }
        lock.lock();  // handed the lead: open_ holds this request's event and what came since
    }
    leading_ = true;
    Batch batch = std::exchange(open_, Batch{});
    ++transactions_;
    lock.unlock();

    std::exception_ptr error;
    try {
        log_.append_all(batch.events);
    } catch (...) {
        error = std::current_exception();
    }
    for (const auto& w : batch.waiters) {
        if (w != me) {
            tell(*w, Waiter::State::Done, error);
        }
    }

    lock.lock();
    if (open_.waiters.empty()) {
        leading_ = false;
    } else {
        tell(*open_.waiters.front(), Waiter::State::Lead);
    }
    lock.unlock();
    if (error) {
        std::rethrow_exception(error);
    }
}

}  // namespace es::portal
