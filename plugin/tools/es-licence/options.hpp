// "--name value" options and positional arguments of one es-licence command.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace es::tools {

class Options {
  public:
    // Throws std::invalid_argument for an option not in `valued` or `flags`, or a missing value.
    Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
            const std::set<std::string>& flags);

    std::optional<std::string> value(const std::string& name) const;
    // Throws std::invalid_argument naming the option when it is absent.
    std::string required(const std::string& name) const;
    bool flag(const std::string& name) const { return flags_.count(name) != 0; }
    const std::vector<std::string>& positional() const { return positional_; }

  private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
};

}  // namespace es::tools
