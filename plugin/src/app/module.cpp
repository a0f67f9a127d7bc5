#include "app/module.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <sstream>

#include "config/settings_loader.hpp"
#include "ui/ids.hpp"
#include "ui/texts.hpp"

namespace es::app {

namespace {

std::string to_json(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

std::string base_directory(const std::string& config_path, const std::string& data_directory) {
    if (!data_directory.empty()) {
        return data_directory;
    }
    return std::filesystem::absolute(config_path).parent_path().string();
}

}  // namespace

Module::Module(const dm_host* host, std::string config_path, std::string data_directory)
    : host_(host), data_directory_(std::move(data_directory)) {
    if (config_path.empty()) {
        throw dm::Error(DM_ERR_INVALID_ARGUMENT,
                        "no configuration file given (dm_init_args.config_path is empty)");
    }
    if (!host_.has_cases() || !host_.has_directory()) {
        throw dm::Error(DM_ERR_UNSUPPORTED,
                        "the host must provide dm.cases/1 and dm.directory/1 to run External "
                        "Sharing");
    }
    settings_ = config::load_settings(config_path, base_directory(config_path, data_directory_));
    host_.log(DM_LOG_INFO, "External Sharing started with " + config_path);
}

Module::~Module() {
    host_.log(DM_LOG_INFO, "External Sharing stopped");
}

std::string Module::contributions(const dm::Context& ctx, std::string_view case_id) const {
    const ui::Language lang = ui::language_of(ctx.locale);
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    Poco::JSON::Array::Ptr actions = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr panels = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr columns = new Poco::JSON::Array;

    const bool may_access = case_id.empty() || host_.may_access(ctx, case_id);
    if (may_access) {
        Poco::JSON::Object::Ptr share = new Poco::JSON::Object;
        share->set("id", ui::kShareAction);
        share->set("title", ui::text(lang, "action.share"));
        share->set("icon", "share");
        share->set("scope", "case");
        actions->add(share);

        Poco::JSON::Object::Ptr panel = new Poco::JSON::Object;
        panel->set("id", ui::kCasePanel);
        panel->set("title", ui::text(lang, "panel.title"));
        panel->set("icon", "link");
        panel->set("scope", "case");
        panels->add(panel);
    }
    if (case_id.empty()) {
        Poco::JSON::Object::Ptr admin = new Poco::JSON::Object;
        admin->set("id", ui::kAdminPanel);
        admin->set("title", ui::text(lang, "admin.title"));
        admin->set("icon", "settings");
        admin->set("scope", "organisation");
        panels->add(admin);

        Poco::JSON::Object::Ptr column = new Poco::JSON::Object;
        column->set("id", ui::kSharesColumn);
        column->set("title", ui::text(lang, "column.title"));
        column->set("default_visible", false);
        columns->add(column);
    }
    out->set("actions", actions);
    out->set("panels", panels);
    out->set("columns", columns);
    return to_json(out);
}

std::string Module::invoke_action(const dm::Context& ctx, std::string_view action_id,
                                  std::string_view case_id, std::string_view payload_json) {
    if (action_id != ui::kShareAction) {
        throw dm::Error(DM_ERR_UNSUPPORTED, "unknown action '" + std::string(action_id) + "'");
    }
    try {
        Poco::JSON::Parser().parse(std::string(payload_json));
    } catch (const Poco::Exception&) {
        throw dm::Error(DM_ERR_INVALID_ARGUMENT, "payload is not valid JSON");
    }
    if (case_id.empty() || !host_.may_access(ctx, case_id)) {
        throw dm::Error(DM_ERR_NOT_FOUND, "case not found");
    }
    // Placeholder until the share dialog lands: an honest notice, no pretend share.
    Poco::JSON::Object::Ptr notice = new Poco::JSON::Object;
    notice->set("type", "notice");
    notice->set("level", "info");
    notice->set("text", "Placeholder: the share dialog is not built yet.");
    return to_json(notice);
}

std::string Module::render_panel(const dm::Context& ctx, std::string_view panel_id,
                                 std::string_view case_id) const {
    if (panel_id != ui::kCasePanel && panel_id != ui::kAdminPanel) {
        throw dm::Error(DM_ERR_UNSUPPORTED, "unknown panel '" + std::string(panel_id) + "'");
    }
    if (panel_id == ui::kCasePanel && (case_id.empty() || !host_.may_access(ctx, case_id))) {
        throw dm::Error(DM_ERR_NOT_FOUND, "case not found");
    }
    const ui::Language lang = ui::language_of(ctx.locale);
    Poco::JSON::Object::Ptr view = new Poco::JSON::Object;
    view->set("type", "panel");
    view->set("title", ui::text(lang, panel_id == ui::kCasePanel ? "panel.title" : "admin.title"));
    Poco::JSON::Array::Ptr body = new Poco::JSON::Array;
    Poco::JSON::Object::Ptr notice = new Poco::JSON::Object;
    notice->set("type", "notice");
    notice->set("level", "info");
    notice->set("text", "Placeholder: this panel is not built yet.");
    body->add(notice);
    view->set("body", body);
    return to_json(view);
}

std::string Module::column_values(const dm::Context& ctx, std::string_view column_id,
                                  const std::vector<std::string>& case_ids) const {
    if (column_id != ui::kSharesColumn) {
        throw dm::Error(DM_ERR_UNSUPPORTED, "unknown column '" + std::string(column_id) + "'");
    }
    (void)ctx;
    // No shares exist yet, so every cell is empty; the array still has one cell per case.
    Poco::JSON::Array::Ptr cells = new Poco::JSON::Array;
    for (size_t i = 0; i < case_ids.size(); ++i) {
        cells->add(Poco::Dynamic::Var());
    }
    return to_json(cells);
}

void Module::on_event(const dm::Context& ctx, const dm_event& event) {
    (void)ctx;
    switch (event.kind) {
        case DM_EVENT_CASE_CLOSED:
        case DM_EVENT_CASE_DELETED:
        case DM_EVENT_ATTACHMENT_DELETED:
        case DM_EVENT_USER_REMOVED:
        case DM_EVENT_ORGANISATION_LICENCE_CHANGED:
            return;
    }
    throw dm::Error(DM_ERR_UNSUPPORTED, "unknown event kind " + std::to_string(event.kind));
}

}  // namespace es::app
