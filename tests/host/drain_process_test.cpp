// The rolling-restart contract of one instance, as a service manager sees it: the real
// dm-sample-host process with the External Sharing module on a real MariaDB. /ready says 200, says
// 503 while the database is down (the server stopped: the outage a load balancer must route
// around) and 200 again once it is back; then, with a big download running through the portal
// SIGTERM: both listeners (the host's and the portal's) refuse new connections, the download
// ends byte-exact, and the process exits 0.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "host_process.hpp"
#include "http_exchange.hpp"
#include "mariadb_server.hpp"
#include "nginx_balancer.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

const std::string kPlugin = "ch.example.external-sharing";

std::string read_file(const std::string& path) {
    return es::test::file_text(path);
}

// The sample host built with the tests, as a child process.
class HostProcess : public es::test::HostProcess {
  public:
    HostProcess(const std::string& config, const std::string& dir)
        : es::test::HostProcess(DM_SAMPLE_HOST_FILE, config, dir) {}
};

HttpResult ready(int portal_port) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(portal_port));
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request("GET", "/ready", Poco::Net::HTTPMessage::HTTP_1_1);
    http_test::Cookies none;
    auto answer = http_test::exchange(session, request, none, "", "");
    return HttpResult{answer.status, std::move(answer.body), std::move(answer.headers)};
}

bool connect_refused(int port) {
    try {
        Poco::Net::StreamSocket s(
            Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
        return false;
    } catch (const Poco::Exception&) {
        return true;
    }
}

// A GET whose answer is read slowly: `start()` reads the head and the first MiB; `finish()` the
// rest, comparing every byte with `expected_file`.
class Download {
  public:
    Download(int port, const std::string& request, const std::string& expected_file)
        : socket_(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port))),
          file_(expected_file, std::ios::binary) {
        socket_.setReceiveBufferSize(64 * 1024);
        socket_.setReceiveTimeout(Poco::Timespan(30, 0));
        socket_.sendBytes(request.data(), static_cast<int>(request.size()));
    }
    // Reads until the body began and `bytes` of it arrived; the status of the answer.
    int start(std::uint64_t bytes) {
        std::string head;
        char c;
        while (head.find("\r\n\r\n") == std::string::npos && socket_.receiveBytes(&c, 1) == 1) {
            head += c;
        }
        const int status = head.size() > 12 ? std::stoi(head.substr(9, 3)) : 0;
        read_some(bytes);
        return status;
    }
    // Reads to the end of the connection; whether every byte matched the file, and all came.
    ::testing::AssertionResult finish() {
        read_some(UINT64_MAX);
        if (mismatch_ != UINT64_MAX) {
            return ::testing::AssertionFailure() << "byte " << mismatch_ << " differs";
        }
        const auto size = fs::file_size(path_of_file_);
        if (got_ != size) {
            return ::testing::AssertionFailure() << got_ << " of " << size << " bytes arrived";
        }
        return ::testing::AssertionSuccess();
    }
    void expect_file(const std::string& path) { path_of_file_ = path; }

  private:
    void read_some(std::uint64_t bytes) {
        std::vector<char> buf(64 * 1024);
        std::vector<char> want(64 * 1024);
        const std::uint64_t until = got_ + bytes < got_ ? UINT64_MAX : got_ + bytes;
        while (got_ < until) {
            const int n = socket_.receiveBytes(buf.data(), static_cast<int>(buf.size()));
            if (n <= 0) {
                return;
            }
            file_.read(want.data(), n);
            if (mismatch_ == UINT64_MAX) {
                for (int i = 0; i < n; ++i) {
                    if (file_.gcount() <= i ||
                        want[static_cast<std::size_t>(i)] != buf[static_cast<std::size_t>(i)]) {
                        mismatch_ = got_ + static_cast<std::uint64_t>(i);
                        break;
                    }
                }
            }
            got_ += static_cast<std::uint64_t>(n);
        }
    }

    Poco::Net::StreamSocket socket_;
    std::ifstream file_;
    std::string path_of_file_;
    std::uint64_t got_ = 0;
    std::uint64_t mismatch_ = UINT64_MAX;
};

