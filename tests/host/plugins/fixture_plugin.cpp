// A small but complete plugin for the host's tests: contributions, a case panel that reads the case
// through dm.cases/1, an organisation panel, a batched column, actions that answer well, throw, or
// return garbage, and dm.events/1 that appends every event to <data_directory>/events.log.
#include <atomic>
#include <fstream>
#include <mutex>
#include <string>

#include <dm/cpp/dm.hpp>

namespace {

dm::HostServices g_services;
std::string g_events_file;
std::mutex g_events_mutex;

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (static_cast<unsigned char>(c) < 0x20)
            continue;
        out += c;
    }
    return out + "\"";
}

dm_status init(const dm_init_args* args, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        g_services = dm::HostServices(args->host);
        if (!g_services.has_cases() || !g_services.has_directory()) {
            throw dm::Error(DM_ERR_UNSUPPORTED, "host lacks dm.cases/1 or dm.directory/1");
        }
        g_events_file = std::string(dm::to_view(args->data_directory)) + "/events.log";
        g_services.log(DM_LOG_INFO, "fixture plugin started");
    });
}

void deinit() {
    g_services = dm::HostServices();
}

dm_status contributions(const dm_context* ctx, dm_str case_id, const dm_sink* result,
                        const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        auto c = dm::Context::from(ctx);
        bool de = c.locale.rfind("de", 0) == 0;
        std::string json =
            "{\"actions\":[{\"id\":\"greet\",\"title\":" + quote(de ? "Begrüssen" : "Greet") +
            ",\"icon\":\"share\",\"scope\":\"case\"},"
            "{\"id\":\"explode\",\"title\":\"Explode\",\"icon\":\"warning\",\"scope\":\"case\"},"
            "{\"id\":\"garbage\",\"title\":\"Garbage\",\"icon\":\"warning\",\"scope\":\"case\"}],"
            "\"panels\":[{\"id\":\"info\",\"title\":\"Fixture\",\"icon\":\"info\",\"scope\":"
            "\"case\"}";
        if (dm::to_view(case_id).empty()) {
            json +=
                ",{\"id\":\"settings\",\"title\":\"Fixture "
                "settings\",\"icon\":\"key\",\"scope\":\"organisation\"}";
        }
        json +=
            "],\"columns\":[{\"id\":\"flag\",\"title\":\"Fixture "
            "flag\",\"default_visible\":true}]}";
        dm::write(result, json);
    });
}

dm_status invoke_action(const dm_context* ctx, dm_str action_id, dm_str case_id,
                        dm_str payload_json, const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        auto c = dm::Context::from(ctx);
        std::string_view action = dm::to_view(action_id);
        std::string_view payload = dm::to_view(payload_json);
        if (action == "explode") {
            throw std::runtime_error("the fixture exploded on purpose");
        }
        if (action == "garbage") {
            dm::write(result, "<html>this is not json");
            return;
        }
        if (action != "greet") {
            throw dm::Error(DM_ERR_UNSUPPORTED, "unknown action");
        }
        if (!g_services.may_access(c, dm::to_view(case_id))) {
            throw dm::Error(DM_ERR_DENIED, "no access to this case");
        }
        if (payload.find("\"name\"") == std::string_view::npos) {
            dm::write(result,
                      "{\"type\":\"dialog\",\"title\":\"Greet\",\"body\":[{\"type\":\"form\","
                      "\"action\":\"greet\",\"fields\":[{\"type\":\"text\",\"name\":\"name\","
                      "\"label\":\"Name\",\"required\":true}],\"submit\":{\"title\":\"Send\"}}]}");
        } else if (payload.find("\"name\":\"\"") != std::string_view::npos) {
            dm::write(result,
                      "{\"type\":\"dialog\",\"title\":\"Greet\",\"body\":[{\"type\":\"form\","
                      "\"action\":\"greet\",\"errors\":{\"name\":\"Please enter a name.\"},"
                      "\"fields\":[{\"type\":\"text\",\"name\":\"name\",\"label\":\"Name\"}],"
                      "\"submit\":{\"title\":\"Send\"}}]}");
        } else {
            dm::write(
                result,
                "{\"type\":\"close\",\"notice\":{\"level\":\"success\",\"text\":\"Greeted.\"}}");
        }
    });
}

