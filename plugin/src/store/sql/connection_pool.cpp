#include "store/sql/connection_pool.hpp"

#include "domain/error.hpp"

namespace es::store::sql {

ConnectionPool::ConnectionPool(Factory factory, int max_size, std::chrono::milliseconds wait)
    : factory_(std::move(factory)), max_size_(max_size < 1 ? 1 : max_size), wait_(wait) {}

ConnectionPool::Lease::~Lease() {
    if (pool_ != nullptr && connection_) {
        pool_->give_back(std::move(connection_));
    }
}

ConnectionPool::Lease ConnectionPool::acquire() {
    std::unique_lock lock(mutex_);
    const bool got =
        returned_.wait_for(lock, wait_, [&] { return !idle_.empty() || open_ < max_size_; });
    if (!got) {
        throw domain::Error(domain::Error::Kind::Unavailable,
                            "database: all " + std::to_string(max_size_) +
                                " connections stayed busy; try again later");
    }
    if (!idle_.empty()) {
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(c));
    }
    ++open_;
    lock.unlock();
    try {
        return Lease(*this, factory_());
    } catch (...) {
        lock.lock();
        --open_;
        lock.unlock();
        returned_.notify_one();
        throw;
    }
}

void ConnectionPool::give_back(std::unique_ptr<SqlConnection> c) {
    {
        std::lock_guard lock(mutex_);
        if (c->broken() || c->retired()) {
            --open_;
        } else {
            idle_.push_back(std::move(c));
            c = nullptr;
        }
    }
    returned_.notify_one();
    // A broken connection is closed here, outside the lock.
}

void ConnectionPool::drop_idle() {
    std::vector<std::unique_ptr<SqlConnection>> doomed;
    {
        std::lock_guard lock(mutex_);
        doomed.swap(idle_);
        open_ -= static_cast<int>(doomed.size());
    }
    returned_.notify_all();
}

}  // namespace es::store::sql
