// The owner's preview: the recipient's page, marked, with Hide buttons, not logged.
#include <Poco/URI.h>

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
