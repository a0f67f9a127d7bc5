// Texts with a number of something (count_text, days_text, hours_text): the plural form comes
// from the language's rules (ICU), in German and English, so "1 links" cannot be written.
#include <gtest/gtest.h>

#include "ui/texts.hpp"

namespace es::ui::test {
namespace {

TEST(TextsTest, PluralCategoriesFollowTheLanguagesRules) {
    EXPECT_EQ("one", plural_category(Language::En, 1));
    EXPECT_EQ("other", plural_category(Language::En, 0));
    EXPECT_EQ("other", plural_category(Language::En, 2));
    EXPECT_EQ("one", plural_category(Language::De, 1));
    EXPECT_EQ("other", plural_category(Language::De, 0));
    EXPECT_EQ("other", plural_category(Language::De, 21));
}

TEST(TextsTest, OneLinkRevokedIsSingular) {
    EXPECT_EQ("1 link revoked.", count_text(Language::En, "toast.revoked_all", 1));
    EXPECT_EQ("2 links revoked.", count_text(Language::En, "toast.revoked_all", 2));
    EXPECT_EQ("0 links revoked.", count_text(Language::En, "toast.revoked_all", 0));
    EXPECT_EQ("1 Linkfreigabe beendet.", count_text(Language::De, "toast.revoked_all", 1));
    EXPECT_EQ("3 Linkfreigaben beendet.", count_text(Language::De, "toast.revoked_all", 3));
}

TEST(TextsTest, DaysAndHoursAreCounted) {
    EXPECT_EQ("1 day", days_text(Language::En, 1));
    EXPECT_EQ("20 days", days_text(Language::En, 20));
    EXPECT_EQ("1 Tag", days_text(Language::De, 1));
    EXPECT_EQ("90 Tage", days_text(Language::De, 90));
    EXPECT_EQ("1 hour", hours_text(Language::En, 1));
    EXPECT_EQ("24 hours", hours_text(Language::En, 24));
    EXPECT_EQ("1 Stunde", hours_text(Language::De, 1));
    EXPECT_EQ("48 Stunden", hours_text(Language::De, 48));
}

TEST(TextsTest, TheColumnTooltipHasBothForms) {
    EXPECT_EQ("1 active link, expires {date}", count_text(Language::En, "column.tooltip", 1));
    EXPECT_EQ("2 aktive Links, nächster Ablauf {date}",
              count_text(Language::De, "column.tooltip", 2));
}

TEST(TextsTest, TheJournalsDownloadLimitsAreCounted) {
    EXPECT_EQ(" At most 1 download.", count_text(Language::En, "journal.created.limit", 1));
    EXPECT_EQ(" Höchstens 1 Download.", count_text(Language::De, "journal.created.limit", 1));
    EXPECT_EQ(" Höchstens 3 Downloads.", count_text(Language::De, "journal.created.limit", 3));
    EXPECT_NE(std::string::npos,
              count_text(Language::En, "journal.changed.limit", 1).find("at most 1 download."));
}

TEST(TextsTest, AKeyWithoutPluralFormsIsUsedAsItIs) {
    EXPECT_EQ("no such key 1", count_text(Language::En, "no such key {count}", 1));
}

}  // namespace
}  // namespace es::ui::test
