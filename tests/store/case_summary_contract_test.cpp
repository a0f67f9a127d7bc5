// The case-list column reads per-case summary rows kept in step with every write; against each
// backend, these prove that after every kind of write the column still says exactly what the
// shares say — live count and earliest expiry by the database clock.
#include <gtest/gtest.h>

#include <thread>

#include "share_world.hpp"

namespace es::test {
namespace {

using namespace std::chrono_literals;

template <class B>
class CaseSummaryContract : public ShareWorld<B> {
  protected:
    // What the shares themselves say, case by case, next to what the column says.
    void expect_column_exact(const std::vector<std::string>& case_ids,
                             const std::string& organisation_id = "org-a") {
        const auto column = this->store->shares().active_share_summary(organisation_id, case_ids);
        const auto now = this->store->database_now();
        ASSERT_EQ(column.size(), case_ids.size());
        for (std::size_t i = 0; i < case_ids.size(); ++i) {
            int live = 0;
            std::optional<domain::Timestamp> next;
            for (const auto& l :
                 this->store->shares().list_for_case(organisation_id, case_ids[i])) {
                if (l.share.status_at(now) == domain::ShareStatus::Active) {
                    ++live;
                    next = next ? std::min(*next, l.share.expires_at) : l.share.expires_at;
                }
            }
            EXPECT_EQ(column[i].case_id, case_ids[i]);
            EXPECT_EQ(column[i].active_count, live) << case_ids[i];
            EXPECT_EQ(column[i].next_expiry, next) << case_ids[i];
        }
    }
    int column_count(const std::string& case_id, const std::string& organisation_id = "org-a") {
        return this->store->shares()
            .active_share_summary(organisation_id, {case_id})
            .front()
            .active_count;
    }
    domain::AuditEntry audit_entry(const std::string& case_id) {
        return {0, "org-a", case_id, "", "alice", {}, "share.expiry", "{}"};
    }
    const std::vector<std::string> both_cases{"case-1", "case-2"};
};

TYPED_TEST_SUITE(CaseSummaryContract, Backends, BackendNames);

TYPED_TEST(CaseSummaryContract, CreateAndRevokeKeepTheColumnExact) {
    auto a = this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-2"));
    EXPECT_EQ(this->column_count("case-1"), 2);
    this->expect_column_exact(this->both_cases);
    this->service->revoke(this->alice, a.share.id);
    EXPECT_EQ(this->column_count("case-1"), 1);
    this->expect_column_exact(this->both_cases);
}

TYPED_TEST(CaseSummaryContract, RevokingAllOfACaseLeavesOtherCasesAlone) {
    this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-2"));
    EXPECT_EQ(this->service->revoke_case(this->alice, "case-1"), 2);
    EXPECT_EQ(this->column_count("case-1"), 0);
    EXPECT_EQ(this->column_count("case-2"), 1);
    this->expect_column_exact(this->both_cases);
}

TYPED_TEST(CaseSummaryContract, RevokingAllOfAnOrganisationLeavesOtherOrganisationsAlone) {
    this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-2"));
    this->service->create(this->zoe, this->request("case-b"));
    EXPECT_EQ(this->service->revoke_organisation(this->alice), 2);
    EXPECT_EQ(this->column_count("case-1"), 0);
    EXPECT_EQ(this->column_count("case-2"), 0);
    EXPECT_EQ(this->column_count("case-b", "org-b"), 1);
    this->expect_column_exact(this->both_cases);
    this->expect_column_exact({"case-b"}, "org-b");
}

TYPED_TEST(CaseSummaryContract, ExtendingAndShorteningMoveTheNextExpiry) {
    auto a = this->service->create(this->alice, this->request("case-1"));
    auto b = this->service->create(this->alice, this->request("case-1"));
    const auto now = this->store->database_now();
    this->service->change_expiry(this->alice, a.share.id, now + std::chrono::hours(24 * 40));
    this->expect_column_exact(this->both_cases);
    this->service->change_expiry(this->alice, b.share.id, now + std::chrono::hours(3));
    auto column = this->store->shares().active_share_summary("org-a", {"case-1"});
    EXPECT_EQ(column.front().active_count, 2);
    EXPECT_EQ(column.front().next_expiry,
              this->store->shares().find("org-a", b.share.id)->expires_at);
    this->expect_column_exact(this->both_cases);
}

// Sending used to cut the expiry to the e-mail default (24 hours), the copied link's too; the
// expiry the caseworker chose now stays, and so does the column's next expiry.
TYPED_TEST(CaseSummaryContract, SendingTheLinkByEmailKeepsTheChosenExpiry) {
    auto a = this->service->create(this->alice, this->request("case-1"));
    this->service->change_expiry(this->alice, a.share.id,
                                 this->store->database_now() + std::chrono::hours(24 * 30));
    const auto chosen = this->store->shares().find("org-a", a.share.id)->expires_at;
    this->service->send_link_by_email(this->alice, a.share.id, {"Org A", "Alice", "a@example.org"});
    EXPECT_EQ(this->store->shares().find("org-a", a.share.id)->expires_at, chosen);
    EXPECT_EQ(this->store->shares().active_share_summary("org-a", {"case-1"}).front().next_expiry,
              chosen);
    this->expect_column_exact(this->both_cases);
}

TYPED_TEST(CaseSummaryContract, ShareExpiringBetweenWritesIsNoLongerCounted) {
    auto soon = this->service->create(this->alice, this->request("case-1"));
    auto later = this->service->create(this->alice, this->request("case-1"));
    auto alone = this->service->create(this->alice, this->request("case-2"));
    // Through the repository: the policy refuses an expiry this close, the store does not.
    const auto now = this->store->database_now();
    ASSERT_TRUE(this->store->shares().change_expiry("org-a", soon.share.id, now + 1500ms,
                                                    this->audit_entry("case-1")));
    ASSERT_TRUE(this->store->shares().change_expiry("org-a", alone.share.id, now + 1500ms,
                                                    this->audit_entry("case-2")));
    EXPECT_EQ(this->column_count("case-1"), 2);
    EXPECT_EQ(this->column_count("case-2"), 1);
    std::this_thread::sleep_for(1700ms);
    // No write since: case-1's row is partly lapsed, case-2's wholly.
    auto column = this->store->shares().active_share_summary("org-a", this->both_cases);
    EXPECT_EQ(column[0].active_count, 1);
    EXPECT_EQ(column[0].next_expiry, later.share.expires_at);
    EXPECT_EQ(column[1].active_count, 0);
    EXPECT_FALSE(column[1].next_expiry);
    this->expect_column_exact(this->both_cases);
    // The maintenance refresh recomputes both rows once, and the answer stays the same.
    EXPECT_EQ(this->store->shares().refresh_lapsed_summaries(100), 2);
    EXPECT_EQ(this->store->shares().refresh_lapsed_summaries(100), 0);
    this->expect_column_exact(this->both_cases);
}

TYPED_TEST(CaseSummaryContract, ClosingOrDeletingACaseEmptiesItsColumn) {
    this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-2"));
    EXPECT_EQ(this->service->on_case_closed("org-a", "case-1"), 1);
    EXPECT_EQ(this->column_count("case-1"), 0);
    EXPECT_EQ(this->service->on_case_deleted("org-a", "case-2"), 1);
    EXPECT_EQ(this->column_count("case-2"), 0);
    this->expect_column_exact(this->both_cases);
}

TYPED_TEST(CaseSummaryContract, LongListsReadTheSameAsShortOnes) {
    // Past a few thousand ids the column scans the organisation's rows instead of looking ids up:
    // both must agree, including partly lapsed rows and ids without shares.
    auto soon = this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-2"));
    this->service->create(this->zoe, this->request("case-b"));
    ASSERT_TRUE(this->store->shares().change_expiry(
        "org-a", soon.share.id, this->store->database_now() + 1200ms, this->audit_entry("case-1")));
    std::this_thread::sleep_for(1400ms);
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) {
        ids.push_back("no-such-case-" + std::to_string(i));
    }
    ids.insert(ids.begin() + 1234, "case-1");
    ids.insert(ids.begin() + 4321, "case-b");  // of org-b: nothing here
    ids.push_back("case-2");
    ids.push_back("case-1");  // listed twice: both places get the answer
    const auto long_column = this->store->shares().active_share_summary("org-a", ids);
    ASSERT_EQ(long_column.size(), ids.size());
    const auto short_column = this->store->shares().active_share_summary(
        "org-a", {"case-1", "case-b", "case-2", "case-1"});
    EXPECT_EQ(long_column[1234], short_column[0]);
    EXPECT_EQ(long_column[4321], short_column[1]);
    EXPECT_EQ(long_column[ids.size() - 2], short_column[2]);
    EXPECT_EQ(long_column.back(), short_column[0]);
    EXPECT_EQ(short_column[3], short_column[0]);
    EXPECT_EQ(short_column[0].active_count, 1);
    EXPECT_EQ(short_column[1].active_count, 0);
    EXPECT_EQ(short_column[2].active_count, 1);
    EXPECT_EQ(long_column[0].active_count, 0);
}

TYPED_TEST(CaseSummaryContract, MigrationBackfillsSummariesOfExistingShares) {
    auto a = this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-2"));
    this->service->revoke(this->alice, a.share.id);
    // As if the shares had been written before migration 2 existed.
    this->service.reset();
    this->store.reset();
    this->backend->exec("DROP TABLE case_share_summary");
    this->backend->exec("DELETE FROM schema_version WHERE version = 2");
    this->store = this->backend->open();
    this->service =
        std::make_unique<app::ShareService>(*this->store, this->cases, this->box, this->hasher,
                                            this->policy, "https://share.example.org");
    EXPECT_EQ(this->backend->count("case_share_summary"), 2);
    EXPECT_EQ(this->column_count("case-1"), 1);
    this->expect_column_exact(this->both_cases);
}

}  // namespace
}  // namespace es::test
