// What the composed messages say to whom: every message greets its reader by name or neutrally,
// never by e-mail address, in German and English; the link e-mail says which protection waits
// for the recipient (never the password).
#include <Poco/Base64Decoder.h>
#include <gtest/gtest.h>

#include <iterator>
#include <sstream>

#include <string>
#include <vector>

#include "composer_fixture.hpp"
#include "notify/message_composer.hpp"
#include "notify/outbox_rows.hpp"
#include "notify/template_catalog.hpp"
#include "test_support.hpp"

using namespace es::notify;
using es::domain::CodeChannel;
using es::domain::Language;
using es::domain::Protection;

namespace {

constexpr const char* kShare = "0123456789abcdef0123456789abcdef";
constexpr const char* kAddress = "lina.brunner@example.org";
const es::domain::Timestamp kNow = es::domain::from_epoch_ms(1700000000000);

// The text part of a composed mail, quoted-printable decoded.
std::string text_part(const std::string& mail) {
    const std::string head = "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    const auto start = mail.find(head);
    if (start == std::string::npos) {
        return {};
    }
    const auto begin = start + head.size();
    const std::string qp = mail.substr(begin, mail.find("\r\n--", begin) - begin);
    std::string out;
    for (std::size_t i = 0; i < qp.size(); ++i) {
        if (qp[i] == '=' && i + 2 < qp.size() && qp[i + 1] == '\r' && qp[i + 2] == '\n') {
            i += 2;
        } else if (qp[i] == '=' && i + 2 < qp.size()) {
            out += static_cast<char>(std::stoi(qp.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += qp[i];
        }
    }
    return out;
}

// The Subject header, its RFC 2047 encoded words ("=?UTF-8?B?…?=", folded) decoded.
std::string subject_of(const std::string& mail) {
    const auto at = mail.find("\r\nSubject: ") + 11;
    std::string header;
    for (auto end = mail.find("\r\n", at), start = at;; end = mail.find("\r\n", start)) {
        header += mail.substr(start, end - start);
        start = end + 2;
        if (mail[start] != ' ' && mail[start] != '\t') {
            break;
        }
    }
    std::string out;
    std::size_t i = 0;
    for (auto open = header.find("=?UTF-8?B?"); open != std::string::npos;
         open = header.find("=?UTF-8?B?", i)) {
        const auto close = header.find("?=", open + 10);
        std::istringstream in(header.substr(open + 10, close - open - 10));
        Poco::Base64Decoder decoder(in);
        out += std::string(std::istreambuf_iterator<char>(decoder), {});
        i = close + 2;
    }
    return out.empty() ? header : out;
}

class RecipientWording : public ComposerTest {
  protected:
    static ShareFacts facts(Language locale, const std::string& recipient_name) {
        ShareFacts f;
        f.organisation_id = "org-1";
        f.organisation_name = "Amt";
        f.share_id = kShare;
        f.case_reference = "2026-17 Muster";
        f.locale = locale;
        f.owner_name = "Max Müller";
        f.owner_email = "max@amt.example";
        f.recipient_name = recipient_name;
        return f;
    }

    std::string compose(es::domain::OutboxMessage m) const {
        m.id = 7;
        return composer_->compose(m, kNow).mail.data;
    }

    std::string link_mail(const ShareFacts& f) const {
        return compose(share_link_row(f, kAddress,
                                      test_seal("TOKEN", std::string("token:") + kShare),
                                      kNow + std::chrono::hours(24), kNow));
    }

    std::string code_mail(const ShareFacts& f) const {
        return compose(one_time_code_row(f, CodeChannel::Email, kAddress,
                                         test_seal("482913", std::string("code:") + kShare), 10,
                                         kNow));
    }
};

}  // namespace

TEST_F(RecipientWording, CodeMailGreetsTheRecipientByName) {
    const std::string de = text_part(code_mail(facts(Language::De, "Lina Brunner")));
    EXPECT_NE(std::string::npos, de.find("Guten Tag Lina Brunner\r\n")) << de;
    const std::string en = text_part(code_mail(facts(Language::En, "Lina Brunner")));
    EXPECT_NE(std::string::npos, en.find("Hello Lina Brunner,\r\n")) << en;
}

TEST_F(RecipientWording, WithoutANameRecipientsAreGreetedNeutrallyNeverByAddress) {
    // An empty name, and an address typed into the name field.
    for (const std::string name : {"", kAddress}) {
        for (const auto& mail :
             {code_mail(facts(Language::De, name)), link_mail(facts(Language::De, name))}) {
            const std::string text = text_part(mail);
            EXPECT_NE(std::string::npos, text.find("Guten Tag\r\n")) << text;
            EXPECT_EQ(std::string::npos, text.find(kAddress)) << text;
            EXPECT_EQ(std::string::npos, text.find("Guten Tag \r\n")) << text;
        }
        for (const auto& mail :
             {code_mail(facts(Language::En, name)), link_mail(facts(Language::En, name))}) {
            const std::string text = text_part(mail);
            EXPECT_NE(std::string::npos, text.find("Hello,\r\n")) << text;
            EXPECT_EQ(std::string::npos, text.find(kAddress)) << text;
        }
    }
}

TEST_F(RecipientWording, OwnerMailsGreetTheOwnerNeutrallyWithoutAName) {
    for (const Language l : {Language::De, Language::En}) {
        ShareFacts f = facts(l, "");
        f.owner_name.clear();
        const std::string mail = compose(first_opened_row(f, AccessKind::View, kNow, kNow));
        const std::string text = text_part(mail);
        EXPECT_NE(std::string::npos, text.find(l == Language::De ? "Guten Tag\r\n" : "Hello,\r\n"))
            << text;
        // The stand-in for a missing name never starts a sentence in lower case.
        const std::string subject = subject_of(mail);
        EXPECT_TRUE(subject.rfind("Ihr Link", 0) == 0 || subject.rfind("Your link", 0) == 0)
            << subject;
        EXPECT_EQ(std::string::npos, text.find("\r\ndie empfangende Person")) << text;
        EXPECT_EQ(std::string::npos, text.find("\r\nthe recipient")) << text;
    }
}

TEST_F(RecipientWording, LinkMailSaysWhichProtectionWaitsNeverThePassword) {
    struct Case {
        Protection protection;
        CodeChannel channel;
        const char* de;
        const char* en;
    };
    const std::vector<Case> cases = {
        {Protection::None, CodeChannel::None, "weder ein Passwort noch einen Code",
         "no password or code"},
        {Protection::Password, CodeChannel::None,
         "Zum Öffnen brauchen Sie ein Passwort. Max Müller teilt es Ihnen auf einem anderen Weg "
         "mit",
         "To open it you need a password. Max Müller tells you the password another way"},
        {Protection::Code, CodeChannel::Sms,
         "Beim Öffnen erhalten Sie einen einmaligen Sicherheitscode per SMS",
         "When you open it you receive a one-time security code by SMS"},
        {Protection::Code, CodeChannel::Email, "Sicherheitscode per E-Mail an diese Adresse",
         "security code by e-mail to this address"},
        {Protection::PasswordAndCode, CodeChannel::Sms,
         "ein Passwort. Max Müller teilt es Ihnen auf einem anderen Weg mit, nicht in dieser "
         "E-Mail. Danach erhalten Sie einen einmaligen Sicherheitscode per SMS",
         "After that you receive a one-time security code by SMS"},
    };
    for (const auto& c : cases) {
        for (const Language l : {Language::De, Language::En}) {
            ShareFacts f = facts(l, "Lina Brunner");
            f.protection = c.protection;
            f.code_channel = c.channel;
            const std::string text = text_part(link_mail(f));
            EXPECT_NE(std::string::npos, text.find(l == Language::De ? c.de : c.en)) << text;
        }
    }
}
