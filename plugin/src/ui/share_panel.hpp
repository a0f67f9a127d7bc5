// The per-case "External Sharing" panel: every link of the case, what can be done with it, and
// the access log below.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/access_event.hpp"
#include "domain/case_snapshot.hpp"
#include "domain/outbox_message.hpp"
#include "domain/policy.hpp"
#include "domain/selection.hpp"
#include "domain/share_overview.hpp"
#include "text/time_text.hpp"
#include "text/user_agent_parser.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

struct SharePanelRow {
    domain::ShareOverview overview;
    std::optional<std::string> private_url;  // for active shares only
    std::string creator_name;                // display name, or "(removed user)"
    std::vector<domain::OutboxMessage> messages;
};

struct SharePanelInput {
    Language language = Language::En;
    std::string time_zone{text::kDefaultTimeZone};  // the organisation's clock
    domain::Timestamp now{};                        // for "in 3 days", "5 minutes ago"
    std::vector<SharePanelRow> rows;
    std::vector<domain::AccessEvent> access_log;     // newest first
    const domain::CaseSnapshot* snapshot = nullptr;  // for item names in the log
    // Names the log's browsers ("Chrome on Windows"); without it the log shows the strings.
    const text::UserAgentParser* user_agents = nullptr;
    std::optional<std::string> notice;  // shown on top (e.g. the module is inactive)
    bool can_share = true;
};

Json share_panel(const SharePanelInput& input);

// Dialogs opened from the panel's rows. "Extend/Change": the expiry date and the download limit
// (`limit_value`: what was typed, when the form comes back with errors).
Json expiry_dialog(Language language, const domain::Share& share, const domain::Policy& policy,
                   domain::Timestamp now, const std::map<std::string, std::string>& errors,
                   const std::optional<std::string>& limit_value = std::nullopt);
Json items_dialog(const text::TimeReader& reader, const domain::Share& share,
                  const domain::Selection& selection, const domain::CaseSnapshot& snapshot);
Json password_dialog(Language language, const std::string& password);
// "Details": every fact of one link in full. The panel keeps each link to one line and cuts long
// texts (addresses, names, messages) with "…"; this is where they are read whole.
Json link_details_dialog(const SharePanelInput& in, const SharePanelRow& row,
                         const domain::Selection& selection, const domain::CaseItems& items);

}  // namespace es::ui
