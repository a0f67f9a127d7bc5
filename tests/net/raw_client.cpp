#include "raw_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace es::net::test {
namespace {

using Clock = std::chrono::steady_clock;

struct Address {
    sockaddr_storage storage{};
    socklen_t length = 0;
};

Address address_of(const std::string& ip, std::uint16_t port) {
    Address a;
    auto* v4 = reinterpret_cast<sockaddr_in*>(&a.storage);
    if (inet_pton(AF_INET, ip.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        a.length = sizeof(sockaddr_in);
        return a;
    }
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&a.storage);
    if (inet_pton(AF_INET6, ip.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        a.length = sizeof(sockaddr_in6);
        return a;
    }
    throw std::runtime_error("not an IP address: " + ip);
}

// Waits until the socket is readable or `until`; false on timeout.
bool readable(int fd, Clock::time_point until) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(std::max<long long>(0, left.count()))) > 0;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

RawClient::RawClient(const std::string& server_ip, std::uint16_t port,
                     const std::string& source_ip) {
    const Address to = address_of(server_ip, port);
    fd_ = ::socket(to.storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) {
        throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    }
    if (!source_ip.empty()) {
        const Address from = address_of(source_ip, 0);
        if (::bind(fd_, reinterpret_cast<const sockaddr*>(&from.storage), from.length) != 0) {
            const int e = errno;
            ::close(fd_);
            throw std::runtime_error("bind " + source_ip + ": " + std::strerror(e));
        }
    }
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&to.storage), to.length) != 0) {
        const int e = errno;
        ::close(fd_);
        throw std::runtime_error("connect: " + std::string(std::strerror(e)));
    }
}

RawClient::~RawClient() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

RawClient::RawClient(RawClient&& other) noexcept
    : fd_(other.fd_), pending_(std::move(other.pending_)) {
    other.fd_ = -1;
}

bool RawClient::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) {
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string RawClient::read_response(std::chrono::milliseconds wait) {
    const auto until = Clock::now() + wait;
    std::string& got = pending_;
    for (;;) {
        const auto end = got.find("\r\n\r\n");
        if (end != std::string::npos) {
            const std::string head = got.substr(0, end + 4);
            const std::string length = header_of(head, "Content-Length");
            const std::size_t body = length.empty() ? 0 : std::stoul(length);
            if (got.size() >= end + 4 + body) {
                std::string response = got.substr(0, end + 4 + body);
                got.erase(0, end + 4 + body);
                return response;
            }
        }
        if (!readable(fd_, until)) {
            return "";
        }
        char buf[16 * 1024];
        const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) {
            return "";
        }
        got.append(buf, static_cast<std::size_t>(n));
    }
}

std::string RawClient::read_until_close(std::chrono::milliseconds wait, bool* closed) {
    const auto until = Clock::now() + wait;
    std::string got = std::move(pending_);
    pending_.clear();
    for (;;) {
        if (!readable(fd_, until)) {
            if (closed != nullptr) {
                *closed = false;
            }
            return got;
        }
        char buf[16 * 1024];
        const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) {
            if (closed != nullptr) {
                *closed = true;
            }
            return got;
        }
        got.append(buf, static_cast<std::size_t>(n));
    }
}

bool RawClient::closed_within(std::chrono::milliseconds wait) {
    bool closed = false;
    read_until_close(wait, &closed);
    return closed;
}

void raise_descriptor_limit() {
    rlimit l{};
    if (::getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur < l.rlim_max) {
        l.rlim_cur = l.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &l);
    }
}

int status_of(const std::string& response) {
    if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) {
        return 0;
    }
    return std::atoi(response.substr(9, 3).c_str());
}

std::string header_of(const std::string& response, const std::string& name) {
    const std::string head = lower(response.substr(0, response.find("\r\n\r\n")));
    const std::string key = "\r\n" + lower(name) + ":";
    const auto at = head.find(key);
    if (at == std::string::npos) {
        return "";
    }
    const auto start = at + key.size();
    const auto end = response.find("\r\n", start);
    std::string value = response.substr(start, end - start);
    value.erase(0, value.find_first_not_of(' '));
    return value;
}

}  // namespace es::net::test
