// One broken rule of a request, named so a form can put the message beside the right field.
#pragma once

#include <string>
#include <vector>

namespace es::domain {

struct Violation {
    std::string field;  // dotted path into the request: "recipient.email", "expires_at", "items[3]"
    std::string rule;   // stable machine name: "email_format", "max_expiry", "password_min_length"
    std::string message;  // English sentence for logs and fallback display; UIs translate by rule

    bool operator==(const Violation&) const = default;
};

using Violations = std::vector<Violation>;

}  // namespace es::domain
