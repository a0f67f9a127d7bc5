#include "portal/http/connection_registry.hpp"

namespace es::portal::http {
namespace {

void shut(Poco::Net::StreamSocket& s) noexcept {
    try {
        s.shutdown();
    } catch (...) {
        // Already closed by the peer.
    }
}

}  // namespace

ConnectionRegistry::~ConnectionRegistry() {
    shutdown_all();
}

bool ConnectionRegistry::add(Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(mutex_);
    if (stopping_) {
        return false;
    }
    sockets_.emplace(&socket, std::nullopt);
    return true;
}

void ConnectionRegistry::remove(Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(mutex_);
    sockets_.erase(&socket);
}

void ConnectionRegistry::shutdown_all() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (auto& [s, deadline] : sockets_) {
            shut(*s);
        }
    }
    stop_requested_.notify_all();
    if (watcher_.joinable() && watcher_.get_id() != std::this_thread::get_id()) {
        watcher_.join();
    }
}

bool ConnectionRegistry::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

void ConnectionRegistry::arm_deadline(Poco::Net::StreamSocket& socket, Clock::time_point deadline) {
    std::lock_guard lock(mutex_);
    if (auto it = sockets_.find(&socket); it != sockets_.end()) {
        it->second = deadline;
    }
}

void ConnectionRegistry::disarm_deadline(Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(mutex_);
    if (auto it = sockets_.find(&socket); it != sockets_.end()) {
        it->second.reset();
    }
}

int ConnectionRegistry::cut_overdue(Clock::time_point now) {
    std::lock_guard lock(mutex_);
    int cut = 0;
    for (auto& [s, deadline] : sockets_) {
        if (deadline && *deadline < now) {
            deadline.reset();  // once is enough; the connection thread ends it
            shut(*s);
            ++cut;
        }
    }
    return cut;
}

void ConnectionRegistry::watch_deadlines(std::chrono::milliseconds tick) {
    std::lock_guard lock(mutex_);
    if (watcher_.joinable() || stopping_) {
        return;
    }
    watcher_ = std::thread([this, tick] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            stop_requested_.wait_for(lock, tick, [&] { return stopping_; });
            if (stopping_) {
                return;
            }
            lock.unlock();
            cut_overdue(Clock::now());
            lock.lock();
        }
    });
}

}  // namespace es::portal::http
