// The dev mailbox: parsing spooled e-mails (MIME, encoded words) and SMS, and its API.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "TestHost.hpp"
#include "mailbox/DevMailbox.hpp"

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

TEST(DevMailbox, ApiListsSpooledMailAndSms) {
    TestHost host(TestHost::Options{true, 5, {}, true});
    std::filesystem::create_directories(host.spool_directory() + "/mail");
    std::filesystem::create_directories(host.spool_directory() + "/sms");
    std::ofstream(host.spool_directory() + "/mail/0001.eml") << kMultipart;
    std::ofstream(host.spool_directory() + "/sms/0001.json")
        << R"({"to":"+41 79 123 45 67","text":"Code 48213","created_at":"2026-11-23T13:27:16Z"})";
    std::ofstream(host.spool_directory() + "/sms/ignored.txt") << "not json";
    auto c = host.client();
    ASSERT_EQ(c.login("anna.meier", "demo-anna").status, 200);
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

TEST(DevMailbox, ApiIsNotFoundWithoutSpoolFolder) {
    TestHost host(TestHost::Options{true, 5, {}, false});
    auto c = host.client();
    ASSERT_EQ(c.login("anna.meier", "demo-anna").status, 200);
    EXPECT_EQ(c.get("/api/dev/mailbox").status, 404);
    EXPECT_FALSE(c.get("/api/me").json()->getValue<bool>("mailbox_enabled"));
}

}  // namespace
}  // namespace host::test
