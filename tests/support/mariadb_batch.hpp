// What the mariadb client prints with --batch --skip-column-names (one row a line, values
// separated by tabs, NULL as "NULL"), read back as rows.
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace es::test {

inline std::vector<std::vector<std::string>> batch_rows(const std::string& output) {
    std::vector<std::vector<std::string>> out;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> row;
        std::istringstream fields(line);
        for (std::string field; std::getline(fields, field, '\t');) {
            row.push_back(field);
        }
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace es::test
