// The per-case "External Sharing" panel (share_panel): a row per link with what can be done with
// it while it is active, the access log below; and the dialogs opened from its rows (expiry and
// download limit, visible items, the password). In German and English.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/policy.hpp"
#include "domain/selection.hpp"
#include "ui/share_panel.hpp"
#include "view_model.hpp"

namespace es::ui::test {
namespace {

using Strings = std::vector<std::string>;

domain::Share active_share(domain::Protection protection = domain::Protection::None) {
    domain::Share s;
    s.id = "share-1";
    s.organisation_id = "org-1";
    s.case_id = "case-1";
    s.creator_user_id = "u1";
    s.recipient = {"Eva Extern", "eva@example.org", "+41791234567"};
    s.created_at = test_now();
    s.expires_at = days_after_now(20);
    s.protection = protection;
    return s;
}

SharePanelRow row(domain::Share share, domain::ShareStatus status = domain::ShareStatus::Active) {
    SharePanelRow r;
    r.overview.share = std::move(share);
    r.overview.status = status;
    r.private_url = "https://portal.example.org/s/token";
    r.creator_name = "Anna Beispiel";
    return r;
}

class SharePanelTest : public ::testing::Test {
  protected:
    Json panel() {
        in_.snapshot = &case_;
        in_.time_zone = kZone;
        in_.now = test_now();
        return reparsed(share_panel(in_));
    }
    // The links table (the first table; the access log is the second).
    Json links() { return element_of_type(panel(), "table"); }
    Json access_log() {
        const JsonArray body = panel()->getArray("body");
        return body->getObject(body->size() - 1);
    }
    Json only_row() {
        const JsonArray rows = links()->getArray("rows");
        EXPECT_EQ(1u, rows->size());
        return rows->getObject(0);
    }
    std::string cell(const std::string& column) {
        return only_row()->getObject("cells")->getObject(column)->getValue<std::string>("text");
    }
    Strings actions() { return strings_of(only_row()->getArray("actions"), "action"); }
    Json action(const std::string& name) {
        const JsonArray a = only_row()->getArray("actions");
        for (unsigned i = 0; i < a->size(); ++i) {
            if (a->getObject(i)->getValue<std::string>("action") == name) {
                return a->getObject(i);
            }
        }
        throw std::runtime_error("no action " + name);
    }
    Strings toolbar() {
        const JsonArray body = panel()->getArray("body");
        for (unsigned i = 0; i < body->size(); ++i) {
            if (body->getObject(i)->getValue<std::string>("type") == "buttons") {
                return strings_of(body->getObject(i)->getArray("items"), "action");
            }
        }
        return {};
    }

