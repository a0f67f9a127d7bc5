// Who the client is when the portal may sit behind reverse proxies.
//
// `X-Forwarded-For` is honoured only when the peer is a configured trusted proxy. The list is then
// read from the right: every address a trusted proxy appended is skipped, and the first one that is
// not trusted is the client — anything further left was written by the client itself and proves
// nothing.
#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>
#include <vector>

#include "portal/http/ip_network.hpp"

namespace es::portal::http {

class ClientAddress {
  public:
    // Throws std::invalid_argument on an entry that is neither an address nor a CIDR range.
    explicit ClientAddress(const std::vector<std::string>& trusted_proxies);

    // `forwarded_for` holds every X-Forwarded-For header value joined with commas (or is empty).
    Poco::Net::IPAddress resolve(const Poco::Net::IPAddress& peer,
                                 const std::string& forwarded_for) const;

    bool is_trusted(const Poco::Net::IPAddress& address) const;

  private:
    std::vector<IpNetwork> trusted_;
};

}  // namespace es::portal::http
