// Instances of the module for the cluster tests: each a dm-sample-host process with the module,
// on the Galera nodes it is given, its portal on a port of its own. The hosts of one test share
// their data folder (cases, users, attachment files), as a real deployment keeps the dossier
// manager's storage on shared storage; the module's state is in the cluster, and the sealing key
// file is one file all instances read.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "galera_cluster.hpp"
#include "host_process.hpp"
#include "test_host.hpp"

namespace cluster_test {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
using host::test::ApiClient;
using host::test::free_port;
using host::test::HttpResult;

const std::string kActions = "/api/plugins/ch.example.external-sharing/actions/";

inline HttpResult plain_get(int port, const std::string& path,
                            const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    http_test::Cookies none;
    auto answer = http_test::exchange(session, request, none, "", "");
    return HttpResult{answer.status, std::move(answer.body), std::move(answer.headers)};
}

// The administrator of the demo data starts the organisation's trial through the host at
// `host_port`. The licence lives in the cluster: once started, it holds for every instance.
inline ::testing::AssertionResult start_trial(int host_port) {
    ApiClient admin(host_port);
    const HttpResult login = admin.login("claudia.frei", "demo-claudia");
    if (login.status != 200) {
        return ::testing::AssertionFailure() << "claudia.frei could not sign in: " << login.status;
    }
    const HttpResult trial = admin.post(kActions + "external-sharing.admin.start-trial",
                                        R"({"case_id":"","payload":{}})");
    if (trial.status != 200) {
        return ::testing::AssertionFailure()
               << "the trial did not start: " << trial.status << " " << trial.body;
    }
    return ::testing::AssertionSuccess();
}

// One instance; start() may be called again after the process was killed.
struct Instance {
    std::string dir;
    int host_port = free_port();
    int portal_port = free_port();
    std::unique_ptr<es::test::HostProcess> process;

    // `nodes`: the Galera nodes it may use, in order (storage.mysql.servers); `more_mysql`: more
    // lines of the storage.mysql section, indented by four spaces.
    Instance(const std::string& root, const std::string& name, const std::vector<int>& nodes,
             const std::string& database, int public_port, const std::string& more_mysql = "")
        : dir(root + "/" + name) {
        fs::create_directories(dir + "/spool/mail");
        fs::create_directories(dir + "/spool/sms");
        std::string servers;
        for (int node : nodes) {
            const int sql_port =
                es::test::GaleraCluster::shared().ports().at(static_cast<std::size_t>(node - 1));
            servers += (servers.empty() ? "\"127.0.0.1:" : ", \"127.0.0.1:") +
                       std::to_string(sql_port) + "\"";
        }
        std::ofstream(root + "/db-password") << "es-test";
        std::ofstream(dir + "/external-sharing.yaml")
            << "storage:\n  backend: mysql\n  mysql:\n    servers: [" << servers
            << "]\n    database: " << database << "\n    user: es\n    password_file: " << root
            << "/db-password\n"
            << more_mysql << "crypto:\n  key_file: " << root << "/sealing.keys\n"
            << "  create_missing_key_file: true\n"
            << "  argon2:\n    memory_kib: 8192\n    iterations: 1\n"
            // The links point at the load balancer, as in production.
            << "portal:\n  listen_address: 127.0.0.1\n  port: " << portal_port
            << "\n  public_url: http://127.0.0.1:" << public_port << "\n"
            << "notify:\n  mail: spool\n  sms: spool\n  spool_directory: " << dir << "/spool\n";
        std::ofstream(dir + "/host.yaml")
            << "listen:\n  address: 127.0.0.1\n  port: " << host_port << "\n"
            << "data_directory: " << root << "/host-data\nspool_directory: " << dir << "/spool\n"
            << "http_threads: 4\n"
            << "demo_data:\n  enabled: true\n  big_attachment: true\n"
            << "  cases_per_organisation: 2\n"
            << "plugins:\n  - path: " << ES_PLUGIN_FILE << "\n    config: " << dir
            << "/external-sharing.yaml\n";
    }

