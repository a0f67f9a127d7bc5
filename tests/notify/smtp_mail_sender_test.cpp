// SmtpMailSender against a real SMTP server (aiosmtpd) started by the test: the message as an
// independent MIME parser sees it, connection reuse, AUTH, STARTTLS, and each failure mode with
// the error the outbox row keeps.
#include <gtest/gtest.h>

#include <cstdlib>

#include "config/config_error.hpp"
#include "notify/delivery_error.hpp"
#include "notify/message_composer.hpp"
#include "notify/outbox_rows.hpp"
#include "notify/smtp_mail_sender.hpp"
#include "notify/template_catalog.hpp"
#include "sink_process.hpp"
#include "test_support.hpp"

using namespace es::notify;
using es::config::SmtpSettings;

namespace {

SmtpSettings plain_settings(int port) {
    SmtpSettings s;
    s.host = "127.0.0.1";
    s.port = port;
    s.security = SmtpSettings::Security::None;
    s.timeout_seconds = 5;
    return s;
}

OutgoingMail simple_mail(const std::string& id) {
    OutgoingMail m;
    m.envelope_from = "no-reply@amt.example";
    m.envelope_to = "anna@example.org";
    m.message_id = "<" + id + "@amt.example>";
    m.data = "From: no-reply@amt.example\r\nTo: anna@example.org\r\nSubject: t\r\nMessage-ID: " +
             m.message_id + "\r\n\r\nbody\r\n.leading dot line\r\n";
    return m;
}

DeliveryError error_of(MailSender& sender, const OutgoingMail& mail) {
    try {
        sender.send(mail);
    } catch (const DeliveryError& e) {
        return e;
    }
    ADD_FAILURE() << "no delivery error";
    return DeliveryError("", false);
}

std::string header(const Poco::JSON::Object::Ptr& msg, const std::string& name) {
    auto headers = msg->getObject("headers");
    if (!headers->has(name)) {
        return "<missing>";
    }
    return headers->getArray(name)->getElement<std::string>(0);
}

}  // namespace

TEST(SmtpMailSender, ComposedLinkMailArrivesAsValidMultipartAlternative) {
    SinkProcess sink("smtp_sink.py", {});
    es::config::NotifySettings notify;
    notify.from_address = "no-reply@amt.example";
    notify.from_name = "External Sharing";
    const TemplateCatalog templates = TemplateCatalog::load("");
    MessageComposer composer(notify, "https://portal.example", templates, test_opener());

    ShareFacts facts = sample_share_facts();
    facts.locale = es::domain::Language::De;
    facts.recipient_name = "Anna \"Änni\" Muster";  // a quote inside an encoded display name
    const std::string sealed = test_seal("TOKEN123", "token:" + facts.share_id);
    auto row =
        share_link_row(facts, "anna@example.org", sealed, es::domain::from_epoch_ms(1700000000000),
                       es::domain::from_epoch_ms(1699913600000));
    row.id = 41;
    const ComposedMessage composed = composer.compose(row, es::domain::now_utc());
    SmtpMailSender sender(plain_settings(sink.port()));
    sender.send(composed.mail);
    sender.end_batch();

    const auto files = sink.wait_for(1);
    ASSERT_EQ(files.size(), 1u);
    const auto msg = read_json(files[0]);
    EXPECT_EQ(msg->getArray("defects")->size(), 0u);
    EXPECT_EQ(header(msg, "To"), "\"Anna \\\"Änni\\\" Muster\" <anna@example.org>");
    EXPECT_EQ(header(msg, "Subject"),
              "Max Müller (Sozialamt Zürich) hat Unterlagen mit Ihnen geteilt");
    EXPECT_EQ(header(msg, "From"), "Sozialamt Zürich – External Sharing <no-reply@amt.example>");
    EXPECT_EQ(header(msg, "Message-ID"), composer.message_id(row));
    EXPECT_EQ(header(msg, "MIME-Version"), "1.0");
    EXPECT_NE(header(msg, "Date"), "<missing>");
    EXPECT_EQ(msg->getValue<std::string>("content_type"), "multipart/alternative");
    // Non-ASCII went over the wire as encoded words, not raw UTF-8.
    const std::string raw_subject =
        msg->getObject("raw_headers")->getArray("Subject")->getElement<std::string>(0);
    EXPECT_EQ(raw_subject.rfind("=?UTF-8?B?", 0), 0u) << raw_subject;

    const auto parts = msg->getArray("parts");
    ASSERT_EQ(parts->size(), 2u);
    const auto text = parts->getObject(0);
    const auto html = parts->getObject(1);
    EXPECT_EQ(text->getValue<std::string>("content_type"), "text/plain");
    EXPECT_EQ(html->getValue<std::string>("content_type"), "text/html");
    for (const auto& part : {text, html}) {
        EXPECT_EQ(part->getValue<std::string>("charset"), "utf-8");
        EXPECT_EQ(part->getValue<std::string>("transfer_encoding"), "quoted-printable");
    }
    const std::string body = text->getValue<std::string>("body");
    EXPECT_NE(body.find("https://portal.example/s/TOKEN123"), std::string::npos) << body;
    EXPECT_NE(body.find("gültig bis 14.11.2023, 23:13 MEZ"), std::string::npos) << body;
    EXPECT_NE(body.find("Max Müller von Sozialamt Zürich"), std::string::npos) << body;
    const std::string html_body = html->getValue<std::string>("body");
    EXPECT_NE(html_body.find("Anna &quot;Änni&quot; Muster"), std::string::npos) << html_body;
    EXPECT_NE(html_body.find("href=\"https://portal.example/s/TOKEN123\""), std::string::npos);
}

