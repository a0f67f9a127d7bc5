// What a share keeps about its link and password. None of it is a plain secret: the token is kept
// as SHA-256 (for lookup) and sealed with AES-256-GCM (so the owner can copy the link again); the
// password as an Argon2id PHC string (to verify) and sealed (so the owner's panel may show it).
#pragma once

#include <optional>
#include <string>

namespace es::domain {

struct ShareSecrets {
    std::string token_hash;    // lowercase hex SHA-256 of the token; unique over all shares
    std::string sealed_token;  // SecretBox output, associated data "token:<share id>"
    std::optional<std::string> password_hash;  // Argon2id PHC string; set iff a password is set
    std::optional<std::string>
        sealed_password;  // SecretBox output, associated data "password:<id>"
    // Bumped on every password change; portal sessions remember it, so a change ends them.
    std::int64_t password_generation = 0;

    bool operator==(const ShareSecrets&) const = default;
};

}  // namespace es::domain
