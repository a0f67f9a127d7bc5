// Link tokens and other unguessable ids.
//
// A token is 256 bits from the CSPRNG, base64url without padding: 43 characters of [A-Za-z0-9_-].
// Only token_hash(token) and the sealed token are stored; the plain token exists in the link alone.
#pragma once

#include <string>
#include <string_view>

namespace es::crypto {

inline constexpr std::size_t kTokenLength = 43;

std::string new_token();

// Lowercase hex SHA-256 of the token: the lookup key in the database. A fast hash is right here:
// the input has 256 bits of entropy, so there is nothing to brute-force.
std::string token_hash(std::string_view token);

// True when `text` could be a token (length and alphabet); the portal rejects anything else
// before touching the database.
bool looks_like_token(std::string_view text);

// 128 random bits as 32 lowercase hex digits: share ids. Random so ids reveal neither order nor
// count of shares.
std::string new_share_id();

}  // namespace es::crypto
