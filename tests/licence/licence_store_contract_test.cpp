// One contract for LicenceStore, run against SQLite and a real MariaDB server (started by the run,
// see tests/support/mariadb-server.sh). Each test gets a fresh database with the store's
// migrations.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "licence/decoded_licence_key.hpp"
#include "store/store.hpp"
#include "support/licence_world.hpp"
#ifdef ES_WITH_MYSQL
#include <cstdlib>

#include "mariadb_server.hpp"
#include "mariadb_storage.hpp"
#endif

namespace es::licence {
namespace {

using testing::at;
using testing::days;

struct SqliteDatabase {
    static constexpr const char* kName = "sqlite";
    testing::TempDir dir;
    std::unique_ptr<store::Store> open() {
        config::StorageSettings s;
        s.sqlite_path = (dir.path() / "es.db").string();
        return store::open_store(s);
    }
};

#ifdef ES_WITH_MYSQL
struct MariadbDatabase {
    static constexpr const char* kName = "mariadb";
    MariadbDatabase() : server(test::MariadbServer::shared()), database(server.create_database()) {}
    ~MariadbDatabase() {
        try {
            server.drop_database(database);
        } catch (...) {
        }
    }
    std::unique_ptr<store::Store> open() {
        config::StorageSettings s = test::mariadb_storage(server, database);
        s.mysql.pool_size = 4;
        return store::open_store(s);
    }
    test::MariadbServer& server;
    std::string database;
};
#endif

template <class Database>
class LicenceStoreContract : public ::testing::Test {
  protected:
    LicenceStoreContract() : store(db.open()), licences(store->licences()) {}

    domain::AuditEntry audit(const std::string& action, domain::Timestamp when) const {
        domain::AuditEntry a;
        a.organisation_id = "org-1";
        a.actor = "user-1";
        a.at = when;
        a.action = action;
        a.details = R"({"from":"not_activated","to":"trial"})";
        return a;
    }

    domain::OrganisationLicence licensed() const {
        domain::OrganisationLicence r;
        r.organisation_id = "org-1";
        r.trial_started_at = t0;
        domain::Licence l;
        l.licence_id = "L-1";
        l.organisation_id = "org-1";
        l.plan = domain::Plan::ProPlus;
        l.seats = 12;
        l.valid_from = t0;
        l.valid_until = t0 + days(365);
        l.key_id = "vendor-1";
        l.issuer = kLicenceIssuer;
        r.licence = l;
        r.licence_key = "eyJ.key.sig";
        r.deactivated = true;
        r.seats_exceeded_since = t0 + days(3);
        return r;
    }

