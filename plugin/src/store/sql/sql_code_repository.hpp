// CodeRepository over either SQL backend.
#pragma once

#include "store/code_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlCodeRepository : public CodeRepository {
  public:
    explicit SqlCodeRepository(Database& db) : db_(db) {}

    void issue(const std::string& share_id, const std::string& pre_session_hash,
               const std::string& code_digest, std::chrono::minutes lifetime) override;
    void issue_and_queue(const std::string& share_id, const std::string& pre_session_hash,
                         const std::string& code_digest, std::chrono::minutes lifetime,
                         const domain::OutboxMessage& message) override;
    CodeCheck verify(const std::string& share_id, const std::string& pre_session_hash,
                     const std::string& code_digest, int max_tries) override;
    int purge_expired() override;

  private:
    void insert_code(SqlConnection& c, const std::string& share_id,
                     const std::string& pre_session_hash, const std::string& code_digest,
                     std::chrono::minutes lifetime);

    Database& db_;
};

}  // namespace es::store::sql
