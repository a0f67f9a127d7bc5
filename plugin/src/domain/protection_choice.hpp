// How an owner wants a share protected, and the one set of rules every way of choosing it goes
// through: creating a share (dialog or any other caller of the host's API) and changing the
// protection later. The server decides; a form only offers what these rules allow.
#pragma once

#include <optional>
#include <string>

#include "domain/policy.hpp"
#include "domain/recipient.hpp"
#include "domain/share_options.hpp"
#include "domain/violation.hpp"

namespace es::domain {

struct ProtectionChoice {
    Protection mode = Protection::None;
    // The new password: required by the password modes, refused by the others.
    std::optional<std::string> password;

    bool operator==(const ProtectionChoice&) const = default;
};

// Adds a violation for every rule the choice breaks and returns where one-time codes would go
// (CodeChannel::None without code protection):
//   "password" / "password_missing"   a password mode without a password (absent or empty);
//   "password" / "password_unused"    a password given for a mode without one;
//   "password" / policy rules         too short, too long, not text (Policy::check_password);
//   "protection" / "password_required", "code_required"   the policy demands more;
//   "recipient.phone" or, when the policy sends codes by e-mail only, "recipient.email" /
//   "code_contact_required"           a code mode without a contact to send codes to.
// `recipient` must already be checked and normalised.
CodeChannel check_protection_choice(const Policy& policy, const ProtectionChoice& choice,
                                    const Recipient& recipient, Violations& out);

}  // namespace es::domain
