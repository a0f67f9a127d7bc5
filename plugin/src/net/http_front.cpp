#include "net/http_front.hpp"

#include <unistd.h>

#include "net/front_loop.hpp"
#include "net/listener.hpp"
#include "net/worker_pool.hpp"

namespace es::net {

HttpFront::HttpFront(FrontSettings settings, RequestHandler handler)
    : settings_(std::move(settings)), handler_(std::move(handler)) {}

HttpFront::~HttpFront() {
    stop();
}

void HttpFront::start() {
    if (loop_) {
        return;
    }
    const Listener listener =
        open_listener(settings_.listen_address, settings_.port, settings_.backlog);
    listen_fd_ = listener.fd;
    port_ = listener.port;
    try {
        pool_ = std::make_unique<WorkerPool>(settings_.workers,
                                             static_cast<std::size_t>(settings_.limits.max_queued));
        loop_ = std::make_unique<FrontLoop>(settings_, listen_fd_, *pool_, handler_);
    } catch (...) {
        pool_.reset();
        ::close(listen_fd_);
        listen_fd_ = -1;
        throw;
    }
    loop_thread_ = std::thread([this] { loop_->run(); });
}

DrainOutcome HttpFront::stop() {
    if (!loop_) {
        return DrainOutcome{};
    }
    loop_->request_stop();
    if (loop_thread_.joinable()) {
        loop_thread_.join();
    }
    pool_->stop();
    const DrainOutcome outcome = loop_->drain_outcome();
    loop_.reset();  // closes the listening socket if the loop has not already
    pool_.reset();
    listen_fd_ = -1;
    return outcome;
}

FrontCounters HttpFront::counters() const {
    return loop_ ? loop_->counters() : FrontCounters{};
}

}  // namespace es::net
