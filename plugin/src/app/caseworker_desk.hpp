// The caseworker's side of the module: the share action, the per-case panel and the case-list
// column, as view models, and every action they trigger. Knows nothing of C; Module calls it.
//
// Thread safety: all functions may be called from any thread at once (they share only
// thread-safe services).
#pragma once

#include <dm/cpp/context.hpp>
#include <dm/cpp/host_services.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/share_service.hpp"
#include "store/store.hpp"
#include "ui/case_snapshot.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::app {

struct CaseworkerPorts {
    const dm::HostServices& host;
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
};

class CaseworkerDesk {
  public:
    explicit CaseworkerDesk(CaseworkerPorts ports);

    // Whether the share action applies to this case for this user (licence, case type, access).
    bool can_share(const dm::Context& ctx, std::string_view case_id);
    bool active_for(const dm::Context& ctx);

    std::string render_panel(const dm::Context& ctx, std::string_view case_id);
    std::string invoke(const dm::Context& ctx, std::string_view action_id, std::string_view case_id,
                       std::string_view payload_json);
    std::string column_values(const dm::Context& ctx, const std::vector<std::string>& case_ids);

    static bool handles(std::string_view action_id);

  private:
    ui::CaseSnapshot snapshot(const dm::Context& ctx, const std::string& case_id) const;
    domain::Policy policy_for(const domain::Actor& actor, const ui::CaseSnapshot& snapshot);
    ui::Json open_dialog(const dm::Context& ctx, const std::string& case_id);
    ui::Json create(const dm::Context& ctx, const std::string& case_id, const ui::Json& payload);
    ui::Json row_action(const dm::Context& ctx, const std::string& action,
                        const std::string& case_id, const ui::Json& payload);
    ui::Json save_expiry_and_limit(const domain::Actor& actor, ui::Language lang,
                                   const domain::Share& share, const domain::Policy& policy,
                                   domain::Timestamp now, const ui::Json& payload);
    ui::Json save_protection(const domain::Actor& actor, ui::Language lang,
                             const domain::Share& share, const domain::Policy& policy,
                             const ui::Json& payload);
    LinkMailFacts mail_facts(const dm::Context& ctx) const;
    std::string creator_name(const dm::Context& ctx, const domain::Share& share) const;

    CaseworkerPorts ports_;
};

}  // namespace es::app
