// The "share with external person" dialog: its view model, and the request read back from what the
// caseworker submitted.
#pragma once

#include <map>
#include <string>

#include "domain/case_snapshot.hpp"
#include "domain/policy.hpp"
#include "domain/share_request.hpp"
#include "domain/validation_failed.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// Field names of the form; the payload uses them as keys.
namespace share_form {
inline constexpr const char* kExpiresOn = "expires_on";
inline constexpr const char* kProtection = "protection";
inline constexpr const char* kPassword = "password";
inline constexpr const char* kRecipientName = "recipient_name";
inline constexpr const char* kRecipientEmail = "recipient_email";
inline constexpr const char* kRecipientPhone = "recipient_phone";
inline constexpr const char* kSelection = "selection";
inline constexpr const char* kNotifyOnOpen = "notify_on_open";
inline constexpr const char* kAdvanced = "advanced";
inline constexpr const char* kDownloadLimit = "download_limit";
inline constexpr const char* kSendEmail = "send_email";
}  // namespace share_form

struct ShareDialogInput {
    Language language = Language::En;
    const domain::CaseSnapshot* snapshot = nullptr;
    const domain::Policy* policy = nullptr;
    domain::Timestamp now;
    Json submitted;                             // the previous submission, to keep what was typed
    std::map<std::string, std::string> errors;  // field name → message
    bool new_recipient = false;  // "Share with someone new": no correspondent prefilled
};

// {"type":"dialog",…} with the form prefilled from the case and the policy.
Json share_dialog(const ShareDialogInput& input);

// Reads the submitted form. Throws ValidationFailed (with form field names) for input that cannot
// even be read (a malformed date); the domain validates the rest.
domain::ShareRequest read_share_form(const Json& payload, const domain::CaseSnapshot& snapshot,
                                     const domain::Policy& policy, domain::Timestamp now,
                                     domain::Language locale);

// Whether the submitted form asked for the link to be sent by e-mail.
bool send_email_chosen(const Json& payload);

// The domain's violations as messages beside the dialog's fields.
std::map<std::string, std::string> field_errors(const domain::ValidationFailed& failure,
                                                Language language);

}  // namespace es::ui