    domain::CaseSnapshot case_ = sample_case();
    SharePanelInput in_;
};

// "+ Share with someone new" asks for a dialog without the case's correspondent prefilled.
TEST_F(SharePanelTest, ShareWithSomeoneNewAsksForAnEmptyRecipient) {
    const JsonArray body = panel()->getArray("body");
    for (unsigned i = 0; i < body->size(); ++i) {
        if (body->getObject(i)->getValue<std::string>("type") == "buttons") {
            const Json button = body->getObject(i)->getArray("items")->getObject(0);
            EXPECT_EQ("Share with someone new", button->getValue<std::string>("label"));
            EXPECT_TRUE(button->getObject("payload")->getValue<bool>("new_recipient"));
            return;
        }
    }
    FAIL() << "no toolbar";
}

TEST_F(SharePanelTest, AnUnsharedCaseOffersANewLinkAndSaysSo) {
    const Json p = panel();
    EXPECT_EQ("panel", p->getValue<std::string>("type"));
    EXPECT_EQ("External Sharing", p->getValue<std::string>("title"));
    EXPECT_EQ((Strings{"external-sharing.share"}), toolbar());
    EXPECT_EQ(0u, links()->getArray("rows")->size());
    EXPECT_EQ("This case has not been shared.", links()->getValue<std::string>("empty"));
    EXPECT_EQ("Access log", element_of_type(p, "heading")->getValue<std::string>("text"));
    EXPECT_EQ(0u, access_log()->getArray("rows")->size());
    EXPECT_EQ("No access yet.", access_log()->getValue<std::string>("empty"));
}

TEST_F(SharePanelTest, WithoutTheRightToShareThereIsNoToolbar) {
    in_.can_share = false;
    EXPECT_TRUE(toolbar().empty());
    EXPECT_THROW(element_of_type(panel(), "buttons"), std::runtime_error);
}

TEST_F(SharePanelTest, ANoticeComesFirst) {
    in_.notice = "External Sharing is not activated.";
    const Json first = panel()->getArray("body")->getObject(0);
    EXPECT_EQ("notice", first->getValue<std::string>("type"));
    EXPECT_EQ("info", first->getValue<std::string>("level"));
    EXPECT_EQ("External Sharing is not activated.", first->getValue<std::string>("text"));
}

TEST_F(SharePanelTest, NamesItsColumns) {
    EXPECT_EQ((Strings{"recipient", "emailed_to", "created", "expires", "protection", "status",
                       "downloads", "private_url", "last_access", "delivery"}),
              strings_of(links()->getArray("columns"), "id"));
    EXPECT_EQ((Strings{"Recipient", "E-mailed to", "Created by", "Expires", "Protection", "Status",
                       "Downloads", "Private URL", "Last access", "Message"}),
              strings_of(links()->getArray("columns"), "label"));
}

TEST_F(SharePanelTest, AnActiveLinksRowSaysWhoWhenAndHow) {
    in_.rows.push_back(row(active_share()));
    EXPECT_EQ("share-1", only_row()->getValue<std::string>("id"));
    EXPECT_EQ("Eva Extern, +41791234567", cell("recipient"));
    EXPECT_EQ("—", cell("emailed_to")) << "a direct link was never e-mailed";
    EXPECT_EQ("Anna Beispiel, 6 Dec 2026, 10:30", cell("created")) << "on Zurich's clock";
    EXPECT_EQ("26 Dec 2026, 10:30 (in 20 days)", cell("expires"));
    EXPECT_EQ("No verification", cell("protection"));
    EXPECT_EQ("0", cell("downloads"));
    EXPECT_EQ("—", cell("last_access"));
    EXPECT_EQ("", cell("delivery"));
    const Json status = only_row()->getObject("cells")->getObject("status");
    EXPECT_EQ("active", status->getValue<std::string>("badge"));
    EXPECT_EQ("success", status->getValue<std::string>("tone"));
    const Json link = only_row()->getObject("cells")->getObject("private_url")->getObject("link");
    EXPECT_EQ("https://portal.example.org/s/token", link->getValue<std::string>("url"));
    EXPECT_TRUE(link->getValue<bool>("copy"));
}

TEST_F(SharePanelTest, AnEmailedLinkNamesTheAddress) {
    auto share = active_share();
    share.delivery = domain::Delivery::EmailedLink;
    in_.rows.push_back(row(share));
    EXPECT_EQ("eva@example.org", cell("emailed_to"));
}

TEST_F(SharePanelTest, ARecipientWithoutNameOrPhoneIsADash) {
    auto share = active_share();
    share.recipient = {};
    in_.rows.push_back(row(share));
    EXPECT_EQ("—", cell("recipient"));
}

TEST_F(SharePanelTest, ShowsDownloadsAgainstTheLimitAndLocksAnExhaustedLink) {
    auto share = active_share();
    share.download_limit = 5;
    share.downloads_used = 2;
    in_.rows.push_back(row(share));
    EXPECT_EQ("2 of 5", cell("downloads"));
    in_.rows[0].overview.share.downloads_used = 5;
    EXPECT_EQ("5 of 5", cell("downloads"));
    const Json status = only_row()->getObject("cells")->getObject("status");
    EXPECT_EQ("locked", status->getValue<std::string>("badge"));
    EXPECT_EQ("warning", status->getValue<std::string>("tone"));
}

TEST_F(SharePanelTest, AnOpenLinkOffersEverythingButThePasswordAndTheReset) {
    in_.rows.push_back(row(active_share(domain::Protection::None)));
    EXPECT_EQ((Strings{"external-sharing.preview", "external-sharing.details",
                       "external-sharing.edit-protection", "external-sharing.edit-expiry",
                       "external-sharing.edit-items", "external-sharing.revoke"}),
              actions());
    EXPECT_EQ("share-1", action("external-sharing.preview")
                             ->getObject("payload")
                             ->getValue<std::string>("share_id"));
}

TEST_F(SharePanelTest, APasswordLinkOffersItsPasswordAndTheReset) {
    for (auto mode : {domain::Protection::Password, domain::Protection::PasswordAndCode}) {
        in_.rows = {row(active_share(mode))};
        EXPECT_EQ((Strings{"external-sharing.preview", "external-sharing.details",
                           "external-sharing.reveal-password", "external-sharing.edit-protection",
                           "external-sharing.edit-expiry", "external-sharing.edit-items",
                           "external-sharing.reset-counters", "external-sharing.revoke"}),
                  actions());
    }
}

TEST_F(SharePanelTest, ACodeLinkOffersTheResetButNoPassword) {
    in_.rows.push_back(row(active_share(domain::Protection::Code)));
    EXPECT_EQ((Strings{"external-sharing.preview", "external-sharing.details",
                       "external-sharing.edit-protection", "external-sharing.edit-expiry",
                       "external-sharing.edit-items", "external-sharing.reset-counters",
                       "external-sharing.revoke"}),
              actions());
    EXPECT_EQ("Security code by SMS or e-mail", cell("protection"));
}

TEST_F(SharePanelTest, AnActiveLinkShowsThePreviewAndTheRestBehindAMenuNamedForItsRecipient) {
    in_.rows.push_back(row(active_share(domain::Protection::Password)));
    const Json menu = only_row()->getObject("menu");
    ASSERT_TRUE(menu);
    EXPECT_EQ(1, menu->getValue<int>("after"));
    EXPECT_EQ("external-sharing.preview", actions().front());
    EXPECT_EQ("More actions for Eva Extern", menu->getValue<std::string>("label"));
    in_.language = Language::De;
    EXPECT_EQ("Weitere Aktionen für Eva Extern",
              only_row()->getObject("menu")->getValue<std::string>("label"));
}

// Its one action stays a button (after 1), and `menu` keeps the row to one line.
TEST_F(SharePanelTest, AnEndedLinkOffersItsDetailsAsItsOneButton) {
    in_.rows.push_back(row(active_share(), domain::ShareStatus::Revoked));
    EXPECT_EQ((Strings{"external-sharing.details"}), actions());
    ASSERT_TRUE(only_row()->has("menu"));
    EXPECT_EQ(1, only_row()->getObject("menu")->getValue<int>("after"));
}

TEST_F(SharePanelTest, DestructiveActionsAskFirst) {
    in_.rows.push_back(row(active_share(domain::Protection::Code)));
    const Json revoke = action("external-sharing.revoke");
    EXPECT_EQ("danger", revoke->getValue<std::string>("style"));
    EXPECT_TRUE(revoke->getValue<bool>("icon_only"));
    EXPECT_EQ("Revoke this link now? The recipient loses access at once.",
              revoke->getValue<std::string>("confirm"));
    EXPECT_NE(std::string::npos, action("external-sharing.reset-counters")
                                     ->getValue<std::string>("confirm")
                                     .find("Reset this link's counters"));
    EXPECT_EQ((Strings{"external-sharing.share", "external-sharing.revoke-case"}), toolbar());
}

TEST_F(SharePanelTest, ExpiredAndRevokedLinksOfferOnlyTheirDetails) {
    for (auto status : {domain::ShareStatus::Expired, domain::ShareStatus::Revoked}) {
        in_.rows = {row(active_share(domain::Protection::Password), status)};
        EXPECT_EQ((Strings{"external-sharing.details"}), actions());
        EXPECT_EQ("—", cell("private_url")) << "the link is not shown again";
        EXPECT_EQ((Strings{"external-sharing.share"}), toolbar()) << "nothing left to revoke";
    }
    const Json status = only_row()->getObject("cells")->getObject("status");
    EXPECT_EQ("revoked", status->getValue<std::string>("badge"));
    EXPECT_EQ("danger", status->getValue<std::string>("tone"));
    in_.rows = {row(active_share(), domain::ShareStatus::Expired)};
    EXPECT_EQ("expired",
              only_row()->getObject("cells")->getObject("status")->getValue<std::string>("badge"));
}

TEST_F(SharePanelTest, SaysHowTheLinksMessagesFared) {
    auto r = row(active_share());
    domain::OutboxMessage sent;
    sent.kind = "share_link";
    sent.channel = "email";
    sent.status = domain::OutboxMessage::Status::Sent;
    domain::OutboxMessage failed;
    failed.kind = "one_time_code";
    failed.channel = "sms";
    failed.status = domain::OutboxMessage::Status::Failed;
    failed.last_error = "gateway said no";
    r.messages = {sent, failed};
    r.overview.last_access = test_now() - std::chrono::minutes(5);
    in_.rows.push_back(r);
    EXPECT_EQ("Link by e-mail: sent; Code by SMS: could not be delivered — gateway said no",
              cell("delivery"));
    EXPECT_EQ("6 Dec 2026, 10:25 (5 minutes ago)", cell("last_access"));
    in_.language = Language::De;
    EXPECT_EQ("06.12.2026, 10:25 (vor 5 Minuten)", cell("last_access"));
    EXPECT_EQ("Link per E-Mail: gesendet; Code per SMS: nicht zustellbar — gateway said no",
              cell("delivery"));
    // A kind or state a newer instance wrote is named in words, never shown raw.
    domain::OutboxMessage future;
    future.kind = "owner_weekly_digest";
    future.channel = "email";
    future.status = domain::OutboxMessage::Status::Pending;
    in_.rows.back().messages = {future};
    EXPECT_EQ("E-Mail: wartet auf Versand", cell("delivery"));
    in_.language = Language::En;
    EXPECT_EQ("E-mail: waiting to be sent", cell("delivery"));
}

TEST_F(SharePanelTest, TheAccessLogNamesWhatWasDoneToWhichItem) {
    domain::AccessEvent download;
    download.id = 7;
    download.at = test_now() - std::chrono::minutes(5);
    download.client_ip = "203.0.113.5";
    download.user_agent = "Firefox";
    download.action = "download";
    download.item_id = "a1";
    download.outcome = "ok";
    domain::AccessEvent guess = download;
    guess.id = 8;
    guess.action = "password";
    guess.item_id.clear();
    guess.outcome = "wrong_password";
    domain::AccessEvent other = guess;
    other.id = 9;
    other.action = "something_new";
    in_.access_log = {download, guess, other};

    const JsonArray rows = access_log()->getArray("rows");
    ASSERT_EQ(3u, rows->size());
    const Json cells = rows->getObject(0)->getObject("cells");
    EXPECT_EQ("7", rows->getObject(0)->getValue<std::string>("id"));
    EXPECT_EQ("6 Dec 2026, 10:25 (5 minutes ago)",
              cells->getObject("when")->getValue<std::string>("text"));
    EXPECT_EQ("203.0.113.5", cells->getObject("from")->getValue<std::string>("text"));
    EXPECT_EQ("Firefox", cells->getObject("browser")->getValue<std::string>("text"));
    EXPECT_EQ("downloaded: Plan.pdf", cells->getObject("what")->getValue<std::string>("text"));
    EXPECT_EQ("OK", cells->getObject("outcome")->getValue<std::string>("badge"));
    EXPECT_EQ("success", cells->getObject("outcome")->getValue<std::string>("tone"));
    const Json wrong = rows->getObject(1)->getObject("cells");
    EXPECT_EQ("password entered", wrong->getObject("what")->getValue<std::string>("text"));
    EXPECT_EQ("warning", wrong->getObject("outcome")->getValue<std::string>("tone"));
    EXPECT_EQ(
        "other access",
        rows->getObject(2)->getObject("cells")->getObject("what")->getValue<std::string>("text"))
        << "an action without a name is never shown as its stored code";

    in_.language = Language::De;
    EXPECT_EQ("heruntergeladen: Plan.pdf", access_log()
                                               ->getArray("rows")
                                               ->getObject(0)
                                               ->getObject("cells")
                                               ->getObject("what")
                                               ->getValue<std::string>("text"));
    EXPECT_EQ((Strings{"Wann", "Link", "Von wo", "Browser", "Was", "Ergebnis"}),
              strings_of(access_log()->getArray("columns"), "label"));
}

domain::AccessEvent viewed(std::int64_t id, const std::string& share_id) {
    domain::AccessEvent e;
    e.id = id;
    e.share_id = share_id;
    e.at = days_after_now(1);
    e.action = "view";
    e.outcome = "ok";
    return e;
}

std::string log_cell(const Json& log, unsigned row, const std::string& column) {
    return log->getArray("rows")
        ->getObject(row)
        ->getObject("cells")
        ->getObject(column)
        ->getValue<std::string>(column == "outcome" ? "badge" : "text");
}

TEST_F(SharePanelTest, TwoLinksOfOneCaseAreToldApartInTheAccessLog) {
    auto eva = active_share();
    auto max = active_share();
    max.id = "share-2";
    max.recipient = {std::nullopt, "max@example.org", std::nullopt};
    auto nobody = active_share();
    nobody.id = "share-3";
    nobody.recipient = {};
    in_.rows = {row(eva), row(max), row(nobody)};
    in_.access_log = {viewed(1, "share-1"), viewed(2, "share-2"), viewed(3, "share-3")};
    for (const Language lang : {Language::En, Language::De}) {
        in_.language = lang;
        const Json log = access_log();
        EXPECT_EQ("Link", strings_of(log->getArray("columns"), "label").at(1));
        EXPECT_EQ("Eva Extern", log_cell(log, 0, "link"));
        EXPECT_EQ("max@example.org", log_cell(log, 1, "link"));
        EXPECT_EQ(lang == Language::De ? "Link vom 06.12.2026, 10:30" : "Link of 6 Dec 2026, 10:30",
                  log_cell(log, 2, "link"));
    }
}

TEST_F(SharePanelTest, LinksForTheSameNameAreToldApartByWhenTheyWereMade) {
    auto first = active_share();
    auto second = active_share();
    second.id = "share-2";
    second.created_at = days_after_now(1);
    in_.rows = {row(first), row(second)};
    in_.access_log = {viewed(1, "share-2"), viewed(2, "share-1")};
    const Json log = access_log();
    EXPECT_EQ("Eva Extern (created 7 Dec 2026, 10:30)", log_cell(log, 0, "link"));
    EXPECT_EQ("Eva Extern (created 6 Dec 2026, 10:30)", log_cell(log, 1, "link"));
}

TEST_F(SharePanelTest, TheOwnersOwnVisitIsNotTheRecipients) {
    in_.rows = {row(active_share())};
    auto own = viewed(1, "share-1");
    own.action = "owner_view";
    in_.access_log = {own, viewed(2, "share-1")};
    Json log = access_log();
    EXPECT_EQ("Your organisation, not the recipient: viewed", log_cell(log, 0, "what"));
    EXPECT_TRUE(
        log->getArray("rows")->getObject(0)->getObject("cells")->getObject("what")->getValue<bool>(
            "muted"));
    EXPECT_EQ("viewed", log_cell(log, 1, "what"));
    in_.language = Language::De;
    log = access_log();
    EXPECT_EQ("Deine Organisation, nicht die empfangende Person: angesehen",
              log_cell(log, 0, "what"));
}

TEST_F(SharePanelTest, ThePrintViewIsNamedInWordsInBothLanguages) {
    in_.rows = {row(active_share())};
    auto printed = viewed(1, "share-1");
    printed.action = "print";
    in_.access_log = {printed};
    EXPECT_EQ("opened the print view", log_cell(access_log(), 0, "what"));
    in_.language = Language::De;
    EXPECT_EQ("Druckansicht geöffnet", log_cell(access_log(), 0, "what"));
}

TEST_F(SharePanelTest, TheAccessLogNamesTheBrowserAndKeepsTheWholeStringAtHand) {
    // The rules of Debian's uap-core, as the module reads them by default.
    const text::UserAgentParser agents{std::string(text::kDebianUserAgentRegexes)};
    in_.user_agents = &agents;
    in_.rows = {row(active_share())};
    const std::string chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36";
    auto e = viewed(1, "share-1");
    e.at = test_now() - std::chrono::minutes(5);
    e.user_agent = chrome;
    in_.access_log = {e};
    auto row_text = [&] {
        const Json log = access_log();
        return log_cell(log, 0, "browser") + " · " + log_cell(log, 0, "when") + " · " +
               log_cell(log, 0, "what");
    };
    EXPECT_EQ("Chrome on Windows · 6 Dec 2026, 10:25 (5 minutes ago) · viewed", row_text());
    const Json browser =
        access_log()->getArray("rows")->getObject(0)->getObject("cells")->getObject("browser");
    EXPECT_EQ(chrome, browser->getValue<std::string>("detail"));
    in_.language = Language::De;
    EXPECT_EQ("Chrome auf Windows · 06.12.2026, 10:25 (vor 5 Minuten) · angesehen", row_text());
}

TEST_F(SharePanelTest, WithoutRulesTheAccessLogShowsTheStringShortened) {
    const text::UserAgentParser missing{"/nonexistent/regexes.yaml"};
    in_.user_agents = &missing;
    in_.rows = {row(active_share())};
    auto e = viewed(1, "share-1");
    e.user_agent = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 ÄÖÜ";
    in_.access_log = {e};
    EXPECT_EQ("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/…",
              log_cell(access_log(), 0, "browser"));
}

TEST_F(SharePanelTest, OutcomesAreWordsNeverStoredCodes) {
    in_.rows = {row(active_share())};
    const Strings codes = {"ok",           "partial",   "wrong_password", "wrong_code",
                           "code_expired", "throttled", "limit_reached",  "denied",
                           "aborted",      "busy",      "something_new"};
    for (std::size_t i = 0; i < codes.size(); ++i) {
        auto e = viewed(static_cast<std::int64_t>(i + 1), "share-1");
        e.outcome = codes[i];
        in_.access_log.push_back(e);
    }
    for (const Language lang : {Language::En, Language::De}) {
        in_.language = lang;
        const Json log = access_log();
        for (unsigned i = 0; i < codes.size(); ++i) {
            const std::string shown = log_cell(log, i, "outcome");
            EXPECT_EQ(std::string::npos, shown.find('_')) << codes[i] << " → " << shown;
            if (codes[i] != "ok") {
                EXPECT_NE(codes[i], shown);
            }
        }
    }
    in_.language = Language::De;
    EXPECT_EQ("falsches Passwort", log_cell(access_log(), 2, "outcome"));
}

TEST_F(SharePanelTest, SpeaksGerman) {
    in_.language = Language::De;
    auto share = active_share(domain::Protection::PasswordAndCode);
    share.download_limit = 3;
    in_.rows.push_back(row(share));
    const Json p = panel();
    EXPECT_EQ("Externes Teilen", p->getValue<std::string>("title"));
    EXPECT_EQ((Strings{"Empfänger:in", "Per E-Mail an", "Erstellt von", "Läuft ab", "Schutz",
                       "Status", "Downloads", "Private URL", "Letzter Zugriff", "Nachricht"}),
              strings_of(links()->getArray("columns"), "label"));
    EXPECT_EQ("Passwort und Sicherheitscode", cell("protection"));
    EXPECT_EQ("26.12.2026, 10:30 (in 20 Tagen)", cell("expires"));
    EXPECT_EQ("0 von 3", cell("downloads"));
    EXPECT_EQ("aktiv",
              only_row()->getObject("cells")->getObject("status")->getValue<std::string>("badge"));
    EXPECT_EQ(
        (Strings{"Vorschau", "Details", "Passwort anzeigen", "Schutz ändern", "Verlängern/Ändern",
                 "Sichtbare Einträge", "Zähler zurücksetzen", "Beenden"}),
        strings_of(only_row()->getArray("actions"), "label"));
    EXPECT_EQ("Zugriffsprotokoll", element_of_type(p, "heading")->getValue<std::string>("text"));
    in_.rows.clear();
    EXPECT_EQ("Dieser Fall wurde nicht geteilt.", links()->getValue<std::string>("empty"));
}

TEST_F(SharePanelTest, SpeaksEnglish) {
    in_.rows.push_back(row(active_share(domain::Protection::PasswordAndCode)));
    EXPECT_EQ((Strings{"Preview", "Details", "Show password", "Change protection", "Extend/Change",
                       "Visible items", "Reset counters", "Revoke"}),
              strings_of(only_row()->getArray("actions"), "label"));
    EXPECT_EQ("Password and security code", cell("protection"));
}

// --- dialogs opened from a row ---

TEST(ExpiryDialogTest, OffersTheDateWithinThePolicyAndTheLimit) {
    auto share = active_share();
    share.download_limit = 10;
    const domain::Policy policy = zurich_policy();
    const Json d = reparsed(expiry_dialog(Language::En, share, policy, test_now(), {}));
    EXPECT_EQ("Extend/Change", d->getValue<std::string>("title"));
    const Json form = element_of_type(d, "form");
    EXPECT_EQ("external-sharing.save-expiry", form->getValue<std::string>("action"));
    EXPECT_EQ("share-1", form->getObject("hidden")->getValue<std::string>("share_id"));
    const Json date = field_named(form, "expires_on");
    EXPECT_EQ("2026-12-26", date->getValue<std::string>("value"));
    EXPECT_EQ("2026-12-06", date->getValue<std::string>("min"));
    EXPECT_EQ("2027-03-06", date->getValue<std::string>("max"));
    const Json limit = field_named(form, "download_limit");
    EXPECT_EQ("10", limit->getValue<std::string>("value"));
    EXPECT_FALSE(limit->has("show_if")) << "always shown here";
    EXPECT_EQ("Save", form->getObject("submit")->getValue<std::string>("label"));
}

TEST(ExpiryDialogTest, KeepsWhatWasTypedAndShowsTheErrors) {
    const domain::Policy policy = zurich_policy();
    const Json d = reparsed(expiry_dialog(Language::De, active_share(), policy, test_now(),
                                          {{"download_limit", "falsch"}}, std::string("abc")));
    EXPECT_EQ("Verlängern/Ändern", d->getValue<std::string>("title"));
    const Json form = element_of_type(d, "form");
    EXPECT_EQ("abc", field_named(form, "download_limit")->getValue<std::string>("value"));
    EXPECT_EQ("falsch", form->getObject("errors")->getValue<std::string>("download_limit"));
    EXPECT_EQ("Speichern", form->getObject("submit")->getValue<std::string>("label"));
    EXPECT_EQ("Ablaufdatum des Links",
              field_named(form, "expires_on")->getValue<std::string>("label"));
}

TEST(ItemsDialogTest, TicksWhatTheRecipientSees) {
    const auto snapshot = sample_case();
    auto selection = domain::Selection::everything_in(
        snapshot.items(), {domain::Section::Details, domain::Section::Attachments});
    selection.set_visible(domain::Section::Attachments, "a1", false);
    const Json d =
        reparsed(items_dialog({Language::En, kZone}, active_share(), selection, snapshot));
    EXPECT_EQ("Visible items", d->getValue<std::string>("title"));
    const Json form = element_of_type(d, "form");
    EXPECT_EQ("external-sharing.save-items", form->getValue<std::string>("action"));
    EXPECT_EQ("share-1", form->getObject("hidden")->getValue<std::string>("share_id"));
    const JsonArray groups = field_named(form, "selection")->getArray("groups");
    EXPECT_EQ((Strings{"details", "journal", "attachments"}), strings_of(groups, "name"));
    EXPECT_TRUE(groups->getObject(0)->getValue<bool>("included"));
    EXPECT_FALSE(groups->getObject(1)->getValue<bool>("included"));
    EXPECT_TRUE(groups->getObject(0)->getArray("items")->getObject(0)->getValue<bool>("checked"));
    EXPECT_FALSE(groups->getObject(1)->getArray("items")->getObject(0)->getValue<bool>("checked"))
        << "its section is not shared";
    EXPECT_EQ(
        "internal",
        groups->getObject(1)->getArray("items")->getObject(1)->getValue<std::string>("badge"));
    EXPECT_EQ(
        "2 Nov 2026 — Anna Beispiel",
        groups->getObject(1)->getArray("items")->getObject(0)->getValue<std::string>("label"));
    const Json plan = groups->getObject(2)->getArray("items")->getObject(0);
    EXPECT_FALSE(plan->getValue<bool>("checked")) << "hidden";
    EXPECT_EQ("1.5 kB", plan->getValue<std::string>("detail"));
}

// The same size as on the portal's page (text::byte_size), in the reader's number format.
TEST(ItemsDialogTest, SizesAreDecimalWithTheReadersDecimalSeparator) {
    const auto snapshot = sample_case();
    const auto selection = domain::Selection::everything_in(
        snapshot.items(), {domain::Section::Details, domain::Section::Attachments});
    auto detail = [&](Language lang) {
        const Json d = reparsed(items_dialog({lang, kZone}, active_share(), selection, snapshot));
        return element_of_type(d, "form")
            ->getArray("fields")
            ->getObject(0)
            ->getArray("groups")
            ->getObject(2)
            ->getArray("items")
            ->getObject(0)
            ->getValue<std::string>("detail");
    };
    EXPECT_EQ("1.5 kB", detail(Language::En));
    EXPECT_EQ("1,5 kB", detail(Language::De));
}

// "Details": the row cuts long texts with "…"; here every fact of the link is whole.
class LinkDetailsTest : public ::testing::Test {
  protected:
    LinkDetailsTest() {
        auto share = active_share(domain::Protection::Password);
        share.recipient.name = "Eva Extern-" + std::string(60, 'n');
        share.recipient.email = std::string(68, 'e') + "@example.org";  // 80 characters
        share.delivery = domain::Delivery::EmailedLink;
        share.download_limit = 3;
        share.downloads_used = 1;
        row_ = row(share);
        domain::OutboxMessage failed;
        failed.kind = "share_link";
        failed.channel = "email";
        failed.status = domain::OutboxMessage::Status::Failed;
        failed.last_error = "refused: " + std::string(500, 'm');
        row_.messages = {failed};
        row_.overview.last_access = test_now() - std::chrono::minutes(5);
        selection_.set_visible(domain::Section::Attachments, "a1", false);
    }
    // label → value of the dialog's pairs, in order.
    std::vector<std::pair<std::string, std::string>> pairs(Language lang) {
        SharePanelInput in;
        in.language = lang;
        in.time_zone = kZone;
        in.now = test_now();
        const Json d = reparsed(link_details_dialog(in, row_, selection_, case_.items()));
        title_ = d->getValue<std::string>("title");
        std::vector<std::pair<std::string, std::string>> out;
        const JsonArray items = element_of_type(d, "pairs")->getArray("items");
        for (unsigned i = 0; i < items->size(); ++i) {
            out.emplace_back(items->getObject(i)->getValue<std::string>("label"),
                             items->getObject(i)->getValue<std::string>("value"));
        }
        return out;
    }

