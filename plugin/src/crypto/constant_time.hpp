// Comparison whose duration does not depend on where two secrets differ (OpenSSL CRYPTO_memcmp).
#pragma once

#include <string_view>

namespace es::crypto {

// Equal length and equal bytes. The length itself is not hidden; compare digests of equal size.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace es::crypto
