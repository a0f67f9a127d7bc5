#include "stalled_reader.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace es::net::test {

StalledReader::StalledReader(std::uint16_t port, const std::string& source_ip,
                             const std::string& request)
    : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    const int small = 2048;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, source_ip.c_str(), &local.sin_addr);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0 ||
        ::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) !=
            static_cast<ssize_t>(request.size())) {
        ::close(fd_);
        throw std::runtime_error("stalled reader from " + source_ip + ": cannot send its request");
    }
}

StalledReader::~StalledReader() {
    close();
}

StalledReader::StalledReader(StalledReader&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

int StalledReader::status_within(std::chrono::milliseconds wait) const {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(wait.count())) != 1) {
        return 0;
    }
    char head[13] = {};
    if (::recv(fd_, head, 12, MSG_PEEK) < 12) {
        return 0;
    }
    return std::atoi(head + 9);  // "HTTP/1.1 200"
}

void StalledReader::close() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

}  // namespace es::net::test
