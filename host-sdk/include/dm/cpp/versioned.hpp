// Reading the other side's versioned structs (version.h): accept any size from the 1.0 one up,
// copy into a zero-filled struct of our own, and let missing trailing fields mean "not offered".
#pragma once

#include <cstddef>
#include <type_traits>

#include "../version.h"

namespace dm {

// Copies `*theirs` into `own` as dm_struct_read() does, taking the size from `theirs->struct_size`.
// False, with `own` zero-filled, when `theirs` is NULL or smaller than `v1_0_size`. Afterwards a
// field the other side's version lacks is zero: a NULL function pointer means "not offered".
template <typename T>
bool read_versioned(const T* theirs, std::size_t v1_0_size, T& own) noexcept {
    static_assert(std::is_trivially_copyable_v<T>, "ABI structs are plain C data");
    return dm_struct_read(&own, sizeof own, theirs, theirs != nullptr ? theirs->struct_size : 0,
                          v1_0_size) != 0;
}

}  // namespace dm
