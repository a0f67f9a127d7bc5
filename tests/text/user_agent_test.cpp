// The User-Agent reader over Debian's uap-core rules (/usr/share/uap-core/regexes.yaml), with real
// strings of real browsers and tools, and the rules' own test cases.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <thread>
#include <vector>

#include "known_user_agents.hpp"
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

// A real string and what is read from it; a field left null is not asserted for that string.
struct KnownAgent {
    const char* name;
    const char* agent;
    const char* family;
    const char* major = nullptr;
    const char* os = nullptr;
    const char* os_major = nullptr;
    const char* device = nullptr;
    const char* device_brand = nullptr;
};

namespace ua = test::user_agents;

const KnownAgent kKnownAgents[] = {
    {.name = "ChromeOnWindows",
     .agent = ua::kChromeOnWindows,
     .family = "Chrome",
     .major = "120",
     .os = "Windows"},
    {.name = "FirefoxOnLinux",
     .agent = ua::kFirefoxOnLinux,
     .family = "Firefox",
     .major = "121",
     .os = "Linux"},
    {.name = "SafariOnIphone",
     .agent = ua::kSafariOnIphone,
     .family = "Mobile Safari",
     .os = "iOS",
     .os_major = "17",
     .device = "iPhone",
     .device_brand = "Apple"},
    {.name = "EdgeIsNotTakenForChrome",
     .agent = ua::kEdgeOnWindows,
     .family = "Edge",
     .os = "Windows"},
    {.name = "SamsungInternetOnAndroid",
     .agent = ua::kSamsungInternetOnAndroid,
     .family = "Samsung Internet",
     .os = "Android",
     .device_brand = "Samsung"},
    {.name = "CurlIsNamed", .agent = ua::kCurl, .family = "curl", .major = "7", .os = "Other"},
    {.name = "AGoogleRobotIsASpider",
     .agent = ua::kGooglebot,
     .family = "Googlebot",
     .device = "Spider"},
    {.name = "HeadlessChromeOnLinux",
     .agent = ua::kHeadlessChromeOnLinux,
     .family = "HeadlessChrome",
     .os = "Linux"},
};

// A case is shown by its name (in ctest's list too), not as bytes.
void PrintTo(const KnownAgent& c, std::ostream* os) {
    *os << c.name;
}

class KnownAgents : public ::testing::TestWithParam<KnownAgent> {};

TEST_P(KnownAgents, AreReadAsWhatTheyAre) {
    const KnownAgent& k = GetParam();
    const UserAgent a = read(k.agent);
    auto expect = [](const char* field, const char* wanted, const std::string& got) {
        if (wanted != nullptr) {
            EXPECT_EQ(wanted, got) << field;
        }
    };
    expect("family", k.family, a.family);
    expect("major", k.major, a.major);
    expect("os", k.os, a.os);
    expect("os_major", k.os_major, a.os_major);
    expect("device", k.device, a.device);
    expect("device_brand", k.device_brand, a.device_brand);
}

INSTANTIATE_TEST_SUITE_P(UserAgentRules, KnownAgents, ::testing::ValuesIn(kKnownAgents),
                         [](const auto& info) { return std::string(info.param.name); });

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
