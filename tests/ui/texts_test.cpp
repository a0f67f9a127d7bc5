// Texts with a number of something (count_text, days_text, hours_text): the plural form comes
// from the language's rules (ICU), in German and English, so "1 links" cannot be written.
#include <gtest/gtest.h>

#include "ui/texts.hpp"

namespace es::ui::test {
namespace {

TEST(TextsTest, PluralCategoriesFollowTheLanguagesRules) {
    struct Case {
        Language language;
        int n;
        const char* category;
    };
    for (const Case& c : {Case{Language::En, 1, "one"}, Case{Language::En, 0, "other"},
                          Case{Language::En, 2, "other"}, Case{Language::De, 1, "one"},
                          Case{Language::De, 0, "other"}, Case{Language::De, 21, "other"}}) {
        EXPECT_EQ(c.category, plural_category(c.language, c.n)) << c.n;
    }
}

TEST(TextsTest, OneLinkRevokedIsSingular) {
    struct Case {
        Language language;
        int n;
        const char* text;
    };
    for (const Case& c :
         {Case{Language::En, 1, "1 link revoked."}, Case{Language::En, 2, "2 links revoked."},
          Case{Language::En, 0, "0 links revoked."},
          Case{Language::De, 1, "1 Linkfreigabe beendet."},
          Case{Language::De, 3, "3 Linkfreigaben beendet."}}) {
        EXPECT_EQ(c.text, count_text(c.language, "toast.revoked_all", c.n));
    }
}

TEST(TextsTest, DaysAndHoursAreCounted) {
    struct Case {
        std::string (*counted)(Language, long long);
        Language language;
        int n;
        const char* text;
    };
    for (const Case& c :
         {Case{days_text, Language::En, 1, "1 day"}, Case{days_text, Language::En, 20, "20 days"},
          Case{days_text, Language::De, 1, "1 Tag"}, Case{days_text, Language::De, 90, "90 Tage"},
          Case{hours_text, Language::En, 1, "1 hour"},
          Case{hours_text, Language::En, 24, "24 hours"},
          Case{hours_text, Language::De, 1, "1 Stunde"},
          Case{hours_text, Language::De, 48, "48 Stunden"}}) {
        EXPECT_EQ(c.text, c.counted(c.language, c.n));
    }
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
