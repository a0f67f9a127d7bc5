#include "text/user_agent_parser.hpp"

#include <exception>

namespace es::text {

UserAgentParser::UserAgentParser(std::string regexes_file, Log log)
    : regexes_file_(std::move(regexes_file)), log_(std::move(log)) {}

const UserAgentRules* UserAgentParser::rules() const {
    std::call_once(loaded_, [this] {
        try {
            rules_ = std::make_unique<UserAgentRules>(UserAgentRules::load(regexes_file_));
            if (log_ && !rules_->refused().empty()) {
                log_("User-Agent rules " + regexes_file_ + ": " +
                     std::to_string(rules_->refused().size()) +
                     " patterns do not compile and are left out (first: " +
                     rules_->refused().front().list + " #" +
                     std::to_string(rules_->refused().front().index) + ", " +
                     rules_->refused().front().reason + ")");
            }
        } catch (const std::exception& e) {
            // Not fatal: the access log then shows the strings themselves, shortened.
            if (log_) {
                log_(
                    "User-Agent rules unavailable, the access log shows raw User-Agent strings "
                    "(install Debian's uap-core or set storage.user_agent_regexes_file): " +
                    std::string(e.what()));
            }
        }
    });
    return rules_.get();
}

bool UserAgentParser::ready() const {
    return rules() != nullptr;
}

std::optional<UserAgent> UserAgentParser::read(std::string_view user_agent) const {
    const UserAgentRules* r = rules();
    if (r == nullptr) {
        return std::nullopt;
    }
    const std::string key(user_agent);
    {
        std::lock_guard lock(remembered_mutex_);
        auto it = remembered_.find(key);
        if (it != remembered_.end()) {
            return it->second;
        }
    }
    UserAgent agent = r->read(user_agent);  // outside the lock: the rules are only read
    std::lock_guard lock(remembered_mutex_);
    if (remembered_.size() >= kRemembered) {
        remembered_.clear();
    }
    remembered_.emplace(key, agent);
    return agent;
}

}  // namespace es::text
