// A message that did not get through. Transient failures (server down, timeout, 4xx) are retried
// with backoff; permanent ones (the server refused this recipient for good) fail the row at once.
#pragma once

#include <stdexcept>
#include <string>

namespace es::notify {

class DeliveryError : public std::runtime_error {
  public:
    DeliveryError(const std::string& message, bool permanent)
        : std::runtime_error(message), permanent_(permanent) {}

    bool permanent() const noexcept { return permanent_; }

  private:
    bool permanent_;
};

}  // namespace es::notify
