#include "session.hpp"

#include <dlfcn.h>
#include <dm/dm.h>
#include <dm/cpp/error.hpp>
#include <dm/cpp/sink.hpp>
#include <dm/cpp/versioned.hpp>

#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <vector>

#include "fake_host.hpp"
#include "json_value.hpp"

namespace dm_check {

namespace {

// What one call returned: its status and what it wrote into the result and error sinks.
struct Call {
    dm_status status = DM_OK;
    std::string result;
    std::string error;
};

struct Contribution {
    std::string id;
    bool organisation_scope = false;  // panels only: rendered without a case
};

dm_context context_of(const char* organisation, const char* user) {
    return dm_context{sizeof(dm_context), dm::to_dm(organisation), dm::to_dm(user),
                      dm::to_dm("en")};
}

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

std::string status_text(dm_status s) {
    return std::to_string(static_cast<int>(s)) + " (" + dm::status_name(s) + ")";
}

std::string excerpt(const std::string& text) {
    return text.size() <= 160 ? text : text.substr(0, 160) + "...";
}

class Session {
  public:
    Session(const SessionOptions& options, RecordWriter& out, const std::set<int>& skip)
        : options_(options), out_(out), skip_(skip) {}

    void run() {
        step("load", [&] { load(); });
        if (entry_ == nullptr) {
            return out_.done();
        }
        step("entry", [&] { check_entry(); });
        if (!entry_usable_) {
            return out_.done();
        }
        step("init", [&] { init(); });
        if (!started_) {
            return out_.done();
        }
        step("get_extension(unknown id)", [&] {
            expect(entry_->get_extension("dm.no-such-extension/1") == nullptr,
                   "get_extension.unknown_is_null", "get_extension(\"dm.no-such-extension/1\")");
        });
        step("get_extension(dm.ui/1)", [&] { find_ui(); });
        step("get_extension(dm.events/1)", [&] { find_events(); });
        out_info_extensions();
        if (ui_ != nullptr) {
            drive_ui();
        }
        if (events_ != nullptr) {
            drive_events();
        }
        step("deinit", [&] { deinit(); });
        out_.done();
    }

  private:
    // Runs one numbered step unless an earlier child died in it. An exception reaching here came
    // out of the plugin through a C function: the plugin lacks its exception barrier.
    template <typename Body>
    void step(const std::string& name, Body&& body) {
        const int index = next_step_++;
        if (skip_.count(index) != 0) {
            return;
        }
        out_.begin_step(index, name);
        try {
            body();
        } catch (const std::exception& e) {
            out_.fail("abi.no_exception", name + ": an exception crossed the ABI: " + e.what());
        } catch (...) {
            out_.fail("abi.no_exception", name + ": an exception of unknown type crossed the ABI");
        }
    }

    bool expect(bool ok, const std::string& rule, const std::string& detail) {
        if (ok) {
            out_.pass(rule, detail);
        } else {
            out_.fail(rule, detail);
        }
        return ok;
    }

    void load() {
        // RTLD_LOCAL keeps the plugin's symbols to itself; the library is never unloaded.
        void* library = ::dlopen(options_.plugin_path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!expect(library != nullptr, "load.dlopen",
                    library != nullptr ? "dlopen succeeded" : std::string(::dlerror()))) {
            return;
        }
        auto* entry = static_cast<const dm_plugin_entry*>(::dlsym(library, DM_PLUGIN_ENTRY_SYMBOL));
        if (expect(entry != nullptr, "load.entry_symbol",
                   std::string("dlsym(\"") + DM_PLUGIN_ENTRY_SYMBOL + "\")")) {
            entry_ = entry;
        }
    }

