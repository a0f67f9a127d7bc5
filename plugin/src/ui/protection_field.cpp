#include "ui/protection_field.hpp"

namespace es::ui {
namespace {

Json option(const std::string& value, const std::string& label) {
    return element({{"value", value}, {"label", label}});
}

}  // namespace

std::string protection_value(domain::Protection mode) {
    switch (mode) {
        case domain::Protection::None:
            return "none";
        case domain::Protection::Password:
            return "password";
        case domain::Protection::Code:
            return "code";
        case domain::Protection::PasswordAndCode:
            break;
    }
    return "both";
}

std::optional<domain::Protection> protection_mode(std::string_view value) {
    for (auto mode : {domain::Protection::None, domain::Protection::Password,
                      domain::Protection::Code, domain::Protection::PasswordAndCode}) {
        if (protection_value(mode) == value) {
            return mode;
        }
    }
    return std::nullopt;
}

void add_protection_fields(JsonArray& fields, const ProtectionFieldInput& in) {
    const Language lang = in.language;
    const config::PolicySettings& p = *in.policy;
    Json protection = element(
        {{"type", "radio"}, {"name", "protection"}, {"label", text(lang, "dialog.protection")}});
    JsonArray options = array();
    if (!p.require_password && !p.require_code) {
        options->add(option("none", text(lang, "protection.none")));
    }
    if (!p.require_code) {
        options->add(option("password", text(lang, "protection.password")));
    }
    const bool sms = !in.code_phone.empty() && !p.force_email_codes;
    // A code needs somewhere to go: without a phone (or with e-mail codes only) and without an
    // e-mail address, the code modes are left out and the field says why, unless the policy
    // requires a code (then the server's field error beside the contact fields says what is
    // missing).
    const bool code_possible = sms || !in.code_email.empty();
    const bool offer_code = code_possible || p.require_code;
    Json code = option("code", text(lang, "protection.code"));
    code->set("help",
              fill(fill(fill(text(lang, sms ? "dialog.code.help.sms" : "dialog.code.help.email"),
                             "digits", std::to_string(p.code_digits)),
                        "phone", in.code_phone),
                   "email", in.code_email));
    if (!p.require_password && offer_code) {
        options->add(code);
    }
    if (offer_code) {
        options->add(option("both", text(lang, "protection.both")));
    } else {
        protection->set("help", text(lang, p.force_email_codes ? "dialog.code.unavailable.email"
                                                               : "dialog.code.unavailable"));
    }
    protection->set("options", options);
    std::string selected = in.selected;
    if (!offer_code && (selected == "code" || selected == "both")) {
        selected = selected == "both" ? "password" : "";
    }
    protection->set("value", selected);
    protection->set("required", true);
    fields->add(protection);

    Json password = element(
        {{"type", "password"}, {"name", "password"}, {"label", text(lang, "dialog.password")}});
    password->set("generator", true);
    password->set("reveal", true);
    password->set("help", text(lang, "dialog.password.help"));
    password->set("value", in.typed_password);
    Json show_if = object();
    JsonArray when = array();
    when->add("password");
    when->add("both");
    show_if->set("field", "protection");
    show_if->set("in", when);
    password->set("show_if", show_if);
    fields->add(password);
}

}  // namespace es::ui
