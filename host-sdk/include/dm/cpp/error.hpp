// C++ side of the hourglass: a status code from the C ABI as an exception, and back.
#pragma once

#include <stdexcept>
#include <string>

#include "../types.h"

namespace dm {

// A failed ABI call. `status()` is the code that crossed (or will cross) the boundary; `what()` is
// the one-sentence message that went with it.
class Error : public std::runtime_error {
  public:
    Error(dm_status status, const std::string& message)
        : std::runtime_error(message), status_(status) {}

    dm_status status() const noexcept { return status_; }

  private:
    dm_status status_;
};

// A name for log lines; "unknown status" for a code a newer peer added (see dm_status_known).
inline const char* status_name(dm_status status) noexcept {
    switch (status) {
        case DM_OK:
            return "ok";
        case DM_ERR_INVALID_ARGUMENT:
            return "invalid argument";
        case DM_ERR_NOT_FOUND:
            return "not found";
        case DM_ERR_DENIED:
            return "denied";
        case DM_ERR_UNSUPPORTED:
            return "unsupported";
        case DM_ERR_UNAVAILABLE:
            return "unavailable";
        case DM_ERR_INTERNAL:
            return "internal error";
        case DM_ERR_CONFLICT:
            return "conflict";
    }
    return "unknown status";
}

}  // namespace dm
