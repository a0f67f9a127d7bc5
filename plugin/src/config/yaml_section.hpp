// Reads one YAML mapping into typed values and refuses what it does not know.
//
// Every key read is marked as known; `finish()` then reports the first key nobody read, so a typo
// ("experiy_days") stops the start instead of silently falling back to a default.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace es::config {

class YamlSection {
  public:
    // `path` is the dotted key of this section ("portal.tls"); empty at the root.
    YamlSection(YAML::Node node, std::string path, std::string file);

    bool has(const std::string& key) const;
    std::string text(const std::string& key, const std::string& fallback);
    bool boolean(const std::string& key, bool fallback);
    int integer(const std::string& key, int fallback, int min, int max);
    std::vector<std::string> text_list(const std::string& key);
    std::vector<int> integer_list(const std::string& key, std::vector<int> fallback, int min,
                                  int max);
    std::map<std::string, std::string> text_map(const std::string& key);
    // One of `choices`; returns its index.
    int choice(const std::string& key, const std::vector<std::string>& choices, int fallback);

    // A nested mapping; absent means empty. The returned section must be finished too.
    YamlSection section(const std::string& key);
    // Keys of a nested mapping whose keys are names (case type ids), each a section.
    std::vector<std::pair<std::string, YamlSection>> named_sections(const std::string& key);
    // A list of mappings.
    std::vector<YamlSection> section_list(const std::string& key);

    // Throws ConfigError for the first key that was not read.
    void finish() const;

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const;
    int line_of(const std::string& key) const;
    std::string key_path(const std::string& key) const;

  private:
    YAML::Node scalar(const std::string& key, const char* expected);

    YAML::Node node_;
    std::string path_;
    std::string file_;
    std::set<std::string> read_;
};

}  // namespace es::config
