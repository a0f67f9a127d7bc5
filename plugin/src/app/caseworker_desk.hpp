// The caseworker's side of the module: the share action, the per-case panel and the case-list
// column, as view models, and every action they trigger. Knows nothing of C; Module calls it.
//
// Each request reads its case from the host once (ShareService::open_case: the parts the action
// needs, in the acting user's context, which also proves the user may see it) and passes it along.
//
// Thread safety: all functions may be called from any thread at once (they share only
// thread-safe services).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/case_at_hand.hpp"
#include "app/share_service.hpp"
#include "domain/actor.hpp"
#include "host/host_adapter.hpp"
#include "store/store.hpp"
#include "text/user_agent_parser.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::app {

struct CaseworkerPorts {
    const host::HostAdapter& host;
    ShareService& shares;
    store::Store& store;
    // A single-use preview URL for the share (the portal's ticket).
    std::function<std::string(const std::string& organisation_id, const std::string& share_id,
                              const std::string& user_id)>
        preview_url;
    // Whether the organisation's licence lets the module work right now.
    std::function<bool(const std::string& organisation_id)> module_active;
    // Active, and new shares allowed (the seat grace period has not run out).
    std::function<bool(const std::string& organisation_id)> may_create_shares;
    // Something was queued in the outbox: deliver now.
    std::function<void()> wake_notifications;
    // Names the browsers of the access log; null shows the User-Agent strings themselves.
    const text::UserAgentParser* user_agents = nullptr;
};

class CaseworkerDesk {
  public:
    explicit CaseworkerDesk(CaseworkerPorts ports);

    // Nothing when the user may not see the case; else whether the share action applies to it
    // (licence, case type). One read of the case's details.
    std::optional<bool> sharing_for(const domain::Actor& actor, std::string_view case_id);
    bool active_for(const domain::Actor& actor);

    std::string render_panel(const domain::Actor& actor, std::string_view case_id);
    std::string invoke(const domain::Actor& actor, std::string_view action_id,
                       std::string_view case_id, std::string_view payload_json);
    std::string column_values(const domain::Actor& actor, const std::vector<std::string>& case_ids);

    static bool handles(std::string_view action_id);

  private:
    bool can_share(const domain::Actor& actor, const CaseAtHand& at_hand);
    ui::Json open_dialog(const domain::Actor& actor, const CaseAtHand& at_hand,
                         const ui::Json& payload);
    ui::Json create(const domain::Actor& actor, const CaseAtHand& at_hand, const ui::Json& payload);
    ui::Json row_action(const domain::Actor& actor, const std::string& action,
                        const CaseAtHand& at_hand, const ui::Json& payload);
    ui::Json save_expiry_and_limit(const domain::Actor& actor, domain::Language lang,
                                   const CaseAtHand& at_hand, const domain::Share& share,
                                   domain::Timestamp now, const ui::Json& payload);
    ui::Json save_protection(const domain::Actor& actor, domain::Language lang,
                             const CaseAtHand& at_hand, const domain::Share& share,
                             const ui::Json& payload);
    ui::Json link_details(const domain::Actor& actor, const CaseAtHand& at_hand,
                          const domain::ShareOverview& overview);
    ui::Json save_items(const domain::Actor& actor, domain::Language lang,
                        const CaseAtHand& at_hand, const std::string& share_id,
                        const ui::Json& payload);
    LinkMailFacts mail_facts(const domain::Actor& actor) const;
    std::string creator_name(const domain::Actor& actor, const domain::Share& share) const;

    CaseworkerPorts ports_;
};

}  // namespace es::app
