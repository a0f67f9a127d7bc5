// The dev mailbox: parsing spooled e-mails (MIME, encoded words) and SMS, and its API.
#include <filesystem>
#include <fstream>
#include <tuple>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "mailbox/dev_mailbox.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

const char* kMultipart =
    "From: External Sharing <noreply@example.org>\r\n"
    "To: lea.mueller@example.org\r\n"
    "Subject: =?UTF-8?Q?Ihr_Zugangscode_f=C3=BCr_die_Fallakte?=\r\n"
    "Date: Mon, 23 Nov 2026 13:27:16 +0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/alternative; boundary=\"XYZ\"\r\n"
    "\r\n"
    "--XYZ\r\n"
    "Content-Type: text/plain; charset=UTF-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "Gr=C3=BCezi, Ihr Code lautet 48213.\r\n"
    "--XYZ\r\n"
    "Content-Type: text/html; charset=UTF-8\r\n"
    "\r\n"
    "<p>html</p>\r\n"
    "--XYZ--\r\n";

TEST(DevMailbox, ParsesMultipartMailWithEncodedSubject) {
    auto m = DevMailbox::parse_mail(kMultipart);
    EXPECT_EQ(m.subject, "Ihr Zugangscode für die Fallakte");
    EXPECT_EQ(m.to, "lea.mueller@example.org");
    EXPECT_NE(m.body.find("Grüezi, Ihr Code lautet 48213."), std::string::npos) << m.body;
    EXPECT_EQ(m.body.find("<p>"), std::string::npos);
}

TEST(DevMailbox, ParsesSinglePartMail) {
    auto m = DevMailbox::parse_mail(
        "From: a@example.org\r\nTo: b@example.org\r\nSubject: "
        "=?UTF-8?B?TGluayB6dXIgRmFsbGFrdGU=?=\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n\r\nhttp://localhost:8090/s/abc\r\n");
    EXPECT_EQ(m.subject, "Link zur Fallakte");
    EXPECT_NE(m.body.find("http://localhost:8090/s/abc"), std::string::npos);
}

// The plugin folds a long subject into several encoded words (45 bytes each); the blank that
// folds them is not part of the text (RFC 2047 §6.2), so no space appears where a word was split.
TEST(DevMailbox, FoldedEncodedWordsJoinWithoutAStraySpace) {
    // "Geteilte Falldaten: Gesuch Müller, Bauamt Zürich – Baugesuch" in two words, split
    // inside "Baugesuch".
    const std::string first = "Geteilte Falldaten: Gesuch Müller, Bauamt Zürich – Bau";
    const std::string second = "gesuch";
    auto b64 = [](const std::string& s) {
        static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string out;
        std::size_t i = 0;
        for (; i + 2 < s.size(); i += 3) {
            unsigned v = (static_cast<unsigned char>(s[i]) << 16) |
                         (static_cast<unsigned char>(s[i + 1]) << 8) |
                         static_cast<unsigned char>(s[i + 2]);
            out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], k[v & 63]};
        }
        if (i + 1 == s.size()) {
            unsigned v = static_cast<unsigned char>(s[i]) << 16;
            out += {k[v >> 18], k[(v >> 12) & 63], '=', '='};
        } else if (i + 2 == s.size()) {
            unsigned v = (static_cast<unsigned char>(s[i]) << 16) |
                         (static_cast<unsigned char>(s[i + 1]) << 8);
            out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], '='};
        }
        return out;
    };
    auto m =
        DevMailbox::parse_mail("From: a@example.org\r\nTo: b@example.org\r\nSubject: =?UTF-8?B?" +
                               b64(first) + "?=\r\n =?UTF-8?B?" + b64(second) +
                               "?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nx\r\n");
    EXPECT_EQ(m.subject, first + second);
}

TEST(DevMailbox, PlainAndEncodedTextKeepTheirSpaces) {
    auto m = DevMailbox::parse_mail(
        "From: a@example.org\r\nTo: b@example.org\r\nSubject: Code =?UTF-8?Q?f=C3=BCr?= Fall\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n\r\nx\r\n");
    EXPECT_EQ(m.subject, "Code für Fall");
}