    void check_entry() {
        const dm_version v = entry_->abi_version;
        out_.info("abi version", std::to_string(v.major) + "." + std::to_string(v.minor) + "." +
                                     std::to_string(v.patch));
        out_.info("entry struct_size", std::to_string(entry_->struct_size) + " bytes (ABI 1.0: " +
                                           std::to_string(DM_PLUGIN_ENTRY_V1_0_SIZE) + ")");
        bool ok = expect(dm_version_is_compatible(v), "entry.abi_major",
                         "plugin ABI major " + std::to_string(v.major) + ", checker ABI major " +
                             std::to_string(DM_ABI_VERSION_MAJOR));
        ok = expect(entry_->struct_size >= DM_PLUGIN_ENTRY_V1_0_SIZE, "entry.struct_size",
                    "struct_size " + std::to_string(entry_->struct_size) +
                        ", ABI 1.0 needs at least " + std::to_string(DM_PLUGIN_ENTRY_V1_0_SIZE)) &&
             ok;
        if (!ok) {
            return;  // a host reads nothing more from an entry it cannot trust
        }
        // Copy what both sides know into a zeroed struct, as a host does (newer fields ignored).
        std::memset(&copy_, 0, sizeof copy_);
        std::memcpy(&copy_, entry_, std::min<std::size_t>(entry_->struct_size, sizeof copy_));
        entry_ = &copy_;
        auto text = [](const char* s) {
            return s == nullptr ? std::string("(NULL)") : std::string(s);
        };
        out_.info("id", text(copy_.id));
        out_.info("name", text(copy_.name));
        out_.info("vendor", text(copy_.vendor));
        out_.info("version", text(copy_.version));
        bool identity = copy_.id != nullptr && copy_.id[0] != '\0' && copy_.name != nullptr &&
                        copy_.vendor != nullptr && copy_.version != nullptr;
        expect(identity, "entry.identity", "id, name, vendor and version are set");
        std::string missing;
        if (copy_.init == nullptr)
            missing += " init";
        if (copy_.deinit == nullptr)
            missing += " deinit";
        if (copy_.get_extension == nullptr)
            missing += " get_extension";
        bool functions = expect(missing.empty(), "entry.functions",
                                missing.empty() ? "init, deinit, get_extension are set"
                                                : "NULL function pointer(s):" + missing);
        entry_usable_ = identity && functions;
    }

    void init() {
        host_ = std::make_unique<FakeHost>(options_.data_directory, options_.host_abi);
        dm_init_args args{};
        args.struct_size = sizeof args;
        args.host = host_->host();
        args.config_path = dm::to_dm(options_.config_path);
        args.data_directory = dm::to_dm(options_.data_directory);
        dm::StringSink error;
        Call c;
        c.status = entry_->init(&args, error.get());
        c.error = error.str();
        if (!status_in_range("init", c.status)) {
            return;
        }
        if (c.status != DM_OK) {
            out_.fail("init.succeeds", "init failed with status " + status_text(c.status) + ": " +
                                           (c.error.empty() ? "(no message)" : c.error));
            expect(!c.error.empty(), "error.has_message", "init failed");
            return;
        }
        out_.pass("init.succeeds", "init returned DM_OK");
        started_ = true;
    }

    // Reads the plugin's extension `id` as a host does (version.h): at least ABI 1.0's size, copied
    // into `own`, a newer plugin's additions left out. True when it is usable: big enough and
    // every function named in `functions` (the 1.0 ones) set in the copy.
    template <typename Ext>
    bool extension(const char* id, std::size_t v1_0_size, Ext& own,
                   const std::vector<std::pair<const char*, bool (*)(const Ext&)>>& functions) {
        auto* ext = static_cast<const Ext*>(entry_->get_extension(id));
        if (ext == nullptr) {
            return false;
        }
        extensions_ += std::string(extensions_.empty() ? "" : ", ") + id + " (" +
                       std::to_string(ext->struct_size) + " bytes)";
        if (!expect(dm::read_versioned(ext, v1_0_size, own), "extension.struct_size",
                    std::string(id) + " struct_size " + std::to_string(ext->struct_size) +
                        ", ABI 1.0 needs at least " + std::to_string(v1_0_size))) {
            return false;
        }
        std::string missing;
        for (const auto& [name, present] : functions) {
            if (!present(own)) {
                missing += std::string(" ") + name;
            }
        }
        return expect(
            missing.empty(), "extension.functions",
            std::string(id) + (missing.empty() ? ": all functions set" : ": NULL" + missing));
    }

