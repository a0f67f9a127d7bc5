// The outbox of two instances on two Galera nodes: each queues 250 link e-mails, both workers
// deliver from the one outbox table to a real SMTP server (aiosmtpd), and one worker process is
// killed with SIGKILL in the middle of a batch and started again. Every message arrives, counted
// by Message-ID; both workers took part; a message that arrives twice (the one the server accepted
// just before the kill, whose "sent" was never written) carries the same Message-ID both times.
// The worker processes are outbox_crash_driver (tests/notify): the real store, OutboxWorker and
// SmtpMailSender.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "galera_cluster.hpp"
#include "outbox_crash_support.hpp"
#include "sink_process.hpp"
#include "temp_directory.hpp"
#include "test_support.hpp"

namespace {

using namespace std::chrono_literals;
using outbox_crash::Driver;
using outbox_crash::Row;

constexpr std::size_t kPerInstance = 250;
constexpr int kBatch = 25;

// The driver of the instance on `node`: its store is that node's copy of `database`.
Poco::Process::Env on_node(int node, const std::string& database) {
    const int port =
        es::test::GaleraCluster::shared().ports().at(static_cast<std::size_t>(node - 1));
    return {{"ES_CRASH_DRIVER_MYSQL", std::to_string(port) + "/" + database},
            {"ES_TEST_GALERA_PASSWORD", "es-test"},
            {"ES_CRASH_DRIVER_BATCH", std::to_string(kBatch)}};
}

std::size_t count_of(const std::string& tsv) {
    return tsv.empty() ? 0 : static_cast<std::size_t>(std::stoul(tsv));
}

TEST(OutboxAcrossNodes, FiveHundredMessagesQueuedOnBothSidesArriveOnceEachThroughAKillNine) {
    auto& galera = es::test::GaleraCluster::shared();
    const std::string database = galera.create_database();
    const auto env_a = on_node(1, database);
    const auto env_b = on_node(2, database);
    TempDirectory dir;
    const auto state_a = dir.path() / "a";
    const auto state_b = dir.path() / "b";
    const auto report_file = dir.path() / "report.txt";
    // 20 ms per message: the 500 take seconds, so the kill lands while both are busy.
    SinkProcess sink("smtp_sink.py", {"--delay", "0.02"});
    const std::string port = std::to_string(sink.port());

    // Both instances queue at once, each on its own node.
    {
        Driver fill_a({"fill", state_a.string(), std::to_string(kPerInstance)}, env_a);
        Driver fill_b({"fill", state_b.string(), std::to_string(kPerInstance)}, env_b);
        ASSERT_EQ(0, fill_a.wait());
        ASSERT_EQ(0, fill_b.wait());
    }
    auto rows_of_both = [&] {
        auto rows = outbox_crash::outbox_rows(state_a, report_file, env_a);
        for (auto& [id, row] : outbox_crash::outbox_rows(state_b, report_file, env_b)) {
            rows.emplace(id, row);
        }
        return rows;
    };
    const auto queued = rows_of_both();
    ASSERT_EQ(2 * kPerInstance, queued.size());

    // Both workers deliver; A is killed mid-batch once a fifth has arrived.
    Driver worker_b({"deliver", state_b.string(), port}, env_b);
    std::size_t at_kill = 0;
    std::size_t sending_at_kill = 0;
    {
        Driver worker_a({"deliver", state_a.string(), port}, env_a);
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (sink.received().size() < queued.size() / 5 &&
               std::chrono::steady_clock::now() < deadline && worker_a.running()) {
            std::this_thread::sleep_for(10ms);
        }
        ASSERT_TRUE(worker_a.running()) << "worker A ended by itself";
        worker_a.kill_hard();
        at_kill = sink.received().size();
        sending_at_kill = count_of(
            galera.sql(3, database, "SELECT COUNT(*) FROM outbox WHERE status = 'sending'"));
    }
    ASSERT_LT(at_kill, queued.size()) << "the kill came after everything was delivered";
    EXPECT_GE(sending_at_kill, 1u) << "no batch was in progress at the kill";

    // A starts again; between them the two finish, A's claims once their lease (2 s) ends.
    std::map<std::int64_t, Row> final_rows;
    {
        Driver worker_a_again({"deliver", state_a.string(), port}, env_a);
        const auto deadline = std::chrono::steady_clock::now() + 180s;
        for (;;) {
            const std::size_t sent = count_of(
                galera.sql(3, database, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'"));
            if (sent == queued.size() || std::chrono::steady_clock::now() > deadline) {
                break;
            }
            ASSERT_TRUE(worker_b.running()) << "worker B ended by itself";
            ASSERT_TRUE(worker_a_again.running()) << "worker A ended by itself after its restart";
            std::this_thread::sleep_for(200ms);
        }
        final_rows = rows_of_both();
    }
    worker_b.kill_hard();

    ASSERT_EQ(queued.size(), final_rows.size());
    std::set<std::string> expected_ids;
    for (const auto& [id, row] : final_rows) {
        EXPECT_EQ("sent", row.status) << "row " << id;
        EXPECT_EQ(queued.at(id).message_id, row.message_id) << "row " << id;
        expected_ids.insert(row.message_id);
    }
    EXPECT_EQ(queued.size(), expected_ids.size()) << "Message-IDs of different rows collide";

    const auto ids = outbox_crash::received_ids(sink);
    std::map<std::string, int> arrivals;
    for (const auto& id : ids) {
        ++arrivals[id];
    }
    std::set<std::string> distinct;
    std::size_t resent = 0;
    for (const auto& [id, count] : arrivals) {
        distinct.insert(id);
        resent += count > 1 ? 1 : 0;
        EXPECT_LE(count, 2) << id << " arrived " << count << " times";
    }
    // Every row arrived, and nothing else did, so a message that came twice had one Message-ID.
    EXPECT_EQ(expected_ids, distinct);
    // Only what the killed worker had in hand can come twice: at most the one message the server
    // had accepted when the kill came (the sender delivers one message at a time).
    EXPECT_LE(resent, 1u) << ids.size() << " deliveries of " << distinct.size() << " messages";

    // Both workers delivered side by side: a worker holds one SMTP connection per batch and
    // sends one message at a time, so two connections whose deliveries overlap in time are two
    // workers at work at once.
    std::map<int, std::pair<double, double>> connections;  // peer port -> first, last arrival
    for (const auto& file : sink.received()) {
        const auto record = read_json(file);
        const int peer = record->getValue<int>("peer_port");
        const double at = record->getValue<double>("received_at");
        auto [it, fresh] = connections.emplace(peer, std::make_pair(at, at));
        if (!fresh) {
            it->second.first = std::min(it->second.first, at);
            it->second.second = std::max(it->second.second, at);
        }
    }
    bool side_by_side = false;
    for (auto i = connections.begin(); i != connections.end() && !side_by_side; ++i) {
        for (auto j = std::next(i); j != connections.end() && !side_by_side; ++j) {
            side_by_side = i->second.first < j->second.second && j->second.first < i->second.second;
        }
    }
    EXPECT_TRUE(side_by_side) << "the " << connections.size()
                              << " SMTP connections never overlapped: one worker did it all";
    std::cout << "killed A after " << at_kill << " of " << queued.size() << " arrivals, "
              << sending_at_kill << " row(s) `sending` at the kill; " << ids.size()
              << " deliveries, " << resent << " message(s) delivered twice\n";
}

}  // namespace
