// Sessions of verified recipients. Keyed by SHA-256 of the cookie value, never the value.
//
// Thread safety and errors as in share_repository.hpp.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "domain/portal_session.hpp"

namespace es::store {

class PortalSessionRepository {
  public:
    virtual ~PortalSessionRepository() = default;

    // Stores the session; created/last seen are set to the database clock (the given values are
    // ignored).
    virtual void create(const domain::PortalSession& session) = 0;

    // The session if it is still valid: its share is live (database clock), the share's
    // password_generation equals the session's, and it was seen within `idle`. Touches last seen
    // when it is more than 60 s old (at most one write per session and minute), so idle expiry
    // may come up to 60 s early, never late.
    virtual std::optional<domain::PortalSession> find_valid(const std::string& session_hash,
                                                            std::chrono::minutes idle) = 0;

    // Records a further passed check (password, then code) on an existing session.
    virtual void mark_passed(const std::string& session_hash, bool password, bool code) = 0;

    virtual void remove(const std::string& session_hash) = 0;

    // Deletes sessions not seen within `idle`. Returns how many.
    virtual int purge_idle(std::chrono::minutes idle) = 0;
};

}  // namespace es::store
