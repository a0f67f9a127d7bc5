// One change an owner, an administrator or a host event made. Written in the same transaction as
// the change it records, so the trail and the data never disagree.
#pragma once

#include <cstdint>
#include <string>

#include "domain/timestamp.hpp"

namespace es::domain {

struct AuditEntry {
    std::int64_t id = 0;  // assigned by the store
    std::string organisation_id;
    std::string case_id;   // empty for organisation-wide changes
    std::string share_id;  // empty when not about one share
    std::string actor;     // user id, or "system:<event>"
    Timestamp at;
    std::string action;   // "share.create", "share.revoke", "share.expiry", "item.hide", ...
    std::string details;  // JSON object; never a token, password or code

    bool operator==(const AuditEntry&) const = default;
};

}  // namespace es::domain
