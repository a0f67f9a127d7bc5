// The case-list column (shares_column): one cell per case in the order asked, empty for a case
// without an active link, else the count and when the next link ends, in German and English.
#include <gtest/gtest.h>

#include <vector>

#include "ui/shares_column.hpp"
#include "view_model.hpp"

namespace es::ui::test {
namespace {

JsonArray reparsed_array(const JsonArray& cells) {
    Json wrapper = object();
    wrapper->set("cells", cells);
    return reparsed(wrapper)->getArray("cells");
}

std::vector<domain::CaseShareSummary> summaries() {
    return {{"case-1", 1, days_after_now(20)},
            {"case-2", 0, std::nullopt},
            {"case-3", 3, days_after_now(2)}};
}

TEST(SharesColumnTest, OneCellPerCaseInTheOrderAsked) {
    const JsonArray cells = reparsed_array(shares_column({Language::En, kZone}, summaries()));
    ASSERT_EQ(3u, cells->size());
    EXPECT_FALSE(cells->isNull(0));
    EXPECT_TRUE(cells->isNull(1)) << "no active link: nothing to show";
    EXPECT_EQ("3", cells->getObject(2)->getValue<std::string>("text"));
}

TEST(SharesColumnTest, ShowsTheCountAndTheNextExpiry) {
    const JsonArray cells = reparsed_array(shares_column({Language::En, kZone}, summaries()));
    const Json one = cells->getObject(0);
    EXPECT_EQ("link", one->getValue<std::string>("icon"));
    EXPECT_EQ("1", one->getValue<std::string>("text"));
    EXPECT_EQ("1 active link, expires 26 Dec 2026", one->getValue<std::string>("tooltip"));
    EXPECT_EQ("3 active links, next expiry 8 Dec 2026",
              cells->getObject(2)->getValue<std::string>("tooltip"));
}

TEST(SharesColumnTest, SpeaksGerman) {
    const JsonArray cells = reparsed_array(shares_column({Language::De, kZone}, summaries()));
    EXPECT_EQ("1 aktiver Link, läuft ab am 26.12.2026",
              cells->getObject(0)->getValue<std::string>("tooltip"));
    EXPECT_EQ("3 aktive Links, nächster Ablauf 08.12.2026",
              cells->getObject(2)->getValue<std::string>("tooltip"));
}

TEST(SharesColumnTest, ACountWithoutExpiryShowsNothing) {
    const JsonArray cells =
        reparsed_array(shares_column({Language::En, kZone}, {{"case-1", 2, std::nullopt}}));
    ASSERT_EQ(1u, cells->size());
    EXPECT_TRUE(cells->isNull(0));
}

TEST(SharesColumnTest, AnInactiveModuleShowsAnEmptyCellPerCase) {
    const JsonArray cells = reparsed_array(empty_shares_column(4));
    ASSERT_EQ(4u, cells->size());
    for (unsigned i = 0; i < cells->size(); ++i) {
        EXPECT_TRUE(cells->isNull(i)) << i;
    }
    EXPECT_EQ(0u, reparsed_array(empty_shares_column(0))->size());
}

}  // namespace
}  // namespace es::ui::test
