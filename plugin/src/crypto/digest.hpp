// SHA-256 as lowercase hex: how tokens, session ids and codes are stored for lookup; and
// HMAC-SHA-256, which binds a form's CSRF token to its browser.
#pragma once

#include <string>
#include <string_view>

namespace es::crypto {

std::string sha256_hex(std::string_view data);

// The 32 raw bytes of HMAC-SHA-256(key, message).
std::string hmac_sha256(std::string_view key, std::string_view message);

}  // namespace es::crypto
