// ShareRepository over either SQL backend (see Database for reconnection rules).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/share_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlShareRepository : public ShareRepository {
  public:
    explicit SqlShareRepository(Database& db);

    void create(const domain::Share& share, const domain::Selection& selection,
                const std::vector<domain::OutboxMessage>& outbox,
                const domain::AuditEntry& audit) override;
    std::optional<domain::Share> find(const std::string& organisation_id,
                                      const std::string& share_id) override;
    std::optional<domain::Share> find_live_by_token_hash(const std::string& token_hash) override;
    std::vector<ShareListing> list_for_case(const std::string& organisation_id,
                                            const std::string& case_id) override;
    domain::Selection selection(const std::string& share_id) override;
    bool send_by_email(const std::string& organisation_id, const std::string& share_id,
                       domain::Timestamp expires_at, const domain::OutboxMessage& message,
                       const domain::AuditEntry& audit) override;
    bool change_expiry(const std::string& organisation_id, const std::string& share_id,
                       domain::Timestamp expires_at, const domain::AuditEntry& audit) override;
    bool change_protection(const std::string& organisation_id, const std::string& share_id,
                           const std::optional<std::string>& password_hash,
                           const std::optional<std::string>& sealed_password,
                           domain::Protection protection, domain::CodeChannel code_channel,
                           const domain::AuditEntry& audit) override;
    LimitChange change_download_limit(const std::string& organisation_id,
                                      const std::string& share_id,
                                      std::optional<std::int64_t> limit,
                                      const domain::AuditEntry& audit) override;
    bool set_item_visible(const std::string& organisation_id, const std::string& share_id,
                          domain::Section section, const std::string& item_id, bool visible,
                          const domain::AuditEntry& audit) override;
    bool set_section_included(const std::string& organisation_id, const std::string& share_id,
                              domain::Section section, bool included,
                              const domain::AuditEntry& audit) override;
    bool revoke(const std::string& organisation_id, const std::string& share_id,
                const std::string& revoked_by, const domain::AuditEntry& audit) override;
    std::vector<std::string> revoke_case(const std::string& organisation_id,
                                         const std::string& case_id, const std::string& revoked_by,
                                         const domain::AuditEntry& audit) override;
    std::vector<std::string> revoke_organisation(const std::string& organisation_id,
                                                 const std::string& revoked_by,
                                                 const domain::AuditEntry& audit) override;
    int remove_item(const std::string& organisation_id, const std::string& case_id,
                    domain::Section section, const std::string& item_id,
                    const domain::AuditEntry& audit) override;
    int mark_creator_removed(const std::string& organisation_id, const std::string& user_id,
                             const domain::AuditEntry& audit) override;
    bool mark_first_opening_recorded(const std::string& share_id) override;
    bool consume_download(const std::string& share_id) override;
    void release_download(const std::string& share_id) override;
    bool pay_download(const std::string& share_id, const std::string& item_key,
                      const std::string& validator, std::uint64_t item_size,
                      std::uint64_t bytes) override;
    void refund_download(const std::string& share_id, const std::string& item_key,
                         const std::string& validator, std::uint64_t item_size,
                         std::uint64_t bytes) override;
    std::vector<domain::CaseShareSummary> active_share_summary(
        const std::string& organisation_id, const std::vector<std::string>& case_ids) override;
    int refresh_lapsed_summaries(int limit) override;
    std::vector<SealedSecrets> sealed_by_other_keys(const std::string& key_id,
                                                    const std::string& after_id,
                                                    int limit) override;
    bool reseal(const SealedSecrets& before, const SealedSecrets& after) override;

  private:
    // Revokes every unrevoked share of the case (or, without one, of the organisation) and
    // recomputes the case-list summaries they belong to.
    std::vector<std::string> revoke_all(const std::string& organisation_id,
                                        const std::optional<std::string>& case_id,
                                        const std::string& revoked_by,
                                        const domain::AuditEntry& audit);

    // Takes one summary row (case_id, live_count, first_expiry), read with last_expiry ahead.
    using Judge = std::function<void(const SqlRow&)>;
    // Stores one case's answer: active count and next expiry (epoch ms).
    using Record = std::function<void(std::string_view, std::int64_t, std::int64_t)>;

    // Hands `judge` the summary rows with live shares left: all of the organisation's in one
    // scan, or those of the given ids, looked up in chunks.
    void read_organisation_summaries(SqlConnection& c, const std::string& organisation_id,
                                     std::int64_t now, const Judge& judge);
    void read_listed_summaries(SqlConnection& c, const std::string& organisation_id,
                               const std::vector<std::string>& case_ids, std::int64_t now,
                               const Judge& judge);
    // The exact count from `shares`, for cases whose summary row has partly lapsed.
    void count_live_shares(SqlConnection& c, const std::string& organisation_id,
                           const std::vector<std::string>& case_ids, std::int64_t now,
                           const Record& record);

    Database& db_;
    // Built once: every link page looks its share up by token.
    const std::string live_by_token_sql_;
};

}  // namespace es::store::sql