TEST(HostProcessDrain, ReadyFollowsTheDatabaseAndSigtermLetsDownloadsEndWhole) {
    TempDir dir;
    es::test::MariadbServer db(dir.path() + "/mariadb", true);
    const std::string database = db.create_database();
    const int portal_port = free_port();
    std::ofstream(dir.path() + "/db-password") << es::test::MariadbServer::password();
    const std::string plugin_config = dir.path() + "/external-sharing.yaml";
    std::ofstream(plugin_config)
        << "storage:\n  backend: mysql\n  mysql:\n    host: 127.0.0.1\n    port: " << db.port()
        << "\n    database: " << database << "\n    user: " << es::test::MariadbServer::user()
        << "\n    password_file: " << dir.path() << "/db-password\n"
        << "    connect_timeout_seconds: 2\n"
        << "crypto:\n  key_file: " << dir.path() << "/sealing.keys\n"
        << "  create_missing_key_file: true\n"
        << "  argon2:\n    memory_kib: 8192\n    iterations: 1\n"
        << "portal:\n  listen_address: 127.0.0.1\n  port: " << portal_port
        << "\n  public_url: http://127.0.0.1:" << portal_port << "\n  drain_seconds: 60\n"
        << "notify:\n  mail: spool\n  sms: spool\n  spool_directory: " << dir.path() << "/spool\n";
    const std::string host_config = dir.path() + "/host.yaml";
    std::ofstream(host_config) << "listen:\n  address: 127.0.0.1\n  port: 0\n"
                               << "data_directory: data\nspool_directory: spool\n"
                               << "http_threads: 8\nconnections:\n  drain_seconds: 60\n"
                               << "demo_data:\n  enabled: true\n  big_attachment: true\n"
                               << "  cases_per_organisation: 4\n"
                               << "plugins:\n  - path: " << ES_PLUGIN_FILE
                               << "\n    config: " << plugin_config << "\n";
    fs::create_directories(dir.path() + "/spool/mail");
    fs::create_directories(dir.path() + "/spool/sms");
    HostProcess host(host_config, dir.path());
    const int port = host.wait_for_port(180s);
    ASSERT_NE(0, port) << read_file(dir.path() + "/host.err");

    // The health check follows the database.
    EXPECT_EQ(200, ready(portal_port).status);
    db.stop();
    const auto down = ready(portal_port);
    EXPECT_EQ(503, down.status);
    EXPECT_NE(std::string::npos, down.body.find("\"code\":\"database_unavailable\"")) << down.body;
    EXPECT_EQ(std::string::npos, down.body.find(database)) << "the answer names the database";
    EXPECT_EQ("no-store", down.header("Cache-Control"));
    db.start();
    bool back = false;
    for (int i = 0; i < 50 && !back; ++i) {
        back = ready(portal_port).status == 200;
        std::this_thread::sleep_for(200ms);
    }
    ASSERT_TRUE(back) << "/ready stayed 503 after the database came back";

    // A share of the case with the big demo attachment.
    ApiClient admin(port);
    ASSERT_EQ(200, admin.login("claudia.frei", "demo-claudia").status);
    const std::string actions = "/api/plugins/" + kPlugin + "/actions/";
    ASSERT_EQ(
        200,
        admin.post(actions + "external-sharing.admin.start-trial", R"({"case_id":"","payload":{}})")
            .status);
    ApiClient anna(port);
    ASSERT_EQ(200, anna.login("anna.meier", "demo-anna").status);
    std::string case_id;
    std::string attachment_id;
    auto cases = anna.get("/api/cases?page_size=50").json()->getArray("cases");
    for (unsigned i = 0; cases && i < cases->size() && attachment_id.empty(); ++i) {
        const std::string id = cases->getObject(i)->getValue<std::string>("id");
        auto list = anna.get("/api/cases/" + id + "/attachments").json()->getArray("attachments");
        for (unsigned j = 0; list && j < list->size(); ++j) {
            if (list->getObject(j)->getValue<std::string>("name") == "Planarchiv-Gesamtscan.bin") {
                case_id = id;
                attachment_id = list->getObject(j)->getValue<std::string>("id");
            }
        }
    }
    ASSERT_FALSE(attachment_id.empty()) << "no case of anna.meier holds the big attachment";
    const auto created = anna.post(
        actions + "external-sharing.create",
        R"({"case_id":")" + case_id +
            R"(","payload":{"protection":"none","recipient_name":"Lea","selection":{"attachments":{"included":true,"items":[")" +
            attachment_id + R"("]}}}})");
    std::smatch found;
    ASSERT_TRUE(std::regex_search(created.body, found, std::regex("/s/[A-Za-z0-9_-]{40,}")))
        << created.body;
    const std::string link = found.str();
    std::string big_file;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() + "/data")) {
        if (e.path().filename() == "big-archive.bin") {
            big_file = e.path().string();
        }
    }
    ASSERT_FALSE(big_file.empty());

    // A download under way through the portal.
    Download through_portal(
        portal_port, "GET " + link + "/files/" + attachment_id + " HTTP/1.1\r\nHost: x\r\n\r\n",
        big_file);
    through_portal.expect_file(big_file);
    ASSERT_EQ(200, through_portal.start(1 << 20));

    host.terminate();
    // Both listeners close at once: a load balancer's next connect fails and goes elsewhere.
    bool portal_refuses = false;
    for (int i = 0; i < 200 && !portal_refuses; ++i) {
        portal_refuses = connect_refused(portal_port);
        std::this_thread::sleep_for(25ms);
    }
    EXPECT_TRUE(connect_refused(port)) << "the host's listener stayed open";
    EXPECT_TRUE(portal_refuses) << "the portal's listener stayed open while draining";
    EXPECT_EQ(-1, host.wait_for_exit(1s)) << "the process ended before the download did";
    EXPECT_TRUE(through_portal.finish());
    EXPECT_EQ(0, host.wait_for_exit(60s)) << read_file(dir.path() + "/host.err");
    const std::string log =
        read_file(dir.path() + "/host.err") + read_file(dir.path() + "/host.out");
    EXPECT_NE(std::string::npos, log.find("portal: drained: 1 request(s) were in progress, 0 "
                                          "connection(s) cut"))
        << log;
    db.drop_database(database);
}