    domain::CaseSnapshot case_ = sample_case();
    domain::Selection selection_ = domain::Selection::everything_in(
        case_.items(), {domain::Section::Details, domain::Section::Attachments});
    SharePanelRow row_;
    std::string title_;
};

TEST_F(LinkDetailsTest, ShowsEveryFactOfTheLinkWhole) {
    const std::string email = std::string(68, 'e') + "@example.org";
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"Recipient", "Eva Extern-" + std::string(60, 'n')},
        {"E-mail", email},
        {"Telephone number", "+41791234567"},
        {"E-mailed to", email},
        {"Created by", "Anna Beispiel"},
        {"Created", "6 Dec 2026, 10:30"},
        {"Expires", "26 Dec 2026, 10:30 (in 20 days)"},
        {"Status", "active"},
        {"Protection", "Password"},
        {"Downloads", "1 of 3"},
        {"Last access", "6 Dec 2026, 10:25 (5 minutes ago)"},
        {"Message", "Link by e-mail: could not be delivered — refused: " + std::string(500, 'm')},
        {"Visible items", "Case details: 1 of 1; Journal entries: not shared; Attachments: 0 of 1"},
    };
    EXPECT_EQ(expected, pairs(Language::En));
    EXPECT_EQ("Details of the link", title_);
}

