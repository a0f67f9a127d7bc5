// Stable ids of what the plugin contributes to the host's UI. Hosts persist them (column choices),
// so they never change once published.
#pragma once

namespace es::ui {

inline constexpr const char* kShareAction = "external-sharing.share";
inline constexpr const char* kCasePanel = "external-sharing.panel";
inline constexpr const char* kAdminPanel = "external-sharing.admin";
inline constexpr const char* kSharesColumn = "external-sharing.active-shares";

// The admin page's actions (invoke_action with an empty case id); hosts may log them.
inline constexpr const char* kAdminStartTrial = "external-sharing.admin.start-trial";
inline constexpr const char* kAdminEnterKey = "external-sharing.admin.enter-key";  // {licence_key}
inline constexpr const char* kAdminDeactivate = "external-sharing.admin.deactivate";  // {confirm}
inline constexpr const char* kAdminReactivate = "external-sharing.admin.reactivate";
inline constexpr const char* kAdminCaseType =
    "external-sharing.admin.case-type";  // {case_type_id, enabled}
inline constexpr const char* kAdminRevokeAll = "external-sharing.admin.revoke-all";  // {confirm}
inline constexpr const char* kAdminJournalEntries =
    "external-sharing.admin.journal-entries";                                      // {enabled}
inline constexpr const char* kAdminLanguage = "external-sharing.admin.language";   // {language}
inline constexpr const char* kAdminTimeZone = "external-sharing.admin.time-zone";  // {time_zone}

}  // namespace es::ui
