// The tests' port picker (tests/support/test_ports.hpp, free-port.py): a port handed to a server's
// config must not be one the kernel gives outgoing connections, nor one another test process got.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/Net/ServerSocket.h>

#include "test_ports.hpp"

namespace {

// Binding the abstract name another process would bind to reserve `port`; the errno, 0 if it bound.
int bind_reservation(int port) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    const std::string name = "es-test-port-" + std::to_string(port);
    std::memcpy(a.sun_path + 1, name.data(), name.size());
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
    const int rc = ::bind(fd, reinterpret_cast<sockaddr*>(&a), length);
    const int error = rc == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    char buffer[256];
    while (pipe != nullptr && std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        out += buffer;
    }
    const int status = pipe == nullptr ? -1 : ::pclose(pipe);
    EXPECT_EQ(0, status) << command;
    return out;
}

}  // namespace

TEST(TestPorts, PortsComeFromBelowTheEphemeralRangeAndAreNeverHandedOutTwice) {
    const int ephemeral = es::test::ports_detail::ephemeral_start();
    std::set<int> seen;
    for (int i = 0; i < 300; ++i) {
        const int port = es::test::free_port();
        EXPECT_GE(port, es::test::kLowestTestPort);
        EXPECT_LT(port, ephemeral);
        EXPECT_TRUE(seen.insert(port).second) << port << " handed out twice";
    }
}

TEST(TestPorts, APickedPortIsReservedForThisProcessYetFreeForItsServer) {
    const int port = es::test::free_port();
    EXPECT_EQ(EADDRINUSE, bind_reservation(port)) << "another process could pick " << port;
    // The reservation is a name, not the TCP port: the server the port is for can listen on it.
    Poco::Net::ServerSocket server(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
    EXPECT_EQ(port, server.address().port());
}

const std::string kScript = "python3 " DM_SOURCE_DIR "/tests/support/free-port.py";

TEST(TestPorts, TheScriptPicksDistinctPortsFromBelowTheEphemeralRange) {
    const int ephemeral = es::test::ports_detail::ephemeral_start();
    std::istringstream lines(run(kScript + " 60"));
    std::set<int> picked;
    for (int port = 0; lines >> port;) {
        EXPECT_GE(port, es::test::kLowestTestPort);
        EXPECT_LT(port, ephemeral);
        EXPECT_TRUE(picked.insert(port).second) << port << " printed twice";
    }
    EXPECT_EQ(60u, picked.size());
}

TEST(TestPorts, TheScriptSkipsPortsThatATestProcessHoldsOrAServerListensOn) {
    // In a range of 100 ports, this process reserves 80 and listens on 10; the script, asked for 5
    // from that range, may only give ports of the 10 left (some may be another process's).
    const int low = 20000;
    std::set<int> left;
    std::vector<std::unique_ptr<Poco::Net::ServerSocket>> listening;
    for (int port = low; port < low + 100; ++port) {
        if (port % 10 == 3) {
            left.insert(port);
        } else if (port % 10 == 7) {
            try {
                listening.push_back(std::make_unique<Poco::Net::ServerSocket>(
                    Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port))));
            } catch (const Poco::Exception&) {
                // in use already: the script must skip it either way
            }
        } else {
            es::test::ports_detail::reserve_name(port);  // or another test process holds it
        }
    }
    std::istringstream lines(run("ES_TEST_PORT_RANGE=" + std::to_string(low) + "-" +
                                 std::to_string(low + 100) + " " + kScript + " 5"));
    int count = 0;
    for (int port = 0; lines >> port; ++count) {
        EXPECT_EQ(1u, left.count(port)) << port << " is held or listened on";
    }
    EXPECT_EQ(5, count);
}
