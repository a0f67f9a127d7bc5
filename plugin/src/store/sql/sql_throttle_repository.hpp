// ThrottleRepository over either SQL backend.
#pragma once

#include "store/sql/database.hpp"
#include "store/throttle_repository.hpp"

namespace es::store::sql {

class SqlThrottleRepository : public ThrottleRepository {
  public:
    explicit SqlThrottleRepository(Database& db) : db_(db) {}

    bool try_hit(const std::string& key, std::chrono::seconds window, int limit) override;
    void block_for(const std::string& key, std::chrono::seconds delay) override;
    std::optional<std::chrono::milliseconds> blocked_for(const std::string& key) override;
    void reset(const std::string& key) override;
    int purge_older_than(std::chrono::seconds age) override;

  private:
    void ensure_row(SqlConnection& c, const std::string& key);

    Database& db_;
};

}  // namespace es::store::sql
