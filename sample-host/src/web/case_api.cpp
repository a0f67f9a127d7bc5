#include "web/case_api.hpp"

#include "web/split_text.hpp"

#include <charconv>
#include <sstream>

#include <Poco/JSON/Parser.h>

#include "json/case_json.hpp"
#include "log/host_log.hpp"
#include "web/api_error.hpp"
#include "web/path_id.hpp"
#include "web/plugin_gateway.hpp"

namespace host {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::vector<std::string> split_list(const std::string& text) {
    return split_nonempty(text, ',');
}

CaseQuery query_of(const Exchange& ex) {
    CaseQuery q;
    q.organisation_id = ex.user->organisation_id;
    q.locale = ex.locale;
    q.text = ex.query("q");
    if (q.text.size() > 200)
        throw ApiError::bad_request("The search text is too long.", "q");
    q.status = ex.query("status");
    if (!q.status.empty() && q.status != "open" && q.status != "closed") {
        throw ApiError::bad_request("'status' must be \"open\" or \"closed\".", "status");
    }
    std::string type = ex.query("case_type");
    if (!type.empty()) {
        auto [end, ec] = std::from_chars(type.data(), type.data() + type.size(), q.case_type_id);
        if (ec != std::errc() || end != type.data() + type.size()) {
            throw ApiError::bad_request("'case_type' must be a case type id.", "case_type");
        }
    }
    q.sort = ex.query("sort", "number");
    if (!CaseQuery::is_sort_key(q.sort)) {
        throw ApiError::bad_request("Cannot sort by '" + q.sort + "'.", "sort");
    }
    std::string dir = ex.query("dir", "asc");
    if (dir != "asc" && dir != "desc") {
        throw ApiError::bad_request("'dir' must be \"asc\" or \"desc\".", "dir");
    }
    q.descending = dir == "desc";
    q.page = ex.query_int("page", 1, 1, 1000000);
    q.page_size = ex.query_int("page_size", 50, 1, 200);
    return q;
}

// Plugin columns named "<plugin id>/<column id>": one batched call per column for the whole page.
// A failing plugin blanks its own column and says why; the page still answers.
void add_plugin_columns(DossierManager& dm, const Exchange& ex, const CasePage& page,
                        Object::Ptr& root) {
    Object::Ptr columns = new Object;
    Object::Ptr errors = new Object;
    auto wanted = split_list(ex.query("plugin_columns"));
    if (wanted.size() > 20)
        throw ApiError::bad_request("Too many plugin columns.", "plugin_columns");
    std::vector<std::string> ids;
    ids.reserve(page.cases.size());
    for (const auto& c : page.cases)
        ids.push_back(std::to_string(c.id));
    PluginGateway gateway(dm);
    auto ctx = PluginGateway::context(ex);
    for (const auto& key : wanted) {
        auto slash = key.find('/');
        if (slash == std::string::npos) {
            throw ApiError::bad_request("A plugin column is named \"<plugin>/<column>\".",
                                        "plugin_columns");
        }
        try {
            const auto& plugin = gateway.plugin_with_ui(key.substr(0, slash));
            columns->set(key, gateway.column_cells(plugin, ctx, key.substr(slash + 1), ids));
        } catch (const ApiError& e) {
            errors->set(key, std::string(e.what()));
        }
    }
    root->set("plugin_columns", columns);
    root->set("plugin_column_errors", errors);
}

}  // namespace

