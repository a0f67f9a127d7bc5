#include "store/sql/case_summary_backfill.hpp"

namespace es::store::sql {

std::string case_summary_backfill(std::string_view clock_ms_subquery) {
    // Byte for byte what migration 2 ran when it was released: the indentation is part of it.
    return R"(INSERT INTO case_share_summary (organisation_id, case_id, live_count, first_expiry,
                                              last_expiry)
                SELECT organisation_id, case_id,
                       SUM(CASE WHEN revoked_at IS NULL AND expires_at > n.clock_ms
                                THEN 1 ELSE 0 END),
                       MIN(CASE WHEN revoked_at IS NULL AND expires_at > n.clock_ms
                                THEN expires_at END),
                       MAX(CASE WHEN revoked_at IS NULL AND expires_at > n.clock_ms
                                THEN expires_at END)
                FROM shares,
                     )" +
           std::string(clock_ms_subquery) + R"( n
                GROUP BY organisation_id, case_id)";
}

}  // namespace es::store::sql
