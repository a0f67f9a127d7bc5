// E-mails and SMS follow the time zone an organisation admin chose on the admin page (issue #18):
// kept in the organisation settings of a real SQLite store and asked through
// store::use_chosen_time_zones, as the module wires it; another organisation keeps Zurich.
#include <gtest/gtest.h>

#include "composer_fixture.hpp"
#include "config/settings.hpp"
#include "store/organisation_time_zone.hpp"
#include "store/store.hpp"
#include "temp_directory.hpp"

using namespace es::notify;

namespace {

constexpr const char* kShare = "0123456789abcdef0123456789abcdef";

class ChosenZoneMessages : public ComposerTest {
  protected:
    ChosenZoneMessages() {
        es::config::StorageSettings s;
        s.backend = es::config::StorageSettings::Backend::Sqlite;
        s.sqlite_path = (dir_.path() / "es.db").string();
        store_ = es::store::open_store(s);
        es::store::use_chosen_time_zones(organisations_, store_->organisation_settings());
        zoned_ = std::make_unique<MessageComposer>(settings_, "https://p.example", templates_,
                                                   test_opener(), organisations_);
    }

    // The link e-mail of a share expiring 2023-11-15T22:13Z, for `organisation`.
    std::string link_mail(const std::string& organisation) const {
        es::domain::OutboxMessage m;
        m.id = 3;
        m.organisation_id = organisation;
        m.share_id = kShare;
        m.kind = "share_link";
        m.channel = "email";
        m.recipient_address = "anna@example.org";
        m.payload_json =
            std::string(R"({"share_id":")") + kShare +
            R"(","case_id":"case-7","sender_user_id":"max","locale":"en","recipient_name":"Anna",)"
            R"("expires_at":1700086400000,"protection":"none","sealed_token":")" +
            test_seal("TOKEN123", std::string("token:") + kShare) + R"("})";
        m.created_at = es::domain::from_epoch_ms(1700000000000);
        return zoned_->compose(m, es::domain::now_utc()).mail.data;
    }

    TempDirectory dir_;
    std::unique_ptr<es::store::Store> store_;
    es::config::OrganisationSettings organisations_;
    std::unique_ptr<MessageComposer> zoned_;
};

}  // namespace

TEST_F(ChosenZoneMessages, TheLinkMailIsOnTheChosenClockAndOthersKeepZurich) {
    EXPECT_NE(link_mail("org-1").find("15 Nov 2023, 23:13 CET"), std::string::npos);
    es::store::set_organisation_time_zone(store_->organisation_settings(), "org-1",
                                          "America/New_York");
    organisations_.forget_chosen_zone("org-1");  // as the admin page does after its change
    const std::string chosen = link_mail("org-1");
    EXPECT_NE(chosen.find("15 Nov 2023, 17:13 GMT-5"), std::string::npos) << chosen;
    EXPECT_EQ(chosen.find("CET"), std::string::npos) << chosen;
    EXPECT_NE(link_mail("org-2").find("15 Nov 2023, 23:13 CET"), std::string::npos);
}
