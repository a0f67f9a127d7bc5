// The owner's preview: the recipient's page, marked, with Hide buttons, not logged.
#include <Poco/URI.h>

#include <algorithm>

#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class PreviewTest : public PortalTest {
  protected:
    std::string ticket_path(const CreatedShare& share) {
        return Poco::URI(portal_->create_preview_ticket("org-1", share.id, "u1")).getPath();
    }
};

TEST_F(PreviewTest, TicketOpensAMarkedPreviewOnce) {
    const auto share =
        create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    const std::string path = ticket_path(share);
    Browser owner(port());
    const auto opened = owner.get(path);
    ASSERT_EQ(303, opened.status);
    EXPECT_EQ("/preview", opened.header("Location"));
    const auto page = owner.get("/preview");
    EXPECT_EQ(200, page.status);
    EXPECT_NE(std::string::npos, page.body.find("class=\"preview\""));
    EXPECT_NE(std::string::npos, page.body.find("hello.txt")) << "no password for the owner";
    EXPECT_NE(std::string::npos, page.body.find("/preview/hide"));
    EXPECT_EQ(a1_content_, owner.get("/preview/files/a1").body);
    EXPECT_EQ(404, owner.get("/preview/files/a2").status);
    Browser second(port());
    EXPECT_EQ(404, second.get(path).status) << "tickets are single-use";
    EXPECT_TRUE(access_events(share).empty()) << "the owner's preview is not external access";
}

// The owner who previews and then opens the link itself (the panel's "Private URL") is not the
// recipient: the visit is logged as the owner's, the page says so, and nothing "first opened"
// is recorded or e-mailed. A fresh browser is the recipient again.
TEST_F(PreviewTest, TheOwnersOwnVisitToTheLinkIsLoggedAsTheOwnersNotTheRecipients) {
    const auto share = create_share({.notify_owner_on_open = true});
    Browser owner(port());
    const auto opened = owner.get(ticket_path(share));
    bool lax_mark = false;
    for (const auto& c : opened.all("Set-Cookie")) {
        lax_mark |= c.rfind("es_owner=", 0) == 0 && c.find("SameSite=Lax") != std::string::npos &&
                    c.find("HttpOnly") != std::string::npos;
    }
    EXPECT_TRUE(lax_mark) << "the owner mark follows a link from the host's page";
    const auto page = owner.get(share.path());
    ASSERT_EQ(200, page.status);
    EXPECT_NE(std::string::npos, page.body.find("class=\"preview owner-visit\""));
    auto events = access_events(share);
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ("owner_view", events[0].action);
    EXPECT_EQ(0u, host_.journal_texts().size()) << "no first opening for the owner";
    auto opened_alerts = [&] {
        const auto rows = store_->outbox().for_share(share.id);
        return std::count_if(rows.begin(), rows.end(),
                             [](const auto& m) { return m.kind == "owner_opened"; });
    };
    EXPECT_EQ(0, opened_alerts()) << "no \"first opened\" e-mail for the owner's own visit";

    Browser recipient(port());
    const auto seen = recipient.get(share.path());
    EXPECT_EQ(std::string::npos, seen.body.find("owner-visit"));
    events = access_events(share);
    ASSERT_EQ(2u, events.size());
    EXPECT_EQ(1, std::count_if(events.begin(), events.end(),
                               [](const auto& e) { return e.action == "view"; }));
    EXPECT_EQ(1u, host_.journal_texts().size()) << "the recipient's first opening";
    EXPECT_EQ(1, opened_alerts());
}

TEST_F(PreviewTest, AForgedOwnerMarkCountsForNothing) {
    const auto share = create_share();
    Browser forger(port());
    forger.cookies["es_owner"] = "v1.forged";
    forger.get(share.path());
    const auto events = access_events(share);
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ("view", events[0].action);
}

TEST_F(PreviewTest, TamperedTicketIsADeadLink) {
    const auto share = create_share();
    std::string path = ticket_path(share);
    path[path.size() / 2 + 3] = path[path.size() / 2 + 3] == 'A' ? 'B' : 'A';
    EXPECT_EQ(404, http_request(port(), "GET", path).status);
}

TEST_F(PreviewTest, HideRemovesTheItemForTheRecipient) {
    const auto share = create_share();
    Browser owner(port());
    owner.get(ticket_path(share));
    const auto page = owner.get("/preview");
    const std::string csrf = Browser::csrf_of(page.body);
    EXPECT_EQ(403,
              owner.post("/preview/hide", {{"section", "attachments"}, {"item", "a1"}}).status);
    EXPECT_EQ(
        303,
        owner.post("/preview/hide", {{"csrf", csrf}, {"section", "attachments"}, {"item", "a1"}})
            .status);
    EXPECT_EQ(std::string::npos, http_request(port(), "GET", share.path()).body.find("hello.txt"));
    EXPECT_EQ(404, http_request(port(), "GET", share.path() + "/files/a1").status);
}

TEST_F(PreviewTest, RecipientCannotHide) {
    const auto share = create_share();
    Browser b(port());
    const auto page = b.get(share.path());
    EXPECT_EQ(std::string::npos, page.body.find("/hide"));
    EXPECT_EQ(404, b.post(share.path() + "/hide", {{"csrf", Browser::csrf_of(page.body)},
                                                   {"section", "attachments"},
                                                   {"item", "a1"}})
                       .status);
    EXPECT_NE(std::string::npos, b.get(share.path()).body.find("hello.txt"));
}

TEST_F(PreviewTest, RevokedShareEndsThePreview) {
    const auto share = create_share();
    Browser owner(port());
    owner.get(ticket_path(share));
    revoke(share);
    EXPECT_EQ(404, owner.get("/preview").status);
}

}  // namespace
}  // namespace es::portal::test
