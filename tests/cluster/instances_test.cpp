// Two instances of the module, each in its own dm-sample-host process and each on its own node of
// the three-node Galera cluster, behind nginx (round robin, no stickiness) for the portals and for
// the hosts: the deployment of docs/deployment.md. The two hosts share their own data folder
// (cases, users, attachment files: the dossier manager's storage, which a real deployment keeps on
// shared storage too); all of the module's state is in the cluster, and the sealing keys are one
// file both read. Whatever one instance did, the other must honour with its very next request.
#include <gtest/gtest.h>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "crypto/token.hpp"
#include "galera_cluster.hpp"
#include "host_process.hpp"
#include "instance.hpp"
#include "nginx_balancer.hpp"
#include "portal_visitor.hpp"
#include "test_host.hpp"

// In the instances' namespace: the tests are written in its terms (Instance, share, plain_get).
namespace cluster_test {
namespace {

using host::test::PortalVisitor;
using host::test::TempDir;

const std::string kBigFile = "Planarchiv-Gesamtscan.bin";

class AcrossInstances : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        auto& galera = es::test::GaleraCluster::shared();
        root_ = new TempDir;
        database_ = galera.create_database();
        portal_front_ = free_port();
        host_front_ = free_port();
        a_ = new Instance(root_->path(), "a", {1}, database_, portal_front_);
        b_ = new Instance(root_->path(), "b", {2}, database_, portal_front_);
        // One after the other: the first writes the hosts' demo data and the sealing key file.
        ASSERT_TRUE(a_->start());
        ASSERT_TRUE(b_->start());
        nginx_ = new es::test::NginxBalancer(root_->path(),
                                             {{portal_front_, {a_->portal_port, b_->portal_port}},
                                              {host_front_, {a_->host_port, b_->host_port}}});
        bool up = false;
        for (int i = 0; i < 100 && !up; ++i) {
            try {
                up = plain_get(portal_front_, "/ready").status == 200;
            } catch (const Poco::Exception&) {
                std::this_thread::sleep_for(100ms);
            }
        }
        ASSERT_TRUE(up) << nginx_->error_log();
        ASSERT_TRUE(start_trial(host_front_));
    }
    static void TearDownTestSuite() {
        delete nginx_;
        delete a_;
        delete b_;
        delete root_;
        nginx_ = nullptr;
        a_ = b_ = nullptr;
        root_ = nullptr;
    }

    // anna.meier, signed in at `port` (an instance's host, or the balancer).
    static ApiClient anna_at(int port) {
        ApiClient anna(port);
        EXPECT_EQ(200, anna.login("anna.meier", "demo-anna").status);
        return anna;
    }
    // The share's id, read from the cluster (node 3, which neither instance uses).
    static std::string share_id_of(const std::string& link) {
        const std::string hash = es::crypto::token_hash(link.substr(3));
        std::string id = es::test::GaleraCluster::shared().sql(
            3, database_, "SELECT id FROM shares WHERE token_hash = '" + hash + "'");
        while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) {
            id.pop_back();
        }
        return id;
    }
    // What a link that never existed gets from `port`: the answer a dead link must match.
    static HttpResult never_existed(int port) {
        return plain_get(port, "/s/" + std::string(43, 'Q'));
    }

    static TempDir* root_;
    static std::string database_;
    static int portal_front_;
    static int host_front_;
    static Instance* a_;
    static Instance* b_;
    static es::test::NginxBalancer* nginx_;
};
TempDir* AcrossInstances::root_ = nullptr;
std::string AcrossInstances::database_;
int AcrossInstances::portal_front_ = 0;
int AcrossInstances::host_front_ = 0;
Instance* AcrossInstances::a_ = nullptr;
Instance* AcrossInstances::b_ = nullptr;
es::test::NginxBalancer* AcrossInstances::nginx_ = nullptr;

