#include "licence/licence_schema.hpp"

namespace es::licence {

const std::vector<std::string>& licence_schema_statements() {
    // VARCHAR(190): the longest utf8mb4 key MySQL indexes on every row format.
    static const std::vector<std::string> statements = {
        "CREATE TABLE IF NOT EXISTS licence_state ("
        " organisation_id VARCHAR(190) NOT NULL PRIMARY KEY,"
        " revision BIGINT NOT NULL,"
        " trial_started_at BIGINT NULL,"
        " deactivated INTEGER NOT NULL DEFAULT 0,"
        " licence_key TEXT NULL,"
        " licence_id VARCHAR(190) NULL,"
        " plan VARCHAR(32) NULL,"
        " seats BIGINT NULL,"
        " valid_from BIGINT NULL,"
        " valid_until BIGINT NULL,"
        " key_id VARCHAR(190) NULL,"
        " issuer VARCHAR(190) NULL,"
        " seats_exceeded_since BIGINT NULL,"
        " updated_at BIGINT NOT NULL)",
    };
    return statements;
}

}  // namespace es::licence