    // Starts the process and waits until its portal says it is ready.
    ::testing::AssertionResult start() {
        process =
            std::make_unique<es::test::HostProcess>(DM_SAMPLE_HOST_FILE, dir + "/host.yaml", dir);
        if (process->wait_for_port(180s) == 0) {
            return ::testing::AssertionFailure()
                   << dir << " did not start: " << es::test::file_text(dir + "/host.err");
        }
        for (int i = 0; i < 150; ++i) {
            try {
                if (plain_get(portal_port, "/ready").status == 200) {
                    return ::testing::AssertionSuccess();
                }
            } catch (const Poco::Exception&) {
                // not listening yet
            }
            std::this_thread::sleep_for(100ms);
        }
        return ::testing::AssertionFailure() << dir << ": /ready never said 200";
    }
};

// The id of anna's first case, and of its attachment `name` when one is asked for.
inline std::pair<std::string, std::string> case_of(ApiClient& anna,
                                                   const std::string& attachment = "") {
    auto cases = anna.get("/api/cases?page_size=50").json()->getArray("cases");
    for (unsigned i = 0; cases && i < cases->size(); ++i) {
        const std::string id = cases->getObject(i)->getValue<std::string>("id");
        if (attachment.empty()) {
            return {id, ""};
        }
        auto list = anna.get("/api/cases/" + id + "/attachments").json()->getArray("attachments");
        for (unsigned j = 0; list && j < list->size(); ++j) {
            if (list->getObject(j)->getValue<std::string>("name") == attachment) {
                return {id, list->getObject(j)->getValue<std::string>("id")};
            }
        }
    }
    return {"", ""};
}
// Shares `case_id` (its details, or one attachment) and returns the link's path.
// Shares `case_id` (its details, or one attachment); the link's path, or "" with the host's answer
// in `answer` when no link was made (under a fault, a refusal is what the test expects).
inline std::string try_share(ApiClient& anna, const std::string& case_id,
                             const std::string& protection_members, const std::string& attachment,
                             std::string& answer) {
    const std::string selection =
        attachment.empty()
            ? R"({"details":{"included":true,"items":[]}})"
            : R"({"attachments":{"included":true,"items":[")" + attachment + R"("]}})";
    answer = anna.post(kActions + "external-sharing.create",
                       R"({"case_id":")" + case_id + R"(","payload":{)" + protection_members +
                           R"(,"recipient_name":"Lea","selection":)" + selection + "}}")
                 .body;
    std::smatch found;
    return std::regex_search(answer, found, std::regex("/s/[A-Za-z0-9_-]{40,}")) ? found.str()
                                                                                 : std::string();
}

// As try_share, where a link must be made: a refusal fails the test.
inline std::string share(ApiClient& anna, const std::string& case_id,
                         const std::string& protection_members,
                         const std::string& attachment = "") {
    std::string answer;
    const std::string link = try_share(anna, case_id, protection_members, attachment, answer);
    EXPECT_FALSE(link.empty()) << answer;
    return link;
}

// A case of anna's with an attachment under 1 MiB, and that attachment's id.
inline std::pair<std::string, std::string> case_with_small_attachment(ApiClient& anna) {
    auto cases = anna.get("/api/cases?page_size=50").json()->getArray("cases");
    for (unsigned i = 0; cases && i < cases->size(); ++i) {
        const std::string id = cases->getObject(i)->getValue<std::string>("id");
        auto list = anna.get("/api/cases/" + id + "/attachments").json()->getArray("attachments");
        for (unsigned j = 0; list && j < list->size(); ++j) {
            if (list->getObject(j)->getValue<Poco::Int64>("size") < (1 << 20)) {
                return {id, list->getObject(j)->getValue<std::string>("id")};
            }
        }
    }
    return {"", ""};
}

}  // namespace cluster_test
