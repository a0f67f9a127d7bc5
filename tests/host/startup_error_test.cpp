// What an operator reads when an instance cannot start: the real dm-sample-host process, with a
// port it needs already taken. The error must name the address, not only the kind of failure
// (Poco's what() says "I/O error" and nothing else; a port race in a cluster test showed exactly
// that line).
#include <gtest/gtest.h>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <chrono>
#include <fstream>
#include <string>

#include "host_process.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

using namespace std::chrono_literals;

// A port held open by the test for as long as it lives.
struct TakenPort {
    Poco::Net::ServerSocket socket{Poco::Net::SocketAddress("127.0.0.1", 0)};
    int port() const { return socket.address().port(); }
    std::string address() const { return "127.0.0.1:" + std::to_string(port()); }
};

TEST(HostStartup, AHostPortInUseIsNamedOnStandardError) {
    TempDir dir;
    TakenPort taken;
    const std::string config = dir.path() + "/host.yaml";
    std::ofstream(config) << "listen:\n  address: 127.0.0.1\n  port: " << taken.port()
                          << "\ndata_directory: data\nspool_directory: spool\n";
    es::test::HostProcess host(DM_SAMPLE_HOST_FILE, config, dir.path());
    EXPECT_EQ(1, host.wait_for_exit(60s));
    const std::string err = es::test::file_text(dir.path() + "/host.err");
    EXPECT_NE(std::string::npos, err.find("dm-sample-host: ")) << err;
    EXPECT_NE(std::string::npos, err.find(taken.address())) << err;
}

TEST(HostStartup, APortalPortInUseIsNamedWhenTheModuleCannotStart) {
    TempDir dir;
    TakenPort taken;
    const std::string plugin_config = dir.path() + "/external-sharing.yaml";
    std::ofstream(plugin_config) << "storage:\n  backend: sqlite\n  sqlite:\n    path: "
                                 << dir.path() << "/es.db\n"
                                 << "crypto:\n  key_file: " << dir.path() << "/sealing.keys\n"
                                 << "  create_missing_key_file: true\n"
                                 << "portal:\n  listen_address: 127.0.0.1\n  port: " << taken.port()
                                 << "\n  public_url: http://" << taken.address() << "\n"
                                 << "notify:\n  mail: spool\n  sms: spool\n  spool_directory: "
                                 << dir.path() << "/spool\n";
    const std::string config = dir.path() + "/host.yaml";
    std::ofstream(config) << "listen:\n  address: 127.0.0.1\n  port: 0\n"
                          << "data_directory: data\nspool_directory: spool\n"
                          << "plugins:\n  - path: " << ES_PLUGIN_FILE
                          << "\n    config: " << plugin_config << "\n";
    es::test::HostProcess host(DM_SAMPLE_HOST_FILE, config, dir.path());
    // The host runs on without the module and says why it has none.
    ASSERT_NE(0, host.wait_for_port(120s)) << es::test::file_text(dir.path() + "/host.err");
    const std::string err = es::test::file_text(dir.path() + "/host.err");
    EXPECT_NE(std::string::npos, err.find("failed to start")) << err;
    EXPECT_NE(std::string::npos, err.find(taken.address())) << err;
}

}  // namespace
}  // namespace host::test