// One instance of a pair behind a load balancer: its own data folder and portal port, the shared
// database. The config files are written once; start() may be called again after a stop.
struct Instance {
    std::string dir;
    int portal_port = 0;
    std::unique_ptr<HostProcess> process;

    Instance(const std::string& root, const std::string& name, es::test::MariadbServer& db,
             const std::string& database)
        : dir(root + "/" + name), portal_port(free_port()) {
        fs::create_directories(dir + "/spool/mail");
        fs::create_directories(dir + "/spool/sms");
        std::ofstream(dir + "/db-password") << es::test::MariadbServer::password();
        std::ofstream(dir + "/external-sharing.yaml")
            << "storage:\n  backend: mysql\n  mysql:\n    host: 127.0.0.1\n    port: " << db.port()
            << "\n    database: " << database << "\n    user: " << es::test::MariadbServer::user()
            << "\n    password_file: " << dir << "/db-password\n"
            << "crypto:\n  key_file: " << root << "/sealing.keys\n"
            << "  create_missing_key_file: true\n"
            << "portal:\n  listen_address: 127.0.0.1\n  port: " << portal_port
            << "\n  public_url: http://127.0.0.1:" << portal_port << "\n  drain_seconds: 20\n"
            << "notify:\n  mail: spool\n  sms: spool\n  spool_directory: " << dir << "/spool\n";
        std::ofstream(dir + "/host.yaml")
            << "listen:\n  address: 127.0.0.1\n  port: 0\n"
            << "data_directory: data\nspool_directory: spool\nhttp_threads: 4\n"
            << "demo_data:\n  enabled: true\n  big_attachment: false\n"
            << "  cases_per_organisation: 2\n"
            << "plugins:\n  - path: " << ES_PLUGIN_FILE << "\n    config: " << dir
            << "/external-sharing.yaml\n";
    }
    // Starts the process and waits until the portal says it is ready.
    ::testing::AssertionResult start() {
        process = std::make_unique<HostProcess>(dir + "/host.yaml", dir);
        if (process->wait_for_port(180s) == 0) {
            return ::testing::AssertionFailure()
                   << dir << " did not start: " << read_file(dir + "/host.err");
        }
        for (int i = 0; i < 100; ++i) {
            try {
                if (ready(portal_port).status == 200) {
                    return ::testing::AssertionSuccess();
                }
            } catch (const Poco::Exception&) {
                // not listening yet
            }
            std::this_thread::sleep_for(100ms);
        }
        return ::testing::AssertionFailure() << dir << ": /ready never said 200";
    }
    // SIGTERM; the exit status.
    int stop() {
        process->terminate();
        const int status = process->wait_for_exit(60s);
        process.reset();
        return status;
    }
};

