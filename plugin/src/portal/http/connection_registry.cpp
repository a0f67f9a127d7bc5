#include "portal/http/connection_registry.hpp"

namespace es::portal::http {

bool ConnectionRegistry::add(Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(mutex_);
    if (stopping_) {
        return false;
    }
    sockets_.insert(&socket);
    return true;
}

void ConnectionRegistry::remove(Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(mutex_);
    sockets_.erase(&socket);
}

void ConnectionRegistry::shutdown_all() {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto* s : sockets_) {
        try {
            s->shutdown();
        } catch (...) {
            // Already closed by the peer.
        }
    }
}

bool ConnectionRegistry::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

}  // namespace es::portal::http