TEST_F(AcrossInstances, ALinkMadeBehindTheBalancerOpensOnBothWithOneSessionAndOneCsrfToken) {
    ApiClient anna = anna_at(host_front_);  // the caseworker's calls go to either host
    const auto [case_id, none] = case_of(anna);
    ASSERT_FALSE(case_id.empty());
    const std::string link =
        share(anna, case_id, R"("protection":"password","password":"correct horse battery")");
    ASSERT_FALSE(link.empty());

    // The form comes from A; its CSRF token and the pre-session cookie are accepted by B.
    PortalVisitor lea(a_->portal_port);
    const auto form = lea.get(link);
    ASSERT_EQ(200, form.status);
    const std::string csrf = PortalVisitor::csrf_of(form.body);
    ASSERT_FALSE(csrf.empty()) << form.body;
    lea.switch_to(b_->portal_port);
    const auto signed_in =
        lea.post_form(link + "/password", {{"csrf", csrf}, {"password", "correct horse battery"}});
    ASSERT_EQ(303, signed_in.status) << signed_in.body;

    // The session B made opens the content on A, and on whichever instance the balancer picks.
    lea.switch_to(a_->portal_port);
    const auto on_a = lea.get(link);
    EXPECT_EQ(200, on_a.status);
    EXPECT_EQ(std::string::npos, on_a.body.find("name=\"password\"")) << "A asked again";
    lea.switch_to(portal_front_);
    for (int i = 0; i < 6; ++i) {
        const auto page = lea.get(link);
        EXPECT_EQ(200, page.status);
        EXPECT_EQ(std::string::npos, page.body.find("name=\"password\"")) << "request " << i;
    }

    // B checks the token it did not issue, rather than accepting any: a wrong one is refused.
    PortalVisitor mallory(a_->portal_port);
    ASSERT_EQ(200, mallory.get(link).status);
    mallory.switch_to(b_->portal_port);
    const auto forged = mallory.post_form(link + "/password",
                                          {{"csrf", csrf}, {"password", "correct horse battery"}});
    EXPECT_NE(303, forged.status) << "B took another browser's CSRF token";
}

TEST_F(AcrossInstances, RevokedOnOneInstanceTheLinkIsDeadOnTheOtherAtOnce) {
    ApiClient anna = anna_at(a_->host_port);
    const auto [case_id, none] = case_of(anna);
    ASSERT_FALSE(case_id.empty());
    const HttpResult dead = never_existed(b_->portal_port);
    ASSERT_EQ(404, dead.status);
    // Several rounds: node 2 applies node 1's commits a moment later, and a read that decides
    // access must wait for them (wsrep_sync_wait); one lucky round would prove nothing.
    for (int round = 0; round < 8; ++round) {
        const std::string link = share(anna, case_id, R"("protection":"none")");
        ASSERT_FALSE(link.empty());
        ASSERT_EQ(200, plain_get(b_->portal_port, link).status) << "round " << round;
        const std::string id = share_id_of(link);
        ASSERT_FALSE(id.empty());
        const auto revoked =
            anna.post(kActions + "external-sharing.revoke",
                      R"({"case_id":")" + case_id + R"(","payload":{"share_id":")" + id + R"("}})");
        ASSERT_EQ(200, revoked.status) << revoked.body;
        const HttpResult after = plain_get(b_->portal_port, link);
        EXPECT_EQ(dead.status, after.status) << "round " << round;
        EXPECT_EQ(dead.body, after.body) << "round " << round << ": not the dead-link page";
    }
}

TEST_F(AcrossInstances, LicenceDeactivatedOnOneInstanceActsOnTheOtherAtOnce) {
    ApiClient anna = anna_at(host_front_);
    const auto [case_id, none] = case_of(anna);
    const std::string link = share(anna, case_id, R"("protection":"none")");
    ASSERT_FALSE(link.empty());
    ASSERT_EQ(200, plain_get(b_->portal_port, link).status);
    const HttpResult dead = never_existed(b_->portal_port);

    ApiClient admin_on_a(a_->host_port);
    ASSERT_EQ(200, admin_on_a.login("claudia.frei", "demo-claudia").status);
    const auto off = admin_on_a.post(kActions + "external-sharing.admin.deactivate",
                                     R"({"case_id":"","payload":{"confirm":true}})");
    ASSERT_EQ(200, off.status) << off.body;
    const HttpResult on_b = plain_get(b_->portal_port, link);
    EXPECT_EQ(dead.status, on_b.status);
    EXPECT_EQ(dead.body, on_b.body) << "B still serves a link of a deactivated organisation";
    ApiClient anna_on_b = anna_at(b_->host_port);
    const auto refused =
        anna_on_b.post(kActions + "external-sharing.create",
                       R"({"case_id":")" + case_id +
                           R"(","payload":{"protection":"none","recipient_name":"Lea",)"
                           R"("selection":{"details":{"included":true,"items":[]}}}})");
    EXPECT_FALSE(std::regex_search(refused.body, std::regex("/s/[A-Za-z0-9_-]{40,}")))
        << "B made a link while the module is off: " << refused.body;

    ApiClient admin_on_b(b_->host_port);
    ASSERT_EQ(200, admin_on_b.login("claudia.frei", "demo-claudia").status);
    const auto on = admin_on_b.post(kActions + "external-sharing.admin.reactivate",
                                    R"({"case_id":"","payload":{}})");
    ASSERT_EQ(200, on.status) << on.body;
    EXPECT_EQ(200, plain_get(a_->portal_port, link).status);
    EXPECT_EQ(200, plain_get(b_->portal_port, link).status);
}

