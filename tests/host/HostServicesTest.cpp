// The host services of ABI v1 called directly through their C tables, as a plugin calls them.
#include <thread>

#include <gtest/gtest.h>

#include <dm/cpp/dm.hpp>

#include "TestHost.hpp"
#include "auth/Tokens.hpp"
#include "plugins/HostServiceTable.hpp"

namespace host::test {
namespace {

class HostServices : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { host_ = new TestHost(TestHost::Options{true, 30, {}, false}); }
    static void TearDownTestSuite() {
        delete host_;
        host_ = nullptr;
    }
    void SetUp() override {
        HostServiceTable::attach(slot_, "test.caller", host_->app().dossier_manager().backend);
        services_ = dm::HostServices(&slot_.host);
    }
    static dm::Context ctx(const std::string& org, const std::string& user = "") {
        dm::Context c;
        c.organisation_id = org;
        c.user_id = user;
        c.locale = "en";
        return c;
    }

    static TestHost* host_;
    PluginSlot slot_;
    dm::HostServices services_;
};
TestHost* HostServices::host_ = nullptr;

TEST_F(HostServices, OffersCasesDirectoryAndLogButNothingElse) {
    EXPECT_NE(slot_.host.get_extension(&slot_.host, DM_EXT_CASES), nullptr);
    EXPECT_NE(slot_.host.get_extension(&slot_.host, DM_EXT_DIRECTORY), nullptr);
    EXPECT_NE(slot_.host.get_extension(&slot_.host, DM_EXT_LOG), nullptr);
    EXPECT_EQ(slot_.host.get_extension(&slot_.host, "dm.mail/1"), nullptr);
    EXPECT_EQ(slot_.host.abi_version.major, 1u);
}

TEST_F(HostServices, CaseDetailsFollowTheSchema) {
    std::string json = services_.case_details(ctx("1", "1"), "1");
    for (const char* key :
         {"\"id\":\"1\"", "\"number\":\"MH-2024-00001\"", "\"status\"", "\"case_type\"",
          "\"owner_user_id\"", "\"fields\"", "\"correspondent\""}) {
        EXPECT_NE(json.find(key), std::string::npos) << key << " in " << json;
    }
    EXPECT_NE(services_.case_types(ctx("1")).find("Building permit"), std::string::npos);
}

TEST_F(HostServices, OtherOrganisationsCaseIsNotFound) {
    try {
        services_.case_details(ctx("2"), "1");
        FAIL() << "expected an error";
    } catch (const dm::Error& e) {
        EXPECT_EQ(e.status(), DM_ERR_NOT_FOUND);
    }
    EXPECT_FALSE(services_.may_access(ctx("2", "5"), "1"));
    EXPECT_TRUE(services_.may_access(ctx("1", "1"), "1"));
}

TEST_F(HostServices, InactiveOrForeignUserIsDenied) {
    auto* dir = static_cast<const dm_host_directory*>(
        slot_.host.get_extension(&slot_.host, DM_EXT_DIRECTORY));
    dm::Context inactive = ctx("1", "4");  // daniel.roth is inactive
    dm_context c = inactive.view();
    EXPECT_EQ(dir->may_access(&slot_.host, &c, dm::to_dm("1"), nullptr), DM_ERR_DENIED);
    dm::Context foreign = ctx("1", "5");  // eva is in Seeland
    c = foreign.view();
    EXPECT_EQ(dir->may_access(&slot_.host, &c, dm::to_dm("1"), nullptr), DM_ERR_DENIED);
}

TEST_F(HostServices, DirectoryAnswersUsersAndSeats) {
    EXPECT_EQ(services_.active_user_count(ctx("1")), 3);
    EXPECT_EQ(services_.active_user_count(ctx("2")), 3);
    std::string user = services_.user(ctx("1"), "3");
    EXPECT_NE(user.find("\"roles\":[\"organisation_admin\"]"), std::string::npos) << user;
    EXPECT_NE(user.find("\"organisation_name\":\"Stadt Musterhausen\""), std::string::npos) << user;
    EXPECT_THROW(services_.user(ctx("2"), "3"), dm::Error);
}

TEST_F(HostServices, AttachmentStreamsReadTheFileConcurrently) {
    auto& cases = host_->app().dossier_manager().cases;
    std::vector<Attachment> all;
    for (int id = 1; id <= 8; ++id) {
        for (auto& a : cases.attachments(1, id))
            all.push_back(a);
    }
    ASSERT_GE(all.size(), 4u);
    std::atomic<int> matches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (const auto& a : all) {
                auto s = services_.open_attachment(ctx("1"), std::to_string(a.case_id),
                                                   std::to_string(a.id));
                EXPECT_EQ(s.size(), a.size);
                EXPECT_GE(s.fd(), 0);
                std::string data;
                char buf[1000];  // small reads: the loop must follow offsets
                std::int64_t n;
                while ((n = s.read(data.size(), buf, sizeof buf)) > 0)
                    data.append(buf, static_cast<std::size_t>(n));
                EXPECT_EQ(n, 0);
                if (Tokens::sha256_hex(data) == a.sha256)
                    ++matches;
            }
        });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(matches.load(), static_cast<int>(8 * all.size()));
}

TEST_F(HostServices, AttachmentOfAnotherCaseIsNotFound) {
    auto& cases = host_->app().dossier_manager().cases;
    auto list = cases.attachments(1, 4);
    ASSERT_FALSE(list.empty());
    EXPECT_THROW(services_.open_attachment(ctx("1"), "5", std::to_string(list[0].id)), dm::Error);
    EXPECT_THROW(services_.open_attachment(ctx("2"), "4", std::to_string(list[0].id)), dm::Error);
}

TEST_F(HostServices, ShortContextIsRejected) {
    auto* cases =
        static_cast<const dm_host_cases*>(slot_.host.get_extension(&slot_.host, DM_EXT_CASES));
    dm_context c{4, dm::to_dm("1"), {}, {}};
    dm::StringSink result, error;
    EXPECT_EQ(cases->case_details(&slot_.host, &c, dm::to_dm("1"), result.get(), error.get()),
              DM_ERR_INVALID_ARGUMENT);
    EXPECT_FALSE(error.str().empty());
}

}  // namespace
}  // namespace host::test
