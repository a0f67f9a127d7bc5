// What the checker found: facts about the plugin, and every rule checked with its outcome.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dm_check {

struct Finding {
    std::string rule;  // stable id, e.g. "ui.column_values.count"
    bool passed = false;
    std::string detail;  // which call, and what was wrong
};

class Report {
  public:
    void info(std::string key, std::string value);
    void pass(std::string rule, std::string detail);
    void fail(std::string rule, std::string detail);

    bool conformant() const noexcept;
    const std::vector<Finding>& findings() const noexcept { return findings_; }

    // For people: facts, then failures, then a verdict. `verbose` lists passed checks too.
    std::string human(const std::string& plugin_path, bool verbose) const;
    // For machines: {"plugin","conformant","info":{...},"checks":[{"rule","passed","detail"}]}.
    std::string json(const std::string& plugin_path) const;

  private:
    std::vector<std::pair<std::string, std::string>> info_;
    std::vector<Finding> findings_;
};

}  // namespace dm_check
