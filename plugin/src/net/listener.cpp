#include "net/listener.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/SocketAddress.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace es::net {

Listener open_listener(const std::string& address, std::uint16_t port, int backlog) {
    std::string host = address;
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    // inet_pton rather than Poco: Poco 1.11's IPAddress::tryParse refuses "::".
    in_addr v4{};
    in6_addr v6{};
    Poco::Net::IPAddress ip;
    if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) {
        ip = Poco::Net::IPAddress(&v4, sizeof v4);
    } else if (::inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
        ip = Poco::Net::IPAddress(&v6, sizeof v6);
    } else {
        throw Poco::IOException("cannot listen on " + address + ": not an IP address");
    }
    const Poco::Net::SocketAddress where(ip, port);
    const int family = ip.family() == Poco::Net::IPAddress::IPv6 ? AF_INET6 : AF_INET;
    const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    auto fail = [&](const char* step) {
        const int e = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw Poco::IOException("cannot listen on " + where.toString() + ": " + step + ": " +
                                std::strerror(e));
    };
    if (fd < 0) {
        fail("socket");
    }
    const int one = 1;
    const int zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (family == AF_INET6 && ip.isWildcard()) {
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
    }
    if (::bind(fd, where.addr(), where.length()) != 0) {
        fail("bind");
    }
    if (::listen(fd, backlog) != 0) {
        fail("listen");
    }
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length) != 0) {
        fail("getsockname");
    }
    const Poco::Net::SocketAddress actual(reinterpret_cast<sockaddr*>(&bound), length);
    return Listener{fd, actual.port()};
}

}  // namespace es::net
