// The one language type and its spellings (domain/language.hpp).
#include "domain/language.hpp"

#include <gtest/gtest.h>

namespace es::domain {
namespace {

TEST(LanguageTest, HostTagsSayGermanOrElseEnglish) {
    EXPECT_EQ(Language::De, parse_language("de"));
    EXPECT_EQ(Language::De, parse_language("de-CH"));
    EXPECT_EQ(Language::De, parse_language("DE_de"));
    EXPECT_EQ(Language::En, parse_language("en-GB"));
    EXPECT_EQ(Language::En, parse_language("fr"));
    EXPECT_EQ(Language::En, parse_language("deu"));
    EXPECT_EQ(Language::En, parse_language(""));
}

TEST(LanguageTest, ExactTagsAreTheStoredForm) {
    EXPECT_EQ("de", to_text(Language::De));
    EXPECT_EQ("en", to_text(Language::En));
    EXPECT_EQ(Language::De, parse_language_tag("de"));
    EXPECT_EQ(Language::En, parse_language_tag("en"));
    EXPECT_FALSE(parse_language_tag("de-CH"));
    EXPECT_FALSE(parse_language_tag("fr"));
}

TEST(LanguageTest, AcceptLanguageChoosesByQuality) {
    EXPECT_EQ(Language::En, negotiate_language("en-GB,en;q=0.9,de;q=0.5", Language::De));
    EXPECT_EQ(Language::De, negotiate_language("fr, de-CH;q=0.8, en;q=0.3", Language::En));
    EXPECT_EQ(Language::De, negotiate_language("fr, it", Language::De));
    EXPECT_EQ(Language::En, negotiate_language("", Language::En));
}

}  // namespace
}  // namespace es::domain
