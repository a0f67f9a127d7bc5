// Stable ids of what the plugin contributes to the host's UI. Hosts persist them (column choices),
// so they never change once published.
#pragma once

namespace es::ui {

inline constexpr const char* kShareAction = "external-sharing.share";
inline constexpr const char* kCasePanel = "external-sharing.panel";
inline constexpr const char* kAdminPanel = "external-sharing.admin";
inline constexpr const char* kSharesColumn = "external-sharing.active-shares";

}  // namespace es::ui