// A download's first part read from A, which then crashes (kill -9): the client asks the balancer
// for the rest with Range and If-Range, B answers 206 with exactly the missing bytes — possible
// only because the attachment's ETag and Last-Modified are the same on every instance.
TEST_F(AcrossInstances, ADownloadCutByACrashedInstanceResumesOnTheOtherThroughTheBalancer) {
    ApiClient anna = anna_at(host_front_);
    const auto [case_id, attachment] = case_of(anna, kBigFile);
    ASSERT_FALSE(attachment.empty()) << "no case of anna.meier holds " << kBigFile;
    const std::string link = share(anna, case_id, R"("protection":"none")", attachment);
    ASSERT_FALSE(link.empty());
    const std::string file_path = link + "/files/" + attachment;
    std::string big_file;
    for (const auto& e : fs::recursive_directory_iterator(root_->path() + "/host-data")) {
        if (e.path().filename() == "big-archive.bin") {
            big_file = e.path().string();
        }
    }
    ASSERT_FALSE(big_file.empty());
    const std::uint64_t size = fs::file_size(big_file);

    // Both instances name the file with the same validators.
    const auto probe_a = plain_get(a_->portal_port, file_path, {{"Range", "bytes=0-0"}});
    const auto probe_b = plain_get(b_->portal_port, file_path, {{"Range", "bytes=0-0"}});
    ASSERT_EQ(206, probe_a.status);
    ASSERT_EQ(206, probe_b.status);
    const std::string etag = probe_a.header("ETag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(etag, probe_b.header("ETag"));
    EXPECT_EQ(probe_a.header("Last-Modified"), probe_b.header("Last-Modified"));

    std::ifstream expected(big_file, std::ios::binary);
    std::vector<char> want(64 * 1024);
    std::uint64_t got = 0;
    std::uint64_t mismatch = UINT64_MAX;
    auto check = [&](const char* data, std::size_t n) {
        expected.read(want.data(), static_cast<std::streamsize>(n));
        for (std::size_t i = 0; i < n && mismatch == UINT64_MAX; ++i) {
            if (static_cast<std::size_t>(expected.gcount()) <= i || want[i] != data[i]) {
                mismatch = got + i;
            }
        }
        got += n;
    };
    // Reads the answer's head from `s`, then its body up to `limit` bytes in all, checking each.
    auto read_answer = [&](Poco::Net::StreamSocket& s, std::uint64_t limit) {
        std::string head;
        std::vector<char> buf(64 * 1024);
        while (head.find("\r\n\r\n") == std::string::npos) {
            const int n = s.receiveBytes(buf.data(), 1);
            if (n <= 0) {
                break;
            }
            head.append(buf.data(), 1);
        }
        while (got < limit) {
            const int n = s.receiveBytes(
                buf.data(), static_cast<int>(std::min<std::uint64_t>(buf.size(), limit - got)));
            if (n <= 0) {
                break;
            }
            check(buf.data(), static_cast<std::size_t>(n));
        }
        return head;
    };

    // The first 64 MiB from A, read slowly enough that the rest is still to come when A dies.
    {
        Poco::Net::StreamSocket from_a(
            Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(a_->portal_port)));
        from_a.setReceiveBufferSize(64 * 1024);
        from_a.setReceiveTimeout(Poco::Timespan(30, 0));
        const std::string request = "GET " + file_path + " HTTP/1.1\r\nHost: x\r\n\r\n";
        from_a.sendBytes(request.data(), static_cast<int>(request.size()));
        const std::string head = read_answer(from_a, 64ull << 20);
        ASSERT_EQ(0u, head.rfind("HTTP/1.1 200", 0)) << head;
        ASSERT_EQ(64ull << 20, got);
        a_->process->kill();
    }

    // The rest through the balancer: A is gone, so B answers.
    Poco::Net::StreamSocket via_balancer(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(portal_front_)));
    via_balancer.setReceiveTimeout(Poco::Timespan(30, 0));
    const std::string resume = "GET " + file_path +
                               " HTTP/1.1\r\nHost: x\r\nRange: bytes=" + std::to_string(got) +
                               "-\r\nIf-Range: " + etag + "\r\nConnection: close\r\n\r\n";
    via_balancer.sendBytes(resume.data(), static_cast<int>(resume.size()));
    const std::string head = read_answer(via_balancer, size);
    EXPECT_EQ(0u, head.rfind("HTTP/1.1 206", 0)) << head;
    EXPECT_NE(std::string::npos,
              head.find("Content-Range: bytes " + std::to_string(64ull << 20) + "-" +
                        std::to_string(size - 1) + "/" + std::to_string(size)))
        << head;
    EXPECT_EQ(size, got);
    EXPECT_EQ(UINT64_MAX, mismatch) << "byte " << mismatch << " differs";

    // A comes back after its crash, and serves again.
    ASSERT_TRUE(a_->start());
    EXPECT_EQ(206, plain_get(a_->portal_port, file_path, {{"Range", "bytes=0-0"}}).status);
}

}  // namespace
}  // namespace cluster_test
