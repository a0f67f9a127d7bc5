// What a connection counts against: an IPv4 address, or an IPv6 /64.
#include <gtest/gtest.h>

#include "net/client_key.hpp"

namespace es::net::test {
namespace {

ClientKey key(const std::string& ip) {
    return client_key_of(Poco::Net::IPAddress(ip));
}

TEST(ClientKeyTest, Ipv4AddressesAreTheirOwnClients) {
    EXPECT_EQ("203.0.113.7", key("203.0.113.7").text());
    EXPECT_FALSE(key("203.0.113.7") == key("203.0.113.8"));
}

TEST(ClientKeyTest, Ipv6AddressesOfOneSlash64AreOneClient) {
    EXPECT_EQ(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    EXPECT_FALSE(key("2001:db8:1:2::1") == key("2001:db8:1:3::1"));
    EXPECT_EQ("2001:db8:1:2::/64", key("2001:db8:1:2:abcd::9").text());
}

TEST(ClientKeyTest, MappedIpv4CountsAsTheIpv4Address) {
    EXPECT_EQ(key("192.0.2.1"), key("::ffff:192.0.2.1"));
    EXPECT_FALSE(key("::ffff:192.0.2.1") == key("::ffff:192.0.2.2"));
}

TEST(ClientKeyTest, HashSeparatesFamilies) {
    // 0.0.0.0/… and ::/64 have the same bytes; they are different clients.
    EXPECT_FALSE(key("0.0.0.0") == key("::"));
    ClientKeyHash h;
    EXPECT_EQ(h(key("2001:db8::1")), h(key("2001:db8::2")));
}

}  // namespace
}  // namespace es::net::test
