// The step after "Share": the direct link to copy, the preview, and sending by e-mail.
#pragma once

#include <string>

#include "domain/share_overview.hpp"
#include "text/time_text.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// `send_email_chosen`: the caseworker ticked "send by e-mail" in the share dialog; the sending
// step after the preview starts ticked then. Sending never changes the link's expiry.
// Dates in `reader`'s language on the organisation's clock.
Json share_result_dialog(const text::TimeReader& reader, const domain::CreatedShare& created,
                         bool send_email_chosen);

}  // namespace es::ui
