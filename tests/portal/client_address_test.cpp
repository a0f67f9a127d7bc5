#include "portal/http/client_address.hpp"

#include <gtest/gtest.h>

#include "portal/http/ip_network.hpp"

namespace es::portal::http {
namespace {

Poco::Net::IPAddress ip(const std::string& s) {
    return Poco::Net::IPAddress(s);
}

TEST(ClientAddress, UntrustedPeerIsTheClientWhateverItForwards) {
    ClientAddress c({"10.0.0.0/8"});
    EXPECT_EQ("203.0.113.9", c.resolve(ip("203.0.113.9"), "1.2.3.4").toString());
}

TEST(ClientAddress, RightMostUntrustedAddressIsTheClient) {
    ClientAddress c({"10.0.0.0/8", "192.168.1.1"});
    // The client forged "6.6.6.6"; the first proxy appended the real peer 198.51.100.7.
    EXPECT_EQ("198.51.100.7",
              c.resolve(ip("10.1.2.3"), "6.6.6.6, 198.51.100.7, 192.168.1.1").toString());
}

TEST(ClientAddress, GarbageStopsTheChain) {
    ClientAddress c({"10.0.0.0/8"});
    EXPECT_EQ("10.9.9.9", c.resolve(ip("10.9.9.9"), "not-an-ip").toString());
}

TEST(ClientAddress, Ipv6AndMappedAddresses) {
    ClientAddress c({"2001:db8::/32"});
    EXPECT_EQ("2001:db9::1", c.resolve(ip("2001:db8::5"), "[2001:db9::1]:443").toString());
    EXPECT_TRUE(IpNetwork::parse("10.0.0.0/8").contains(ip("::ffff:10.1.1.1")));
}

TEST(ClientAddress, BadProxyEntryIsRejected) {
    EXPECT_THROW(ClientAddress({"10.0.0.0/33"}), std::invalid_argument);
    EXPECT_THROW(ClientAddress({"example.org"}), std::invalid_argument);
}

TEST(ThrottleKey, Ipv6CountsPerSlash64) {
    EXPECT_EQ(throttle_key_of(ip("2001:db8:1:2::1")), throttle_key_of(ip("2001:db8:1:2:ffff::9")));
    EXPECT_NE(throttle_key_of(ip("2001:db8:1:2::1")), throttle_key_of(ip("2001:db8:1:3::1")));
    EXPECT_EQ("192.0.2.1", throttle_key_of(ip("::ffff:192.0.2.1")));
}

}  // namespace
}  // namespace es::portal::http
