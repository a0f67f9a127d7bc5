// Rows queued by earlier versions are still delivered. Before the builders of outbox_rows.hpp
// were the only way to queue a message, a new share's link e-mail was written by hand in another
// shape (share_id, case_id, sender_user_id and protection, no organisation or sender); such a row
// may wait in a database through an upgrade, and must still be sent.
#include <gtest/gtest.h>

#include "composer_fixture.hpp"
#include "notify/message_composer.hpp"
#include "notify/template_catalog.hpp"
#include "test_support.hpp"

using namespace es::notify;

namespace {

constexpr const char* kShare = "0123456789abcdef0123456789abcdef";

class EarlierRows : public ComposerTest {
  protected:
    es::domain::OutboxMessage row(const std::string& kind, const std::string& channel,
                                  const std::string& address, const std::string& payload) const {
        es::domain::OutboxMessage m;
        m.id = 3;
        m.organisation_id = "org-1";
        m.share_id = kShare;
        m.kind = kind;
        m.channel = channel;
        m.recipient_address = address;
        m.payload_json = payload;
        m.created_at = es::domain::from_epoch_ms(1700000000000);
        return m;
    }
};

}  // namespace

TEST_F(EarlierRows, LinkMailOfANewShareInTheEarlierShapeIsComposed) {
    const std::string payload =
        std::string(R"({"share_id":")") + kShare +
        R"(","case_id":"case-7","sender_user_id":"max","locale":"en","recipient_name":"Anna",)"
        R"("expires_at":1700086400000,"protection":"none","sealed_token":")" +
        test_seal("TOKEN123", std::string("token:") + kShare) + R"("})";
    const auto composed = composer_->compose(
        row("share_link", "email", "anna@example.org", payload), es::domain::now_utc());
    EXPECT_EQ(composed.channel, Channel::Email);
    EXPECT_EQ(composed.mail.envelope_to, "anna@example.org");
    EXPECT_NE(composed.mail.data.find("https://p.example/s/TOKEN123"), std::string::npos);
    EXPECT_NE(composed.mail.data.find("Hello Anna"), std::string::npos);
    EXPECT_NE(composed.mail.data.find("15 Nov 2023, 23:13 CET"), std::string::npos);
}

TEST_F(EarlierRows, CodeInTheEarlierShapeIsComposed) {
    const std::string payload = R"({"sealed_code":")" +
                                test_seal("482913", std::string("code:") + kShare) +
                                R"(","locale":"de","valid_minutes":10,"organisation":"Amt"})";
    const auto composed = composer_->compose(row("one_time_code", "sms", "+41791234567", payload),
                                             es::domain::now_utc());
    EXPECT_EQ(composed.channel, Channel::Sms);
    EXPECT_EQ(composed.sms.to, "+41791234567");
    EXPECT_EQ(composed.sms.text, "Ihr Code: 482913. Gültig 10 Minuten.");
}
