// The access log's "Browser" cell in both languages, read with Debian's uap-core rules: real
// strings of browsers, tools and robots, nothing, and garbage.
#include <gtest/gtest.h>

#include <ostream>

#include <string>

#include "known_user_agents.hpp"
#include "ui/browser_cell.hpp"

namespace es::ui {
namespace {

const text::UserAgentParser& debian_rules() {
    static const text::UserAgentParser agents{std::string(text::kDebianUserAgentRegexes)};
    return agents;
}

std::string en(const std::string& s) {
    return browser_text(Language::En, s, &debian_rules());
}
std::string de(const std::string& s) {
    return browser_text(Language::De, s, &debian_rules());
}

// A real string and its cell in English and German (null: the German is not asserted).
struct KnownBrowser {
    const char* name;
    const char* agent;
    const char* english;
    const char* german = nullptr;
};

namespace ua = test::user_agents;

const KnownBrowser kKnownBrowsers[] = {
    {"ChromeOnWindows", ua::kChromeOnWindows, "Chrome on Windows", "Chrome auf Windows"},
    {"FirefoxOnLinux", ua::kFirefoxOnLinux, "Firefox on Linux"},
    {"SafariOnAnIphoneNamesThePhone", ua::kSafariOnIphone, "Mobile Safari on iPhone",
     "Mobile Safari auf iPhone"},
    {"Edge", ua::kEdgeOnWindows, "Edge on Windows"},
    {"SamsungInternetOnAndroid", ua::kSamsungInternetOnAndroid, "Samsung Internet on Android"},
    {"RobotsAreSaidToBeRobots", ua::kGooglebot, "Googlebot (bot)", "Googlebot (Bot)"},
};

// A case is shown by its name (in ctest's list too), not as bytes.
void PrintTo(const KnownBrowser& c, std::ostream* os) {
    *os << c.name;
}

class KnownBrowsers : public ::testing::TestWithParam<KnownBrowser> {};

TEST_P(KnownBrowsers, AreNamedWithTheirSystem) {
    const KnownBrowser& k = GetParam();
    EXPECT_EQ(k.english, en(k.agent));
    if (k.german != nullptr) {
        EXPECT_EQ(k.german, de(k.agent));
    }
}

INSTANTIATE_TEST_SUITE_P(BrowserCell, KnownBrowsers, ::testing::ValuesIn(kKnownBrowsers),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(BrowserCell, ToolsAreNamedAsWhatTheyAre) {
    EXPECT_EQ("curl", en(ua::kCurl));
    EXPECT_EQ("Wget", de("Wget/1.21.3"));
}

TEST(BrowserCell, NothingAndGarbageAreAnUnknownBrowserInASentence) {
    for (const std::string& s :
         {std::string(), std::string("x"), std::string("\xff\xfe((("), std::string(4000, '(')}) {
        EXPECT_EQ("Unknown browser", en(s)) << s.substr(0, 20);
        EXPECT_EQ("Unbekannter Browser", de(s)) << s.substr(0, 20);
    }
}

TEST(BrowserCell, AnUnknownBrowserStillNamesItsSystem) {
    EXPECT_EQ("Unbekannter Browser auf Windows", de("SomethingNew (Windows NT 10.0; Win64; x64)"));
}

TEST(BrowserCell, TheWholeStringIsTheDetail) {
    const Json cell = browser_cell(Language::En, "curl/8.5.0", &debian_rules());
    EXPECT_EQ("curl", cell->getValue<std::string>("text"));
    EXPECT_EQ("curl/8.5.0", cell->getValue<std::string>("detail"));
    EXPECT_FALSE(browser_cell(Language::En, "", &debian_rules())->has("detail"))
        << "nothing to show on demand";
}

TEST(BrowserCell, WithoutRulesTheStringIsShownShortenedWholeCharacters) {
    // The 48th byte is the middle of the first "€": the cut goes before it.
    const std::string s = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 €€€€€€";
    EXPECT_EQ("Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 …",
              browser_text(Language::En, s, nullptr));
    EXPECT_EQ("curl/8.5.0", browser_text(Language::De, "curl/8.5.0", nullptr));
    EXPECT_EQ("Unbekannter Browser", browser_text(Language::De, "", nullptr));
}

}  // namespace
}  // namespace es::ui
