// The "view" route (/s/{token}/view/{id}): PDFs and raster images shown in the browser with a
// sandboxing policy, everything else a download as from /files/{id}; every refusal of the download
// route, unchanged; the download limit paid alike; the access log told.
#include "portal/http/inline_view.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

using namespace std::string_literals;

constexpr const char* kPdf = "%PDF-1.4\n%%EOF\n";

class InlineViewTest : public PortalTest {
  protected:
    void put_mixed_case() {
        put_case_files({
            {"a1", "Bericht.pdf", kPdf, "application/pdf"},
            {"a3", "scan.png", "\x89PNG\r\n\x1a\n", "image/png"},
            {"big", "photo.jpg", "\xff\xd8\xff\xe0", "image/jpeg"},
            {"h1", "drawing.svg",
             "<svg xmlns='http://www.w3.org/2000/svg'><script>x</script></svg>", "image/svg+xml"},
            {"h2", "page.html", "<script>x</script>", "text/html"},
            {"h3", "fake.pdf", "<script>x</script>", "text/html"},  // name and type disagree
            {"zero", "notes.txt", "text", "text/plain"},
        });
    }
    HttpResponse view(const CreatedShare& share, const std::string& id, const Headers& h = {}) {
        return http_request(port(), "GET", share.path() + "/view/" + id, h);
    }
    HttpResponse download(const CreatedShare& share, const std::string& id) {
        return http_request(port(), "GET", share.path() + "/files/" + id);
    }
    static bool has_event(const std::vector<domain::AccessEvent>& events, const std::string& action,
                          const std::string& item, const std::string& outcome) {
        for (const auto& e : events) {
            if (e.action == action && e.item_id == item && e.outcome == outcome) {
                return true;
            }
        }
        return false;
    }
};

TEST_F(InlineViewTest, PdfAndRasterImagesAreShownInlineUnderASandboxingPolicy) {
    put_mixed_case();
    const auto share = create_share();
    for (const auto& [id, type] :
         {std::pair{"a1"s, "application/pdf"s}, std::pair{"a3"s, "image/png"s},
          std::pair{"big"s, "image/jpeg"s}}) {
        const auto r = view(share, id);
        ASSERT_EQ(200, r.status) << id;
        EXPECT_EQ(type, r.header("Content-Type")) << id;
        EXPECT_EQ(0u, r.header("Content-Disposition").rfind("inline; filename=", 0))
            << r.header("Content-Disposition");
        EXPECT_EQ("nosniff", r.header("X-Content-Type-Options")) << id;
        const std::string csp = r.header("Content-Security-Policy");
        EXPECT_EQ(http::kInlineFilePolicy, csp) << id;
        EXPECT_EQ(0u, csp.rfind("sandbox;", 0)) << csp;
        EXPECT_NE(std::string::npos, csp.find("default-src 'none'")) << csp;
        EXPECT_EQ(std::string::npos, csp.find("script-src")) << csp;
        EXPECT_EQ("DENY", r.header("X-Frame-Options")) << id;
    }
    EXPECT_EQ(kPdf, view(share, "a1").body);
    EXPECT_EQ("inline; filename=\"Bericht.pdf\"; filename*=UTF-8''Bericht.pdf",
              view(share, "a1").header("Content-Disposition"));
    // The download route of the same file is unchanged: an attachment under the pages' policy.
    const auto d = download(share, "a1");
    EXPECT_EQ(0u, d.header("Content-Disposition").rfind("attachment;", 0));
    EXPECT_NE(http::kInlineFilePolicy, d.header("Content-Security-Policy"));
}

TEST_F(InlineViewTest, SvgHtmlTextAndDisguisedFilesStayDownloads) {
    put_mixed_case();
    const auto share = create_share();
    for (const char* id : {"h1", "h2", "h3", "zero"}) {
        const auto r = view(share, id);
        ASSERT_EQ(200, r.status) << id;
        EXPECT_EQ(0u, r.header("Content-Disposition").rfind("attachment;", 0)) << id;
        EXPECT_NE(http::kInlineFilePolicy, r.header("Content-Security-Policy")) << id;
        EXPECT_EQ("nosniff", r.header("X-Content-Type-Options")) << id;
        EXPECT_EQ(download(share, id).header("Content-Type"), r.header("Content-Type")) << id;
    }
    // A name that disagrees with its type goes out as bytes, never as the declared HTML.
    EXPECT_EQ("application/octet-stream", view(share, "h3").header("Content-Type"));
    const auto events = access_events(share);
    EXPECT_TRUE(has_event(events, "download", "h1", "ok"));
    EXPECT_FALSE(has_event(events, "view", "h1", "ok")) << "a download is logged as one";
}

TEST_F(InlineViewTest, AViewIsLoggedAsAViewOfItsFile) {
    put_mixed_case();
    const auto share = create_share();
    ASSERT_EQ(200, view(share, "a1").status);
    EXPECT_TRUE(has_event(access_events(share), "view", "a1", "ok"));
    EXPECT_FALSE(has_event(access_events(share), "download", "a1", "ok"));
}