TEST(SmtpMailSender, ReusesOneConnectionAcrossABatch) {
    SinkProcess sink("smtp_sink.py", {});
    SmtpMailSender sender(plain_settings(sink.port()));
    for (int i = 0; i < 5; ++i) {
        sender.send(simple_mail("m" + std::to_string(i)));
    }
    sender.end_batch();
    sender.send(simple_mail("after-batch"));
    sender.end_batch();
    const auto files = sink.wait_for(6);
    ASSERT_EQ(files.size(), 6u);
    std::set<int> batch_ports;
    for (int i = 0; i < 5; ++i) {
        batch_ports.insert(read_json(files[i])->getValue<int>("peer_port"));
    }
    EXPECT_EQ(batch_ports.size(), 1u);
    EXPECT_FALSE(batch_ports.contains(read_json(files[5])->getValue<int>("peer_port")));
}

TEST(SmtpMailSender, DotStuffingKeepsALeadingDotLine) {
    SinkProcess sink("smtp_sink.py", {});
    SmtpMailSender sender(plain_settings(sink.port()));
    sender.send(simple_mail("dot"));
    const auto files = sink.wait_for(1);
    ASSERT_EQ(files.size(), 1u);
    const auto body =
        read_json(files[0])->getArray("parts")->getObject(0)->getValue<std::string>("body");
    EXPECT_NE(body.find("\n.leading dot line"), std::string::npos) << body;
}

TEST(SmtpMailSender, ServerDownIsATransientErrorAndTheNextSendReconnects) {
    const int port = unused_port();
    SmtpMailSender sender(plain_settings(port));
    const DeliveryError e = error_of(sender, simple_mail("down"));
    EXPECT_FALSE(e.permanent());
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:" + std::to_string(port)), std::string::npos)
        << e.what();
    SinkProcess sink("smtp_sink.py", {"--port", std::to_string(port)});
    sender.send(simple_mail("up"));
    EXPECT_EQ(sink.wait_for(1).size(), 1u);
}

TEST(SmtpMailSender, AuthPlainAndLoginWithTheRightPassword) {
    SinkProcess sink("smtp_sink.py", {"--user", "mailer", "--password", "s3cret pass"});
    ::setenv("ES_TEST_SMTP_PASSWORD", "s3cret pass", 1);
    for (auto auth : {SmtpSettings::Auth::Plain, SmtpSettings::Auth::Login}) {
        SmtpSettings s = plain_settings(sink.port());
        s.auth = auth;
        s.user = "mailer";
        s.password_env = "ES_TEST_SMTP_PASSWORD";
        SmtpMailSender sender(s);
        sender.send(simple_mail("auth" + std::to_string(static_cast<int>(auth))));
        sender.end_batch();
    }
    EXPECT_EQ(sink.wait_for(2).size(), 2u);
}

