#include "store/sql/statement_head.hpp"

namespace es::store::sql {

std::string statement_head(const std::string& sql) {
    std::string head = sql.substr(0, 60);
    for (char& c : head) {
        if (c == '\n') {
            c = ' ';
        }
    }
    return head + (sql.size() > 60 ? "…" : "");
}

}  // namespace es::store::sql