// A spooled message as the plugin writes it for organisation `organisation` ("" = unmarked).
void spool_message(const TestHost& host, const std::string& name, const std::string& organisation,
                   const std::string& code) {
    std::filesystem::create_directories(host.spool_directory() + "/mail");
    std::filesystem::create_directories(host.spool_directory() + "/sms");
    std::ofstream(host.spool_directory() + "/mail/" + name + ".eml")
        << (organisation.empty() ? "" : "X-Spool-Organisation: " + organisation + "\r\n")
        << "From: a@example.org\r\nTo: b@example.org\r\nSubject: Code " << code
        << "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nIhr Code lautet " << code << ".\r\n";
    std::ofstream(host.spool_directory() + "/sms/" + name + ".json")
        << R"({"to":"+41 79 123 45 67","text":"Code )" << code
        << R"(","created_at":"2026-11-23T13:27:16Z")"
        << (organisation.empty() ? "" : R"(,"organisation_id":")" + organisation + "\"") << "}";
}

std::string organisation_of(ApiClient& c) {
    return c.get("/api/me").json()->getObject("organisation")->getValue<std::string>("id");
}

TEST(DevMailbox, ApiListsSpooledMailAndSms) {
    TestHost host(TestHost::Options{true, 5, {}, true});
    auto c = host.client();
    ASSERT_EQ(c.login("anna.meier", "demo-anna").status, 200);
    std::filesystem::create_directories(host.spool_directory() + "/mail");
    std::filesystem::create_directories(host.spool_directory() + "/sms");
    std::ofstream(host.spool_directory() + "/mail/0001.eml")
        << "X-Spool-Organisation: " << organisation_of(c) << "\r\n"
        << kMultipart;
    std::ofstream(host.spool_directory() + "/sms/0001.json")
        << R"({"to":"+41 79 123 45 67","text":"Code 48213","created_at":"2026-11-23T13:27:16Z",)"
        << R"("organisation_id":")" << organisation_of(c) << "\"}";
    std::ofstream(host.spool_directory() + "/sms/ignored.txt") << "not json";
    auto r = c.get("/api/dev/mailbox");
    ASSERT_EQ(r.status, 200) << r.body;
    auto mails = r.json()->getArray("mails");
    ASSERT_EQ(mails->size(), 1u);
    EXPECT_EQ(mails->getObject(0)->getValue<std::string>("subject"),
              "Ihr Zugangscode für die Fallakte");
    auto sms = r.json()->getArray("sms");
    ASSERT_EQ(sms->size(), 1u);
    EXPECT_EQ(sms->getObject(0)->getValue<std::string>("text"), "Code 48213");
}

// The mailbox is per organisation: a user never sees the links and codes sent for another one.
TEST(DevMailbox, EachOrganisationSeesOnlyItsOwnMessages) {
    TestHost host(TestHost::Options{true, 5, {}, true});
    auto anna = host.client();
    ASSERT_EQ(anna.login("anna.meier", "demo-anna").status, 200);
    auto eva = host.client();
    ASSERT_EQ(eva.login("eva.schmid", "demo-eva").status, 200);
    ASSERT_NE(organisation_of(anna), organisation_of(eva));
    spool_message(host, "anna", organisation_of(anna), "111111");
    spool_message(host, "eva", organisation_of(eva), "222222");
    spool_message(host, "nobody", "", "333333");
    using Expectation = std::tuple<ApiClient*, std::string, std::string>;
    for (const auto& [client, mine, theirs] :
         {Expectation{&anna, "111111", "222222"}, Expectation{&eva, "222222", "111111"}}) {
        auto r = client->get("/api/dev/mailbox");
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_NE(r.body.find(mine), std::string::npos) << r.body;
        EXPECT_EQ(r.body.find(theirs), std::string::npos) << r.body;
        EXPECT_EQ(r.body.find("333333"), std::string::npos) << "unmarked: nobody's";
        EXPECT_EQ(r.json()->getArray("mails")->size(), 1u);
        EXPECT_EQ(r.json()->getArray("sms")->size(), 1u);
    }
}

TEST(DevMailbox, ApiIsNotFoundWithoutSpoolFolder) {
    TestHost host(TestHost::Options{true, 5, {}, false});
    auto c = host.client();
    ASSERT_EQ(c.login("anna.meier", "demo-anna").status, 200);
    EXPECT_EQ(c.get("/api/dev/mailbox").status, 404);
    EXPECT_FALSE(c.get("/api/me").json()->getValue<bool>("mailbox_enabled"));
}

}  // namespace
}  // namespace host::test