TEST(SmtpMailSender, RefusedAuthenticationGivesAClearTransientError) {
    SinkProcess sink("smtp_sink.py", {"--user", "mailer", "--password", "right"});
    TempDirectory dir;
    std::ofstream(dir.path() / "pw") << "wrong\n";
    SmtpSettings s = plain_settings(sink.port());
    s.auth = SmtpSettings::Auth::Plain;
    s.user = "mailer";
    s.password_file = (dir.path() / "pw").string();
    SmtpMailSender sender(s);
    const DeliveryError e = error_of(sender, simple_mail("refused"));
    EXPECT_FALSE(e.permanent());
    EXPECT_NE(std::string(e.what()).find("authentication refused"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("535"), std::string::npos) << e.what();
    EXPECT_EQ(sink.received().size(), 0u);
}

TEST(SmtpMailSender, MissingPasswordVariableStopsAtConstruction) {
    SmtpSettings s = plain_settings(25);
    s.auth = SmtpSettings::Auth::Login;
    s.password_env = "ES_TEST_SURELY_NOT_SET";
    EXPECT_THROW(SmtpMailSender{s}, es::config::ConfigError);
}

TEST(SmtpMailSender, SlowServerTimesOutAsATransientError) {
    SinkProcess sink("smtp_sink.py", {"--delay", "4"});
    SmtpSettings s = plain_settings(sink.port());
    s.timeout_seconds = 1;
    SmtpMailSender sender(s);
    const DeliveryError e = error_of(sender, simple_mail("slow"));
    EXPECT_FALSE(e.permanent());
    EXPECT_NE(std::string(e.what()).find("timeout"), std::string::npos) << e.what();
}

TEST(SmtpMailSender, RefusedRecipientIsPermanent) {
    SinkProcess sink("smtp_sink.py", {"--reject-rcpt", "anna@example.org"});
    SmtpMailSender sender(plain_settings(sink.port()));
    const DeliveryError e = error_of(sender, simple_mail("rcpt"));
    EXPECT_TRUE(e.permanent());
    EXPECT_NE(std::string(e.what()).find("RCPT TO: 550"), std::string::npos) << e.what();
}

class SmtpStartTls : public ::testing::Test {
  protected:
    void SetUp() override {
        cert_ = (dir_.path() / "cert.pem").string();
        key_ = (dir_.path() / "key.pem").string();
        run_command(
            "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
            "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout " +
            key_ + " -out " + cert_ + " 2>/dev/null");
    }
    TempDirectory dir_;
    std::string cert_;
    std::string key_;
};

TEST_F(SmtpStartTls, AuthenticatesOverStartTlsWithATrustedCertificate) {
    SinkProcess sink("smtp_sink.py", {"--tls-cert", cert_, "--tls-key", key_, "--user", "mailer",
                                      "--password", "pw"});
    ::setenv("ES_TEST_SMTP_PASSWORD_TLS", "pw", 1);
    SmtpSettings s = plain_settings(sink.port());
    s.host = "localhost";
    s.security = SmtpSettings::Security::StartTls;
    s.auth = SmtpSettings::Auth::Plain;
    s.user = "mailer";
    s.password_env = "ES_TEST_SMTP_PASSWORD_TLS";
    s.tls_ca_file = cert_;
    SmtpMailSender sender(s);
    sender.send(simple_mail("tls"));
    sender.end_batch();
    EXPECT_EQ(sink.wait_for(1).size(), 1u);
}

TEST_F(SmtpStartTls, UntrustedCertificateIsRefused) {
    SinkProcess sink("smtp_sink.py", {"--tls-cert", cert_, "--tls-key", key_});
    SmtpSettings s = plain_settings(sink.port());
    s.host = "localhost";
    s.security = SmtpSettings::Security::StartTls;
    SmtpMailSender sender(s);
    const DeliveryError e = error_of(sender, simple_mail("untrusted"));
    EXPECT_FALSE(e.permanent());
    EXPECT_EQ(sink.received().size(), 0u);
}
