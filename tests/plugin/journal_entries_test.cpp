// The journal entries External Sharing writes into the case's own file (dm.cases 1.1
// add_journal_entry), through the real module: a link created (to whom, with which protection,
// what was visible, until when), changed, revoked and first opened, in the organisation's
// language; none while the organisation has them off; none in a 1.0 host, which the log says
// once. The CountingHost keeps the texts the host accepted.
#include <gtest/gtest.h>

#include <chrono>

#include "module_harness.hpp"
#include "text/time_text.hpp"

namespace es::test {
namespace {

using Abi = CountingHost::Abi;

// The organisation's time zone (the configured default).
constexpr const char* kZone = "Europe/Zurich";

// YYYY-MM-DD, `days` from today in the organisation's zone: a valid new expiry under the default
// policy.
std::string date_in(int days) {
    return text::local_date(domain::now_utc() + std::chrono::hours(24 * days), kZone);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t count_containing(const std::vector<std::string>& texts, const std::string& part) {
    std::size_t n = 0;
    for (const auto& t : texts) {
        n += contains(t, part) ? 1 : 0;
    }
    return n;
}

class JournalEntries : public ::testing::Test {
  protected:
    explicit JournalEntries(Abi abi = Abi::v1_1) : module_("journal", abi) {}

    void write_in(const std::string& language) {
        module_.invoke("external-sharing.admin.language", R"({"language":")" + language + "\"}",
                       "");
    }
    std::string row_action(const std::string& action, const std::string& members) {
        return module_.invoke("external-sharing." + action,
                              R"({"share_id":")" + module_.last_share_id() + "\"" +
                                  (members.empty() ? "" : "," + members) + "}");
    }
    std::vector<std::string> texts() { return module_.host().journal_texts(); }

