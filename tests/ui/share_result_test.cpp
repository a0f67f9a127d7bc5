// The step after "Share" (share_result_dialog): the link to copy, the preview, and sending by
// e-mail only as a second, deliberate step, and only when the recipient has an address.
#include <gtest/gtest.h>

#include <string>

#include "ui/share_result.hpp"
#include "view_model.hpp"

namespace es::ui::test {
namespace {

domain::CreatedShare created(bool with_email) {
    domain::CreatedShare c;
    c.share.id = "share-1";
    c.share.recipient.name = "Eva Extern";
    if (with_email) {
        c.share.recipient.email = "eva@example.org";
    }
    c.url = "https://portal.example.org/s/token";
    c.share.expires_at = days_after_now(30);  // 2027-01-05 09:30 UTC, 10:30 in Zurich
    return c;
}

TEST(ShareResultTest, ShowsTheLinkToCopyAndThePreview) {
    const Json d = reparsed(share_result_dialog({Language::En, kZone}, created(true), true));
    EXPECT_EQ("Link created", d->getValue<std::string>("title"));
    const Json link = element_of_type(d, "link");
    EXPECT_EQ("https://portal.example.org/s/token", link->getValue<std::string>("url"));
    EXPECT_TRUE(link->getValue<bool>("copy"));
    const Json preview = element_of_type(d, "buttons")->getArray("items")->getObject(0);
    EXPECT_EQ("external-sharing.preview", preview->getValue<std::string>("action"));
    EXPECT_EQ("share-1", preview->getObject("payload")->getValue<std::string>("share_id"));
}

TEST(ShareResultTest, OffersToSendByEmailWhenAnAddressIsKnown) {
    const Json d = reparsed(share_result_dialog({Language::En, kZone}, created(true), true));
    const Json form = element_of_type(d, "form");
    EXPECT_EQ("external-sharing.send-email", form->getValue<std::string>("action"));
    EXPECT_EQ("share-1", form->getObject("hidden")->getValue<std::string>("share_id"));
    const Json send = field_named(form, "send_email");
    EXPECT_EQ("Send by e-mail (eva@example.org)", send->getValue<std::string>("label"));
    EXPECT_EQ(
        "Sending does not change the expiry: the e-mailed link is valid until 5 Jan 2027, "
        "10:30.",
        send->getValue<std::string>("help"));
    EXPECT_TRUE(send->getValue<bool>("checked"));
}

TEST(ShareResultTest, TheSendingStepStartsAsTheCaseworkerChoseInTheDialog) {
    const Json d = reparsed(share_result_dialog({Language::En, kZone}, created(true), false));
    EXPECT_FALSE(field_named(element_of_type(d, "form"), "send_email")->getValue<bool>("checked"));
}

TEST(ShareResultTest, SaysUntilWhenTheLinkIsValid) {
    const Json d = reparsed(share_result_dialog({Language::En, kZone}, created(false), false));
    EXPECT_EQ("The link is valid until 5 Jan 2027, 10:30.",
              element_of_type(d, "text")->getValue<std::string>("text"));
}

TEST(ShareResultTest, WithoutAddressThereIsOnlyClose) {
    const Json d = reparsed(share_result_dialog({Language::En, kZone}, created(false), false));
    EXPECT_THROW(element_of_type(d, "form"), std::runtime_error);
    const JsonArray body = d->getArray("body");
    const Json last = body->getObject(body->size() - 1);
    EXPECT_EQ("buttons", last->getValue<std::string>("type"));
    EXPECT_EQ("external-sharing.close",
              last->getArray("items")->getObject(0)->getValue<std::string>("action"));
}

TEST(ShareResultTest, SpeaksGerman) {
    const Json d = reparsed(share_result_dialog({Language::De, kZone}, created(true), true));
    EXPECT_EQ("Link erstellt", d->getValue<std::string>("title"));
    const Json send = field_named(element_of_type(d, "form"), "send_email");
    EXPECT_EQ("Per E-Mail senden (eva@example.org)", send->getValue<std::string>("label"));
    EXPECT_EQ(
        "Der Versand ändert das Ablaufdatum nicht: Der versendete Link ist gültig bis "
        "05.01.2027, 10:30.",
        send->getValue<std::string>("help"));
}

}  // namespace
}  // namespace es::ui::test
