// When the host cannot answer, the portal refuses what depends on the case instead of deciding
// with less: a code is neither sent nor checked without the case type's policy (never the
// organisation-wide one in its place), and no page is built from a case it could not read. The
// answer is the unavailable page (503), and everything works again once the host is back.
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

bool says_unavailable(const HttpResponse& r) {
    return r.status == 503 && r.body.find("vorübergehend nicht verfügbar") != std::string::npos;
}

class HostFailureTest : public PortalTest {
  protected:
    CreatedShare code_share() {
        return create_share({.protection = domain::Protection::Code,
                             .phone = "+41791234567",
                             .email = "max.muster@example.org"});
    }
};

TEST_F(HostFailureTest, NoCodeIsSentWhileTheHostCannotSayTheCaseType) {
    const auto share = code_share();
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    host_.set_failing(true);
    const auto refused = b.post(share.path() + "/code/send", {{"csrf", csrf}});
    EXPECT_TRUE(says_unavailable(refused)) << refused.status << " " << refused.body;
    EXPECT_TRUE(outbox_rows(share, "one_time_code").empty()) << "nothing was sent";

    host_.set_failing(false);
    Browser again(port());
    const std::string fresh = Browser::csrf_of(again.get(share.path()).body);
    EXPECT_EQ(303, again.post(share.path() + "/code/send", {{"csrf", fresh}}).status);
    EXPECT_EQ(1u, outbox_rows(share, "one_time_code").size());
}

TEST_F(HostFailureTest, NoCodeIsCheckedWhileTheHostCannotSayTheCaseType) {
    const auto share = code_share();
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    ASSERT_EQ(303, b.post(share.path() + "/code/send", {{"csrf", csrf}}).status);
    host_.set_failing(true);
    const auto refused = b.post(share.path() + "/code", {{"csrf", csrf}, {"code", "123456"}});
    EXPECT_TRUE(says_unavailable(refused)) << refused.status << " " << refused.body;
    EXPECT_FALSE(refused.has("Set-Cookie")) << "no session";
}

TEST_F(HostFailureTest, NoPageIsBuiltFromACaseTheHostCannotRead) {
    const auto share = create_share();
    Browser b(port());
    ASSERT_EQ(200, b.get(share.path()).status);
    host_.set_failing(true);
    const auto page = b.get(share.path());
    EXPECT_TRUE(says_unavailable(page)) << page.status << " " << page.body;
    EXPECT_EQ(std::string::npos, page.body.find("Erika")) << page.body;
    host_.set_failing(false);
    EXPECT_EQ(200, b.get(share.path()).status);
}

}  // namespace
}  // namespace es::portal::test
