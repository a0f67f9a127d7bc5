#include "web/plugin_api.hpp"

#include <charconv>
#include <sstream>

#include "log/host_log.hpp"
#include "web/api_error.hpp"
#include "web/plugin_gateway.hpp"

namespace host {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// "" for organisation scope; otherwise the id of a case of the user's organisation, or 404.
std::string case_scope(DossierManager& dm, const Exchange& ex, const std::string& case_id) {
    if (case_id.empty())
        return {};
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(case_id.data(), case_id.data() + case_id.size(), id);
    if (ec != std::errc() || end != case_id.data() + case_id.size() || id <= 0 ||
        !dm.cases.find(ex.user->organisation_id, id)) {
        throw ApiError::not_found();
    }
    return std::to_string(id);
}

Array::Ptr array_or_empty(const Object::Ptr& o, const std::string& key) {
    try {
        if (o->has(key)) {
            auto a = o->getArray(key);
            if (a)
                return a;
        }
    } catch (const std::exception&) {
    }
    return new Array;
}

void require_view_model(const LoadedPlugin& p, const Object::Ptr& vm, const std::string& what) {
    if (!vm->has("type") || !vm->get("type").isString()) {
        HostLog::error("plugin " + p.id + ": " + what + " returned a view model without \"type\"");
        throw ApiError(502, "plugin_bad_response", p.name + " returned an invalid answer.");
    }
}

void contributions(DossierManager& dm, Exchange& ex) {
    std::string case_id = case_scope(dm, ex, ex.query("case_id"));
    PluginGateway gateway(dm);
    auto ctx = PluginGateway::context(ex);
    Array::Ptr plugins = new Array;
    Array::Ptr errors = new Array;
    for (const auto& p : dm.plugins.plugins()) {
        if (!p->ui())
            continue;
        try {
            auto c = gateway.object_call(*p, "contributions",
                                         [&] { return p->ui().contributions(ctx, case_id); });
            Object::Ptr entry = new Object;
            entry->set("id", p->id);
            entry->set("name", PluginGateway::display_name(*p, c));
            entry->set("actions", array_or_empty(c, "actions"));
            entry->set("panels", array_or_empty(c, "panels"));
            entry->set("columns", array_or_empty(c, "columns"));
            plugins->add(entry);
        } catch (const ApiError& e) {
            Object::Ptr err = new Object;
            err->set("plugin", p->id);
            err->set("message", std::string(e.what()));
            errors->add(err);
        }
    }
    Object::Ptr root = new Object;
    root->set("case_id", case_id);
    root->set("plugins", plugins);
    root->set("errors", errors);
    ex.send_json(200, root);
}

void invoke(DossierManager& dm, Exchange& ex) {
    PluginGateway gateway(dm);
    const auto& p = gateway.plugin_with_ui(ex.param("plugin"));
    auto body = ex.json_body();
    std::string case_id;
    if (body->has("case_id") && !body->get("case_id").isEmpty()) {
        if (!body->get("case_id").isString())
            throw ApiError::bad_request("'case_id' must be a string.", "case_id");
        case_id = case_scope(dm, ex, body->getValue<std::string>("case_id"));
    }
    std::string payload = "{}";
    if (body->has("payload") && !body->get("payload").isEmpty()) {
        Object::Ptr obj;
        try {
            obj = body->getObject("payload");
        } catch (const std::exception&) {
        }
        if (!obj)
            throw ApiError::bad_request("'payload' must be a JSON object.", "payload");
        std::ostringstream out;
        obj->stringify(out);
        payload = out.str();
    }
    auto ctx = PluginGateway::context(ex);
    std::string action = ex.param("action");
    auto vm = gateway.object_call(p, "invoke_action(" + action + ")", [&] {
        return p.ui().invoke_action(ctx, action, case_id, payload);
    });
    require_view_model(p, vm, "invoke_action(" + action + ")");
    ex.send_json(200, vm);
}

void panel(DossierManager& dm, Exchange& ex) {
    PluginGateway gateway(dm);
    const auto& p = gateway.plugin_with_ui(ex.param("plugin"));
    std::string case_id = case_scope(dm, ex, ex.query("case_id"));
    auto ctx = PluginGateway::context(ex);
    std::string panel_id = ex.param("panel");
    auto vm = gateway.object_call(p, "render_panel(" + panel_id + ")",
                                  [&] { return p.ui().render_panel(ctx, panel_id, case_id); });
    require_view_model(p, vm, "render_panel(" + panel_id + ")");
    ex.send_json(200, vm);
}

void column(DossierManager& dm, Exchange& ex) {
    PluginGateway gateway(dm);
    const auto& p = gateway.plugin_with_ui(ex.param("plugin"));
    std::vector<std::string> ids;
    std::string current;
    std::string list = ex.query("case_ids") + ",";
    for (char c : list) {
        if (c != ',') {
            current += c;
            continue;
        }
        if (!current.empty())
            ids.push_back(case_scope(dm, ex, current));
        current.clear();
    }
    if (ids.size() > 200)
        throw ApiError::bad_request("At most 200 cases per call.", "case_ids");
    Object::Ptr root = new Object;
    root->set("cells",
              gateway.column_cells(p, PluginGateway::context(ex), ex.param("column"), ids));
    ex.send_json(200, root);
}

}  // namespace

void PluginApi::install(Router& router, DossierManager& dm) {
    router.add("GET", "/api/plugins/contributions", Access::user,
               [&dm](Exchange& ex) { contributions(dm, ex); });
    router.add("POST", "/api/plugins/{plugin}/actions/{action}", Access::user,
               [&dm](Exchange& ex) { invoke(dm, ex); });
    router.add("GET", "/api/plugins/{plugin}/panels/{panel}", Access::user,
               [&dm](Exchange& ex) { panel(dm, ex); });
    router.add("GET", "/api/plugins/{plugin}/columns/{column}", Access::user,
               [&dm](Exchange& ex) { column(dm, ex); });
}

}  // namespace host
