// An address range written as "10.0.0.0/8", "2001:db8::/32" or a single address.
#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>

namespace es::portal::http {

class IpNetwork {
  public:
    // Throws std::invalid_argument for anything that is not an address or address/prefix.
    static IpNetwork parse(const std::string& text);

    // IPv4-mapped IPv6 addresses ("::ffff:10.1.2.3") match IPv4 networks.
    bool contains(const Poco::Net::IPAddress& address) const;

  private:
    Poco::Net::IPAddress base_;
    unsigned prefix_ = 0;
};

// IPv4 addresses as they are; IPv6 addresses as their /64 (what one subscriber usually gets), so
// rotating through a prefix does not buy an attacker fresh throttle budgets.
std::string throttle_key_of(const Poco::Net::IPAddress& address);

// The IPv4 address inside an IPv4-mapped IPv6 address, else the address itself.
Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address);

}  // namespace es::portal::http