TEST_F(LinkDetailsTest, SpeaksGerman) {
    const auto p = pairs(Language::De);
    EXPECT_EQ("Details zum Link", title_);
    ASSERT_EQ(13u, p.size());
    EXPECT_EQ((std::pair<std::string, std::string>{"Per E-Mail an",
                                                   std::string(68, 'e') + "@example.org"}),
              p[3]);
    EXPECT_EQ((std::pair<std::string, std::string>{"Läuft ab", "26.12.2026, 10:30 (in 20 Tagen)"}),
              p[6]);
    EXPECT_EQ((std::pair<std::string, std::string>{"Downloads", "1 von 3"}), p[9]);
    EXPECT_EQ("Nachricht", p[11].first);
    EXPECT_EQ((std::pair<std::string, std::string>{
                  "Sichtbare Einträge",
                  "Fallakten-Details: 1 von 1; Journaleinträge: nicht geteilt; Anhänge: 0 von 1"}),
              p[12]);
}

// A direct link was never e-mailed, and what is unknown is a dash, never an empty line.
TEST_F(LinkDetailsTest, WhatIsUnknownIsADash) {
    row_.overview.share.delivery = domain::Delivery::DirectLink;
    row_.overview.share.recipient = {std::nullopt, std::nullopt, std::nullopt};
    row_.overview.last_access.reset();
    row_.messages.clear();
    const auto p = pairs(Language::En);
    for (std::size_t i : {0u, 1u, 2u, 3u, 10u, 11u}) {
        EXPECT_EQ("—", p[i].second) << p[i].first;
    }
}

TEST(PasswordDialogTest, ShowsThePasswordAndHowToPassItOn) {
    const Json d = reparsed(password_dialog(Language::De, "correct horse"));
    EXPECT_EQ("Passwort anzeigen", d->getValue<std::string>("title"));
    const Json pair = element_of_type(d, "pairs")->getArray("items")->getObject(0);
    EXPECT_EQ("Passwort", pair->getValue<std::string>("label"));
    EXPECT_EQ("correct horse", pair->getValue<std::string>("value"));
    EXPECT_EQ(
        "Gib das Passwort der Person abgetrennt vom ursprünglichen Kommunikationsweg bekannt.",
        element_of_type(d, "text")->getValue<std::string>("text"));
}

}  // namespace
}  // namespace es::ui::test
