// A recipient address or phone number that cannot be used: malformed, or carrying characters that
// could inject a header or a second recipient. Raised before anything is queued or sent.
#pragma once

#include <stdexcept>
#include <string>

namespace es::notify {

class InvalidAddress : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

}  // namespace es::notify
