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

// A dialog that uses every field type of view-model v1, so the browser test sees them rendered.
const char* const kGreetDialog = R"({"type":"dialog","title":"Greet","size":"wide","body":[
  {"type":"notice","level":"info","text":"Fixture dialog"},
  {"type":"form","action":"greet","submit":{"label":"Send"},"cancel":{"label":"Cancel"},
   "hidden":{"token":"t-1"},
   "fields":[
     {"type":"text","name":"name","label":"Name","required":true,"maxlength":80},
     {"type":"email","name":"email","label":"E-mail","placeholder":"name@example.org"},
     {"type":"tel","name":"phone","label":"Phone"},
     {"type":"radio","name":"protection","label":"Protection","value":"none",
      "options":[{"value":"none","label":"None"},{"value":"password","label":"Password","help":"Share it separately"}]},
     {"type":"password","name":"password","label":"Password","generator":true,"reveal":true,
      "show_if":{"field":"protection","in":["password"]}},
     {"type":"date","name":"expires_on","label":"Expires on","value":"2030-01-20","min":"2030-01-01","max":"2030-12-31"},
     {"type":"checkbox","name":"send_mail","label":"Send by e-mail","checked":true},
     {"type":"textarea","name":"note","label":"Note","rows":2},
     {"type":"items","name":"selection","label":"What to share","groups":[
       {"name":"journal","label":"Journal entries","included":true,"items":[
         {"id":"j-1","label":"First entry","detail":"Call with the applicant","checked":true},
         {"id":"j-2","label":"Internal note","badge":"internal","checked":false}]},
       {"name":"attachments","label":"Attachments","included":false,"items":[
         {"id":"a-1","label":"Plan.png","checked":true}]}]}]}]})";

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
            dm::write(result, kGreetDialog);
        } else if (payload.find("\"name\":\"\"") != std::string_view::npos) {
            dm::write(result, R"({"type":"dialog","title":"Greet","body":[{"type":"form",
                "action":"greet","errors":{"name":"Please enter a name."},
                "fields":[{"type":"text","name":"name","label":"Name"}],
                "submit":{"label":"Send"}}]})");
        } else {
            dm::write(
                result,
                R"({"type":"close","notice":{"type":"notice","level":"success","text":"Greeted."}})");
        }
    });
}

// The rest of the case panel: one element of every other kind.
const char* const kPanelRest = R"({"type":"heading","text":"Links","level":3},
  {"type":"pairs","items":[{"label":"Owner","value":"Fixture"},{"label":"State","value":"ready"}]},
  {"type":"badge","text":"active","tone":"success"},
  {"type":"table","columns":[{"id":"name","label":"Name"},{"id":"state","label":"State"},{"id":"url","label":"Link"}],
   "rows":[{"id":"r1","cells":{"name":{"icon":"link","tooltip":"Link","text":"First <b>link</b>"},
            "state":{"badge":"active","tone":"success"},
            "url":{"link":{"url":"https://example.org/s/abc","label":"Open","copy":true,"new_tab":true}}},
            "actions":[{"type":"button","label":"Revoke","icon":"trash","style":"danger","icon_only":true,
                        "action":"greet","payload":{"row":"r1"},"confirm":"Revoke this link?"}]}],
   "empty":"No links"},
  {"type":"link","url":"https://example.org/s/abc","label":"Private link","copy":true,"new_tab":true},
  {"type":"section","title":"More","body":[{"type":"notice","level":"warning","text":"A warning"}]},
  {"type":"no-such-element","text":"ignored"},
  {"type":"buttons","items":[{"type":"button","label":"Greet","icon":"share","style":"primary","action":"greet"},
                             {"type":"button","label":"Explode","icon":"warning","action":"explode"}]})";

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
            "{\"type\":\"panel\",\"title\":\"Fixture\",\"body\":[{\"type\":\"text\",\"text\":" +
                quote("Case " + number) + "},{\"type\":\"text\",\"tone\":\"muted\",\"text\":" +
                quote("attachments json bytes " + std::to_string(attachments.size())) + "}," +
                kPanelRest + "]}");
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
