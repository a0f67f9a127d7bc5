// The share dialog's line of what is shared (selection_summary): "3 of 4 attachments, 2 of 5
// journal entries" in English and "3 von 4 Anhängen, 2 von 5 Journaleinträgen" in German, the
// plural form by ICU's rules for the group's total.
#include <gtest/gtest.h>

#include "ui/selection_summary.hpp"

namespace es::ui::test {
namespace {

TEST(SelectionSummaryTest, CountsWhatIsTickedOfEachGroupInEnglish) {
    EXPECT_EQ("3 of 4 attachments, 2 of 5 journal entries",
              selection_summary(Language::En, {{"attachments", 3, 4}, {"journal", 2, 5}}));
    EXPECT_EQ("7 of 7 case details, 0 of 1 journal entry, 1 of 1 attachment",
              selection_summary(Language::En,
                                {{"details", 7, 7}, {"journal", 0, 1}, {"attachments", 1, 1}}));
}

TEST(SelectionSummaryTest, CountsWhatIsTickedOfEachGroupInGerman) {
    EXPECT_EQ("3 von 4 Anhängen, 2 von 5 Journaleinträgen",
              selection_summary(Language::De, {{"attachments", 3, 4}, {"journal", 2, 5}}));
    EXPECT_EQ("1 von 1 Anhang, 0 von 1 Journaleintrag, 2 von 2 Falldetails",
              selection_summary(Language::De,
                                {{"attachments", 1, 1}, {"journal", 0, 1}, {"details", 2, 2}}));
}

TEST(SelectionSummaryTest, LeavesOutGroupsWithoutItems) {
    EXPECT_EQ("2 of 5 journal entries",
              selection_summary(Language::En, {{"attachments", 0, 0}, {"journal", 2, 5}}));
    EXPECT_EQ("", selection_summary(Language::En, {{"attachments", 0, 0}}));
}

TEST(SelectionSummaryTest, TheTemplateLeavesTheTickedCountToTheHost) {
    EXPECT_EQ("{checked} of 4 attachments", group_summary_template(Language::En, "attachments", 4));
    EXPECT_EQ("{checked} von 4 Anhängen", group_summary_template(Language::De, "attachments", 4));
}

}  // namespace
}  // namespace es::ui::test
