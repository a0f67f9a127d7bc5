// The user's language before they choose one: the browser's Accept-Language, by its q-values.
#include <gtest/gtest.h>

#include "web/accept_language.hpp"

namespace host::test {
namespace {

TEST(AcceptLanguage, AnEnglishBrowserGetsEnglish) {
    EXPECT_EQ(accepted_locale("en-GB,en;q=0.9"), "en");
    EXPECT_EQ(accepted_locale("en-US"), "en");
}

TEST(AcceptLanguage, AGermanBrowserGetsGerman) {
    EXPECT_EQ(accepted_locale("de-CH,de;q=0.9,en;q=0.8"), "de");
}

TEST(AcceptLanguage, QValuesDecideNotTheOrder) {
    EXPECT_EQ(accepted_locale("de;q=0.5, en;q=0.8"), "en");
    EXPECT_EQ(accepted_locale("fr-CH, fr;q=0.9, en;q=0.7, de;q=0.8"), "de");
}

TEST(AcceptLanguage, NeitherLanguageOrNoHeaderGivesTheFallback) {
    EXPECT_EQ(accepted_locale(""), "de");
    EXPECT_EQ(accepted_locale("fr-FR,fr;q=0.9"), "de");
    EXPECT_EQ(accepted_locale("fr-FR", "en"), "en");
    EXPECT_EQ(accepted_locale("en;q=0"), "de") << "q=0 means not acceptable";
}

}  // namespace
}  // namespace host::test
