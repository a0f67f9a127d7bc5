// AccessLogRepository over either SQL backend.
#pragma once

#include "store/access_log_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlAccessLogRepository : public AccessLogRepository {
  public:
    explicit SqlAccessLogRepository(Database& db) : db_(db) {}

    void append(const domain::AccessEvent& event) override;
    void append_all(const std::vector<domain::AccessEvent>& events) override;
    std::vector<domain::AccessEvent> for_share(const std::string& organisation_id,
                                               const std::string& share_id,
                                               domain::Page page) override;
    std::vector<domain::AccessEvent> for_case(const std::string& organisation_id,
                                              const std::string& case_id,
                                              domain::Page page) override;
    std::int64_t purge_older_than(int retention_days, std::int64_t max_events) override;

  private:
    std::vector<domain::AccessEvent> page_of(const std::string& condition,
                                             const std::vector<SqlValue>& params,
                                             domain::Page page);

    Database& db_;
};

}  // namespace es::store::sql