    Database db;
    std::unique_ptr<store::Store> store;
    store::LicenceStore& licences;
    domain::Timestamp t0 = at("2026-03-01T09:00:00Z");
};

#ifdef ES_WITH_MYSQL
using Databases = ::testing::Types<SqliteDatabase, MariadbDatabase>;
#else
using Databases = ::testing::Types<SqliteDatabase>;
#endif

class DatabaseNames {
  public:
    template <class T>
    static std::string GetName(int) {
        return T::kName;
    }
};

TYPED_TEST_SUITE(LicenceStoreContract, Databases, DatabaseNames);

TYPED_TEST(LicenceStoreContract, UnknownOrganisationLoadsAsNeverStored) {
    const domain::OrganisationLicence r = this->licences.load("org-unknown");
    EXPECT_EQ(r.organisation_id, "org-unknown");
    EXPECT_EQ(r.revision, 0);
    EXPECT_FALSE(r.trial_started_at || r.licence || r.deactivated);
}

TYPED_TEST(LicenceStoreContract, SavedRecordRoundTripsExactly) {
    domain::OrganisationLicence r = this->licensed();
    ASSERT_TRUE(this->licences.save(r, this->audit("licence.key_accepted", this->t0)));
    r.revision = 1;
    EXPECT_EQ(this->licences.load("org-1"), r);
    r.deactivated = false;
    r.seats_exceeded_since.reset();
    ASSERT_TRUE(this->licences.save(r, this->audit("licence.reactivated", this->t0)));
    r.revision = 2;
    EXPECT_EQ(this->licences.load("org-1"), r);
}

TYPED_TEST(LicenceStoreContract, StaleRevisionLosesAndWritesNoAudit) {
    domain::OrganisationLicence first = this->licences.load("org-1");
    first.trial_started_at = this->t0;
    ASSERT_TRUE(this->licences.save(first, this->audit("licence.trial_started", this->t0)));
    // A second writer that also read revision 0.
    domain::OrganisationLicence stale = this->licences.load("org-2");
    stale.organisation_id = "org-1";
    stale.deactivated = true;
    EXPECT_FALSE(this->licences.save(stale, this->audit("licence.deactivated", this->t0)));
    EXPECT_FALSE(this->licences.load("org-1").deactivated);
    EXPECT_EQ(this->licences.audit_trail("org-1", 10).size(), 1u);
}

TYPED_TEST(LicenceStoreContract, AuditTrailIsNewestFirstAndOnlyLicensing) {
    domain::OrganisationLicence r = this->licences.load("org-1");
    r.trial_started_at = this->t0;
    ASSERT_TRUE(this->licences.save(r, this->audit("licence.trial_started", this->t0)));
    this->licences.append_audit(this->audit("licence.key_refused", this->t0));
    domain::AuditEntry share_entry = this->audit("share.create", this->t0);
    share_entry.case_id = "c-1";
    share_entry.share_id = "s-1";
    this->store->audit().append(share_entry);
    this->licences.set_case_type_enabled("org-1", "ct-1", false,
                                         this->audit("module.case_type_disabled", this->t0));
    const auto trail = this->licences.audit_trail("org-1", 10);
    ASSERT_EQ(trail.size(), 3u);
    EXPECT_EQ(trail[0].action, "module.case_type_disabled");
    EXPECT_EQ(trail[1].action, "licence.key_refused");
    EXPECT_EQ(trail[2].action, "licence.trial_started");
    EXPECT_EQ(trail[2].actor, "user-1");
    EXPECT_EQ(trail[2].at, this->t0);
    EXPECT_TRUE(this->licences.audit_trail("org-2", 10).empty());
    EXPECT_EQ(this->licences.audit_trail("org-1", 1).size(), 1u);
}

TYPED_TEST(LicenceStoreContract, CaseTypeSwitchIsPerOrganisationAndCaseType) {
    EXPECT_FALSE(this->licences.case_type_enabled("org-1", "ct-1").has_value());
    this->licences.set_case_type_enabled("org-1", "ct-1", false,
                                         this->audit("module.case_type_disabled", this->t0));
    EXPECT_EQ(this->licences.case_type_enabled("org-1", "ct-1"), false);
    EXPECT_FALSE(this->licences.case_type_enabled("org-1", "ct-2").has_value());
    EXPECT_FALSE(this->licences.case_type_enabled("org-2", "ct-1").has_value());
    this->licences.set_case_type_enabled("org-1", "ct-1", true,
                                         this->audit("module.case_type_enabled", this->t0));
    EXPECT_EQ(this->licences.case_type_enabled("org-1", "ct-1"), true);
}

TYPED_TEST(LicenceStoreContract, DatabaseClockIsUtcNow) {
    const auto difference = this->licences.database_now() - domain::now_utc();
    EXPECT_LT(std::chrono::abs(difference), std::chrono::seconds(5));
}

TYPED_TEST(LicenceStoreContract, OpeningTwiceKeepsTheData) {
    domain::OrganisationLicence r = this->licensed();
    ASSERT_TRUE(this->licences.save(r, this->audit("licence.key_accepted", this->t0)));
    const auto again = this->db.open();  // migrations find nothing left to do
    EXPECT_EQ(again->licences().load("org-1").licence_key, "eyJ.key.sig");
}

}  // namespace
}  // namespace es::licence
