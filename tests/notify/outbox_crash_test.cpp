// Nothing is lost across a crash. A real worker process (outbox_crash_driver) delivers 30
// link e-mails from a SQLite store to a slow real SMTP server (aiosmtpd), is killed with SIGKILL
// mid-batch, and a second process finishes the job. Every message arrives; a message sent twice
// carries the same Message-ID both times; every row ends `sent`.
#include <Poco/Process.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "outbox_crash_support.hpp"
#include "sink_process.hpp"
#include "temp_directory.hpp"
#include "test_support.hpp"

namespace {

using namespace outbox_crash;
constexpr std::size_t kMessages = 30;

}  // namespace

TEST(OutboxCrash, KillNineMidBatchLosesNothingAndResendsWithTheSameMessageId) {
    const auto started = std::chrono::steady_clock::now();
    // 0.25 s per message: 30 messages take ~8 s, so the kill lands in the middle.
    SinkProcess sink("smtp_sink.py", {"--delay", "0.25"});
    TempDirectory dir;
    const auto db = dir.path() / "outbox.db";
    const auto report_file = dir.path() / "report.txt";
    const std::string port = std::to_string(sink.port());

    ASSERT_EQ(Driver({"fill", db.string(), std::to_string(kMessages)}).wait(), 0);
    const auto queued = outbox_rows(db, report_file);
    ASSERT_EQ(queued.size(), kMessages);
    for (const auto& [id, row] : queued) {
        EXPECT_EQ(row.status, "pending") << id;
    }

    // First worker: killed after some, not all, messages arrived.
    std::size_t at_kill = 0;
    {
        Driver first({"deliver", db.string(), port});
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (sink.received().size() < 8 && std::chrono::steady_clock::now() < deadline &&
               first.running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ASSERT_TRUE(first.running()) << "the worker process ended by itself";
        first.kill_hard();
        at_kill = sink.received().size();
    }
    ASSERT_GE(at_kill, 8u) << "the first worker delivered too little before the deadline";
    ASSERT_LT(at_kill, kMessages) << "the kill came after everything was delivered";

    // The killed worker left claimed rows behind, which only the lease gives back.
    const auto after_kill = outbox_rows(db, report_file);
    std::size_t sending = 0;
    std::size_t sent_before_restart = 0;
    for (const auto& [id, row] : after_kill) {
        sending += row.status == "sending" ? 1 : 0;
        sent_before_restart += row.status == "sent" ? 1 : 0;
    }
    EXPECT_GE(sending, 1u) << "the kill did not land mid-batch";
    EXPECT_LT(sent_before_restart, kMessages);

    // Second worker: finishes, including the killed worker's claims once their lease ends.
    std::map<std::int64_t, Row> final_rows;
    {
        Driver second({"deliver", db.string(), port});
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        for (;;) {
            final_rows = outbox_rows(db, report_file);
            std::size_t sent = 0;
            for (const auto& [id, row] : final_rows) {
                sent += row.status == "sent" ? 1 : 0;
            }
            if (sent == kMessages || std::chrono::steady_clock::now() > deadline) {
                break;
            }
            ASSERT_TRUE(second.running()) << "the second worker process ended by itself";
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        second.kill_hard();
    }

    ASSERT_EQ(final_rows.size(), kMessages);
    std::set<std::string> expected_ids;
    for (const auto& [id, row] : final_rows) {
        EXPECT_EQ(row.status, "sent") << "row " << id;
        EXPECT_EQ(row.message_id, queued.at(id).message_id) << "row " << id;
        expected_ids.insert(row.message_id);
    }
    EXPECT_EQ(expected_ids.size(), kMessages) << "Message-IDs of different rows collide";

    const auto ids = received_ids(sink);
    std::map<std::string, int> arrivals;
    for (const auto& id : ids) {
        ++arrivals[id];
    }
    std::set<std::string> distinct;
    for (const auto& [id, count] : arrivals) {
        distinct.insert(id);
    }
    // Every row arrived, nothing arrived that is not a row, and so any duplicate (a message the
    // server accepted just before the kill) carried the same Message-ID as its first delivery.
    EXPECT_EQ(distinct, expected_ids);
    std::size_t duplicates = ids.size() - distinct.size();
    for (const auto& [id, count] : arrivals) {
        if (count > 1) {
            std::cout << "delivered " << count << " times (same Message-ID): " << id << "\n";
        }
    }
    // Only messages of the killed worker's batch (batch_size 5) can be resent.
    EXPECT_LE(duplicates, 5u);
    std::cout << "killed after " << at_kill << " of " << kMessages << " messages, " << sending
              << " rows left `sending`; " << ids.size() << " deliveries, " << duplicates
              << " duplicate(s); "
              << std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - started)
                     .count()
              << " ms\n";
}
