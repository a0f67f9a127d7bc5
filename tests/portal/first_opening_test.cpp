// The recipient's first opening, recorded in the case's journal through the module's CaseJournal:
// once, however many requests race for it, and never for a request that shows nothing (HEAD).
#include <thread>
#include <vector>

#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class FirstOpeningTest : public PortalTest {
  protected:
    std::size_t openings() {
        std::size_t n = 0;
        for (const auto& t : host_.journal_texts()) {
            n += t.find("zum ersten Mal geöffnet") != std::string::npos ? 1 : 0;
        }
        return n;
    }
};

TEST_F(FirstOpeningTest, ConcurrentFirstRequestsRecordOneEntry) {
    const auto share = create_share();
    std::vector<std::thread> visitors;
    for (int i = 0; i < 8; ++i) {
        visitors.emplace_back([&] { EXPECT_EQ(200, Browser(port()).get(share.path()).status); });
    }
    for (auto& v : visitors) {
        v.join();
    }
    EXPECT_EQ(1u, openings());
    const auto texts = host_.journal_texts();
    ASSERT_FALSE(texts.empty());
    EXPECT_EQ("Externes Teilen: Rita Recipient hat den Link zum ersten Mal geöffnet.",
              texts.back());
}

TEST_F(FirstOpeningTest, AHeadRequestIsNoOpening) {
    const auto share = create_share();
    Browser b(port());
    EXPECT_EQ(200, b.head(share.path()).status);
    EXPECT_EQ(0u, openings());
    EXPECT_EQ(200, b.get(share.path()).status);
    EXPECT_EQ(1u, openings());
}

}  // namespace
}  // namespace es::portal::test