    void find_ui() {
        using Ui = dm_plugin_ui;
        if (extension<Ui>(
                DM_EXT_UI, DM_PLUGIN_UI_V1_0_SIZE, ui_copy_,
                {{"contributions", [](const Ui& u) { return u.contributions != nullptr; }},
                 {"invoke_action", [](const Ui& u) { return u.invoke_action != nullptr; }},
                 {"render_panel", [](const Ui& u) { return u.render_panel != nullptr; }},
                 {"column_values", [](const Ui& u) { return u.column_values != nullptr; }}})) {
            ui_ = &ui_copy_;
        }
    }

    void find_events() {
        using Events = dm_plugin_events;
        if (extension<Events>(
                DM_EXT_EVENTS, DM_PLUGIN_EVENTS_V1_0_SIZE, events_copy_,
                {{"on_event", [](const Events& e) { return e.on_event != nullptr; }}})) {
            events_ = &events_copy_;
        }
    }

    void out_info_extensions() {
        out_.info("extensions", extensions_.empty() ? "(none of the known ids)" : extensions_);
    }

    bool status_in_range(const std::string& what, dm_status s) {
        int v = static_cast<int>(s);
        return expect(v >= DM_OK && v <= DM_ERR_CONFLICT, "status.in_range",
                      what + " returned " + std::to_string(v));
    }

    // A call that must succeed with JSON of type `want`. Returns the parsed result when it did.
    std::optional<JsonValue> expect_json(const std::string& what, const Call& c,
                                         JsonValue::Type want) {
        if (!status_in_range(what, c.status)) {
            return std::nullopt;
        }
        if (c.status != DM_OK) {
            out_.fail("call.succeeds", what + " failed with status " + status_text(c.status) +
                                           ": " + (c.error.empty() ? "(no message)" : c.error));
            expect(!c.error.empty(), "error.has_message", what + " failed");
            return std::nullopt;
        }
        out_.pass("call.succeeds", what);
        JsonValue doc;
        std::string why;
        const bool is_json = parse_json(c.result, doc, why);
        if (!expect(is_json, "result.is_json",
                    what + (is_json ? "" : ": " + why + " in " + quoted(excerpt(c.result))))) {
            return std::nullopt;
        }
        const char* shape = want == JsonValue::Type::Array ? "an array" : "an object";
        if (!expect(doc.type == want, "result.shape", what + " returns " + shape)) {
            return std::nullopt;
        }
        return doc;
    }

    // A call that must be refused: an in-range error status with a message.
    void expect_refusal(const std::string& rule, const std::string& what, const Call& c) {
        if (!status_in_range(what, c.status)) {
            return;
        }
        if (expect(c.status != DM_OK, rule, what + " returns an error status")) {
            expect(!c.error.empty(), "error.has_message", what + " failed");
        }
    }

    Call contributions(const dm_context& ctx, const char* case_id) {
        dm::StringSink result, error;
        Call c;
        c.status = ui_->contributions(&ctx, dm::to_dm(case_id), result.get(), error.get());
        c.result = result.take();
        c.error = error.take();
        return c;
    }
    Call render_panel(const dm_context& ctx, const std::string& panel, const char* case_id) {
        dm::StringSink result, error;
        Call c;
        c.status = ui_->render_panel(&ctx, dm::to_dm(panel), dm::to_dm(case_id), result.get(),
                                     error.get());
        c.result = result.take();
        c.error = error.take();
        return c;
    }
    Call invoke_action(const dm_context& ctx, const std::string& action, const char* case_id) {
        dm::StringSink result, error;
        Call c;
        c.status = ui_->invoke_action(&ctx, dm::to_dm(action), dm::to_dm(case_id), dm::to_dm("{}"),
                                      result.get(), error.get());
        c.result = result.take();
        c.error = error.take();
        return c;
    }
    Call column_values(const dm_context& ctx, const std::string& column,
                       const std::vector<dm_str>& ids) {
        dm::StringSink result, error;
        Call c;
        c.status = ui_->column_values(&ctx, dm::to_dm(column), ids.data(), ids.size(), result.get(),
                                      error.get());
        c.result = result.take();
        c.error = error.take();
        return c;
    }

