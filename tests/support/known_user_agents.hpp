// Real User-Agent strings of real browsers, tools and robots, as they arrive. The reader's tests
// (tests/text) and the access log's Browser cell (tests/ui) read the same strings, so a change of
// one string is made once.
#pragma once

namespace es::test::user_agents {

inline constexpr const char* kChromeOnWindows =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36";
inline constexpr const char* kFirefoxOnLinux =
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
inline constexpr const char* kSafariOnIphone =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1";
inline constexpr const char* kEdgeOnWindows =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91";
inline constexpr const char* kSamsungInternetOnAndroid =
    "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36";
inline constexpr const char* kCurl = "curl/7.88.1";
inline constexpr const char* kGooglebot =
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
inline constexpr const char* kHeadlessChromeOnLinux =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/120.0.6099.224 Safari/537.36";

}  // namespace es::test::user_agents