dm_status render_panel(const dm_context* ctx, dm_str panel_id, dm_str case_id,
                       const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        auto c = dm::Context::from(ctx);
        std::string_view panel = dm::to_view(panel_id);
        if (panel == "settings") {
            dm::write(result,
                      "{\"type\":\"panel\",\"body\":[{\"type\":\"text\",\"text\":\"Active users: " +
                          std::to_string(g_services.active_user_count(c)) + "\"}]}");
            return;
        }
        if (panel != "info")
            throw dm::Error(DM_ERR_UNSUPPORTED, "unknown panel");
        // Reads through the host service, so the test proves the round trip host → plugin → host.
        std::string details = g_services.case_details(c, dm::to_view(case_id));
        std::string attachments = g_services.attachments(c, dm::to_view(case_id));
        auto pos = details.find("\"number\":\"");
        std::string number = pos == std::string::npos
                                 ? "?"
                                 : details.substr(pos + 10, details.find('"', pos + 10) - pos - 10);
        dm::write(
            result,
            "{\"type\":\"panel\",\"body\":[{\"type\":\"text\",\"text\":" + quote("Case " + number) +
                "},{\"type\":\"text\",\"text\":" +
                quote("attachments json bytes " + std::to_string(attachments.size())) + "}]}");
    });
}

std::atomic<int> g_column_calls{0};

dm_status column_values(const dm_context* ctx, dm_str column_id, const dm_str* case_ids,
                        size_t count, const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        (void)dm::Context::from(ctx);
        if (dm::to_view(column_id) != "flag")
            throw dm::Error(DM_ERR_UNSUPPORTED, "unknown column");
        int call = ++g_column_calls;
        std::string json = "[";
        for (size_t i = 0; i < count; ++i) {
            if (i)
                json += ",";
            std::string_view id = dm::to_view(case_ids[i]);
            bool even = !id.empty() && ((id.back() - '0') % 2 == 0);
            // The text tells the test how many ids came in this one call.
            json += even ? "{\"icon\":\"link\",\"tooltip\":\"even\",\"text\":\"batch " +
                               std::to_string(count) + " call " + std::to_string(call) + "\"}"
                         : "null";
        }
        dm::write(result, json + "]");
    });
}

dm_status on_event(const dm_context* ctx, const dm_event* event, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        auto c = dm::Context::from(ctx);
        std::lock_guard lock(g_events_mutex);
        std::ofstream out(g_events_file, std::ios::app);
        out << static_cast<int>(event->kind) << " org=" << c.organisation_id
            << " case=" << dm::to_view(event->case_id)
            << " attachment=" << dm::to_view(event->attachment_id) << "\n";
    });
}

const dm_plugin_ui kUi = {sizeof(dm_plugin_ui), contributions, invoke_action, render_panel,
                          column_values};
const dm_plugin_events kEvents = {sizeof(dm_plugin_events), on_event};

const void* get_extension(const char* id) {
    std::string_view v(id ? id : "");
    if (v == DM_EXT_UI)
        return &kUi;
    if (v == DM_EXT_EVENTS)
        return &kEvents;
    return nullptr;
}

}  // namespace

extern "C" DM_EXPORT const struct dm_plugin_entry dm_plugin_entry = {DM_ABI_VERSION_INIT,
                                                                     sizeof(struct dm_plugin_entry),
                                                                     "ch.example.host-test-fixture",
                                                                     "Fixture Module",
                                                                     "Example AG",
                                                                     "0.1.0",
                                                                     init,
                                                                     deinit,
                                                                     get_extension};