    void read_contributions(const JsonValue& doc) {
        auto ids = [&](const char* list, std::vector<Contribution>& into) {
            const JsonValue* items = doc.member(list);
            if (items == nullptr) {
                return;
            }
            if (!expect(items->is_array(), "ui.contributions.shape",
                        std::string("\"") + list + "\" is an array")) {
                return;
            }
            for (const auto& item : items->items) {
                std::string id = item.string_member("id");
                if (expect(!id.empty(), "ui.contributions.shape",
                           std::string("every element of \"") + list + "\" has a string id")) {
                    into.push_back(Contribution{id, item.string_member("scope") == "organisation"});
                }
            }
        };
        ids("actions", actions_);
        ids("panels", panels_);
        ids("columns", columns_);
    }

    void drive_ui() {
        const dm_context user = context_of(kOrganisation, kUser);
        const dm_context empty = context_of("", "");
        dm_context unsized = user;
        unsized.struct_size = 0;

        step("contributions (organisation)", [&] {
            Call c = contributions(user, "");
            if (auto doc = expect_json("contributions(organisation)", c, JsonValue::Type::Object)) {
                out_.info("contributions (organisation)", c.result);
                read_contributions(*doc);
            }
        });
        step("contributions (case)", [&] {
            Call c = contributions(user, kCase);
            if (expect_json("contributions(case-1)", c, JsonValue::Type::Object)) {
                out_.info("contributions (case case-1)", c.result);
            }
        });
        step("contributions (empty context)", [&] {
            expect_refusal("context.empty_refused", "contributions with an empty context",
                           contributions(empty, ""));
        });
        step("contributions (struct_size 0)", [&] {
            expect_refusal("context.unsized_refused", "contributions with struct_size 0",
                           contributions(unsized, ""));
        });
        step("contributions (context of a newer host)", [&] {
            // A later minor version may append fields to dm_context; the plugin must take the
            // larger struct and ignore what it does not know (version.h).
            struct {
                dm_context context;
                std::uint64_t added_later[2];
            } newer{user, {~0ull, ~0ull}};
            newer.context.struct_size = sizeof newer;
            Call c = contributions(newer.context, "");
            if (status_in_range("contributions with a larger context", c.status)) {
                expect(c.status == DM_OK, "context.larger_accepted",
                       "contributions with a " + std::to_string(sizeof newer) +
                           "-byte context returned " + status_text(c.status) +
                           (c.error.empty() ? "" : ": " + c.error));
            }
        });

        for (const auto& panel : panels_) {
            const char* case_id = panel.organisation_scope ? "" : kCase;
            std::string what = "render_panel(" + panel.id + ", " + quoted(case_id) + ")";
            step(what, [&] {
                expect_json(what, render_panel(user, panel.id, case_id), JsonValue::Type::Object);
            });
        }
        step("render_panel (unknown id)", [&] {
            expect_refusal("ui.unknown_id_refused", "render_panel(\"no.such.panel\")",
                           render_panel(user, "no.such.panel", kCase));
        });
        if (!panels_.empty()) {
            step("render_panel (empty context)", [&] {
                expect_refusal("context.empty_refused", "render_panel with an empty context",
                               render_panel(empty, panels_.front().id, kCase));
            });
        }

        for (const auto& action : actions_) {
            std::string what = "invoke_action(" + action.id + ", \"case-1\", {})";
            step(what, [&] {
                expect_json(what, invoke_action(user, action.id, kCase), JsonValue::Type::Object);
            });
        }
        step("invoke_action (unknown id)", [&] {
            expect_refusal("ui.unknown_id_refused", "invoke_action(\"no.such.action\")",
                           invoke_action(user, "no.such.action", kCase));
        });

        const std::vector<dm_str> three = {dm::to_dm(kCase), dm::to_dm(kSecretCase),
                                           dm::to_dm("case-missing")};
        for (const auto& column : columns_) {
            for (std::size_t n : {std::size_t{3}, std::size_t{0}}) {
                std::string what =
                    "column_values(" + column.id + ", " + std::to_string(n) + " cases)";
                step(what, [&] {
                    std::vector<dm_str> ids(three.begin(), three.begin() + n);
                    Call c = column_values(user, column.id, ids);
                    if (auto doc = expect_json(what, c, JsonValue::Type::Array)) {
                        expect(doc->items.size() == n, "ui.column_values.count",
                               what + " returned " + std::to_string(doc->items.size()) + " cells");
                    }
                });
            }
        }
        step("column_values (unknown id)", [&] {
            expect_refusal("ui.unknown_id_refused", "column_values(\"no.such.column\")",
                           column_values(user, "no.such.column", {dm::to_dm(kCase)}));
        });
        if (!columns_.empty()) {
            step("column_values (empty context)", [&] {
                expect_refusal("context.empty_refused", "column_values with an empty context",
                               column_values(empty, columns_.front().id, {dm::to_dm(kCase)}));
            });
        }
    }

