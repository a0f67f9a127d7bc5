// The External Sharing module in the sample host, driven through the host's JSON API as any
// client of the API may call it, not only the dialog: every protection mode is checked on the
// server, the download limit can be set, and "Change protection" ends the recipient's open session
// at the real portal.
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <fstream>

#include "portal_visitor.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

const std::string kPlugin = "ch.example.external-sharing";

class ExternalSharingApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir;
        portal_port_ = free_port();
        const std::string config = dir_->path() + "/external-sharing.yaml";
        std::ofstream(config) << "storage:\n  backend: sqlite\n  sqlite:\n    path: es.db\n"
                              << "crypto:\n  key_file: " << dir_->path() << "/sealing.keys\n"
                              << "  create_missing_key_file: true\n"
                              << "  argon2:\n    memory_kib: 8192\n    iterations: 1\n"
                              << "portal:\n  listen_address: 127.0.0.1\n  port: " << portal_port_
                              << "\n  public_url: http://127.0.0.1:" << portal_port_ << "\n"
                              << "notify:\n  mail: spool\n  sms: spool\n  spool_directory: "
                              << dir_->path() << "/spool\n";
        host_ = new TestHost(TestHost::Options{true, 20, {{ES_PLUGIN_FILE, config}}, true});
        ApiClient admin(host_->port());
        ASSERT_EQ(admin.login("claudia.frei", "demo-claudia").status, 200);
        auto trial = admin.post(action_path("external-sharing.admin.start-trial"),
                                R"({"case_id":"","payload":{}})");
        ASSERT_EQ(trial.status, 200) << trial.body;
    }
    static void TearDownTestSuite() {
        delete host_;
        host_ = nullptr;
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override {
        ASSERT_EQ(anna_.login("anna.meier", "demo-anna").status, 200);
        ASSERT_EQ(anna_.put("/api/me/locale", R"({"locale":"en"})").status, 200);
    }

    static std::string action_path(const std::string& action) {
        return "/api/plugins/" + kPlugin + "/actions/" + action;
    }
    std::string case_id(const std::string& number) {
        auto cases = anna_.get("/api/cases?q=" + number).json()->getArray("cases");
        return cases->getObject(0)->getValue<std::string>("id");
    }
    // POSTs the share form's payload (a JSON object's members, without braces) for `case_id`.
    HttpResult create(const std::string& case_id, const std::string& members) {
        return anna_.post(
            action_path("external-sharing.create"),
            R"({"case_id":")" + case_id + R"(","payload":{)" + members +
                R"(,"recipient_name":"Lea","selection":{"details":{"included":true,"items":[]}}}})");
    }
    HttpResult act(const std::string& action, const std::string& case_id,
                   const std::string& payload) {
        return anna_.post(action_path(action),
                          R"({"case_id":")" + case_id + R"(","payload":)" + payload + "}");
    }
    // Each payload is answered with the dialog again, not a link, with an error beside `field`.
    void expect_field_error(const std::string& case_id, const std::vector<std::string>& payloads,
                            const std::string& field) {
        for (const std::string& members : payloads) {
            const auto r = create(case_id, members);
            ASSERT_EQ(r.status, 200) << members << r.body;
            EXPECT_EQ(r.json()->getValue<std::string>("type"), "dialog") << members;
            EXPECT_EQ(link_of(r), "") << members << ": a link was made";
            EXPECT_EQ(field_errors(r).count(field), 1u) << members << r.body;
        }
    }
    // The field errors of a dialog answered instead of a link; empty when there are none.
    static std::map<std::string, std::string> field_errors(const HttpResult& r) {
        std::map<std::string, std::string> out;
        auto body = r.json()->getArray("body");
        for (unsigned i = 0; body && i < body->size(); ++i) {
            auto e = body->getObject(i);
            if (e && e->getValue<std::string>("type") == "form" && e->has("errors")) {
                auto errors = e->getObject("errors");
                for (const auto& [k, v] : *errors)
                    out[k] = v.toString();
            }
        }
        return out;
    }
    static std::string link_of(const HttpResult& r) {
        std::smatch found;
        return std::regex_search(r.body, found, std::regex("/s/[A-Za-z0-9_-]{40,}")) ? found.str()
                                                                                     : "";
    }
    // The rows of the case's links table in the panel.
    Poco::JSON::Array::Ptr links(const std::string& case_id) {
        auto panel = anna_.get("/api/plugins/" + kPlugin +
                               "/panels/external-sharing.panel?case_id=" + case_id);
        auto body = panel.json()->getArray("body");
        for (unsigned i = 0; i < body->size(); ++i) {
            auto e = body->getObject(i);
            if (e->getValue<std::string>("type") == "table")
                return e->getArray("rows");
        }
        return nullptr;
    }

    static TempDir* dir_;
    static TestHost* host_;
    static int portal_port_;
    ApiClient anna_{host_->port()};
};
TempDir* ExternalSharingApi::dir_ = nullptr;
TestHost* ExternalSharingApi::host_ = nullptr;
int ExternalSharingApi::portal_port_ = 0;

TEST_F(ExternalSharingApi, PasswordModesWithoutAUsablePasswordAreRefusedWithAFieldError) {
    const std::string id = case_id("MH-2024-00004");
    expect_field_error(id,
                       {R"("protection":"password")", R"("protection":"password","password":"")",
                        R"("protection":"password","password":null)",
                        R"("protection":"password","password":"short")",
                        R"("protection":"both","recipient_email":"lea@example.org")",
                        R"("protection":"both","password":"","recipient_email":"lea@example.org")"},
                       "password");
    EXPECT_EQ(links(id)->size(), 0u) << "nothing was shared";

    // With a password that meets the policy, the link is made, and protected at the portal.
    const std::string other = case_id("MH-2024-00006");
    const auto r = create(other, R"("protection":"password","password":"correct horse battery")");
    const std::string link = link_of(r);
    ASSERT_NE(link, "") << r.body;
    PortalVisitor recipient(portal_port_);
    const auto page = recipient.get(link);
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("name=\"password\""), std::string::npos);
    EXPECT_EQ(page.body.find("MH-2024-00006"), std::string::npos) << "no content before";
}

