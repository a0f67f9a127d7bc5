// The real module loaded as a host loads it (dlopen + the C ABI), in front of the checker's fake
// host with a CountingHost between them, its portal on a free port, its trial started: what the
// module-level tests of host calls and journal entries share.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include <dm/cpp/context.hpp>
#include <dm/cpp/plugin_handle.hpp>

#include "counting_host.hpp"
#include "fake_host.hpp"
#include "test_ports.hpp"  // free_port(): the portal's config needs a fixed one to build links

namespace es::test {

// The module's entry, from ES_PLUGIN_FILE. The library stays loaded until exit: the ABI forbids
// unloading a plugin.
const struct dm_plugin_entry* load_entry();

class ModuleHarness {
  public:
    // Starts the module in front of a host of `abi`; the acting user is the fake directory's
    // organisation admin (user-1, Anna Beispiel <anna@example.org>), in `locale`.
    // Without `trial`, the organisation has not activated External Sharing yet.
    ModuleHarness(const std::string& name, CountingHost::Abi abi, const std::string& locale = "en",
                  bool trial = true);
    ~ModuleHarness();

    CountingHost& host() { return *counting_; }
    dm::Context& ctx() { return ctx_; }
    int portal_port() const { return port_; }
    // The module's data folder (its database, its mail and SMS spool).
    const std::filesystem::path& data_directory() const { return dir_; }

    // The share action's "create" on the fake host's case-1 for "Eva Extern", showing one item of
    // each part; returns the link's path ("/s/…"). `extra_json` is added to the payload's members
    // and wins over the defaults (e.g. R"("protection":"password")").
    std::string create_share(const std::string& extra_json = "");
    // The id of the share create_share made last.
    const std::string& last_share_id() const { return last_share_id_; }
    std::string invoke(const std::string& action, const std::string& payload,
                       const std::string& case_id = dm_check::kCase);
    std::string contributions();
    std::string panel();
    std::string admin_panel();
    std::string column();

    // A plain HTTP/1.0 GET to the portal: the status code and the body; status 0 on failure.
    struct Answer {
        int status = 0;
        std::string body;
    };
    Answer get(const std::string& path);

  private:
    std::filesystem::path dir_;
    int port_ = 0;
    std::string config_, data_;
    std::unique_ptr<dm_check::FakeHost> inner_;
    std::unique_ptr<CountingHost> counting_;
    std::unique_ptr<dm::StartedPlugin> plugin_;
    dm::Context ctx_;
    std::string last_share_id_;
};

}  // namespace es::test
