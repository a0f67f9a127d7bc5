// The host services of ABI 1.1 called directly through their C tables, as a plugin calls them.
#include <thread>

#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <dm/cpp/dm.hpp>

#include "auth/tokens.hpp"
#include "plugins/host_service_table.hpp"
#include "test_host.hpp"

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
        HostServiceTable::attach(slot_, "test.caller", host_->app().dossier_manager().backend,
                                 "Test Caller");
        services_ = dm::HostServices(&slot_.host);
    }
    static dm::Context ctx(const std::string& org, const std::string& user = "") {
        dm::Context c;
        c.organisation_id = org;
        c.user_id = user;
        c.locale = "en";
        return c;
    }

    const dm_host_cases* cases_table() const {
        return static_cast<const dm_host_cases*>(
            slot_.host.get_extension(&slot_.host, DM_EXT_CASES));
    }
    static Poco::JSON::Object::Ptr parse(const std::string& json) {
        return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    }
    // Calls dm.cases 1.1 add_journal_entry through the C table; returns its status.
    dm_status add_entry(const dm::Context& c, const std::string& case_id, std::string_view text,
                        std::uint32_t flags, std::string* message = nullptr) {
        dm::StringSink result, error;
        dm_context view = c.view();
        dm_status s =
            cases_table()->add_journal_entry(&slot_.host, &view, dm::to_dm(case_id),
                                             dm::to_dm(text), flags, result.get(), error.get());
        if (message != nullptr)
            *message = error.str();
        return s;
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

TEST_F(HostServices, OffersCases11WithTheBatchedReadAndJournalEntries) {
    EXPECT_EQ(cases_table()->struct_size, DM_HOST_CASES_V1_1_SIZE);
    EXPECT_EQ(slot_.host.abi_version.minor, 1u);
    EXPECT_TRUE(services_.offers_read_case());
    EXPECT_TRUE(services_.offers_add_journal_entry());
}

TEST_F(HostServices, ReadCaseAnswersEveryAskedPartInOneObject) {
    auto all = parse(services_.read_case(
        ctx("1", "1"), "1",
        DM_CASE_PART_DETAILS | DM_CASE_PART_JOURNAL | DM_CASE_PART_ATTACHMENTS));
    ASSERT_TRUE(all->has("details") && all->has("journal") && all->has("attachments"));
    // The same data as the three 1.0 calls.
    EXPECT_EQ(all->getObject("details")->getValue<std::string>("number"), "MH-2024-00001");
    auto journal = Poco::JSON::Parser()
                       .parse(services_.journal_entries(ctx("1", "1"), "1"))
                       .extract<Poco::JSON::Array::Ptr>();
    EXPECT_EQ(all->getArray("journal")->size(), journal->size());
    auto attachments = Poco::JSON::Parser()
                           .parse(services_.attachments(ctx("1", "1"), "1"))
                           .extract<Poco::JSON::Array::Ptr>();
    EXPECT_EQ(all->getArray("attachments")->size(), attachments->size());
}

TEST_F(HostServices, ReadCaseLeavesOutWhatWasNotAskedForAndBitsItDoesNotKnow) {
    constexpr std::uint32_t kFromALaterVersion = 1u << 20;
    auto journal_only =
        parse(services_.read_case(ctx("1", "1"), "1", DM_CASE_PART_JOURNAL | kFromALaterVersion));
    EXPECT_TRUE(journal_only->has("journal"));
    EXPECT_EQ(journal_only->size(), 1u) << "only the journal was asked for";

    dm::StringSink result, error;
    dm::Context c = ctx("1", "1");
    dm_context view = c.view();
    EXPECT_EQ(cases_table()->read_case(&slot_.host, &view, dm::to_dm("1"), kFromALaterVersion,
                                       result.get(), error.get()),
              DM_ERR_INVALID_ARGUMENT);
    EXPECT_FALSE(error.str().empty());
}

TEST_F(HostServices, ReadCaseOfAnotherOrganisationIsNotFound) {
    try {
        services_.read_case(ctx("2"), "1", DM_CASE_PART_DETAILS);
        FAIL() << "expected an error";
    } catch (const dm::Error& e) {
        EXPECT_EQ(e.status(), DM_ERR_NOT_FOUND);
    }
}

TEST_F(HostServices, JournalEntryOfAUserIsSignedByTheUserAndShownInTheCaseJournal) {
    auto entry = parse(services_.add_journal_entry(ctx("1", "1"), "2", "Shared with Eva Extern",
                                                   DM_JOURNAL_INTERNAL));
    EXPECT_EQ(entry->getValue<std::string>("text"), "Shared with Eva Extern");
    EXPECT_TRUE(entry->getValue<bool>("internal"));
    std::string user = services_.user(ctx("1"), "1");
    EXPECT_NE(user.find("\"display_name\":\"" + entry->getValue<std::string>("author") + "\""),
              std::string::npos)
        << user;
    std::string journal = services_.journal_entries(ctx("1", "1"), "2");
    EXPECT_NE(journal.find("\"id\":\"" + entry->getValue<std::string>("id") + "\""),
              std::string::npos)
        << journal;
}

TEST_F(HostServices, JournalEntryOfTheOrganisationIsSignedByThePlugin) {
    auto entry = parse(services_.add_journal_entry(ctx("1"), "2", "Link opened by the recipient"));
    EXPECT_EQ(entry->getValue<std::string>("author"), "Test Caller");
    EXPECT_FALSE(entry->getValue<bool>("internal"));
    auto journal = Poco::JSON::Parser()
                       .parse(services_.journal_entries(ctx("1"), "2"))
                       .extract<Poco::JSON::Array::Ptr>();
    bool found = false;
    for (std::size_t i = 0; i < journal->size(); ++i) {
        auto e = journal->getObject(static_cast<unsigned>(i));
        if (e->getValue<std::string>("id") == entry->getValue<std::string>("id")) {
            found = true;
            EXPECT_EQ(e->getValue<std::string>("author"), "Test Caller");
            EXPECT_EQ(e->getValue<std::string>("text"), "Link opened by the recipient");
        }
    }
    EXPECT_TRUE(found) << "the entry is in the case's journal";
}

TEST_F(HostServices, JournalEntryIsRefusedForBadInputAndAddsNothing) {
    const std::string before = services_.journal_entries(ctx("1"), "3");
    std::string message;
    EXPECT_EQ(add_entry(ctx("1", "1"), "3", "text", 1u << 5, &message), DM_ERR_INVALID_ARGUMENT);
    EXPECT_NE(message.find("unknown flags"), std::string::npos) << message;
    EXPECT_EQ(add_entry(ctx("1", "1"), "3", "", 0), DM_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(add_entry(ctx("1", "1"), "3", "\xff\xfe not UTF-8", 0), DM_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(add_entry(ctx("1", "1"), "3", std::string(10001, 'x'), 0), DM_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(add_entry(ctx("2"), "3", "text", 0), DM_ERR_NOT_FOUND);    // a case of another org
    EXPECT_EQ(add_entry(ctx("1", "4"), "3", "text", 0), DM_ERR_DENIED);  // an inactive user
    EXPECT_EQ(services_.journal_entries(ctx("1"), "3"), before);
}

TEST_F(HostServices, JournalEntriesAddedConcurrentlyAreAllKept) {
    const auto count = [&] {
        return Poco::JSON::Parser()
            .parse(services_.journal_entries(ctx("1"), "4"))
            .extract<Poco::JSON::Array::Ptr>()
            ->size();
    };
    const std::size_t before = count();
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                EXPECT_EQ(add_entry(ctx("1", "1"), "4",
                                    "entry " + std::to_string(t) + "." + std::to_string(i), 0),
                          DM_OK);
            }
        });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(count(), before + 30);
}

}  // namespace
}  // namespace host::test
