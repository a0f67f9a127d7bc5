// A recipient who passed the share's password/code checks, as the portal's session cookie names it.
// The cookie value itself is never stored: only its SHA-256.
#pragma once

#include <cstdint>
#include <string>

#include "domain/timestamp.hpp"

namespace es::domain {

struct PortalSession {
    std::string session_hash;  // lowercase hex SHA-256 of the cookie value
    std::string share_id;
    Timestamp created_at;
    Timestamp last_seen_at;
    // The share's password_generation when the session was made; a session whose generation no
    // longer matches is dead (the password changed).
    std::int64_t password_generation = 0;
    bool password_passed = false;
    bool code_passed = false;

    bool operator==(const PortalSession&) const = default;
};

}  // namespace es::domain