TEST_F(InlineViewTest, RangesWorkAsForDownloads) {
    put_mixed_case();
    const auto share = create_share();
    const auto r = view(share, "a1", {{"Range", "bytes=0-3"}});
    EXPECT_EQ(206, r.status);
    EXPECT_EQ("%PDF", r.body);
    EXPECT_EQ(0u, r.header("Content-Disposition").rfind("inline;", 0));
    EXPECT_EQ(http::kInlineFilePolicy, r.header("Content-Security-Policy"));
    EXPECT_TRUE(has_event(access_events(share), "view", "a1", "partial"));
}

TEST_F(InlineViewTest, HiddenUnlistedAndUnknownIdsAnswerExactlyAsTheDownloadRoute) {
    const auto share = create_share();  // the standard case: a2 hidden, a4 never selected
    for (const char* id : {"a2", "a4", "nope", "f1", "..%2Fa1"}) {
        const auto v = view(share, id);
        const auto d = download(share, id);
        EXPECT_EQ(404, v.status) << id;
        EXPECT_EQ(d.status, v.status) << id;
        EXPECT_EQ(d.comparable_headers(), v.comparable_headers()) << id;
        EXPECT_EQ(d.body, v.body) << id;
    }
}

TEST_F(InlineViewTest, ExpiredRevokedAndUnlicensedLinksAnswerExactlyAsTheDownloadRoute) {
    put_mixed_case();
    const auto [expired, revoked, unlicensed] = create_dead_shares();
    for (const auto* share : {&expired, &revoked, &unlicensed}) {
        const auto v = view(*share, "a1");
        const auto d = download(*share, "a1");
        EXPECT_EQ(404, v.status);
        EXPECT_EQ(d.comparable_headers(), v.comparable_headers());
        EXPECT_EQ(d.body, v.body);
    }
}

TEST_F(InlineViewTest, WithoutASessionTheVisitorIsSentToTheLinkPageAsForADownload) {
    put_mixed_case();
    const auto share =
        create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    const auto v = view(share, "a1");
    const auto d = download(share, "a1");
    EXPECT_EQ(303, v.status);
    EXPECT_EQ(share.path(), v.header("Location"));
    EXPECT_EQ(d.comparable_headers(), v.comparable_headers());
    EXPECT_TRUE(v.body.empty());
    EXPECT_FALSE(has_event(access_events(share), "view", "a1", "ok"));
    // Signed in, the same request shows the file.
    Browser b(port());
    sign_in(b, share, "correct horse");
    EXPECT_EQ(200, b.get(share.path() + "/view/a1").status);
}

TEST_F(InlineViewTest, AViewIsPaidFromTheDownloadLimitLikeADownload) {
    put_mixed_case();
    const auto share = create_share({.download_limit = 1});
    ASSERT_EQ(200, view(share, "a1").status);
    // The one counted download bought this file once: neither a second view nor a download
    // takes it again, and another file is not free either.
    for (const auto& path : {"/view/a1", "/files/a1", "/view/a3"}) {
        const auto r = http_request(port(), "GET", share.path() + path);
        EXPECT_EQ(403, r.status) << path;
        EXPECT_FALSE(r.has("Content-Disposition")) << path;
        EXPECT_NE(http::kInlineFilePolicy, r.header("Content-Security-Policy")) << path;
    }
    EXPECT_TRUE(has_event(access_events(share), "view", "a1", "limit_reached"));
    EXPECT_EQ(1, store_->shares().find("org-1", share.id)->downloads_used);
}

TEST_F(InlineViewTest, TheRecipientsPageOffersViewOnlyForInlineTypesAndDrawsAnIconPerFile) {
    put_mixed_case();
    const auto share = create_share();
    const auto page = http_request(port(), "GET", share.path()).body;
    EXPECT_NE(std::string::npos, page.find("href=\"" + share.path() + "/view/a1\""));
    EXPECT_NE(std::string::npos, page.find("href=\"" + share.path() + "/view/a3\""));
    for (const char* id : {"h1", "h2", "h3", "zero"}) {
        EXPECT_EQ(std::string::npos, page.find(share.path() + "/view/" + id)) << id;
    }
    std::size_t icons = 0;
    for (auto at = page.find("<svg class=\"file-icon"); at != std::string::npos;
         at = page.find("<svg class=\"file-icon", at + 1)) {
        ++icons;
        EXPECT_NE(std::string::npos, page.substr(at, 200).find("aria-hidden=\"true\""));
    }
    EXPECT_EQ(7u, icons);
    EXPECT_NE(std::string::npos, page.find("file-icon-pdf"));
    EXPECT_NE(std::string::npos, page.find("file-icon-image"));
    EXPECT_NE(std::string::npos, page.find("file-icon-document"));
}

}  // namespace
}  // namespace es::portal::test
