#include "report.hpp"

#include <algorithm>

#include "json_value.hpp"

namespace dm_check {

void Report::info(std::string key, std::string value) {
    info_.emplace_back(std::move(key), std::move(value));
}

void Report::pass(std::string rule, std::string detail) {
    findings_.push_back(Finding{std::move(rule), true, std::move(detail)});
}

void Report::fail(std::string rule, std::string detail) {
    findings_.push_back(Finding{std::move(rule), false, std::move(detail)});
}

bool Report::conformant() const noexcept {
    return std::none_of(findings_.begin(), findings_.end(),
                        [](const Finding& f) { return !f.passed; });
}

std::string Report::human(const std::string& plugin_path, bool verbose) const {
    std::string out = "dm-plugin-check " + plugin_path + "\n";
    for (const auto& [key, value] : info_) {
        std::string padded = key;
        padded.resize(std::max<std::size_t>(key.size() + 1, 28), ' ');
        out += "  " + padded + value + "\n";
    }
    std::size_t passed = 0;
    std::string failures;
    std::string passes;
    for (const auto& f : findings_) {
        if (f.passed) {
            ++passed;
            passes += "  ok    " + f.rule + ": " + f.detail + "\n";
        } else {
            failures += "  FAIL  " + f.rule + ": " + f.detail + "\n";
        }
    }
    out += "checks: " + std::to_string(passed) + " passed, " +
           std::to_string(findings_.size() - passed) + " failed\n";
    if (verbose) {
        out += passes;
    }
    out += failures;
    out += conformant() ? "result: CONFORMANT\n" : "result: NOT CONFORMANT\n";
    return out;
}

std::string Report::json(const std::string& plugin_path) const {
    std::string out = "{\"plugin\":" + json_quote(plugin_path) +
                      ",\"conformant\":" + (conformant() ? "true" : "false") + ",\"info\":{";
    for (std::size_t i = 0; i < info_.size(); ++i) {
        out += (i ? "," : "") + json_quote(info_[i].first) + ":" + json_quote(info_[i].second);
    }
    out += "},\"checks\":[";
    for (std::size_t i = 0; i < findings_.size(); ++i) {
        const Finding& f = findings_[i];
        out += std::string(i ? "," : "") + "{\"rule\":" + json_quote(f.rule) +
               ",\"passed\":" + (f.passed ? "true" : "false") +
               ",\"detail\":" + json_quote(f.detail) + "}";
    }
    return out + "]}\n";
}

}  // namespace dm_check
