#include "web/plugin_gateway.hpp"

#include <Poco/JSON/Parser.h>

#include "log/error_text.hpp"
#include "log/host_log.hpp"
#include "web/api_error.hpp"

namespace host {

namespace {

int http_status(dm_status s) {
    switch (s) {
        case DM_ERR_INVALID_ARGUMENT:
            return 400;
        case DM_ERR_NOT_FOUND:
            return 404;
        case DM_ERR_DENIED:
            return 403;
        case DM_ERR_UNSUPPORTED:
            return 404;
        case DM_ERR_UNAVAILABLE:
            return 503;
        case DM_ERR_CONFLICT:
            return 409;
        default:
            return 502;
    }
}

Poco::Dynamic::Var parse(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text);
}

template <typename Call>
std::string guarded(const LoadedPlugin& p, const std::string& what, Call&& call) {
    try {
        return call();
    } catch (const dm::Error& e) {
        HostLog::warning("plugin " + p.id + ": " + what + " failed: " + error_text(e));
        // The plugin's sentence is meant for people; the host prefixes which module spoke.
        std::string message = e.what();
        auto colon = message.find(": ");
        if (colon != std::string::npos)
            message = message.substr(colon + 2);
        throw ApiError(http_status(e.status()), "plugin_error", p.name + ": " + message);
    } catch (const std::exception& e) {
        HostLog::error("plugin " + p.id + ": " + what + " failed: " + error_text(e));
        throw ApiError(502, "plugin_error", p.name + " failed.");
    }
}

}  // namespace

std::string PluginGateway::display_name(const LoadedPlugin& p,
                                        const Poco::JSON::Object::Ptr& contributions) {
    if (contributions && contributions->has("name") && contributions->get("name").isString()) {
        std::string name = contributions->getValue<std::string>("name");
        if (!name.empty() && name.size() <= 200)
            return name;
    }
    return p.name;
}

dm::Context PluginGateway::context(const Exchange& ex) {
    dm::Context c;
    c.organisation_id = std::to_string(ex.user->organisation_id);
    c.user_id = std::to_string(ex.user->id);
    c.locale = ex.locale;
    return c;
}

const LoadedPlugin& PluginGateway::plugin_with_ui(const std::string& id) const {
    const LoadedPlugin* p = dm_.plugins.find(id);
    if (p == nullptr || !p->ui()) {
        throw ApiError(404, "not_found", "No such module.");
    }
    return *p;
}

Poco::JSON::Object::Ptr PluginGateway::object_call(const LoadedPlugin& p, const std::string& what,
                                                   const std::function<std::string()>& call) const {
    std::string text = guarded(p, what, call);
    try {
        auto value = parse(text);
        auto object = value.extract<Poco::JSON::Object::Ptr>();
        if (object)
            return object;
    } catch (const std::exception&) {
    }
    HostLog::error("plugin " + p.id + ": " + what +
                   " returned something that is not a JSON object");
    throw ApiError(502, "plugin_bad_response", p.name + " returned an invalid answer.");
}

Poco::JSON::Array::Ptr PluginGateway::column_cells(const LoadedPlugin& p, const dm::Context& ctx,
                                                   const std::string& column_id,
                                                   const std::vector<std::string>& case_ids) const {
    std::string text = guarded(p, "column_values(" + column_id + ")",
                               [&] { return p.ui().column_values(ctx, column_id, case_ids); });
    try {
        auto value = parse(text);
        auto array = value.extract<Poco::JSON::Array::Ptr>();
        if (array && array->size() == case_ids.size())
            return array;
    } catch (const std::exception&) {
    }
    HostLog::error("plugin " + p.id + ": column_values(" + column_id +
                   ") did not return an array of " + std::to_string(case_ids.size()) + " cells");
    throw ApiError(502, "plugin_bad_response", p.name + " returned an invalid answer.");
}

}  // namespace host
