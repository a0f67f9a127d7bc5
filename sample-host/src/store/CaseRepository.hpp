// Cases, their journal and their attachments, always confined to one organisation: every query
// carries the organisation id, so a case id of another organisation simply does not exist here.
#pragma once

#include <optional>
#include <vector>

#include "store/CaseQuery.hpp"
#include "store/Database.hpp"
#include "store/Records.hpp"

namespace host {

struct CasePage {
    std::int64_t total = 0;
    std::vector<CaseRecord> cases;
};

class CaseRepository {
  public:
    explicit CaseRepository(Database& db) : db_(db) {}

    CasePage list(const CaseQuery& q);
    std::optional<CaseRecord> find(std::int64_t organisation_id, std::int64_t case_id);
    std::vector<JournalEntry> journal(std::int64_t organisation_id, std::int64_t case_id);
    std::vector<Attachment> attachments(std::int64_t organisation_id, std::int64_t case_id);
    std::optional<Attachment> attachment(std::int64_t organisation_id, std::int64_t case_id,
                                         std::int64_t attachment_id);
    std::vector<CaseType> case_types(std::int64_t organisation_id);

    // False when the case does not exist in the organisation or was already closed.
    bool close(std::int64_t organisation_id, std::int64_t case_id);
    // Removes the row and returns it, so the caller can delete the file afterwards.
    std::optional<Attachment> remove_attachment(std::int64_t organisation_id, std::int64_t case_id,
                                                std::int64_t attachment_id);

  private:
    Database& db_;
};

}  // namespace host
