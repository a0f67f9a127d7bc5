// The protection choice as forms show it: a radio ("none", "password", "code", "both") and a
// password field shown for the password modes. The share dialog and the "Change protection"
// dialog offer it alike; what is allowed is decided on the server (check_protection_choice), the
// form only leaves out what the policy forbids.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/settings.hpp"
#include "domain/share_options.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// Form value of a mode, and back; nothing for a value that names no mode.
std::string protection_value(domain::Protection mode);
std::optional<domain::Protection> protection_mode(std::string_view value);

struct ProtectionFieldInput {
    Language language = Language::En;
    const config::PolicySettings* policy = nullptr;
    std::string selected;        // form value of the checked option
    std::string code_phone;      // where SMS codes would go; empty: by e-mail
    std::string code_email;      // where e-mailed codes would go; both empty: no code offered
    std::string typed_password;  // kept when the form comes back with errors
};

// Appends the radio "protection" and the password field "password" to `fields`.
void add_protection_fields(JsonArray& fields, const ProtectionFieldInput& input);

}  // namespace es::ui
