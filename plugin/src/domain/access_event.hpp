// One thing an external visitor did (or tried) with a share. Append-only; shown to the owner, who
// must see it escaped: every text here came from the outside (user agent) or from the host.
#pragma once

#include <cstdint>
#include <string>

#include "domain/timestamp.hpp"

namespace es::domain {

// Stable text forms, stored as such: "view", "download", "download_all", "password", "code_send",
// "code_verify", "preview" ... New actions are new strings; no enum to keep in step with the
// portal.
struct AccessEvent {
    std::int64_t id = 0;  // assigned by the store; 0 before
    std::string share_id;
    std::string organisation_id;  // denormalised so per-case/organisation queries need no join
    std::string case_id;
    Timestamp at;            // UTC; set by the caller (the portal's request time)
    std::string client_ip;   // after X-Forwarded-For processing; IPv4 or IPv6 text
    std::string user_agent;  // truncated by the store to 512 bytes
    std::string action;
    std::string item_id;  // empty when the action is about the share as a whole
    std::string outcome;  // "ok", "denied", "wrong_password", "wrong_code", "limit_reached", ...

    bool operator==(const AccessEvent&) const = default;
};

}  // namespace es::domain
