#include "portal/pages/masked_contact.hpp"

#include <gtest/gtest.h>

#include "portal/pages/html.hpp"

namespace es::portal::pages {
namespace {

TEST(MaskedContact, SwissMobileShowsCountryCodeAndLastTwoDigits) {
    EXPECT_EQ("+41 •• ••• •• 67", masked_phone("+41791234567"));
}

TEST(MaskedContact, EmailShowsFirstLetterAndDomain) {
    EXPECT_EQ("m•••@example.org", masked_email("max.muster@example.org"));
}

TEST(Html, EscapesEverythingThatCouldOpenMarkup) {
    EXPECT_EQ("&lt;script&gt;&amp;&quot;&#39;", escape("<script>&\"'"));
}

}  // namespace
}  // namespace es::portal::pages
