// What the case overview asks for: one page of one organisation's cases, sorted and filtered.
#pragma once

#include <cstdint>
#include <string>

namespace host {

struct CaseQuery {
    std::int64_t organisation_id = 0;
    std::string locale = "en";      // case type names sort in the user's language
    std::string text;               // matches number, title or correspondent, case-insensitively
    std::string status;             // "", "open" or "closed"
    std::int64_t case_type_id = 0;  // 0: any
    std::string sort = "number";    // one of CaseQuery::sort_keys()
    bool descending = false;
    int page = 1;  // 1-based
    int page_size = 50;

    static bool is_sort_key(const std::string& key);
};

}  // namespace host
