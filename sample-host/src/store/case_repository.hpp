// Cases, their journal and their attachments, always confined to one organisation: every query
// carries the organisation id, so a case id of another organisation simply does not exist here.
#pragma once

#include <optional>
#include <vector>

#include "store/case_query.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace host {

struct CasePage {
    std::int64_t total = 0;
    std::vector<CaseRecord> cases;
};

// A case with the parts of it that were asked for, read in one snapshot so they agree.
struct CaseFile {
    CaseRecord record;
    std::vector<JournalEntry> journal;
    std::vector<Attachment> attachments;
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
    // The case, and its journal and attachments when asked for, in one read transaction (one
    // snapshot of the WAL database). nullopt when the case does not exist in the organisation.
    std::optional<CaseFile> read(std::int64_t organisation_id, std::int64_t case_id,
                                 bool with_journal, bool with_attachments);

    // Adds a journal entry dated now, written by `author_user_id`, or, when that is 0, by
    // `author_name` alone (a plugin acting for the organisation). nullopt when the case does not
    // exist in the organisation.
    std::optional<JournalEntry> add_journal_entry(std::int64_t organisation_id,
                                                  std::int64_t case_id, std::int64_t author_user_id,
                                                  const std::string& author_name,
                                                  const std::string& text, bool internal);

    // False when the case does not exist in the organisation or was already closed.
    bool close(std::int64_t organisation_id, std::int64_t case_id);
    // Records a file already in place under the data directory (`a.storage_path`), dated now;
    // name, media type, size and checksum from `a`. nullopt when the case does not exist in the
    // organisation (the caller then deletes the file).
    std::optional<Attachment> add_attachment(std::int64_t organisation_id, std::int64_t case_id,
                                             const Attachment& a);
    // Removes the row and returns it, so the caller can delete the file afterwards.
    std::optional<Attachment> remove_attachment(std::int64_t organisation_id, std::int64_t case_id,
                                                std::int64_t attachment_id);

  private:
    Database& db_;
};

}  // namespace host