// nginx in front of the two portals, as docs/deployment.md configures it, on a free port.
class Nginx : public es::test::NginxBalancer {
  public:
    Nginx(const std::string& dir, int a, int b, int port = free_port())
        : es::test::NginxBalancer(dir, {{port, {a, b}}}), port_(port) {}
    int port() const { return port_; }

  private:
    int port_;
};

TEST(HostProcessDrain, RollingRestartBehindNginxFailsNoRequest) {
    TempDir dir;
    es::test::MariadbServer db(dir.path() + "/mariadb", true);
    const std::string database = db.create_database();
    Instance a(dir.path(), "a", db, database);
    Instance b(dir.path(), "b", db, database);
    ASSERT_TRUE(a.start());
    ASSERT_TRUE(b.start());
    Nginx nginx(dir.path(), a.portal_port, b.portal_port);
    bool up = false;
    for (int i = 0; i < 50 && !up; ++i) {
        try {
            up = ready(nginx.port()).status == 200;
        } catch (const Poco::Exception&) {
            std::this_thread::sleep_for(100ms);
        }
    }
    ASSERT_TRUE(up) << read_file(dir.path() + "/nginx/logs/error.log");

    // Steady load: clients on keep-alive connections to nginx, each asking for the stylesheet
    // and the health check in turn, as fast as they are answered.
    std::atomic<bool> loading{true};
    std::atomic<int> served{0};
    std::atomic<int> failed{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
        clients.emplace_back([&] {
            Poco::Net::HTTPClientSession session("127.0.0.1",
                                                 static_cast<Poco::UInt16>(nginx.port()));
            session.setKeepAlive(true);
            session.setTimeout(Poco::Timespan(30, 0));
            while (loading) {
                Poco::Net::HTTPRequest request("GET", "/assets/portal.css",
                                               Poco::Net::HTTPMessage::HTTP_1_1);
                http_test::Cookies none;
                try {
                    const auto answer = http_test::exchange(session, request, none, "", "");
                    if (answer.status == 200 && !answer.body.empty()) {
                        ++served;
                        continue;
                    }
                    std::lock_guard lock(failures_mutex);
                    failures.push_back(std::to_string(answer.status) + " " + answer.body);
                } catch (const Poco::Exception& e) {
                    std::lock_guard lock(failures_mutex);
                    failures.push_back(e.displayText());
                }
                ++failed;
            }
        });
    }
    std::this_thread::sleep_for(1s);
    const int before = served;
    EXPECT_EQ(0, a.stop()) << read_file(a.dir + "/host.err");
    EXPECT_TRUE(a.start());
    // nginx counted the stopped instance as failed and sends it nothing for fail_timeout (2 s):
    // stopping the other one before that would leave nginx no live upstream. The procedure of
    // docs/deployment.md waits it out.
    std::this_thread::sleep_for(3s);
    EXPECT_EQ(0, b.stop()) << read_file(b.dir + "/host.err");
    EXPECT_TRUE(b.start());
    std::this_thread::sleep_for(3s);
    loading = false;
    for (auto& t : clients) {
        t.join();
    }
    EXPECT_GT(before, 0) << "no load before the restarts";
    EXPECT_GT(served.load(), before) << "no load during the restarts";
    const std::string nginx_log = read_file(dir.path() + "/nginx/logs/error.log");
    EXPECT_EQ(0, failed.load()) << (failures.empty() ? "" : failures.front())
                                << "\nnginx: " << nginx_log.substr(0, 3000);
    a.stop();
    b.stop();
    db.drop_database(database);
}

}  // namespace
}  // namespace host::test
