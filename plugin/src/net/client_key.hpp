// Who a connection counts against when the front door limits connections per client.
//
// An IPv4 client is its address; an IPv6 client is its /64, because one host controls a whole /64
// (SLAAC, privacy addresses) and counting single addresses would let it rotate through 2^64
// identities. An IPv4-mapped IPv6 peer (a dual-stack listener) counts as the IPv4 address.
#pragma once

#include <Poco/Net/IPAddress.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace es::net {

struct ClientKey {
    std::array<std::uint8_t, 16> bytes{};  // IPv4: the 4 address bytes; IPv6: the /64 prefix
    bool v6 = false;

    bool operator==(const ClientKey&) const = default;
    // "203.0.113.7" or "2001:db8:1:2::/64", for logs and tests.
    std::string text() const;
};

ClientKey client_key_of(const Poco::Net::IPAddress& address);

struct ClientKeyHash {
    std::size_t operator()(const ClientKey& k) const noexcept;
};

}  // namespace es::net
