#include "ui/browser_cell.hpp"

#include <cstddef>

namespace es::ui {

namespace {

// Unread strings are cut here: enough to tell "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" from
// "curl/8.0", short enough for a table cell.
constexpr std::size_t kShownBytes = 48;

// `s` cut to at most `bytes` bytes without splitting a UTF-8 character, "…" when cut.
std::string shortened(std::string_view s, std::size_t bytes) {
    if (s.size() <= bytes) {
        return std::string(s);
    }
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
        --end;  // a continuation byte: the character started earlier
    }
    return std::string(s.substr(0, end)) + "…";
}

// Where the browser runs, as people say it: the operating system, except on Apple's phones and
// tablets, where "iPhone" says more than "iOS".
std::string system_of(const text::UserAgent& a) {
    if (a.device_brand == "Apple" &&
        (a.device == "iPhone" || a.device == "iPad" || a.device == "iPod")) {
        return a.device;
    }
    return a.os == "Other" ? "" : a.os;
}

}  // namespace

std::string browser_text(Language lang, std::string_view user_agent,
                         const text::UserAgentParser* agents) {
    if (user_agent.empty()) {
        return text(lang, "log.browser.unknown");
    }
    const auto agent = agents ? agents->read(user_agent) : std::nullopt;
    if (!agent) {
        return shortened(user_agent, kShownBytes);
    }
    // uap-core marks robots by their device ("Spider"), and names an unnamed one "Spider" too.
    if (agent->device == "Spider") {
        return agent->family == "Other" || agent->family == "Spider"
                   ? text(lang, "log.browser.unknown_bot")
                   : fill(text(lang, "log.browser.bot"), "browser", agent->family);
    }
    const std::string browser =
        agent->family == "Other" ? text(lang, "log.browser.unknown") : agent->family;
    const std::string system = system_of(*agent);
    if (system.empty()) {
        return browser;
    }
    return fill(fill(text(lang, "log.browser.on"), "browser", browser), "system", system);
}

Json browser_cell(Language lang, std::string_view user_agent, const text::UserAgentParser* agents) {
    Json cell = element({{"text", browser_text(lang, user_agent, agents)}});
    if (!user_agent.empty()) {
        cell->set("detail", std::string(user_agent));
    }
    return cell;
}

}  // namespace es::ui