    ModuleHarness module_;
};

TEST_F(JournalEntries, ACreatedLinkIsRecordedWithRecipientProtectionItemsAndExpiryInEnglish) {
    write_in("en");
    ASSERT_FALSE(module_.create_share(R"("recipient_email":"eva@example.org")").empty());
    const auto written = texts();
    ASSERT_EQ(1u, written.size());
    const std::string& entry = written[0];
    EXPECT_TRUE(contains(entry, "link for Eva Extern (eva@example.org) created")) << entry;
    // The default: the end of the day 20 days from now, in the organisation's zone.
    EXPECT_TRUE(contains(entry, "valid until " +
                                    text::date_text(*text::end_of_day(date_in(20), kZone),
                                                    {domain::Language::En, kZone}) +
                                    ", 23:59,"))
        << entry;
    EXPECT_TRUE(contains(entry, "protection: No verification")) << entry;
    // What was visible: the names of the items, per part.
    EXPECT_TRUE(contains(entry, "details: Parcel")) << entry;
    EXPECT_TRUE(contains(entry, "journal entries: 5 Jan 2026 Anna Beispiel")) << entry;
    EXPECT_TRUE(contains(entry, "attachments: plan.txt")) << entry;
}

TEST_F(JournalEntries, EntriesAreInternalSoALaterLinkDoesNotPassThemOn) {
    const std::string path = module_.create_share();
    ASSERT_EQ(200, module_.get(path).status);
    row_action("revoke", "");
    ASSERT_EQ(3u, texts().size());
    for (const std::uint32_t flags : module_.host().journal_flags()) {
        EXPECT_EQ(DM_JOURNAL_INTERNAL, flags);
    }
}

TEST_F(JournalEntries, TheOrganisationsLanguageIsGermanUnlessSetOtherwise) {
    module_.ctx().locale = "en";  // the caseworker's own language does not decide
    ASSERT_FALSE(module_.create_share(R"("download_limit":"3")").empty());
    const auto written = texts();
    ASSERT_EQ(1u, written.size());
    EXPECT_TRUE(contains(written[0], "Link für Eva Extern erstellt, gültig bis")) << written[0];
    EXPECT_TRUE(contains(written[0], "Schutz: Kein Schutz")) << written[0];
    EXPECT_TRUE(contains(written[0], "Anhänge: plan.txt")) << written[0];
    EXPECT_TRUE(contains(written[0], "Höchstens 3 Downloads.")) << written[0];
}

TEST_F(JournalEntries, ChangesOfExpiryLimitAndProtectionAreRecorded) {
    write_in("en");
    ASSERT_FALSE(module_.create_share().empty());
    const std::string date = date_in(5);
    row_action("save-expiry", R"("expires_on":")" + date + R"(","download_limit":"4")");
    row_action("save-protection", R"("protection":"password","password":"correct horse 42")");
    const auto written = texts();
    ASSERT_EQ(4u, written.size());
    EXPECT_EQ(1u, count_containing(written, "now allows at most 4 downloads"));
    // The end of the day picked, on the organisation's clock, in the entry's language.
    const std::string until =
        text::date_text(*text::end_of_day(date, kZone), {domain::Language::En, kZone}) + ", 23:59";
    EXPECT_EQ(1u, count_containing(written, "is now valid until " + until)) << written[1];
    EXPECT_EQ(1u, count_containing(written, "is now protected by: Password"));
    EXPECT_EQ(0u, count_containing(written, "correct horse")) << "never the password";

    write_in("de");
    row_action("save-expiry", R"("expires_on":")" + date + R"(","download_limit":"")");
    EXPECT_TRUE(contains(texts().back(), "Der Link für Eva Extern erlaubt neu beliebig viele"))
        << texts().back();
}

TEST_F(JournalEntries, ARevokedLinkIsRecordedInGermanAndInEnglish) {
    ASSERT_FALSE(module_.create_share().empty());
    row_action("revoke", "");
    EXPECT_EQ("Externes Teilen: Der Link für Eva Extern wurde beendet.", texts().back());

    write_in("en");
    ASSERT_FALSE(module_.create_share(R"("recipient_name":"Max Muster")").empty());
    ASSERT_FALSE(module_.create_share(R"("recipient_name":"Rita Rot")").empty());
    module_.invoke("external-sharing.revoke-case", "{}");
    // Both links were created in the same millisecond or not: the names may come in either order.
    const std::string revoked = texts().back();
    EXPECT_TRUE(revoked == "External Sharing: 2 links were revoked, for Rita Rot and Max Muster." ||
                revoked == "External Sharing: 2 links were revoked, for Max Muster and Rita Rot.")
        << revoked;
    const std::size_t before = texts().size();
    row_action("revoke", "");
    EXPECT_EQ(before, texts().size()) << "revoking a revoked link again records nothing";
}

TEST_F(JournalEntries, TheFirstOpeningIsRecordedOnceAsThePlugins) {
    const std::string path = module_.create_share();
    ASSERT_EQ(200, module_.get(path).status);
    ASSERT_EQ(200, module_.get(path).status);
    ASSERT_EQ(200, module_.get(path + "/files/att-1").status);
    const auto written = texts();
    EXPECT_EQ(1u, count_containing(written, "Eva Extern hat den Link zum ersten Mal geöffnet"))
        << written.back();
    EXPECT_EQ(2u, written.size()) << "created, first opened";

    write_in("en");
    const std::string second = module_.create_share(R"("recipient_name":"")");
    ASSERT_EQ(200, module_.get(second).status);
    EXPECT_EQ("External Sharing: an unnamed recipient opened the link for the first time.",
              texts().back());
}

TEST_F(JournalEntries, NothingIsWrittenWhileTheOrganisationHasThemOff) {
    const std::string off =
        module_.invoke("external-sharing.admin.journal-entries", R"({"enabled":false})", "");
    ASSERT_TRUE(contains(off, "success")) << off;
    const std::string path = module_.create_share();
    row_action("save-protection", R"("protection":"password","password":"correct horse 42")");
    ASSERT_EQ(200, module_.get(path).status);
    row_action("revoke", "");
    EXPECT_TRUE(texts().empty());
    EXPECT_EQ(0, module_.host().journal_writes());

    // Turned on again, a later visit of a link opened while they were off is no "first" opening.
    module_.invoke("external-sharing.admin.journal-entries", R"({"enabled":true})", "");
    const std::string again = module_.create_share();
    ASSERT_EQ(200, module_.get(again).status);
    EXPECT_EQ(2u, texts().size()) << "created, first opened";
}

TEST_F(JournalEntries, TheAdminPageShowsTheSettingAndItsLanguage) {
    std::string page = module_.admin_panel();
    EXPECT_TRUE(contains(page, "Journal entries in the case file")) << page;
    EXPECT_TRUE(contains(page, R"({"label":"Language of the entries","value":"German"})")) << page;
    EXPECT_TRUE(contains(page, "external-sharing.admin.journal-entries")) << page;
    write_in("en");
    page = module_.admin_panel();
    EXPECT_TRUE(contains(page, R"({"label":"Language of the entries","value":"English"})")) << page;
    EXPECT_THROW(module_.invoke("external-sharing.admin.language", R"({"language":"fr"})", ""),
                 dm::Error);
}

// Switching the entries off is a decision about the record: it stands in the list of changes.
TEST_F(JournalEntries, ChangesOfTheSettingStandInTheAdminPagesListOfChanges) {
    module_.invoke("external-sharing.admin.journal-entries", R"({"enabled":false})", "");
    write_in("en");
    const std::string page = module_.admin_panel();
    EXPECT_TRUE(contains(page, "Journal entries for shares switched off")) << page;
    EXPECT_TRUE(contains(page, "Language of the journal entries set")) << page;
    EXPECT_TRUE(contains(page, R"("details":"English")")) << page;
}

class JournalEntriesIn10Host : public JournalEntries {
  protected:
    JournalEntriesIn10Host() : JournalEntries(Abi::v1_0) {}
};

TEST_F(JournalEntriesIn10Host, NothingIsWrittenAndTheLogSaysSoOnce) {
    const std::string path = module_.create_share();
    row_action("save-protection", R"("protection":"password","password":"correct horse 42")");
    ASSERT_EQ(200, module_.get(path).status);
    row_action("revoke", "");
    EXPECT_EQ(0, module_.host().journal_writes());
    EXPECT_TRUE(texts().empty());
    EXPECT_EQ(1u, count_containing(module_.host().log_lines(),
                                   "host speaks ABI 1.0: journal entries are not written"));
}

}  // namespace
}  // namespace es::test
