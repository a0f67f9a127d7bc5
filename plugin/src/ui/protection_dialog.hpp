// "Change protection" from the panel: a new password, a switch to or from one-time codes, or no
// protection at all. Removing the protection asks once more (a second form that carries
// "confirmed"); the server refuses the removal without it.
#pragma once

#include <map>
#include <string>

#include "domain/policy.hpp"
#include "domain/share.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// The form: protection radio (preselected: `selected`, or the share's) and password field.
Json protection_dialog(Language language, const domain::Share& share, const domain::Policy& policy,
                       const std::string& selected, const std::string& typed_password,
                       const std::map<std::string, std::string>& errors);

// "Remove the protection?" with a danger button that submits the removal, confirmed.
Json remove_protection_confirmation(Language language, const domain::Share& share);

}  // namespace es::ui
