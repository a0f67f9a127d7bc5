// Reads User-Agent strings for people: the access log shows "Chrome on Windows", not the string.
//
// The rules (text/user_agent_rules.hpp, uap-core's regexes.yaml) are read on the first call, not
// at start: most requests never show an access log, and compiling some 1 200 patterns takes a
// moment. The same few strings come back again and again (one recipient, one browser), so
// answers are kept, up to a bound.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/user_agent_rules.hpp"

namespace es::text {

// Where Debian's uap-core package puts the rules.
inline constexpr std::string_view kDebianUserAgentRegexes = "/usr/share/uap-core/regexes.yaml";

class UserAgentParser {
  public:
    // Told once, when the rules cannot be read, why (the file, the problem); never a secret.
    using Log = std::function<void(const std::string&)>;

    explicit UserAgentParser(std::string regexes_file, Log log = {});

    // What `user_agent` says; nothing when the rules could not be read (then every call answers
    // nothing, and the reason was logged once). Thread-safe.
    std::optional<UserAgent> read(std::string_view user_agent) const;

    // Loads the rules now if not done yet; false when they cannot be used.
    bool ready() const;
    const std::string& regexes_file() const { return regexes_file_; }

    // At most this many strings are remembered; beyond, the memory starts over.
    static constexpr std::size_t kRemembered = 512;

  private:
    const UserAgentRules* rules() const;

    std::string regexes_file_;
    Log log_;
    mutable std::once_flag loaded_;
    mutable std::unique_ptr<UserAgentRules> rules_;
    mutable std::mutex remembered_mutex_;
    mutable std::unordered_map<std::string, UserAgent> remembered_;
};

}  // namespace es::text