void CaseApi::install(Router& router, DossierManager& dm) {
    router.add("GET", "/api/cases", Access::user, [&dm](Exchange& ex) {
        auto q = query_of(ex);
        auto page = dm.cases.list(q);
        Object::Ptr root = new Object;
        root->set("total", static_cast<Poco::Int64>(page.total));
        root->set("page", q.page);
        root->set("page_size", q.page_size);
        root->set("sort", q.sort);
        root->set("dir", q.descending ? "desc" : "asc");
        Array::Ptr rows = new Array;
        for (const auto& c : page.cases)
            rows->add(CaseJson::summary(c, ex.locale));
        root->set("cases", rows);
        add_plugin_columns(dm, ex, page, root);
        ex.send_json(200, root);
    });

    router.add("GET", "/api/case-types", Access::user, [&dm](Exchange& ex) {
        Object::Ptr root = new Object;
        root->set("case_types",
                  CaseJson::case_types(dm.cases.case_types(ex.user->organisation_id), ex.locale));
        ex.send_json(200, root);
    });

    router.add("GET", "/api/cases/{id}", Access::user, [&dm](Exchange& ex) {
        auto c = dm.cases.find(ex.user->organisation_id, path_id(ex, "id"));
        if (!c)
            throw ApiError::not_found();
        auto details = CaseJson::details(*c, ex.locale);
        details->set("owner", c->owner_name);
        details->set("updated_at", c->updated_at);
        ex.send_json(200, details);
    });

    router.add("GET", "/api/cases/{id}/journal", Access::user, [&dm](Exchange& ex) {
        auto id = path_id(ex, "id");
        if (!dm.cases.find(ex.user->organisation_id, id))
            throw ApiError::not_found();
        Object::Ptr root = new Object;
        root->set("entries", CaseJson::journal(dm.cases.journal(ex.user->organisation_id, id)));
        ex.send_json(200, root);
    });

    router.add("GET", "/api/cases/{id}/attachments", Access::user, [&dm](Exchange& ex) {
        auto id = path_id(ex, "id");
        if (!dm.cases.find(ex.user->organisation_id, id))
            throw ApiError::not_found();
        Object::Ptr root = new Object;
        root->set("attachments",
                  CaseJson::attachments(dm.cases.attachments(ex.user->organisation_id, id)));
        ex.send_json(200, root);
    });

    router.add("POST", "/api/cases/{id}/close", Access::user, [&dm](Exchange& ex) {
        auto id = path_id(ex, "id");
        auto c = dm.cases.find(ex.user->organisation_id, id);
        if (!c)
            throw ApiError::not_found();
        if (c->status == "closed") {
            throw ApiError(409, "already_closed", "The case is already closed.");
        }
        if (!dm.cases.close(ex.user->organisation_id, id)) {
            throw ApiError(409, "already_closed", "The case is already closed.");
        }
        HostLog::info("user " + ex.user->login + " closed case " + c->number);
        dm.plugins.notify(PluginGateway::context(ex), DM_EVENT_CASE_CLOSED, std::to_string(id));
        auto closed = dm.cases.find(ex.user->organisation_id, id);
        ex.send_json(200, CaseJson::summary(*closed, ex.locale));
    });

    router.add("GET", "/api/preferences/columns", Access::user, [&dm](Exchange& ex) {
        auto stored = dm.users.preference(ex.user->id, "columns");
        Object::Ptr root = new Object;
        if (stored) {
            Poco::JSON::Parser parser;
            root->set("visible", parser.parse(*stored));
        } else {
            root->set("visible", Poco::Dynamic::Var());  // null: the defaults apply
        }
        ex.send_json(200, root);
    });

    router.add("PUT", "/api/preferences/columns", Access::user, [&dm](Exchange& ex) {
        auto body = ex.json_body();
        Array::Ptr visible;
        try {
            visible = body->getArray("visible");
        } catch (const std::exception&) {
        }
        if (!visible)
            throw ApiError::bad_request("'visible' must be a list of column ids.", "visible");
        if (visible->size() > 100)
            throw ApiError::bad_request("Too many columns.", "visible");
        Array::Ptr clean = new Array;
        for (std::size_t i = 0; i < visible->size(); ++i) {
            auto v = visible->get(i);
            if (!v.isString() || v.extract<std::string>().size() > 200) {
                throw ApiError::bad_request("Each column id must be a short string.", "visible");
            }
            clean->add(v.extract<std::string>());
        }
        std::ostringstream text;
        clean->stringify(text);
        dm.users.set_preference(ex.user->id, "columns", text.str());
        Object::Ptr root = new Object;
        root->set("visible", clean);
        ex.send_json(200, root);
    });
}

}  // namespace host
