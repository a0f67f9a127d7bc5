// The owner's preview: the recipient's page, marked, with Hide buttons, not logged. Each preview is
// bound to its link (its own URL /preview/{id} and cookie): previews of several links in one
// browser stand side by side, and an action in one acts on its link or fails saying which it is.
#include <Poco/URI.h>

#include <algorithm>
#include <regex>
#include <thread>

#include "portal/preview_cookie_limit.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class PreviewTest : public PortalTest {
  protected:
    std::string ticket_path(const CreatedShare& share) {
        return Poco::URI(portal_->create_preview_ticket("org-1", share.id, "u1")).getPath();
    }
    // Opens a preview of `share` in `owner` as the panel does, in English; its URL.
    std::string open_preview(Browser& owner, const CreatedShare& share) {
        owner.cookies["es_lang"] = "en";
        const auto opened = owner.get(ticket_path(share));
        EXPECT_EQ(303, opened.status);
        return opened.header("Location");
    }
    static bool shows(const HttpResponse& page, const std::string& text) {
        return page.body.find(text) != std::string::npos;
    }
    bool recipient_sees_hello(const CreatedShare& share) {
        return shows(http_request(port(), "GET", share.path()), "hello.txt");
    }
};

TEST_F(PreviewTest, TicketOpensAMarkedPreviewOnce) {
    const auto share =
        create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    const std::string path = ticket_path(share);
    Browser owner(port());
    owner.cookies["es_lang"] = "en";
    const auto opened = owner.get(path);
    ASSERT_EQ(303, opened.status);
    const std::string preview = opened.header("Location");
    EXPECT_TRUE(std::regex_match(preview, std::regex("/preview/[0-9a-f]{32}"))) << preview;
    const auto page = owner.get(preview);
    EXPECT_EQ(200, page.status);
    EXPECT_NE(std::string::npos, page.body.find("class=\"preview\""));
    EXPECT_TRUE(shows(page, "Preview of the link for Rita Recipient")) << "names its link";
    EXPECT_NE(std::string::npos, page.body.find("hello.txt")) << "no password for the owner";
    EXPECT_NE(std::string::npos, page.body.find(preview + "/hide"));
    EXPECT_EQ(a1_content_, owner.get(preview + "/files/a1").body);
    EXPECT_EQ(404, owner.get(preview + "/files/a2").status);
    EXPECT_EQ(404, owner.get("/preview").status) << "no preview without its id";
    EXPECT_EQ(404, Browser(port()).get(preview).status) << "the URL alone opens nothing";
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

// The mark of a preview names its link. Someone of the organisation who previewed one link and
// then opens another (and mistypes its password) is logged as a recipient there, and the owner
// of that other link hears of the failed tries.
TEST_F(PreviewTest, APreviewOfOneLinkHidesNothingOnAnother) {
    const auto previewed = create_share();
    const auto other = create_share({.protection = domain::Protection::Password,
                                     .password = "correct horse",
                                     .notify_owner_on_open = true});
    Browser insider(port());
    open_preview(insider, previewed);
    ASSERT_EQ(200, insider.get(previewed.path()).status);
    EXPECT_EQ("owner_view", access_events(previewed).back().action) << "its own link";

    const auto form = insider.get(other.path());
    ASSERT_EQ(200, form.status);
    EXPECT_EQ(std::string::npos, form.body.find("owner-visit"));
    const auto free = static_cast<std::size_t>(settings_.portal.guesses.free_per_address);
    for (std::size_t i = 0; i <= free; ++i) {
        const auto page = insider.get(other.path());
        insider.post(other.path() + "/password", {{"csrf", Browser::csrf_of(page.body)},
                                                  {"password", "wrong " + std::to_string(i)}});
    }
    for (const auto& e : access_events(other)) {
        EXPECT_NE(0u, e.action.rfind("owner_", 0)) << "logged as a recipient's: " << e.action;
    }
    EXPECT_FALSE(outbox_rows(other, "owner_failed_attempts").empty())
        << "the failed tries are reported to the link's owner";
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
    const std::string preview = open_preview(owner, share);
    const auto page = owner.get(preview);
    const std::string csrf = Browser::csrf_of(page.body);
    EXPECT_EQ(403,
              owner.post(preview + "/hide", {{"section", "attachments"}, {"item", "a1"}}).status);
    const auto hidden =
        owner.post(preview + "/hide", {{"csrf", csrf}, {"section", "attachments"}, {"item", "a1"}});
    EXPECT_EQ(303, hidden.status);
    EXPECT_EQ(preview, hidden.header("Location"));
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

// The bug of issue #18: the second preview replaced the first, whose "Hide" then failed, and a
// reload showed the other recipient's link.
TEST_F(PreviewTest, TwoPreviewsInOneBrowserEachActOnTheirOwnLink) {
    const auto a = create_share({.email = std::string("anna@example.org")});
    const auto b = create_share({.email = std::string("bruno@example.org")});
    Browser owner(port());
    const std::string preview_a = open_preview(owner, a);
    const auto page_a = owner.get(preview_a);
    const std::string preview_b = open_preview(owner, b);
    ASSERT_NE(preview_a, preview_b);
    const auto page_b = owner.get(preview_b);
    EXPECT_TRUE(shows(page_a, "Rita Recipient (anna@example.org)"));
    EXPECT_TRUE(shows(page_b, "Rita Recipient (bruno@example.org)"));

    // The first tab's form, after the second preview was opened.
    EXPECT_EQ(303, owner
                       .post(preview_a + "/hide", {{"csrf", Browser::csrf_of(page_a.body)},
                                                   {"section", "attachments"},
                                                   {"item", "a1"}})
                       .status);
    EXPECT_FALSE(recipient_sees_hello(a)) << "hidden on the first link";
    EXPECT_TRUE(recipient_sees_hello(b)) << "not on the second";

    // Reloaded, each tab still shows its own link.
    const auto again_a = owner.get(preview_a);
    const auto again_b = owner.get(preview_b);
    EXPECT_TRUE(shows(again_a, "anna@example.org"));
    EXPECT_FALSE(shows(again_a, "bruno@example.org"));
    EXPECT_FALSE(shows(again_a, "hello.txt"));
    EXPECT_TRUE(shows(again_b, "bruno@example.org"));
    EXPECT_FALSE(shows(again_b, "anna@example.org"));
    EXPECT_TRUE(shows(again_b, "hello.txt"));
}

TEST_F(PreviewTest, AFormOfOneLinkPostedToAnothersPreviewIsRefusedSayingWhichLink) {
    const auto a = create_share({.email = std::string("anna@example.org")});
    const auto b = create_share({.email = std::string("bruno@example.org")});
    Browser owner(port());
    const std::string preview_a = open_preview(owner, a);
    const std::string csrf_a = Browser::csrf_of(owner.get(preview_a).body);
    const std::string preview_b = open_preview(owner, b);
    owner.get(preview_b);

    const auto refused = owner.post(preview_b + "/hide",
                                    {{"csrf", csrf_a}, {"section", "attachments"}, {"item", "a1"}});
    EXPECT_EQ(403, refused.status);
    EXPECT_TRUE(shows(refused, "Nothing was changed"));
    EXPECT_TRUE(shows(refused,
                      "Back to the preview of the link for Rita Recipient "
                      "(bruno@example.org)"));
    EXPECT_TRUE(shows(refused, "href=\"" + preview_b + "\"")) << "the way back";
    EXPECT_TRUE(recipient_sees_hello(a));
    EXPECT_TRUE(recipient_sees_hello(b));
}

TEST_F(PreviewTest, APreviewCookieOpensOnlyItsOwnPreview) {
    const auto a = create_share();
    Browser owner(port());
    const std::string preview_a = open_preview(owner, a);
    const std::string id_a = preview_a.substr(preview_a.rfind('/') + 1);
    const std::string other_id(32, 'e');
    Browser thief(port());
    thief.cookies["es_preview_" + other_id] = owner.cookies.at("es_preview_" + id_a);
    EXPECT_EQ(404, thief.get("/preview/" + other_id).status)
        << "a preview's cookie under another preview's name";
    EXPECT_EQ(404, thief.get(preview_a).status);
}

// One cookie per preview: a browser that opens very many keeps the newest kMaxPreviewsPerBrowser,
// so its requests never outgrow what the portal reads.
TEST_F(PreviewTest, ABrowserKeepsItsNewestPreviewsOnly) {
    const auto share = create_share();
    Browser owner(port());
    std::vector<std::string> previews;
    for (std::size_t i = 0; i <= kMaxPreviewsPerBrowser; ++i) {
        previews.push_back(open_preview(owner, share));
        // Distinct opening times (the grants' expiry counts milliseconds), so "oldest" is defined.
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto held = std::count_if(owner.cookies.begin(), owner.cookies.end(), [](const auto& c) {
        return c.first.rfind("es_preview_", 0) == 0;
    });
    EXPECT_EQ(static_cast<long>(kMaxPreviewsPerBrowser), held);
    EXPECT_EQ(404, owner.get(previews.front()).status) << "the oldest made room";
    EXPECT_EQ(200, owner.get(previews[1]).status);
    EXPECT_EQ(200, owner.get(previews.back()).status);
}

TEST_F(PreviewTest, ARevokedLinksPreviewSaysSoAndChangesNothing) {
    const auto share = create_share();
    Browser owner(port());
    const std::string preview = open_preview(owner, share);
    const std::string csrf = Browser::csrf_of(owner.get(preview).body);
    const auto selection = store_->shares().selection(share.id);
    revoke(share);
    const auto page = owner.get(preview);
    EXPECT_EQ(410, page.status);
    EXPECT_TRUE(shows(page, "Preview of the link for Rita Recipient"));
    EXPECT_TRUE(shows(page, "This link has been revoked"));
    EXPECT_FALSE(shows(page, "hello.txt"));
    EXPECT_EQ(410, owner.get(preview + "/files/a1").status);
    EXPECT_EQ(
        410,
        owner.post(preview + "/hide", {{"csrf", csrf}, {"section", "attachments"}, {"item", "a1"}})
            .status);
    EXPECT_EQ(selection, store_->shares().selection(share.id)) << "nothing hidden on a dead link";
}

TEST_F(PreviewTest, AnExpiredLinksPreviewSaysSo) {
    const auto share = create_share({.lifetime = std::chrono::seconds(2)});
    Browser owner(port());
    const std::string preview = open_preview(owner, share);
    EXPECT_EQ(200, owner.get(preview).status);
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const auto page = owner.get(preview);
    EXPECT_EQ(410, page.status);
    EXPECT_TRUE(shows(page, "This link has expired"));
}

}  // namespace
}  // namespace es::portal::test
