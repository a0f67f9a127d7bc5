// The step after "Share": the direct link to copy, the preview, and sending by e-mail.
#pragma once

#include <string>

#include "domain/share_overview.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

Json share_result_dialog(Language language, const domain::CreatedShare& created,
                         int email_link_expiry_hours);

}  // namespace es::ui
