// Thrown when a request breaks one or more rules; carries all of them, not only the first, so the
// owner can fix a form in one go. Nothing has been written when this is thrown.
#pragma once

#include <string>
#include <utility>

#include "domain/error.hpp"
#include "domain/violation.hpp"

namespace es::domain {

class ValidationFailed : public Error {
  public:
    explicit ValidationFailed(Violations violations)
        : Error(Kind::InvalidInput, summary(violations)), violations_(std::move(violations)) {}

    const Violations& violations() const noexcept { return violations_; }

    // True when some violation names this field and rule; what tests and UIs ask.
    bool has(const std::string& field, const std::string& rule) const {
        for (const auto& v : violations_) {
            if (v.field == field && v.rule == rule) {
                return true;
            }
        }
        return false;
    }

  private:
    static std::string summary(const Violations& vs) {
        std::string out = "invalid request";
        for (const auto& v : vs) {
            out += "; " + v.field + ": " + v.message + " [" + v.rule + "]";
        }
        return out;
    }

    Violations violations_;
};

}  // namespace es::domain
