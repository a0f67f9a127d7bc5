// Bad plugin input: each gives exactly one clear log line naming the file and the reason, and the
// host goes on without that plugin.
#include <fstream>
#include <mutex>

#include <gtest/gtest.h>

#include <dm/cpp/dm.hpp>

#include "log/host_log.hpp"
#include "plugins/loaded_plugin.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

class PluginLoading : public ::testing::Test {
  protected:
    void SetUp() override {
        HostLog::capture([this](const std::string& line) {
            std::lock_guard lock(mutex_);
            lines_.push_back(line);
        });
    }
    void TearDown() override { HostLog::capture({}); }

    std::vector<std::string> lines_naming(const std::string& text) {
        std::lock_guard lock(mutex_);
        std::vector<std::string> out;
        for (const auto& l : lines_) {
            if (l.find(text) != std::string::npos)
                out.push_back(l);
        }
        return out;
    }

    // Starts a host with the bad plugin first and the good fixture after it.
    std::unique_ptr<TestHost> start_with(const std::string& bad_path) {
        TestHost::Options o;
        o.demo_data = false;
        o.plugins = {{bad_path, ""}, {Fixtures::good_plugin(), ""}};
        return std::make_unique<TestHost>(o);
    }

    // The host still answers, and the good plugin after the bad one was loaded.
    void expect_host_went_on(TestHost& host) {
        EXPECT_EQ(host.client().get("/api/me").status, 401);
        const auto& plugins = host.app().dossier_manager().plugins.plugins();
        ASSERT_EQ(plugins.size(), 1u);
        EXPECT_EQ(plugins[0]->id, "ch.example.host-test-fixture");
    }

    void expect_one_error_line(const std::string& path, const std::string& reason) {
        auto lines = lines_naming(path);
        ASSERT_EQ(lines.size(), 1u) << "expected exactly one log line naming " << path;
        EXPECT_NE(lines[0].find("ERROR"), std::string::npos) << lines[0];
        EXPECT_NE(lines[0].find(reason), std::string::npos) << lines[0];
    }

    TempDir dir_;

  private:
    std::mutex mutex_;
    std::vector<std::string> lines_;
};

TEST_F(PluginLoading, MissingFileIsRefusedWithOneLine) {
    std::string path = dir_.path() + "/no-such-dir/libmissing.so";
    auto host = start_with(path);
    expect_one_error_line(path, "the file does not exist");
    expect_host_went_on(*host);
}

TEST_F(PluginLoading, FileThatIsNotASharedLibraryIsRefusedWithOneLine) {
    std::string path = dir_.path() + "/libnot-a-library.so";
    std::ofstream out(path);
    for (int i = 0; i < 20; ++i)
        out << "this is a text file, not an ELF object\n";
    out.close();
    auto host = start_with(path);
    expect_one_error_line(path, "not a loadable shared library (invalid ELF header)");
    expect_host_went_on(*host);
}

TEST_F(PluginLoading, LibraryWithoutEntrySymbolIsRefusedWithOneLine) {
    auto host = start_with(Fixtures::no_entry_plugin());
    expect_one_error_line(Fixtures::no_entry_plugin(),
                          "the library does not export the symbol 'dm_plugin_entry'");
    expect_host_went_on(*host);
}

TEST_F(PluginLoading, PluginForAnotherAbiMajorIsRefusedWithOneLine) {
    auto host = start_with(Fixtures::abi2_plugin());
    expect_one_error_line(Fixtures::abi2_plugin(), "plugin built for ABI 2.0, host speaks ABI 1." +
                                                       std::to_string(DM_ABI_VERSION_MINOR));
    expect_host_went_on(*host);
}

TEST_F(PluginLoading, PluginWhoseInitFailsIsRefusedWithOneLine) {
    auto host = start_with(Fixtures::init_fails_plugin());
    expect_one_error_line(Fixtures::init_fails_plugin(), "cannot open its database");
    EXPECT_NE(lines_naming(Fixtures::init_fails_plugin())[0].find("failed to start"),
              std::string::npos);
    expect_host_went_on(*host);
}

TEST_F(PluginLoading, GoodPluginLogsUnderItsOwnId) {
    auto host = start_with(dir_.path() + "/absent.so");
    // host_data tells the host which plugin called dm.log/1.
    auto lines = lines_naming("[plugin ch.example.host-test-fixture] fixture plugin started");
    EXPECT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines_naming("plugin ch.example.host-test-fixture 0.1.0 (Fixture Module) loaded from")
                  .size(),
              1u);
}

TEST_F(PluginLoading, PluginOfALaterMinorVersionIsUsedAndNotedInTheLog) {
    TestHost::Options o;
    o.demo_data = false;
    o.plugins = {{DM_TEST_NEWER_MINOR_PLUGIN, ""}};
    TestHost host(o);
    const LoadedPlugin* plugin =
        host.app().dossier_manager().plugins.find("ch.example.host-test-newer");
    ASSERT_NE(plugin, nullptr) << "a plugin of ABI 1.x must load in any 1.y host";
    // OBS's pitfall is to ignore a newer plugin silently: the host says what it does not use.
    auto notes = lines_naming("newer than this host's ABI " + std::to_string(DM_ABI_VERSION_MAJOR) +
                              "." + std::to_string(DM_ABI_VERSION_MINOR));
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_NE(notes[0].find("WARN"), std::string::npos) << notes[0];
    EXPECT_NE(notes[0].find(DM_TEST_NEWER_MINOR_PLUGIN), std::string::npos) << notes[0];
    EXPECT_NE(notes[0].find("is not used"), std::string::npos) << notes[0];
    // What the host knows of the longer dm.ui/1 table works.
    dm::Context ctx;
    ctx.organisation_id = "1";
    EXPECT_NE(plugin->ui().render_panel(ctx, "any", "1").find("From a later minor version"),
              std::string::npos);
}

TEST_F(PluginLoading, SameIdTwiceLoadsOnlyOnce) {
    TestHost::Options o;
    o.demo_data = false;
    o.plugins = {{Fixtures::good_plugin(), ""}, {Fixtures::good_plugin(), ""}};
    TestHost host(o);
    EXPECT_EQ(host.app().dossier_manager().plugins.plugins().size(), 1u);
    EXPECT_EQ(lines_naming("is already loaded").size(), 1u);
}

}  // namespace
}  // namespace host::test
