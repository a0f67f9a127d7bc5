// The User-Agent reader over Debian's uap-core rules (/usr/share/uap-core/regexes.yaml), with real
// strings of real browsers and tools, and the rules' own test cases.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "text/user_agent_parser.hpp"
#include "text/user_agent_rules.hpp"

namespace es::text {
namespace {

const std::string kRegexes(kDebianUserAgentRegexes);

const UserAgentRules& debian_rules() {
    static const UserAgentRules rules = UserAgentRules::load(kRegexes);
    return rules;
}

UserAgent read(std::string_view s) {
    return debian_rules().read(s);
}

TEST(UserAgentRules, EveryPatternOfDebiansRulesCompiles) {
    // Measured with uap-core 0.16 (Debian 12) and PCRE2 10.42: all 1162 patterns (347 browser, 190
    // system, 625 device) compile. A newer file that PCRE2 refuses in part shows here with the
    // patterns and PCRE2's reasons.
    std::string refused;
    for (const auto& r : debian_rules().refused()) {
        refused +=
            r.list + " #" + std::to_string(r.index) + " " + r.pattern + ": " + r.reason + "\n";
    }
    EXPECT_EQ("", refused);
    EXPECT_EQ(1162u, debian_rules().compiled());
}

TEST(UserAgentRules, ChromeOnWindows) {
    const UserAgent a = read(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36");
    EXPECT_EQ("Chrome", a.family);
    EXPECT_EQ("120", a.major);
    EXPECT_EQ("Windows", a.os);
}

TEST(UserAgentRules, FirefoxOnLinux) {
    const UserAgent a =
        read("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0");
    EXPECT_EQ("Firefox", a.family);
    EXPECT_EQ("121", a.major);
    EXPECT_EQ("Linux", a.os);
}

TEST(UserAgentRules, SafariOnIphone) {
    const UserAgent a = read(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
        "like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1");
    EXPECT_EQ("Mobile Safari", a.family);
    EXPECT_EQ("iOS", a.os);
    EXPECT_EQ("17", a.os_major);
    EXPECT_EQ("iPhone", a.device);
    EXPECT_EQ("Apple", a.device_brand);
}

TEST(UserAgentRules, EdgeIsNotTakenForChrome) {
    const UserAgent a = read(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91");
    EXPECT_EQ("Edge", a.family);
    EXPECT_EQ("Windows", a.os);
}

TEST(UserAgentRules, SamsungInternetOnAndroid) {
    const UserAgent a = read(
        "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
        "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36");
    EXPECT_EQ("Samsung Internet", a.family);
    EXPECT_EQ("Android", a.os);
    EXPECT_EQ("Samsung", a.device_brand);
}

TEST(UserAgentRules, CurlIsNamed) {
    const UserAgent a = read("curl/7.88.1");
    EXPECT_EQ("curl", a.family);
    EXPECT_EQ("7", a.major);
    EXPECT_EQ("Other", a.os);
}

TEST(UserAgentRules, AGoogleRobotIsASpider) {
    const UserAgent a =
        read("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
    EXPECT_EQ("Googlebot", a.family);
    EXPECT_EQ("Spider", a.device);
}

TEST(UserAgentRules, HeadlessChromeOnLinux) {
    const UserAgent a = read(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/120.0.6099.224 Safari/537.36");
    EXPECT_EQ("HeadlessChrome", a.family);
    EXPECT_EQ("Linux", a.os);
}

TEST(UserAgentRules, NothingAndGarbageAreOther) {
    for (const std::string& s :
         {std::string(), std::string("x"), std::string("\xff\xfe\x80 ((("), std::string(5000, '('),
          std::string("Mozilla/5.0 ") + std::string(3000, 'A')}) {
        const UserAgent a = read(s);
        EXPECT_EQ("Other", a.family) << s.substr(0, 40);
        EXPECT_EQ("Other", a.os) << s.substr(0, 40);
    }
}

TEST(UserAgentRules, ReplacementsPutInTheirGroups) {
    const UserAgentRules rules = UserAgentRules::parse(R"(
user_agent_parsers:
  - regex: '(Namoroka|Shiretoko|Minefield)/(\d+)\.(\d+)\.(\d+(?:pre)?)'
    family_replacement: 'Firefox ($1)'
  - regex: 'Fixed/(\d+)'
    family_replacement: 'Fixed Browser'
    v1_replacement: 'v$1'
os_parsers:
  - regex: 'Win(95|98|NT)'
    os_replacement: 'Windows $1'
device_parsers:
  - regex: 'phone ([a-z]+)'
    regex_flag: 'i'
    device_replacement: 'Phone $1'
    brand_replacement: 'Acme'
)",
                                                       "inline");
    const UserAgent minefield =
        rules.read("Mozilla/5.0 (Windows; Win95; rv:2.0b3pre) Gecko/20100727 Minefield/4.0.1pre");
    EXPECT_EQ("Firefox (Minefield)", minefield.family);
    EXPECT_EQ("4", minefield.major);
    EXPECT_EQ("0", minefield.minor);
    EXPECT_EQ("1pre", minefield.patch);
    EXPECT_EQ("Windows 95", minefield.os);
    const UserAgent fixed = rules.read("Fixed/7 PHONE Zed");
    EXPECT_EQ("Fixed Browser", fixed.family);
    EXPECT_EQ("v7", fixed.major);
    EXPECT_EQ("Phone Zed", fixed.device);
    EXPECT_EQ("Acme", fixed.device_brand);
    EXPECT_EQ("Zed", fixed.device_model);
}

TEST(UserAgentRules, APatternPcreRefusesIsListedWithItsReason) {
    const UserAgentRules rules = UserAgentRules::parse(R"(
user_agent_parsers:
  - regex: '(Broken'
  - regex: '(Good)/(\d+)'
os_parsers: []
device_parsers: []
)",
                                                       "inline");
    ASSERT_EQ(1u, rules.refused().size());
    EXPECT_EQ("user_agent_parsers", rules.refused()[0].list);
    EXPECT_EQ(0u, rules.refused()[0].index);
    EXPECT_NE(std::string::npos, rules.refused()[0].reason.find("missing closing parenthesis"));
    EXPECT_EQ(1u, rules.compiled());
    EXPECT_EQ("Good", rules.read("Good/1").family);
}

TEST(UserAgentRules, AFileWithoutTheListsIsRefused) {
    EXPECT_THROW(UserAgentRules::parse("user_agent_parsers: []\n", "x.yaml"), std::runtime_error);
    EXPECT_THROW(UserAgentRules::parse("{{{", "x.yaml"), std::runtime_error);
    EXPECT_THROW(UserAgentRules::load("/nonexistent/regexes.yaml"), std::runtime_error);
}

// uap-core's own expectations (its tests/test_ua.yaml, test_os.yaml, test_device.yaml): how many
// of its cases this reader gets right. Measured with uap-core 0.16: all of them; one fewer means
// a reading rule (a replacement, a flag, a group) went wrong.
std::size_t cases_right(const char* file, const char* what) {
    const YAML::Node root = YAML::LoadFile(std::string("/usr/share/uap-core/tests/") + file);
    std::size_t right = 0;
    for (const auto& c : root["test_cases"]) {
        const UserAgent a = read(c["user_agent_string"].as<std::string>());
        auto same = [&](const char* key, const std::string& got) {
            const YAML::Node v = c[key];
            return (!v || v.IsNull()) ? got.empty() : v.as<std::string>() == got;
        };
        if (std::string(what) == "ua") {
            right += same("family", a.family) && same("major", a.major) && same("minor", a.minor) &&
                     same("patch", a.patch);
        } else if (std::string(what) == "device") {
            right += same("family", a.device) && same("brand", a.device_brand) &&
                     same("model", a.device_model);
        } else {
            right += same("family", a.os) && same("major", a.os_major) && same("minor", a.os_minor);
        }
    }
    return right;
}

TEST(UserAgentRules, AgreesWithUapCoresOwnBrowserCases) {
    EXPECT_EQ(1425u, cases_right("test_ua.yaml", "ua"));
}

TEST(UserAgentRules, AgreesWithUapCoresOwnSystemCases) {
    EXPECT_EQ(456u, cases_right("test_os.yaml", "os"));
}

TEST(UserAgentRules, AgreesWithUapCoresOwnDeviceCases) {
    EXPECT_EQ(16111u, cases_right("test_device.yaml", "device"));
}

TEST(UserAgentParser, AMissingFileIsToldOnceAndReadsNothing) {
    std::vector<std::string> told;
    UserAgentParser parser("/nonexistent/regexes.yaml",
                           [&](const std::string& line) { told.push_back(line); });
    EXPECT_FALSE(parser.read("curl/8.0").has_value());
    EXPECT_FALSE(parser.read("curl/8.0").has_value());
    EXPECT_FALSE(parser.ready());
    ASSERT_EQ(1u, told.size());
    EXPECT_NE(std::string::npos, told[0].find("/nonexistent/regexes.yaml"));
}

TEST(UserAgentParser, ReadsFromManyThreadsAndRemembersBoundedly) {
    std::vector<std::string> told;
    UserAgentParser parser(kRegexes, [&](const std::string& line) { told.push_back(line); });
    std::atomic<int> chrome{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i) {
                const auto a = parser.read("Mozilla/5.0 (Windows NT 10.0) Chrome/" +
                                           std::to_string(t * 1000 + i) + ".0 Safari/537.36");
                chrome += a && a->family == "Chrome";
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(1200, chrome.load());
    EXPECT_TRUE(told.empty());
}

}  // namespace
}  // namespace es::text