TEST_F(ExternalSharingApi, CodeModesWithoutAContactToSendToAreRefused) {
    const std::string id = case_id("MH-2024-00004");
    expect_field_error(
        id,
        {R"("protection":"code","recipient_email":"","recipient_phone":"")",
         R"("protection":"code")", R"("protection":"both","password":"correct horse battery")"},
        "recipient_phone");
    EXPECT_EQ(links(id)->size(), 0u);
}

TEST_F(ExternalSharingApi, AMissingOrUnknownProtectionIsNotReadAsNone) {
    const std::string id = case_id("MH-2024-00004");
    expect_field_error(
        id,
        {R"("recipient_email":"lea@example.org")", R"("protection":"open")", R"("protection":7)"},
        "protection");
    EXPECT_EQ(links(id)->size(), 0u);
}

TEST_F(ExternalSharingApi, DownloadLimitIsSetInTheDialogAndShownInThePanel) {
    const std::string id = case_id("MH-2024-00008");
    for (const char* bad : {"\"abc\"", "\"0\"", "\"1001\"", "\"-1\"", "2.5"}) {
        const auto r = create(
            id, std::string(R"("protection":"none","advanced":true,"download_limit":)") + bad);
        EXPECT_EQ(link_of(r), "") << bad;
        EXPECT_EQ(field_errors(r).count("download_limit"), 1u) << bad << r.body;
    }
    const auto r = create(id, R"("protection":"none","advanced":true,"download_limit":"2")");
    ASSERT_NE(link_of(r), "") << r.body;
    auto rows = links(id);
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->getObject(0)
                  ->getObject("cells")
                  ->getObject("downloads")
                  ->getValue<std::string>("text"),
              "0 of 2");
    // Extend/Change sets a new limit, keeping the date.
    const std::string share = rows->getObject(0)->getValue<std::string>("id");
    auto dialog = act("external-sharing.edit-expiry", id, R"({"share_id":")" + share + "\"}");
    const std::string expires = dialog.json()
                                    ->getArray("body")
                                    ->getObject(0)
                                    ->getArray("fields")
                                    ->getObject(0)
                                    ->getValue<std::string>("value");
    auto saved = act("external-sharing.save-expiry", id,
                     R"({"share_id":")" + share + R"(","expires_on":")" + expires +
                         R"(","download_limit":"5"})");
    EXPECT_EQ(saved.json()->getValue<std::string>("type"), "close") << saved.body;
    EXPECT_EQ(links(id)
                  ->getObject(0)
                  ->getObject("cells")
                  ->getObject("downloads")
                  ->getValue<std::string>("text"),
              "0 of 5");
}

TEST_F(ExternalSharingApi, ChangeProtectionEndsTheOpenSessionAndRemovalNeedsAConfirmation) {
    const std::string id = case_id("MH-2024-00012");
    const auto created =
        create(id, R"("protection":"password","password":"correct horse battery")");
    const std::string link = link_of(created);
    ASSERT_NE(link, "") << created.body;
    PortalVisitor recipient(portal_port_);
    const auto form = recipient.get(link);
    ASSERT_EQ(recipient
                  .post_form(link + "/password", {{"csrf", PortalVisitor::csrf_of(form.body)},
                                                  {"password", "correct horse battery"}})
                  .status,
              303);
    ASSERT_EQ(recipient.get(link).body.find("name=\"password\""), std::string::npos) << "signed in";
    const std::string share = links(id)->getObject(0)->getValue<std::string>("id");
    const std::string share_member = R"("share_id":")" + share + "\"";

    // Refused changes change nothing.
    auto refused = act("external-sharing.save-protection", id,
                       "{" + share_member + R"(,"protection":"password","password":""})");
    EXPECT_EQ(field_errors(refused).count("password"), 1u) << refused.body;
    EXPECT_EQ(recipient.get(link).body.find("name=\"password\""), std::string::npos);

    // A new password ends the session.
    auto changed =
        act("external-sharing.save-protection", id,
            "{" + share_member + R"(,"protection":"password","password":"another horse battery"})");
    EXPECT_EQ(changed.json()->getValue<std::string>("type"), "close") << changed.body;
    EXPECT_NE(recipient.get(link).body.find("name=\"password\""), std::string::npos)
        << "the session ended";

    // Removing the protection is asked once more, and only then done.
    auto ask = act("external-sharing.save-protection", id,
                   "{" + share_member + R"(,"protection":"none"})");
    ASSERT_EQ(ask.json()->getValue<std::string>("type"), "dialog") << ask.body;
    EXPECT_NE(ask.body.find("\"confirmed\":\"yes\""), std::string::npos) << ask.body;
    PortalVisitor stranger(portal_port_);
    EXPECT_NE(stranger.get(link).body.find("name=\"password\""), std::string::npos)
        << "still protected before the confirmation";
    auto removed = act("external-sharing.save-protection", id,
                       "{" + share_member + R"(,"protection":"none","confirmed":"yes"})");
    EXPECT_EQ(removed.json()->getValue<std::string>("type"), "close") << removed.body;
    EXPECT_EQ(stranger.get(link).body.find("name=\"password\""), std::string::npos);
}

}  // namespace
}  // namespace host::test
