// Listening addresses as an administrator writes them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <Poco/Exception.h>

#include "net/listener.hpp"
#include "raw_client.hpp"

namespace es::net::test {
namespace {

TEST(ListenerTest, Ipv6WildcardInBracketsOrNotAcceptsIpv4AndIpv6) {
    for (const char* address : {"[::]", "::"}) {
        const Listener l = open_listener(address, 0, 16);
        EXPECT_GT(l.port, 0);
        // Dual stack: an IPv4 client reaches the IPv6 wildcard, and so does ::1.
        EXPECT_NO_THROW(RawClient("127.0.0.1", l.port)) << address;
        EXPECT_NO_THROW(RawClient("::1", l.port)) << address;
        ::close(l.fd);
    }
}

TEST(ListenerTest, Ipv4AddressesListenAsGiven) {
    const Listener l = open_listener("127.0.0.1", 0, 16);
    EXPECT_NO_THROW(RawClient("127.0.0.1", l.port));
    ::close(l.fd);
}

TEST(ListenerTest, WhatIsNotAnAddressIsNamedInTheError) {
    try {
        open_listener("localhost", 0, 16);
        FAIL() << "a host name was accepted";
    } catch (const Poco::IOException& e) {
        EXPECT_NE(std::string::npos, e.displayText().find("localhost")) << e.displayText();
    }
}

TEST(ListenerTest, ABusyPortIsNamedInTheError) {
    const Listener taken = open_listener("127.0.0.1", 0, 16);
    try {
        open_listener("127.0.0.1", taken.port, 16);
        FAIL() << "bound a port that is in use";
    } catch (const Poco::IOException& e) {
        EXPECT_NE(std::string::npos, e.displayText().find(std::to_string(taken.port)))
            << e.displayText();
    }
    ::close(taken.fd);
}

}  // namespace
}  // namespace es::net::test