    Call on_event(const dm_context& ctx, dm_event_kind kind) {
        const bool about_case = kind == DM_EVENT_CASE_CLOSED || kind == DM_EVENT_CASE_DELETED ||
                                kind == DM_EVENT_ATTACHMENT_DELETED;
        dm_event e{sizeof(dm_event), kind, dm::to_dm(about_case ? kOtherCase : ""),
                   dm::to_dm(kind == DM_EVENT_ATTACHMENT_DELETED ? kAttachment : ""),
                   dm::to_dm(kind == DM_EVENT_USER_REMOVED ? kOtherUser : "")};
        dm::StringSink error;
        Call c;
        c.status = events_->on_event(&ctx, &e, error.get());
        c.error = error.take();
        return c;
    }

    void drive_events() {
        const dm_context user = context_of(kOrganisation, kUser);
        for (int kind = DM_EVENT_CASE_CLOSED; kind <= DM_EVENT_ORGANISATION_LICENCE_CHANGED;
             ++kind) {
            std::string what = "on_event(kind " + std::to_string(kind) + ")";
            step(what, [&] {
                Call c = on_event(user, static_cast<dm_event_kind>(kind));
                if (!status_in_range(what, c.status)) {
                    return;
                }
                // "Unsupported" is how a plugin says it has nothing to do with a kind.
                bool ok = c.status == DM_OK || c.status == DM_ERR_UNSUPPORTED;
                expect(ok, "events.accepts_known_kinds",
                       what + " returned " + status_text(c.status) +
                           (c.error.empty() ? "" : ": " + c.error));
                if (c.status != DM_OK) {
                    expect(!c.error.empty(), "error.has_message", what + " failed");
                }
            });
        }
        step("on_event(unknown kind)", [&] {
            Call c = on_event(user, static_cast<dm_event_kind>(999));
            if (status_in_range("on_event(kind 999)", c.status)) {
                expect(c.status == DM_ERR_UNSUPPORTED, "events.unknown_kind_unsupported",
                       "on_event(kind 999) returned " + status_text(c.status));
            }
        });
        step("on_event (empty context)", [&] {
            expect_refusal("context.empty_refused", "on_event with an empty context",
                           on_event(context_of("", ""), DM_EVENT_CASE_CLOSED));
        });
    }

    void deinit() {
        entry_->deinit();
        out_.info("dm.cases 1.1 calls", "read_case " + std::to_string(host_->read_case_calls()) +
                                            ", journal entries added " +
                                            std::to_string(host_->journal_entries_added()));
        expect(host_->open_streams() == 0, "deinit.streams_closed",
               std::to_string(host_->open_streams()) + " attachment stream(s) open after deinit");
        expect(host_->misuses() == 0, "host.services_used_correctly",
               std::to_string(host_->misuses()) + " misuse(s) of host services (see stderr)");
    }

    const SessionOptions& options_;
    RecordWriter& out_;
    const std::set<int>& skip_;
    int next_step_ = 0;

    const dm_plugin_entry* entry_ = nullptr;
    dm_plugin_entry copy_{};
    bool entry_usable_ = false;
    bool started_ = false;
    std::unique_ptr<FakeHost> host_;
    dm_plugin_ui ui_copy_{};
    dm_plugin_events events_copy_{};
    const dm_plugin_ui* ui_ = nullptr;  // &ui_copy_ when the plugin provides a usable dm.ui/1
    const dm_plugin_events* events_ = nullptr;
    std::string extensions_;
    std::vector<Contribution> actions_, panels_, columns_;
};

}  // namespace

void run_session(const SessionOptions& options, RecordWriter& out, const std::set<int>& skip) {
    try {
        Session(options, out, skip).run();
    } catch (const std::exception& e) {
        out.fail("checker.internal", e.what());
        out.done();
    }
}

}  // namespace dm_check
