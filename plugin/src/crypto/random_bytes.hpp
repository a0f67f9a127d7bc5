// Bytes from the kernel's CSPRNG (getrandom(2)). Never a user-space PRNG: every token, key, nonce
// and code in the module comes from here.
#pragma once

#include <cstddef>
#include <string>

namespace es::crypto {

// Fills `out` completely; blocks only until the kernel pool is initialised at boot. Throws
// es::domain::Error(Internal) if the kernel refuses.
void fill_random(unsigned char* out, std::size_t size);

std::string random_bytes(std::size_t size);

}  // namespace es::crypto
