// The access log's "Browser" cell in both languages, read with Debian's uap-core rules: real
// strings of browsers, tools and robots, nothing, and garbage.
#include <gtest/gtest.h>

#include <string>

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

TEST(BrowserCell, ChromeOnWindows) {
    const std::string s =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36";
    EXPECT_EQ("Chrome on Windows", en(s));
    EXPECT_EQ("Chrome auf Windows", de(s));
}

TEST(BrowserCell, FirefoxOnLinux) {
    EXPECT_EQ("Firefox on Linux",
              en("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"));
}

TEST(BrowserCell, SafariOnAnIphoneNamesThePhone) {
    const std::string s =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
        "like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1";
    EXPECT_EQ("Mobile Safari on iPhone", en(s));
    EXPECT_EQ("Mobile Safari auf iPhone", de(s));
}

TEST(BrowserCell, Edge) {
    EXPECT_EQ("Edge on Windows",
              en("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                 "Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"));
}

TEST(BrowserCell, SamsungInternetOnAndroid) {
    EXPECT_EQ("Samsung Internet on Android",
              en("Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like "
                 "Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36"));
}

TEST(BrowserCell, ToolsAreNamedAsWhatTheyAre) {
    EXPECT_EQ("curl", en("curl/7.88.1"));
    EXPECT_EQ("Wget", de("Wget/1.21.3"));
}

TEST(BrowserCell, RobotsAreSaidToBeRobots) {
    const std::string google =
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    EXPECT_EQ("Googlebot (bot)", en(google));
    EXPECT_EQ("Googlebot (Bot)", de(google));
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
