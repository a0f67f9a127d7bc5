// Splits text at a separator, dropping empty parts: path segments ("/a//b/" → a, b) and
// comma lists ("x,,y" → x, y) alike.
#pragma once

#include <string>
#include <vector>

namespace host {

inline std::vector<std::string> split_nonempty(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (c == separator) {
            if (!current.empty())
                out.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty())
        out.push_back(current);
    return out;
}

}  // namespace host
