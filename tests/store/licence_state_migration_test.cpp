// Migration 8 on each backend: `licence_state` used to be created by the licence store's
// constructor, outside the numbered migrations. A database from then (migrations 1 to 7 and the
// table as that constructor made it, with a licence in it) upgrades and keeps its licence; a
// database that never had the table gets it.
#include <gtest/gtest.h>

#include "licence/decoded_licence_key.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

// The constructor's statement before migration 8, verbatim: the same text ran on both backends,
// without table options, so MySQL gave the table the server's default character set.
constexpr const char* kTableBeforeMigration8 =
    "CREATE TABLE IF NOT EXISTS licence_state ("
    " organisation_id VARCHAR(190) NOT NULL PRIMARY KEY,"
    " revision BIGINT NOT NULL,"
    " trial_started_at BIGINT NULL,"
    " deactivated INTEGER NOT NULL DEFAULT 0,"
    " licence_key TEXT NULL,"
    " licence_id VARCHAR(190) NULL,"
    " plan VARCHAR(32) NULL,"
    " seats BIGINT NULL,"
    " valid_from BIGINT NULL,"
    " valid_until BIGINT NULL,"
    " key_id VARCHAR(190) NULL,"
    " issuer VARCHAR(190) NULL,"
    " seats_exceeded_since BIGINT NULL,"
    " updated_at BIGINT NOT NULL)";

template <class B>
class LicenceStateMigration : public ShareWorld<B> {
  protected:
    // The database as version 7 left it: no licence_state, no record of migration 8.
    void back_to_version_7() {
        this->store.reset();
        this->backend->exec("DROP TABLE licence_state");
        this->backend->exec("DELETE FROM schema_version WHERE version = 8");
    }
};

TYPED_TEST_SUITE(LicenceStateMigration, Backends, BackendNames);

TYPED_TEST(LicenceStateMigration, LicenceInTheTableTheStoreUsedToCreateSurvivesTheUpgrade) {
    this->back_to_version_7();
    this->backend->exec(kTableBeforeMigration8);
    this->backend->exec(
        "INSERT INTO licence_state (organisation_id, revision, trial_started_at, deactivated, "
        "licence_key, licence_id, plan, seats, valid_from, valid_until, key_id, issuer, "
        "seats_exceeded_since, updated_at) VALUES ('org-a', 3, 1767225600000, 1, 'eyJ.key.sig', "
        "'L-7', 'pro_plus', 12, 1767225600000, 1798761600000, 'vendor-1', '" +
        std::string(licence::kLicenceIssuer) + "', 1767484800000, 1767225600000)");

    const auto upgraded = this->backend->open();
    EXPECT_EQ(upgraded->schema_version(), 8);
    const domain::OrganisationLicence r = upgraded->licences().load("org-a");
    EXPECT_EQ(r.revision, 3);
    EXPECT_EQ(r.trial_started_at, domain::from_epoch_ms(1767225600000));
    EXPECT_TRUE(r.deactivated);
    EXPECT_EQ(r.licence_key, "eyJ.key.sig");
    ASSERT_TRUE(r.licence.has_value());
    EXPECT_EQ(r.licence->licence_id, "L-7");
    EXPECT_EQ(r.licence->plan, domain::Plan::ProPlus);
    EXPECT_EQ(r.licence->seats, 12);
    EXPECT_EQ(r.licence->valid_from, domain::from_epoch_ms(1767225600000));
    EXPECT_EQ(r.licence->valid_until, domain::from_epoch_ms(1798761600000));
    EXPECT_EQ(r.licence->key_id, "vendor-1");
    EXPECT_EQ(r.licence->issuer, licence::kLicenceIssuer);
    EXPECT_EQ(r.seats_exceeded_since, domain::from_epoch_ms(1767484800000));

    // Still written by compare-and-swap on the revision.
    domain::OrganisationLicence next = r;
    next.deactivated = false;
    domain::AuditEntry audit;
    audit.organisation_id = "org-a";
    audit.actor = "admin";
    audit.at = domain::now_utc();
    audit.action = "licence.reactivated";
    audit.details = "{}";
    EXPECT_TRUE(upgraded->licences().save(next, audit));
    EXPECT_FALSE(upgraded->licences().save(next, audit));
    EXPECT_EQ(upgraded->licences().load("org-a").revision, 4);
}

TYPED_TEST(LicenceStateMigration, DatabaseThatNeverHadTheTableGetsIt) {
    this->back_to_version_7();
    const auto upgraded = this->backend->open();
    EXPECT_EQ(upgraded->schema_version(), 8);
    EXPECT_EQ(this->backend->count("licence_state"), 0);
    EXPECT_EQ(upgraded->licences().load("org-a").revision, 0);
}

TYPED_TEST(LicenceStateMigration, OrganisationIdsCompareExactlyAfterTheUpgrade) {
    // On MySQL the old table had the server's default collation, on most servers one under which
    // "ORG-A" and "org-a" are one key; the migration converts it to the binary collation. The
    // test server defaults to utf8mb4_bin, so the table is given such a collation here.
    this->back_to_version_7();
    this->backend->exec(kTableBeforeMigration8);
    if (std::string(this->backend->name()) == "mariadb") {
        this->backend->exec(
            "ALTER TABLE licence_state CONVERT TO CHARACTER SET utf8mb4 COLLATE "
            "utf8mb4_general_ci");
    }
    const auto upgraded = this->backend->open();
    domain::AuditEntry audit;
    audit.actor = "admin";
    audit.at = domain::now_utc();
    audit.action = "licence.trial_started";
    audit.details = "{}";
    for (const char* organisation : {"org-a", "ORG-A"}) {
        domain::OrganisationLicence fresh;
        fresh.organisation_id = organisation;
        fresh.trial_started_at = domain::now_utc();
        audit.organisation_id = organisation;
        EXPECT_TRUE(upgraded->licences().save(fresh, audit)) << organisation;
    }
    EXPECT_EQ(this->backend->count("licence_state"), 2);
}

}  // namespace
}  // namespace es::test
