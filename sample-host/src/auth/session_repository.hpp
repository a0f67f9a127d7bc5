// Login sessions. The browser holds a random 256-bit id; the database holds only its SHA-256, so a
// leaked database does not hand out sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace host {

struct SessionGrant {
    std::string token;  // goes into the cookie, never stored
    std::string csrf_token;
};

struct SessionInfo {
    std::int64_t user_id = 0;
    std::string csrf_token;
};

class SessionRepository {
  public:
    explicit SessionRepository(Database& db) : db_(db) {}

    SessionGrant create(std::int64_t user_id);
    // Unknown or expired: nullopt. Sliding expiry is not needed for a sample host.
    std::optional<SessionInfo> find(const std::string& token);
    void remove(const std::string& token);

    static constexpr std::int64_t kLifetimeSeconds = 12 * 3600;

  private:
    Database& db_;
};

}  // namespace host
