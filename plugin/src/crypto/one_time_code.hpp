// One-time codes: N decimal digits, uniform over all 10^N values.
#pragma once

#include <string>
#include <string_view>

namespace es::crypto {

// `digits` from 4 to 9. Uniform: random 32-bit values at or above the largest multiple of 10^N are
// thrown away and drawn again (rejection sampling), so there is no modulo bias.
std::string new_code(int digits);

// What the database keeps of a code: hex SHA-256 over "code:<share id>:<code>". Bound to the share
// so one digest cannot be replayed against another share.
std::string code_digest(std::string_view share_id, std::string_view code);

}  // namespace es::crypto
