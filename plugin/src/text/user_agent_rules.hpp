// The community's rules for reading a User-Agent string: ua-parser's regexes.yaml (Debian's
// uap-core package, /usr/share/uap-core/regexes.yaml), applied as its specification says
// (/usr/share/doc/uap-core/specification.md.gz): the first matching regex of each list wins, its
// groups fill the fields in order, and a `*_replacement` overrides a field, with $1…$9 standing
// for the groups. We write no patterns of our own.
//
// The patterns are compiled with PCRE2 (JIT where the machine has it). A pattern PCRE2 refuses is
// left out and counted, with the reason, so that a newer uap-core cannot break reading silently.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace es::text {

// What one User-Agent string says; "Other" where the rules know nothing (the spec's word), empty
// fields where a version was not given.
struct UserAgent {
    std::string family = "Other";  // "Chrome", "Mobile Safari", "curl", "Googlebot"
    std::string major, minor, patch;
    std::string os = "Other";  // "Windows", "Linux", "iOS", "Android"
    std::string os_major, os_minor;
    std::string device = "Other";  // "iPhone", "Samsung SM-G991B", "Spider" (a robot)
    std::string device_brand, device_model;
};

// A pattern of regexes.yaml that could not be compiled.
struct RefusedPattern {
    std::string list;  // "user_agent_parsers", "os_parsers", "device_parsers"
    std::size_t index = 0;
    std::string pattern;
    std::string reason;  // PCRE2's message
};

class UserAgentRules {
  public:
    // Reads and compiles every pattern of `regexes_file`. Throws std::runtime_error when the file
    // cannot be read, is not YAML or lacks the three lists; a pattern that does not compile is
    // only left out (refused()).
    static UserAgentRules load(const std::string& regexes_file);
    // The same from the file's text; `name` is used in messages.
    static UserAgentRules parse(std::string_view yaml_text, const std::string& name);

    UserAgentRules(UserAgentRules&&) noexcept;
    UserAgentRules& operator=(UserAgentRules&&) noexcept;
    ~UserAgentRules();

    // Thread-safe: the compiled patterns are only read; each call has its own match data.
    UserAgent read(std::string_view user_agent) const;

    std::size_t compiled() const;  // patterns in use, all three lists
    const std::vector<RefusedPattern>& refused() const;

  private:
    struct Lists;
    explicit UserAgentRules(std::unique_ptr<Lists> lists);
    std::unique_ptr<Lists> lists_;
};

}  // namespace es::text
