// SHA-256 as lowercase hex: how tokens, session ids and codes are stored for lookup.
#pragma once

#include <string>
#include <string_view>

namespace es::crypto {

std::string sha256_hex(std::string_view data);

}  // namespace es::crypto
