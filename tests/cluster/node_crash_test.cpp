// A Galera node dies (kill -9) under mixed load: two instances, both listing the three nodes in
// the same order, so node 1 is where all their writes go. While caseworkers create shares and
// recipients open pages, download files and ask for one-time codes, node 1 is killed. Requests
// fail for a bounded pause at most, then succeed through node 2; nothing that was acknowledged is
// missing afterwards (shares, access-log rows, outbox rows), on the survivors and on node 1 once
// it has rejoined (IST), and the cluster is back to three nodes.
//
// It kills a node of the cluster every cluster test shares: CMake gives all cluster tests one
// RESOURCE_LOCK, so none runs beside it, and it leaves the cluster with three synced nodes.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "crypto/token.hpp"
#include "galera_cluster.hpp"
#include "instance.hpp"
#include "portal_visitor.hpp"
#include "shell_command.hpp"

// In the instances' namespace: the test is written in its terms (Instance, share, plain_get).
namespace cluster_test {
namespace {

using Clock = std::chrono::steady_clock;
using host::test::PortalVisitor;
using host::test::TempDir;

// One kind of request in the load: when each succeeded, and what the acknowledged ones made.
struct Stream {
    explicit Stream(std::string n) : name(std::move(n)) {}

    std::string name;
    std::mutex mutex;
    std::vector<Clock::time_point> successes;
    int failures = 0;
    std::vector<std::string> acknowledged;  // links (token paths) whose effect must last

