#include "text/user_agent_rules.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace es::text {

namespace {

// A User-Agent is whatever a client sent: a pattern that backtracks badly on a crafted string
// gives up after this many steps instead of holding a thread (the string then matches nothing).
constexpr std::uint32_t kMatchLimit = 200000;
// Groups $1…$9 are all a replacement may name.
constexpr int kGroups = 10;

struct CodeFree {
    void operator()(pcre2_code* c) const { pcre2_code_free(c); }
};
struct MatchDataFree {
    void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
};
struct MatchContextFree {
    void operator()(pcre2_match_context* m) const { pcre2_match_context_free(m); }
};

using Code = std::unique_ptr<pcre2_code, CodeFree>;
using MatchData = std::unique_ptr<pcre2_match_data, MatchDataFree>;

// One entry of a list: the compiled pattern and the replacements the YAML gives it (nothing
// where a field follows its group).
struct Rule {
    Code code;
    std::vector<std::optional<std::string>> replacements;
};

// The groups of one match: $n is empty when group n did not take part.
class Groups {
  public:
    Groups(std::string_view subject, pcre2_match_data* data, int rc) {
        const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data);
        // rc == 0: more groups than the ovector holds; the first kGroups are still set.
        const int set = rc == 0 ? kGroups : std::min(rc, kGroups);
        for (int i = 0; i < set; ++i) {
            if (ov[2 * i] != PCRE2_UNSET) {
                values_[static_cast<std::size_t>(i)] =
                    subject.substr(ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
            }
        }
    }
    std::string_view operator[](int n) const { return values_[static_cast<std::size_t>(n)]; }

  private:
    std::array<std::string_view, kGroups> values_{};
};

std::string trimmed(std::string s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return "";
    }
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// ua-parser's rule for every field: the replacement with $1…$9 put in, or else group `group`;
// surrounding spaces removed.
std::string field(const std::optional<std::string>& replacement, int group, const Groups& g) {
    if (!replacement) {
        return trimmed(std::string(g[group]));
    }
    std::string out;
    const std::string& r = *replacement;
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (r[i] == '$' && i + 1 < r.size() && r[i + 1] >= '1' && r[i + 1] <= '9') {
            out += g[r[i + 1] - '0'];
            ++i;
        } else {
            out += r[i];
        }
    }
    return trimmed(out);
}

}  // namespace

struct UserAgentRules::Lists {
    std::vector<Rule> agents, systems, devices;
    std::vector<RefusedPattern> refused;
    std::unique_ptr<pcre2_match_context, MatchContextFree> context{
        pcre2_match_context_create(nullptr)};

    // The first rule of `rules` that matches `subject`, and its groups.
    const Rule* first_match(const std::vector<Rule>& rules, std::string_view subject,
                            pcre2_match_data* data, std::optional<Groups>& groups) const {
        for (const Rule& rule : rules) {
            const int rc =
                pcre2_match(rule.code.get(), reinterpret_cast<PCRE2_SPTR>(subject.data()),
                            subject.size(), 0, 0, data, context.get());
            if (rc >= 0) {
                groups.emplace(subject, data, rc);
                return &rule;
            }
        }
        return nullptr;
    }
};

namespace {

// Reads one list: each entry's regex compiled, and the named replacements in field order.
void read_list(const YAML::Node& root, const char* name, const std::vector<const char*>& fields,
               std::vector<Rule>& rules, std::vector<RefusedPattern>& refused,
               const std::string& file) {
    const YAML::Node list = root[name];
    if (!list || !list.IsSequence()) {
        throw std::runtime_error(file + ": no list " + name + " (not a uap-core regexes.yaml)");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node entry = list[i];
        const std::string pattern = entry["regex"] ? entry["regex"].as<std::string>() : "";
        std::uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
        if (entry["regex_flag"] && entry["regex_flag"].as<std::string>() == "i") {
            options |= PCRE2_CASELESS;
        }
        int error = 0;
        PCRE2_SIZE offset = 0;
        Code code(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                options, &error, &offset, nullptr));
        if (!code || pattern.empty()) {
            std::array<PCRE2_UCHAR, 256> message{};
            pcre2_get_error_message(error, message.data(), message.size());
            refused.push_back({name, i, pattern,
                               pattern.empty()
                                   ? std::string("no regex")
                                   : reinterpret_cast<const char*>(message.data()) +
                                         std::string(" at offset ") + std::to_string(offset)});
            continue;
        }
        // Without JIT (a machine PCRE2 has no JIT for) the interpreter does the same, slower.
        pcre2_jit_compile(code.get(), PCRE2_JIT_COMPLETE);
        Rule rule{std::move(code), {}};
        for (const char* f : fields) {
            if (entry[f] && !entry[f].IsNull()) {
                rule.replacements.emplace_back(entry[f].as<std::string>());
            } else {
                rule.replacements.emplace_back(std::nullopt);
            }
        }
        rules.push_back(std::move(rule));
    }
}

}  // namespace

