// Times on the recipient's pages and in the zip's summary: on the organisation's clock (its time
// zone, Europe/Zurich unless configured otherwise), in the page's language, the zone named, since
// the recipient may be elsewhere. The fake host dates every journal entry 2026-01-05T10:00:00Z.
#include <fstream>
#include <regex>

#include "portal_fixture.hpp"
#include "store/organisation_time_zone.hpp"
#include "zip_test_support.hpp"

namespace es::portal::test {
namespace {

class PageDatesTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        s.organisation.time_zones["org-2"] = "America/New_York";
    }
    std::string page(const CreatedShare& share, const std::string& accept_language) {
        Browser b(port());
        return b.get(share.path(), {{"Accept-Language", accept_language}}).body;
    }
};

TEST_F(PageDatesTest, AGermanRecipientReadsGermanDatesOnTheOrganisationsClock) {
    const std::string body = page(create_share(), "de-CH");
    EXPECT_NE(std::string::npos, body.find(">05.01.2026, 11:00 MEZ</time>")) << body;
    EXPECT_EQ(std::string::npos, body.find(">2026-01-05T10:00:00Z<")) << "not the host's raw text";
    EXPECT_TRUE(std::regex_search(
        body,
        std::regex(R"(<p class="expiry">[^<]* <time>\d\d\.\d\d\.\d{4}, \d\d:\d\d MES?Z</time>)")))
        << body;
    EXPECT_EQ(std::string::npos, body.find("UTC"));
}

TEST_F(PageDatesTest, AnEnglishRecipientReadsEnglishDatesOnTheOrganisationsClock) {
    const std::string body = page(create_share(), "en");
    EXPECT_NE(std::string::npos, body.find(">5 Jan 2026, 11:00 CET</time>")) << body;
    EXPECT_TRUE(std::regex_search(
        body, std::regex(R"(<time>\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d CES?T</time>)")))
        << body;
}

TEST_F(PageDatesTest, EachOrganisationHasItsOwnClock) {
    const std::string body =
        page(create_share({.case_id = "case-2", .organisation_id = "org-2"}), "en");
    EXPECT_NE(std::string::npos, body.find(">5 Jan 2026, 05:00 GMT-5</time>")) << body;
}

TEST_F(PageDatesTest, TheZipsSummaryDatesTheJournalLikeThePage) {
    const auto share = create_share();
    const auto r = http_request(port(), "GET", share.path() + "/all.zip");
    ASSERT_EQ(200, r.status);
    const std::string path = dir_ + "/dates.zip";
    std::ofstream(path, std::ios::binary) << r.body;
    const std::string summary = shell("unzip -p " + path + " '*.html'");
    EXPECT_NE(std::string::npos, summary.find("05.01.2026, 11:00 MEZ · ")) << summary;
    EXPECT_EQ(std::string::npos, summary.find("2026-01-05T10:00:00Z")) << summary;
    EXPECT_EQ(std::string::npos, summary.find("UTC")) << summary;
}

// The zone an organisation admin chose on the admin page (kept in the organisation settings) is
// the clock of that organisation's pages; another organisation keeps Zurich.
class ChosenZoneTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        // As the module wires it (store::use_chosen_time_zones), the store opened later.
        s.organisation.chosen_zone = [this](const std::string& organisation_id) {
            return store::organisation_time_zone(store_->organisation_settings(), organisation_id);
        };
    }
};

TEST_F(ChosenZoneTest, AnOrganisationsChosenZoneIsItsPagesClock) {
    store::set_organisation_time_zone(store_->organisation_settings(), "org-2", "America/New_York");
    Browser b(port());
    const std::string chosen =
        b.get(create_share({.case_id = "case-2", .organisation_id = "org-2"}).path(),
              {{"Accept-Language", "en"}})
            .body;
    EXPECT_NE(std::string::npos, chosen.find(">5 Jan 2026, 05:00 GMT-5</time>")) << chosen;
    const std::string zurich = b.get(create_share().path(), {{"Accept-Language", "en"}}).body;
    EXPECT_NE(std::string::npos, zurich.find(">5 Jan 2026, 11:00 CET</time>")) << zurich;
}

}  // namespace
}  // namespace es::portal::test
