// ThrottleRepository over either SQL backend.
#pragma once

#include "store/sql/database.hpp"
#include "store/throttle_repository.hpp"

namespace es::store::sql {

class SqlThrottleRepository : public ThrottleRepository {
  public:
    explicit SqlThrottleRepository(Database& db) : db_(db) {}

    bool try_hit(const std::string& key, std::chrono::seconds window, int limit) override;
    QuotaCheck try_hit_all(const std::vector<Quota>& quotas, std::chrono::seconds window) override;
    Reservation reserve(const std::string& own_key, const std::string& shared_key,
                        std::chrono::seconds window, const BlockRule& rule) override;
    void block_for(const std::string& key, std::chrono::seconds delay) override;
    std::optional<std::chrono::milliseconds> blocked_for(const std::string& key) override;
    void reset(const std::string& key) override;
    int reset_prefix(const std::string& prefix, const domain::AuditEntry& audit) override;
    int purge_older_than(std::chrono::seconds age) override;

  private:
    Database& db_;
};

}  // namespace es::store::sql
