// The sample host and the real External Sharing module under concurrent use, the way a busy desk
// and busy recipients meet in one process: panels reading cases (read_case in one transaction),
// shares created and revoked (journal entries written into the host's database), recipients
// opening links (first openings written by the module itself). Every answer must be a proper one,
// and the process must survive. It found the host hashing session tokens with short-lived
// Poco::Crypto objects, whose shared OpenSSL set-up and teardown raced and corrupted the heap
// (HostApp now holds OpenSSL initialised for its whole life).
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "test_host.hpp"

namespace host::test {
namespace {

const std::string kPlugin = "ch.example.external-sharing";

// A client that honours the front door's "busy" (503 + Retry-After): all requests here come from
// one address, faster than any person, and may meet its per-client limits.
template <typename Request>
HttpResult patiently(Request request) {
    HttpResult r = request();
    for (int retry = 0; r.status == 503 && retry < 20; ++retry) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        r = request();
    }
    return r;
}

std::string action_path(const std::string& action) {
    return "/api/plugins/" + kPlugin + "/actions/" + action;
}

TEST(ExternalSharingLoad, PanelsSharesJournalEntriesAndFirstOpeningsAtOnce) {
    TempDir dir;
    const int portal_port = free_port();
    const std::string config = dir.path() + "/external-sharing.yaml";
    std::ofstream(config) << "storage:\n  backend: sqlite\n  sqlite:\n    path: es.db\n"
                          << "crypto:\n  key_file: " << dir.path() << "/sealing.keys\n"
                          << "  create_missing_key_file: true\n"
                          << "  argon2:\n    memory_kib: 8192\n    iterations: 1\n"
                          << "portal:\n  listen_address: 127.0.0.1\n  port: " << portal_port
                          << "\n  public_url: http://127.0.0.1:" << portal_port << "\n"
                          << "notify:\n  mail: spool\n  sms: spool\n  spool_directory: "
                          << dir.path() << "/spool\n";
    TestHost host(TestHost::Options{true, 20, {{ES_PLUGIN_FILE, config}}, true});
    ApiClient admin(host.port());
    ASSERT_EQ(admin.login("claudia.frei", "demo-claudia").status, 200);
    ASSERT_EQ(admin
                  .post(action_path("external-sharing.admin.start-trial"),
                        R"({"case_id":"","payload":{}})")
                  .status,
              200);
    ApiClient anna(host.port());
    ASSERT_EQ(anna.login("anna.meier", "demo-anna").status, 200);
    auto cases = anna.get("/api/cases?page_size=8").json()->getArray("cases");
    ASSERT_TRUE(cases && cases->size() >= 4);

    std::atomic<int> bad{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    auto check = [&](const HttpResult& r, const std::string& what) {
        if (r.status != 200) {
            ++bad;
            std::lock_guard lock(failures_mutex);
            failures.push_back(what + ": " + std::to_string(r.status) + " " +
                               r.body.substr(0, 200));
        }
    };
    std::atomic<int> links{0};
    std::vector<std::thread> desks;
    for (unsigned t = 0; t < 4; ++t) {
        const std::string case_id = cases->getObject(t)->getValue<std::string>("id");
        desks.emplace_back([&, case_id] {
            ApiClient me(host.port());
            if (me.login("anna.meier", "demo-anna").status != 200) {
                ++bad;
                return;
            }
            for (int round = 0; round < 6; ++round) {
                const auto made = patiently([&] {
                    return me.post(action_path("external-sharing.create"),
                                   R"({"case_id":")" + case_id +
                                       R"(","payload":{"protection":"none","recipient_name":"Lea",)"
                                       R"("selection":{"details":{"included":true,"items":[]}}}})");
                });
                std::smatch link;
                if (!std::regex_search(made.body, link, std::regex("/s/[A-Za-z0-9_-]{40,}"))) {
                    check(made.status == 200 ? HttpResult{0, made.body, {}} : made, "create");
                    continue;
                }
                ++links;
                std::thread recipient([&, path = link.str()] {
                    ApiClient browser(portal_port);
                    for (int i = 0; i < 3; ++i) {
                        check(patiently([&] { return browser.get(path); }), "portal page");
                    }
                });
                for (int i = 0; i < 3; ++i) {
                    check(patiently([&] {
                              return me.get("/api/plugins/" + kPlugin +
                                            "/panels/external-sharing.panel?case_id=" + case_id);
                          }),
                          "panel");
                    check(patiently([&] { return me.get("/api/cases/" + case_id); }), "case");
                }
                recipient.join();
            }
            check(patiently([&] {
                      return me.post(action_path("external-sharing.revoke-case"),
                                     R"({"case_id":")" + case_id + R"(","payload":{}})");
                  }),
                  "revoke all");
        });
    }
    for (auto& d : desks) {
        d.join();
    }
    EXPECT_EQ(0, bad.load());
    for (const auto& f : failures) {
        ADD_FAILURE() << f;
    }
    EXPECT_EQ(24, links.load());
}

}  // namespace
}  // namespace host::test
