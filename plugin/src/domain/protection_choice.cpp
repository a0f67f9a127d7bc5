#include "domain/protection_choice.hpp"

#include "domain/share.hpp"

namespace es::domain {

CodeChannel check_protection_choice(const Policy& policy, const ProtectionChoice& choice,
                                    const Recipient& recipient, Violations& out) {
    const bool has_password = choice.password.has_value() && !choice.password->empty();
    if (needs_password(choice.mode)) {
        if (has_password) {
            policy.check_password(*choice.password, "password", out);
        } else {
            // Fail closed: a password mode without a password must never become an open link.
            out.push_back(
                {"password", "password_missing", "choose a password for this protection"});
        }
    } else if (has_password) {
        out.push_back(
            {"password", "password_unused", "only a protection with a password takes a password"});
    }
    policy.check_protection(choice.mode, "protection", out);
    const bool email_only = policy.settings().force_email_codes;
    const CodeChannel channel = choose_code_channel(choice.mode, recipient, email_only);
    if (needs_code(choice.mode) && channel == CodeChannel::None) {
        out.push_back({email_only ? "recipient.email" : "recipient.phone", "code_contact_required",
                       email_only ? "a one-time code needs the recipient's e-mail address"
                                  : "a one-time code needs the recipient's phone number or "
                                    "e-mail address"});
    }
    return channel;
}

}  // namespace es::domain
