#include "config/yaml_section.hpp"

#include "config/config_error.hpp"

namespace es::config {

namespace {

// yaml-cpp counts lines from 0; people and editors count from 1.
int line_number(const YAML::Node& node) {
    return node.Mark().line + 1;
}

}  // namespace

YamlSection::YamlSection(YAML::Node node, std::string path, std::string file)
    : node_(std::move(node)), path_(std::move(path)), file_(std::move(file)) {
    if (node_ && !node_.IsNull() && !node_.IsMap()) {
        throw ConfigError(file_, path_, line_number(node_), "expected a mapping of keys to values");
    }
}

std::string YamlSection::key_path(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
}

int YamlSection::line_of(const std::string& key) const {
    if (node_ && node_.IsMap()) {
        for (auto it = node_.begin(); it != node_.end(); ++it) {
            if (it->first.as<std::string>() == key) {
                return line_number(it->first);
            }
        }
        return line_number(node_);
    }
    return 0;
}

void YamlSection::fail(const std::string& key, const std::string& problem) const {
    throw ConfigError(file_, key_path(key), line_of(key), problem);
}

bool YamlSection::has(const std::string& key) const {
    return node_ && node_.IsMap() && node_[key] && !node_[key].IsNull();
}

YAML::Node YamlSection::scalar(const std::string& key, const char* expected) {
    read_.insert(key);
    YAML::Node value = node_[key];
    if (!value.IsScalar()) {
        fail(key, std::string("expected ") + expected);
    }
    return value;
}

std::string YamlSection::text(const std::string& key, const std::string& fallback) {
    if (!has(key)) {
        read_.insert(key);
        return fallback;
    }
    return scalar(key, "a string").as<std::string>();
}

bool YamlSection::boolean(const std::string& key, bool fallback) {
    if (!has(key)) {
        read_.insert(key);
        return fallback;
    }
    YAML::Node value = scalar(key, "true or false");
    bool out = false;
    if (!YAML::convert<bool>::decode(value, out)) {
        fail(key, "expected true or false, found '" + value.Scalar() + "'");
    }
    return out;
}

int YamlSection::integer(const std::string& key, int fallback, int min, int max) {
    if (!has(key)) {
        read_.insert(key);
        return fallback;
    }
    YAML::Node value = scalar(key, "a whole number");
    long long out = 0;
    if (!YAML::convert<long long>::decode(value, out)) {
        fail(key, "expected a whole number, found '" + value.Scalar() + "'");
    }
    if (out < min || out > max) {
        fail(key, value.Scalar() + " is out of range " + std::to_string(min) + ".." +
                      std::to_string(max));
    }
    return static_cast<int>(out);
}

std::vector<std::string> YamlSection::text_list(const std::string& key) {
    read_.insert(key);
    std::vector<std::string> out;
    if (!has(key)) {
        return out;
    }
    YAML::Node value = node_[key];
    if (!value.IsSequence()) {
        fail(key, "expected a list");
    }
    for (const auto& item : value) {
        if (!item.IsScalar()) {
            throw ConfigError(file_, key_path(key), line_number(item),
                              "expected a list of strings");
        }
        out.push_back(item.as<std::string>());
    }
    return out;
}

std::vector<int> YamlSection::integer_list(const std::string& key, std::vector<int> fallback,
                                           int min, int max) {
    read_.insert(key);
    if (!has(key)) {
        return fallback;
    }
    YAML::Node value = node_[key];
    if (!value.IsSequence() || value.size() == 0) {
        fail(key, "expected a non-empty list of whole numbers");
    }
    std::vector<int> out;
    for (const auto& item : value) {
        long long n = 0;
        if (!item.IsScalar() || !YAML::convert<long long>::decode(item, n) || n < min || n > max) {
            throw ConfigError(
                file_, key_path(key), line_number(item),
                "expected whole numbers in " + std::to_string(min) + ".." + std::to_string(max));
        }
        out.push_back(static_cast<int>(n));
    }
    return out;
}

std::map<std::string, std::string> YamlSection::text_map(const std::string& key) {
    read_.insert(key);
    std::map<std::string, std::string> out;
    if (!has(key)) {
        return out;
    }
    YAML::Node value = node_[key];
    if (!value.IsMap()) {
        fail(key, "expected a mapping of names to strings");
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!it->second.IsScalar()) {
            throw ConfigError(file_, key_path(key) + "." + it->first.as<std::string>(),
                              line_number(it->first), "expected a string");
        }
        out[it->first.as<std::string>()] = it->second.as<std::string>();
    }
    return out;
}

int YamlSection::choice(const std::string& key, const std::vector<std::string>& choices,
                        int fallback) {
    if (!has(key)) {
        read_.insert(key);
        return fallback;
    }
    std::string value = scalar(key, "a string").as<std::string>();
    for (size_t i = 0; i < choices.size(); ++i) {
        if (choices[i] == value) {
            return static_cast<int>(i);
        }
    }
    std::string allowed;
    for (const auto& c : choices) {
        allowed += (allowed.empty() ? "" : ", ") + c;
    }
    fail(key, "'" + value + "' is not one of: " + allowed);
}

YamlSection YamlSection::section(const std::string& key) {
    read_.insert(key);
    return YamlSection(has(key) ? node_[key] : YAML::Node(), key_path(key), file_);
}

std::vector<std::pair<std::string, YamlSection>> YamlSection::named_sections(
    const std::string& key) {
    read_.insert(key);
    std::vector<std::pair<std::string, YamlSection>> out;
    if (!has(key)) {
        return out;
    }
    YAML::Node value = node_[key];
    if (!value.IsMap()) {
        fail(key, "expected a mapping of names to sections");
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        std::string name = it->first.as<std::string>();
        out.emplace_back(name, YamlSection(it->second, key_path(key) + "." + name, file_));
    }
    return out;
}

std::vector<YamlSection> YamlSection::section_list(const std::string& key) {
    read_.insert(key);
    std::vector<YamlSection> out;
    if (!has(key)) {
        return out;
    }
    YAML::Node value = node_[key];
    if (!value.IsSequence()) {
        fail(key, "expected a list");
    }
    size_t i = 0;
    for (const auto& item : value) {
        out.emplace_back(item, key_path(key) + "[" + std::to_string(i++) + "]", file_);
    }
    return out;
}

void YamlSection::finish() const {
    if (!node_ || !node_.IsMap()) {
        return;
    }
    for (auto it = node_.begin(); it != node_.end(); ++it) {
        std::string key = it->first.as<std::string>();
        if (read_.count(key) == 0) {
            throw ConfigError(file_, key_path(key), line_number(it->first), "unknown key");
        }
    }
}

}  // namespace es::config
