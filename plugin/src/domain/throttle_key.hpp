// Throttle keys for clients. An IPv6 client controls a whole /64 (SLAAC, privacy addresses), so
// counting single IPv6 addresses would let one attacker rotate through 2^64 identities.
#pragma once

#include <string>
#include <string_view>

namespace es::domain {

// "ip:203.0.113.7" for IPv4 (IPv4-mapped IPv6 included), "ip:2001:db8:1:2::/64" for IPv6;
// "ip:invalid" for anything else, so garbage shares one bucket instead of escaping the limit.
std::string client_throttle_key(std::string_view client_ip);

// Every counter of one share starts with "share:<id>:" (the share-wide "share:<id>:<what>" and
// the per-client "share:<id>:<what>:<client key>"), so that the owner's "reset counters" can
// clear exactly the share's counters in one range (ThrottleRepository::reset_prefix).
std::string share_throttle_prefix(std::string_view share_id);
// `what`: "password", "code", "code_send", ...
std::string share_throttle_key(std::string_view share_id, std::string_view what);
std::string share_client_throttle_key(std::string_view share_id, std::string_view what,
                                      std::string_view client_key);

}  // namespace es::domain
