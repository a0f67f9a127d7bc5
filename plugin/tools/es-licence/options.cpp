#include "options.hpp"

#include <stdexcept>

namespace es::tools {

Options::Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
                 const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg == "-") {
            positional_.push_back(arg);
            continue;
        }
        const std::string name = arg.substr(2);
        if (flags.count(name)) {
            flags_.insert(name);
        } else if (valued.count(name)) {
            if (i + 1 >= args.size()) {
                throw std::invalid_argument("option --" + name + " needs a value");
            }
            values_[name] = args[++i];
        } else {
            throw std::invalid_argument("unknown option --" + name);
        }
    }
}

std::optional<std::string> Options::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::string Options::required(const std::string& name) const {
    auto v = value(name);
    if (!v) {
        throw std::invalid_argument("option --" + name + " is required");
    }
    return *v;
}

}  // namespace es::tools
