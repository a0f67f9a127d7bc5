// The module's error type. Every failure that leaves es_core is an es::domain::Error whose kind
// maps one to one onto a dm_status at the ABI barrier, so callers can react without parsing
// messages.
#pragma once

#include <stdexcept>
#include <string>

namespace es::domain {

class Error : public std::runtime_error {
  public:
    enum class Kind {
        InvalidInput,  // the request breaks a rule; see ValidationFailed for the details
        NotFound,  // no such share, or not visible in this organisation (never "exists elsewhere")
        Denied,    // the acting user may not do this
        Unavailable,  // the database (or another dependency) is down; retrying later may help
        Conflict,     // the object changed concurrently, or the state forbids the change
        Internal      // a bug or an unexpected failure
    };

    Error(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

    Kind kind() const noexcept { return kind_; }

  private:
    Kind kind_;
};

}  // namespace es::domain