UserAgentRules::UserAgentRules(std::unique_ptr<Lists> lists) : lists_(std::move(lists)) {}
UserAgentRules::UserAgentRules(UserAgentRules&&) noexcept = default;
UserAgentRules& UserAgentRules::operator=(UserAgentRules&&) noexcept = default;
UserAgentRules::~UserAgentRules() = default;

UserAgentRules UserAgentRules::load(const std::string& regexes_file) {
    std::ifstream in(regexes_file, std::ios::binary);
    if (!in) {
        throw std::runtime_error(regexes_file + ": cannot read the file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), regexes_file);
}

UserAgentRules UserAgentRules::parse(std::string_view yaml_text, const std::string& name) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml_text));
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(name + ": not valid YAML: " + e.msg);
    }
    if (!root.IsMap()) {
        throw std::runtime_error(name + ": not a uap-core regexes.yaml");
    }
    auto lists = std::make_unique<Lists>();
    if (!lists->context) {
        throw std::runtime_error("out of memory for a PCRE2 match context");
    }
    pcre2_set_match_limit(lists->context.get(), kMatchLimit);
    try {
        read_list(root, "user_agent_parsers",
                  {"family_replacement", "v1_replacement", "v2_replacement", "v3_replacement"},
                  lists->agents, lists->refused, name);
        read_list(root, "os_parsers", {"os_replacement", "os_v1_replacement", "os_v2_replacement"},
                  lists->systems, lists->refused, name);
        read_list(root, "device_parsers",
                  {"device_replacement", "brand_replacement", "model_replacement"}, lists->devices,
                  lists->refused, name);
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(name + ": " + e.msg);
    }
    return UserAgentRules(std::move(lists));
}

UserAgent UserAgentRules::read(std::string_view user_agent) const {
    UserAgent out;
    MatchData data(pcre2_match_data_create(kGroups, nullptr));
    if (!data) {
        return out;
    }
    std::optional<Groups> g;
    if (const Rule* r = lists_->first_match(lists_->agents, user_agent, data.get(), g)) {
        const auto& rep = r->replacements;
        const std::string family = field(rep[0], 1, *g);
        out.family = family.empty() ? out.family : family;
        out.major = field(rep[1], 2, *g);
        out.minor = field(rep[2], 3, *g);
        out.patch = field(rep[3], 4, *g);
    }
    if (const Rule* r = lists_->first_match(lists_->systems, user_agent, data.get(), g)) {
        const auto& rep = r->replacements;
        const std::string os = field(rep[0], 1, *g);
        out.os = os.empty() ? out.os : os;
        out.os_major = field(rep[1], 2, *g);
        out.os_minor = field(rep[2], 3, *g);
    }
    if (const Rule* r = lists_->first_match(lists_->devices, user_agent, data.get(), g)) {
        const auto& rep = r->replacements;
        const std::string device = field(rep[0], 1, *g);
        out.device = device.empty() ? out.device : device;
        // A brand is only what the rule names; the model follows group 1 like the family.
        out.device_brand = rep[1] ? field(rep[1], 1, *g) : "";
        out.device_model = field(rep[2], 1, *g);
    }
    return out;
}

std::size_t UserAgentRules::compiled() const {
    return lists_->agents.size() + lists_->systems.size() + lists_->devices.size();
}

const std::vector<RefusedPattern>& UserAgentRules::refused() const {
    return lists_->refused;
}

}  // namespace es::text
