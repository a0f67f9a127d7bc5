// The compatibility rule of version.h through the C++ wrapper and the real External Sharing module:
// a plugin built against 1.1 works in a host that offers only ABI 1.0 (falling back to the 1.0
// calls, never touching what lies past a 1.0 struct_size), and a host reads plugins of any 1.x.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

#include <dm/cpp/dm.hpp>

#include "fake_host.hpp"

namespace dm_check {
// How gtest (and so ctest's test list) names a parameter: "1.0", not its bytes.
void PrintTo(HostAbi abi, std::ostream* os) {
    *os << (abi == HostAbi::v1_0 ? "ABI 1.0 host" : "ABI 1.1 host");
}
}  // namespace dm_check

namespace {

namespace fs = std::filesystem;
using dm_check::FakeHost;
using dm_check::HostAbi;

std::string abi_name(HostAbi abi) {
    return abi == HostAbi::v1_0 ? "1_0" : "1_1";
}

dm::Context caseworker() {
    dm::Context ctx;
    ctx.organisation_id = dm_check::kOrganisation;
    ctx.user_id = dm_check::kUser;  // an organisation admin in the fake directory
    ctx.locale = "en";
    return ctx;
}

// A scratch folder per test, removed afterwards.
class ScratchDir {
  public:
    ScratchDir() {
        path_ = fs::temp_directory_path() /
                ("dm-compat-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

  private:
    static inline int counter_ = 0;
    fs::path path_;
};

// ---- The plugin side: dm::HostServices against a 1.0 and a 1.1 host --------------------------

class HostServicesIn : public ::testing::TestWithParam<HostAbi> {
  protected:
    ScratchDir dir_;
    FakeHost host_{dir_.path().string(), GetParam()};
    dm::HostServices services_{host_.host()};
};

TEST_P(HostServicesIn, FindsTheCasesTableOfEitherVersion) {
    EXPECT_TRUE(services_.has_cases());
    EXPECT_TRUE(services_.has_directory());
    EXPECT_EQ(services_.offers_read_case(), GetParam() == HostAbi::v1_1);
    EXPECT_EQ(services_.offers_add_journal_entry(), GetParam() == HostAbi::v1_1);
    EXPECT_EQ(services_.host_abi().minor, GetParam() == HostAbi::v1_1 ? 1u : 0u);
}

TEST_P(HostServicesIn, ReadCaseGivesTheSameAnswerWithOrWithoutTheBatchedCall) {
    std::string all =
        services_.read_case(caseworker(), dm_check::kCase,
                            DM_CASE_PART_DETAILS | DM_CASE_PART_JOURNAL | DM_CASE_PART_ATTACHMENTS);
    EXPECT_EQ(all.rfind(R"({"details":{"id":"case-1",)", 0), 0u) << all;
    EXPECT_NE(all.find(R"("journal":[{"id":"j-1")"), std::string::npos) << all;
    EXPECT_NE(all.find(R"("attachments":[{"id":"att-1")"), std::string::npos) << all;
    EXPECT_EQ(services_.read_case(caseworker(), dm_check::kOtherCase, DM_CASE_PART_JOURNAL),
              R"({"journal":[]})");
    // One call to a 1.1 host; none to a 1.0 host, whose table ends before read_case (a trap).
    EXPECT_EQ(host_.read_case_calls(), GetParam() == HostAbi::v1_1 ? 2 : 0);
    EXPECT_EQ(host_.misuses(), 0);
}

TEST_P(HostServicesIn, ReadCaseKeepsTheErrorsOfCaseDetails) {
    try {
        services_.read_case(caseworker(), dm_check::kSecretCase, DM_CASE_PART_DETAILS);
        FAIL() << "expected an error";
    } catch (const dm::Error& e) {
        EXPECT_EQ(e.status(), DM_ERR_DENIED) << e.what();
    }
    EXPECT_THROW(services_.read_case(caseworker(), dm_check::kCase, 0), dm::Error);
}

TEST_P(HostServicesIn, AddJournalEntryWorksInA11HostAndIsUnsupportedInA10Host) {
    if (GetParam() == HostAbi::v1_1) {
        std::string entry = services_.add_journal_entry(caseworker(), dm_check::kCase,
                                                        "Shared with \"Eva\"", DM_JOURNAL_INTERNAL);
        EXPECT_NE(entry.find(R"("text":"Shared with \"Eva\"","internal":true)"), std::string::npos)
            << entry;
        EXPECT_EQ(host_.journal_entries_added(), 1);
    } else {
        try {
            services_.add_journal_entry(caseworker(), dm_check::kCase, "Shared");
            FAIL() << "expected DM_ERR_UNSUPPORTED";
        } catch (const dm::Error& e) {
            EXPECT_EQ(e.status(), DM_ERR_UNSUPPORTED) << e.what();
        }
    }
    EXPECT_EQ(host_.misuses(), 0);
}

INSTANTIATE_TEST_SUITE_P(HostAbi, HostServicesIn, ::testing::Values(HostAbi::v1_0, HostAbi::v1_1),
                         [](const auto& info) { return abi_name(info.param); });

// ---- The real module, built at 1.1, in a 1.0 and a 1.1 host ----------------------------------

// dlopen's handle stays open until exit: the ABI forbids unloading a plugin.
const struct dm_plugin_entry* external_sharing_entry() {
    void* library = dlopen(ES_PLUGIN_FILE, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        throw std::runtime_error(dlerror());
    }
    return static_cast<const struct dm_plugin_entry*>(dlsym(library, DM_PLUGIN_ENTRY_SYMBOL));
}

class ExternalSharingIn : public ::testing::TestWithParam<HostAbi> {
  protected:
    void SetUp() override {
        std::ofstream(dir_.path() / "es.yaml") << "storage:\n  sqlite:\n    path: es.db\n"
                                                  "crypto:\n  key_file: keys\n"
                                                  "  create_missing_key_file: true\n"
                                                  "  argon2:\n    memory_kib: 8192\n"
                                                  "    iterations: 1\n"
                                                  "portal:\n  enabled: false\n"
                                                  "notify:\n  spool_directory: spool\n";
        config_ = (dir_.path() / "es.yaml").string();
        data_ = dir_.path().string();
        host_ = std::make_unique<FakeHost>(data_, GetParam());
        dm_init_args args{sizeof(dm_init_args), host_->host(), dm::to_dm(config_),
                          dm::to_dm(data_)};
        plugin_ = std::make_unique<dm::StartedPlugin>(external_sharing_entry(), args);
    }
    void TearDown() override {
        plugin_.reset();
        if (host_) {
            EXPECT_EQ(host_->misuses(), 0) << "the plugin misused a host service (see stderr)";
            EXPECT_EQ(host_->open_streams(), 0);
        }
        host_.reset();
    }

    dm::PluginUi ui() const { return plugin_->ui(); }

    ScratchDir dir_;
    std::string config_, data_;
    std::unique_ptr<FakeHost> host_;
    std::unique_ptr<dm::StartedPlugin> plugin_;
};

TEST_P(ExternalSharingIn, StartsAndSharesACaseWithPanelAndColumn) {
    const dm::Context ctx = caseworker();
    ui().invoke_action(ctx, "external-sharing.admin.start-trial", "", "{}");
    EXPECT_NE(ui().contributions(ctx, dm_check::kCase).find("external-sharing.share"),
              std::string::npos);

    // The share action's dialog reads the case through the host (1.0 calls in a 1.0 host).
    std::string dialog = ui().invoke_action(ctx, "external-sharing.share", dm_check::kCase, "{}");
    EXPECT_NE(dialog.find("plan.txt"), std::string::npos) << dialog;
    std::string created = ui().invoke_action(
        ctx, "external-sharing.create", dm_check::kCase,
        R"({"protection":"none","recipient_name":"Eva Extern","recipient_email":"",)"
        R"("recipient_phone":"","selection":{"details":{"included":true,"items":["parcel"]}}})");
    EXPECT_NE(created.find("\"url\""), std::string::npos) << created;

    std::string panel = ui().render_panel(ctx, "external-sharing.panel", dm_check::kCase);
    EXPECT_NE(panel.find("Eva Extern"), std::string::npos) << panel;
    std::string column = ui().column_values(ctx, "external-sharing.active-shares",
                                            {dm_check::kCase, dm_check::kOtherCase});
    EXPECT_EQ(column.rfind("[{", 0), 0u) << column;
    EXPECT_NE(column.find("\"icon\""), std::string::npos) << column;
    EXPECT_NE(column.find(",null]"), std::string::npos) << column;
}

TEST_P(ExternalSharingIn, IgnoresAnEventKindOfANewerHost) {
    // Kind 999 may be defined by a later minor version: the module answers "unsupported" (nothing
    // to do), which dm::PluginEvents does not treat as an error.
    EXPECT_NO_THROW(plugin_->events().notify(caseworker(), 999, dm_check::kCase));
    EXPECT_NO_THROW(plugin_->events().notify(caseworker(), DM_EVENT_CASE_CLOSED, dm_check::kCase));
}

INSTANTIATE_TEST_SUITE_P(HostAbi, ExternalSharingIn,
                         ::testing::Values(HostAbi::v1_0, HostAbi::v1_1),
                         [](const auto& info) { return abi_name(info.param); });

// ---- The wrapper's readers: any size from 1.0's up, unknown values handled -------------------

TEST(ContextFrom, AcceptsTheLargerContextOfANewerCaller) {
    struct {
        dm_context context;
        std::uint64_t added_later;
    } newer{{0, dm::to_dm("org-1"), dm::to_dm("user-1"), dm::to_dm("de")}, ~0ull};
    newer.context.struct_size = sizeof newer;
    dm::Context c = dm::Context::from(&newer.context);
    EXPECT_EQ(c.organisation_id, "org-1");
    EXPECT_EQ(c.locale, "de");
}

TEST(ContextFrom, RefusesAContextSmallerThanAbi10s) {
    dm_context small{
        static_cast<std::uint32_t>(DM_CONTEXT_V1_0_SIZE - 1), dm::to_dm("org-1"), {}, {}};
    EXPECT_THROW(dm::Context::from(&small), dm::Error);
    EXPECT_THROW(dm::Context::from(nullptr), dm::Error);
}

TEST(Check, TurnsAStatusUnknownToThisHeaderIntoAnInternalError) {
    dm::StringSink error;
    dm::write(error.get(), "rate limited");
    try {
        dm::check(DM_STATUS_LAST_KNOWN + 1, error, "read case");
        FAIL() << "an unknown status must not pass as success";
    } catch (const dm::Error& e) {
        EXPECT_EQ(e.status(), DM_ERR_INTERNAL);
        EXPECT_NE(std::string(e.what()).find("rate limited (status 8, unknown"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(dm_status_known(-1), DM_ERR_INTERNAL);
    EXPECT_EQ(dm_status_known(DM_ERR_CONFLICT), DM_ERR_CONFLICT);
}

// A plugin of a later minor version: its entry and UI table are longer than this host knows.
dm_status later_init(const dm_init_args*, const dm_sink*) {
    return DM_OK;
}
void later_deinit() {}
dm_status later_panel(const dm_context*, dm_str, dm_str, const dm_sink* result, const dm_sink*) {
    dm::write(result, R"({"type":"panel"})");
    return DM_OK;
}
dm_status later_status(const dm_context*, dm_str, dm_str, const dm_sink*, const dm_sink* error) {
    dm::write(error, "something new");
    return 42;  // a status code from the future
}
struct LaterUi {
    dm_plugin_ui ui;
    void (*added_in_a_later_minor)();
};
const LaterUi kLaterUi = {{sizeof(LaterUi), nullptr, nullptr, later_panel, nullptr}, later_deinit};
const LaterUi kLaterUiFailing = {{sizeof(LaterUi), nullptr, nullptr, later_status, nullptr},
                                 later_deinit};
const LaterUi* g_later_ui = &kLaterUi;
const void* later_get_extension(const char* id) {
    return std::string(id) == DM_EXT_UI ? &g_later_ui->ui : nullptr;
}
struct LaterEntry {
    dm_plugin_entry entry;
    const char* added_in_a_later_minor;
};
const LaterEntry kLaterEntry = {{{DM_ABI_VERSION_MAJOR, DM_ABI_VERSION_MINOR + 1, 0},
                                 sizeof(LaterEntry),
                                 "org.example.later",
                                 "Later",
                                 "Example AG",
                                 "9.0.0",
                                 later_init,
                                 later_deinit,
                                 later_get_extension},
                                "not read by this host"};

TEST(StartedPlugin, UsesANewerPluginAsFarAsItKnowsItAndSaysSo) {
    g_later_ui = &kLaterUi;
    const std::string note = dm::entry_note(&kLaterEntry.entry);
    EXPECT_NE(note.find("plugin built against ABI 1." + std::to_string(DM_ABI_VERSION_MINOR + 1)),
              std::string::npos)
        << note;
    EXPECT_TRUE(dm::entry_problem(&kLaterEntry.entry).empty());

    dm_init_args args{sizeof(dm_init_args), nullptr, {}, {}};
    dm::StartedPlugin plugin(&kLaterEntry.entry, args);
    EXPECT_EQ(plugin.entry().struct_size, sizeof(LaterEntry));
    auto ui = plugin.ui();
    ASSERT_TRUE(ui);
    EXPECT_EQ(ui.render_panel(caseworker(), "p", "c"), R"({"type":"panel"})");
    // A function the plugin left NULL is refused, not called.
    try {
        ui.contributions(caseworker());
        FAIL() << "expected DM_ERR_UNSUPPORTED";
    } catch (const dm::Error& e) {
        EXPECT_EQ(e.status(), DM_ERR_UNSUPPORTED);
    }
}

TEST(StartedPlugin, ReportsAStatusFromANewerPluginAsAnInternalError) {
    g_later_ui = &kLaterUiFailing;
    dm_init_args args{sizeof(dm_init_args), nullptr, {}, {}};
    dm::StartedPlugin plugin(&kLaterEntry.entry, args);
    try {
        plugin.ui().render_panel(caseworker(), "p", "c");
        FAIL() << "expected an error";
    } catch (const dm::Error& e) {
        EXPECT_EQ(e.status(), DM_ERR_INTERNAL);
        EXPECT_NE(std::string(e.what()).find("something new (status 42"), std::string::npos)
            << e.what();
    }
    g_later_ui = &kLaterUi;
}

TEST(PluginUi, RefusesATableSmallerThanAbi10s) {
    dm_plugin_ui small = kLaterUi.ui;
    small.struct_size = static_cast<std::uint32_t>(DM_PLUGIN_UI_V1_0_SIZE - sizeof(void*));
    EXPECT_FALSE(dm::PluginUi(&small));
    EXPECT_FALSE(dm::PluginUi(nullptr));
    EXPECT_TRUE(dm::PluginUi(&kLaterUi.ui));
}

TEST(EntryNote, IsEmptyForAPluginOfThisVersion) {
    dm_plugin_entry same = kLaterEntry.entry;
    same.abi_version = dm_version DM_ABI_VERSION_INIT;
    same.struct_size = sizeof(dm_plugin_entry);
    EXPECT_EQ(dm::entry_note(&same), "");
}

}  // namespace
