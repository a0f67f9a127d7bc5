// Where a streamed body goes: the socket in the portal, a string or a counter in tests and dry
// runs.
#pragma once

#include <cstddef>

namespace es::portal::zip {

class ByteSink {
  public:
    virtual ~ByteSink() = default;
    // Writes all `size` bytes or throws (a network error ends the download).
    virtual void write(const char* data, std::size_t size) = 0;
};

}  // namespace es::portal::zip
