// RFC 4648 §5 base64url without padding (tokens, nonces) and standard base64 (key files).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace es::crypto {

std::string base64url_encode(std::string_view bytes);
// Nothing for characters outside the alphabet, padding, or an impossible length.
std::optional<std::string> base64url_decode(std::string_view text);

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);  // padding required

}  // namespace es::crypto
