// The step after "Share": the direct link to copy, the preview, and sending by e-mail.
#pragma once

#include <string>

#include "app/share_service.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

Json share_result_dialog(Language language, const app::CreatedShare& created,
                         int email_link_expiry_hours);

}  // namespace es::ui
