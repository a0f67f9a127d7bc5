// Argon2id password hashes (libargon2), in the PHC string format so parameters travel with the
// hash.
#pragma once

#include <string>

namespace host {

class PasswordHash {
  public:
    // m = 19 MiB, t = 2, p = 1: OWASP's minimum for Argon2id.
    static std::string create(const std::string& password);
    // Constant-time comparison inside libargon2; false for a malformed hash.
    static bool verify(const std::string& encoded, const std::string& password);
    // A valid hash of a random password: verifying against it costs the same as a real check, so
    // an unknown login takes as long as a wrong password.
    static const std::string& decoy();
};

}  // namespace host
