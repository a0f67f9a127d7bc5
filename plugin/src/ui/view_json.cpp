#include "ui/view_json.hpp"

#include <sstream>

namespace es::ui {

std::string stringify(const Json& value) {
    std::ostringstream out;
    value->stringify(out);
    return out.str();
}

std::string stringify(const JsonArray& value) {
    std::ostringstream out;
    value->stringify(out);
    return out.str();
}

std::string fill(std::string pattern, const std::string& name, const std::string& value) {
    const std::string key = "{" + name + "}";
    for (size_t at = pattern.find(key); at != std::string::npos;
         at = pattern.find(key, at + value.size())) {
        pattern.replace(at, key.size(), value);
    }
    return pattern;
}

}  // namespace es::ui
