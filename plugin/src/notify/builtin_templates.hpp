// The templates shipped with the module, in the same format as an organisation's override files
// (see docs/notifications.md), so both go through one parser and one validation.
#pragma once

#include <string_view>
#include <vector>

namespace es::notify {

struct BuiltinTemplate {
    std::string_view file_name;  // "share_link.de.txt", "one_time_code.en.sms.txt", …
    std::string_view text;
};

const std::vector<BuiltinTemplate>& builtin_templates();

}  // namespace es::notify