    void record(bool ok, const std::string& made = "") {
        std::lock_guard lock(mutex);
        if (ok) {
            successes.push_back(Clock::now());
            if (!made.empty()) {
                acknowledged.push_back(made);
            }
        } else {
            ++failures;
        }
    }
    // The longest time after `from` without a success, up to `to`.
    Clock::duration longest_gap(Clock::time_point from, Clock::time_point to) {
        std::lock_guard lock(mutex);
        Clock::time_point last = from;
        Clock::duration gap{};
        for (auto t : successes) {
            if (t > from) {
                gap = std::max(gap, t - last);
                last = t;
            }
        }
        return std::max(gap, to - last);
    }
    std::size_t successes_after(Clock::time_point t) {
        std::lock_guard lock(mutex);
        return static_cast<std::size_t>(
            std::count_if(successes.begin(), successes.end(), [&](auto s) { return s > t; }));
    }
};

std::string galera_status(int node, const std::string& variable) {
    try {
        const std::string out = es::test::GaleraCluster::shared().sql(
            node, "", "SHOW GLOBAL STATUS LIKE '" + variable + "'");
        const auto tab = out.find('\t');
        std::string value = tab == std::string::npos ? "" : out.substr(tab + 1);
        while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) {
            value.pop_back();
        }
        return value;
    } catch (const std::exception&) {
        return "";
    }
}

std::size_t count(int node, const std::string& database, const std::string& query) {
    const std::string out = es::test::GaleraCluster::shared().sql(node, database, query);
    return out.empty() ? 0 : static_cast<std::size_t>(std::stoul(out));
}

TEST(NodeCrash, KillNineOfTheWritersNodeUnderMixedLoadLosesNothingAcknowledged) {
    auto& galera = es::test::GaleraCluster::shared();
    const std::string dir_of_cluster = std::getenv("ES_TEST_GALERA_DIR");
    ASSERT_EQ("3", galera_status(3, "wsrep_cluster_size"));
    TempDir root;
    const std::string database = galera.create_database();
    const int unused_front = free_port();
    Instance a(root.path(), "a", {1, 2, 3}, database, unused_front, "    failback_seconds: 5\n");
    Instance b(root.path(), "b", {1, 2, 3}, database, unused_front, "    failback_seconds: 5\n");
    ASSERT_TRUE(a.start());
    ASSERT_TRUE(b.start());
    ASSERT_TRUE(start_trial(a.host_port));
    ApiClient anna(a.host_port);
    ASSERT_EQ(200, anna.login("anna.meier", "demo-anna").status);
    const auto [case_id, attachment] = case_with_small_attachment(anna);
    ASSERT_FALSE(attachment.empty());
    const std::string viewed = share(anna, case_id, R"("protection":"none")");
    const std::string downloaded = share(anna, case_id, R"("protection":"none")", attachment);
    ASSERT_FALSE(viewed.empty());
    ASSERT_FALSE(downloaded.empty());
    const std::string file = downloaded + "/files/" + attachment;
    const auto first = plain_get(a.portal_port, file);
    ASSERT_EQ(200, first.status);
    const std::size_t file_size = first.body.size();

    Stream creating("share creation"), viewing("page views"), downloading("downloads"),
        sending("code sends");
    std::atomic<bool> stop{false};
    std::vector<std::thread> load;
    load.emplace_back([&] {  // caseworkers on both hosts
        ApiClient on_a(a.host_port), on_b(b.host_port);
        on_a.login("anna.meier", "demo-anna");
        on_b.login("anna.meier", "demo-anna");
        for (int i = 0; !stop; ++i) {
            try {
                ApiClient& api = i % 2 == 0 ? on_a : on_b;
                std::string answer;
                const std::string link =
                    try_share(api, case_id, R"("protection":"none")", "", answer);
                creating.record(!link.empty(), link);
            } catch (const std::exception&) {
                creating.record(false);
            }
            std::this_thread::sleep_for(50ms);
        }
    });
    load.emplace_back([&] {  // a recipient reading the page, on both portals
        for (int i = 0; !stop; ++i) {
            try {
                viewing.record(
                    plain_get(i % 2 == 0 ? a.portal_port : b.portal_port, viewed).status == 200);
            } catch (const std::exception&) {
                viewing.record(false);
            }
            std::this_thread::sleep_for(20ms);
        }
    });
    load.emplace_back([&] {  // and downloading the photo
        for (int i = 0; !stop; ++i) {
            try {
                const auto r = plain_get(i % 2 == 0 ? b.portal_port : a.portal_port, file);
                downloading.record(r.status == 200 && r.body.size() == file_size);
            } catch (const std::exception&) {
                downloading.record(false);
            }
            std::this_thread::sleep_for(20ms);
        }
    });
    load.emplace_back([&] {  // a new code-protected link, and its recipient asking for a code
        ApiClient on_b(b.host_port);
        on_b.login("anna.meier", "demo-anna");
        for (int i = 0; !stop; ++i) {
            try {
                std::string answer;
                const std::string link = try_share(
                    on_b, case_id, R"("protection":"code","recipient_email":"lea@example.org")", "",
                    answer);
                if (link.empty()) {
                    sending.record(false);
                    std::this_thread::sleep_for(50ms);
                    continue;
                }
                PortalVisitor lea(i % 2 == 0 ? a.portal_port : b.portal_port);
                const auto form = lea.get(link);
                const auto sent = lea.post_form(link + "/code/send",
                                                {{"csrf", PortalVisitor::csrf_of(form.body)}});
                sending.record(sent.status == 303, link);
            } catch (const std::exception&) {
                sending.record(false);
            }
            std::this_thread::sleep_for(50ms);
        }
    });

    std::this_thread::sleep_for(4s);
    const auto killed_at = Clock::now();
    es::test::run_shell("sh " + es::test::shell_quote(es::test::galera_script()) + " kill " +
                        es::test::shell_quote(dir_of_cluster) + " 1");
    std::this_thread::sleep_for(20s);
    const auto rejoin_at = Clock::now();
    es::test::run_shell("sh " + es::test::shell_quote(es::test::galera_script()) + " rejoin " +
                        es::test::shell_quote(dir_of_cluster) + " 1");
    bool back = false;
    for (int i = 0; i < 600 && !back; ++i) {
        back = galera_status(3, "wsrep_cluster_size") == "3" &&
               galera_status(1, "wsrep_local_state_comment") == "Synced";
        if (!back) {
            std::this_thread::sleep_for(100ms);
        }
    }
    std::this_thread::sleep_for(8s);  // the instances come back to node 1 (failback_seconds 5)
    stop = true;
    for (auto& t : load) {
        t.join();
    }
    const auto ended = Clock::now();
    EXPECT_TRUE(back) << "node 1 did not rejoin the cluster";

    // Every stream went on: successes after the kill, and no pause longer than 15 s.
    for (Stream* s : {&creating, &viewing, &downloading, &sending}) {
        const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(
            s->longest_gap(killed_at, rejoin_at));
        EXPECT_LE(gap, 15s) << s->name << " paused " << gap.count() << " ms after the kill";
        EXPECT_GT(s->successes_after(killed_at + 15s), 0u) << s->name << " never recovered";
        EXPECT_GT(s->successes_after(rejoin_at), 0u) << s->name << " failed after the rejoin";
        std::cout << s->name << ": " << s->successes.size() << " ok, " << s->failures
                  << " failed; longest pause after the kill " << gap.count() << " ms\n";
    }

    // Nothing acknowledged is missing, on a survivor and on the node that rejoined.
    auto hashes_of = [](const std::vector<std::string>& links) {
        std::string list;
        for (const std::string& link : links) {
            list += (list.empty() ? "'" : ", '") + es::crypto::token_hash(link.substr(3)) + "'";
        }
        return list.empty() ? std::string("''") : list;
    };
    for (int node : {3, 1}) {
        EXPECT_EQ(creating.acknowledged.size(),
                  count(node, database,
                        "SELECT COUNT(*) FROM shares WHERE token_hash IN (" +
                            hashes_of(creating.acknowledged) + ")"))
            << "node " << node << " lost shares whose creation was answered";
        EXPECT_EQ(sending.acknowledged.size(),
                  count(node, database,
                        "SELECT COUNT(DISTINCT s.id) FROM outbox o JOIN shares s ON s.id = "
                        "o.share_id WHERE o.kind = 'one_time_code' AND s.token_hash IN (" +
                            hashes_of(sending.acknowledged) + ")"))
            << "node " << node << " lost code e-mails whose sending was answered";
        // The page and the file are served only once their access is recorded.
        for (auto [stream, link] : {std::pair{&viewing, viewed}, {&downloading, downloaded}}) {
            const std::size_t recorded =
                count(node, database,
                      "SELECT COUNT(*) FROM access_events e JOIN shares s ON s.id = e.share_id "
                      "WHERE s.token_hash = " +
                          hashes_of({link}));
            EXPECT_GE(recorded, stream->successes.size())
                << "node " << node << " has fewer access-log rows than " << stream->name
                << " answered";
        }
    }
    std::cout << "load ran "
              << std::chrono::duration_cast<std::chrono::seconds>(ended - killed_at).count()
              << " s after the kill\n";
}

}  // namespace
}  // namespace cluster_test
