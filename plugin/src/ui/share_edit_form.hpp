// The form of a dialog that changes one existing share (its expiry, its items, its protection):
// the three dialogs save the same way, so they are built the same way.
#pragma once

#include <string>

#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// A form posting `fields` to `action` with the share's id as its only hidden value (the action
// needs no other state), Save and Cancel.
Json share_edit_form(Language lang, const std::string& action, const std::string& share_id,
                     const JsonArray& fields);

}  // namespace es::ui
