// Shares and their selections.
//
// Thread safety: every function may be called from any thread at once; each call uses its own
// connection from the store's pool.
// Errors: es::domain::Error with Kind::Unavailable when the database cannot be reached (nothing was
// written then), Kind::Conflict for a duplicate id or token hash, Kind::Internal otherwise.
// Organisation scoping: every function taking an organisation id touches only that organisation's
// rows; an id of another organisation behaves like an unknown id.
// Time: "live" means not revoked and expires_at later than the DATABASE clock, so several hosts
// with skewed clocks agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/case_share_summary.hpp"
#include "domain/outbox_message.hpp"
#include "domain/revocation.hpp"
#include "domain/section.hpp"
#include "domain/selection.hpp"
#include "domain/share.hpp"
#include "store/share_listing.hpp"

namespace es::store {

enum class LimitChange {
    Changed,
    BelowUsed,      // more downloads were counted already than the new limit allows
    NotChangeable,  // unknown in the organisation, or revoked
};

class ShareRepository {
  public:
    virtual ~ShareRepository() = default;

    // Writes the share, its selection, its outbox messages and the audit entry in ONE transaction:
    // all of it or (on any error) nothing.
    virtual void create(const domain::Share& share, const domain::Selection& selection,
                        const std::vector<domain::OutboxMessage>& outbox,
                        const domain::AuditEntry& audit) = 0;

    // The share, or nothing when there is none with this id in this organisation.
    virtual std::optional<domain::Share> find(const std::string& organisation_id,
                                              const std::string& share_id) = 0;

    // The portal's lookup: the share whose token hashes to `token_hash`, only while it is live by
    // the database clock. Any organisation (the token decides); the caller checks that the
    // organisation's licence is active. Idempotent read: retried once after a dropped connection.
    virtual std::optional<domain::Share> find_live_by_token_hash(const std::string& token_hash) = 0;

    // All shares of a case, newest first, with their last access.
    virtual std::vector<ShareListing> list_for_case(const std::string& organisation_id,
                                                    const std::string& case_id) = 0;

    // The selection of a share (empty when the share does not exist).
    virtual domain::Selection selection(const std::string& share_id) = 0;

    // The changes below return false when the share does not exist in the organisation or is
    // revoked (a revoked share never changes again); the audit entry is written with the change.

    // Turns the share into an e-mailed link: the new expiry, delivery "emailed_link", the link
    // message in the outbox and the audit entry, in one transaction. False when unknown or revoked.
    virtual bool send_by_email(const std::string& organisation_id, const std::string& share_id,
                               domain::Timestamp expires_at, const domain::OutboxMessage& message,
                               const domain::AuditEntry& audit) = 0;

    virtual bool change_expiry(const std::string& organisation_id, const std::string& share_id,
                               domain::Timestamp expires_at, const domain::AuditEntry& audit) = 0;

    // Stores a new protection: mode, where codes go, and the password (set, replaced, or with
    // nothing removed). Deletes every portal session of the share and bumps password_generation,
    // in one transaction, so no session of the old protection survives on any instance.
    virtual bool change_protection(const std::string& organisation_id, const std::string& share_id,
                                   const std::optional<std::string>& password_hash,
                                   const std::optional<std::string>& sealed_password,
                                   domain::Protection protection, domain::CodeChannel code_channel,
                                   const domain::AuditEntry& audit) = 0;

    // Sets or (with nothing) removes the download limit, atomically refusing a limit below the
    // downloads already counted.
    virtual LimitChange change_download_limit(const std::string& organisation_id,
                                              const std::string& share_id,
                                              std::optional<std::int64_t> limit,
                                              const domain::AuditEntry& audit) = 0;

    // Lists the item if needed and shows or hides it.
    virtual bool set_item_visible(const std::string& organisation_id, const std::string& share_id,
                                  domain::Section section, const std::string& item_id, bool visible,
                                  const domain::AuditEntry& audit) = 0;

    virtual bool set_section_included(const std::string& organisation_id,
                                      const std::string& share_id, domain::Section section,
                                      bool included, const domain::AuditEntry& audit) = 0;

    // Revokes one share now (database clock). False when unknown or already revoked.
    virtual bool revoke(const std::string& organisation_id, const std::string& share_id,
                        const std::string& revoked_by, const domain::AuditEntry& audit) = 0;

    // Revokes every unrevoked share of a case / an organisation; one audit entry per share (the
    // given one with its share id and case id filled in). Returns the ids revoked.
    virtual std::vector<std::string> revoke_case(const std::string& organisation_id,
                                                 const std::string& case_id,
                                                 const std::string& revoked_by,
                                                 const domain::AuditEntry& audit) = 0;
    virtual std::vector<std::string> revoke_organisation(const std::string& organisation_id,
                                                         const std::string& revoked_by,
                                                         const domain::AuditEntry& audit) = 0;

    // The host deleted an item: it leaves the selection of every share of the case. Returns how
    // many shares listed it.
    virtual int remove_item(const std::string& organisation_id, const std::string& case_id,
                            domain::Section section, const std::string& item_id,
                            const domain::AuditEntry& audit) = 0;

    // The host removed a user: their shares stay, flagged so the panel can say so.
    virtual int mark_creator_removed(const std::string& organisation_id, const std::string& user_id,
                                     const domain::AuditEntry& audit) = 0;

    // Claims the recipient's first opening of the share (one conditional UPDATE): true for the one
    // request, of all instances, that set the mark; false when it was set already or the share
    // does not exist. The mark is read back as Share::first_opening_recorded.
    virtual bool mark_first_opening_recorded(const std::string& share_id) = 0;

    // Counts one download against the share's limit, atomically in SQL
    // (UPDATE … WHERE downloads_used < download_limit AND live). True when granted; always true
    // for a live share without a limit; false for a share that is not live.
    virtual bool consume_download(const std::string& share_id) = 0;

    // Gives back one download counted by consume_download after the transfer failed, atomically in
    // SQL (UPDATE … SET downloads_used = downloads_used - 1 WHERE downloads_used > 0): the count
    // never goes below zero, also when releases race. Applies to revoked and expired shares too
    // (harmless: they grant nothing). Unknown ids are ignored.
    virtual void release_download(const std::string& share_id) = 0;

    // The download limit counted by what was actually delivered. Pays for `bytes` of one item
    // (`item_key`) of a share that HAS a download limit, in one transaction: from the item's
    // credit while its `validator` (the ETag) is unchanged, otherwise (or when the credit is
    // short) by counting one more download (live share, downloads_used < download_limit), which
    // adds one file's worth, `item_size`, to the credit. False, with nothing counted, when the
    // limit is reached or the share is not live. So however a client splits, repeats or
    // overlaps its ranges, n counted downloads deliver at most n * item_size bytes of the item.
    virtual bool pay_download(const std::string& share_id, const std::string& item_key,
                              const std::string& validator, std::uint64_t item_size,
                              std::uint64_t bytes) = 0;

    // Gives `bytes` that pay_download paid for but the client never received back to the credit
    // (unless the item changed meanwhile); a credit that holds a whole file's worth again gives
    // its download back too.
    virtual void refund_download(const std::string& share_id, const std::string& item_key,
                                 const std::string& validator, std::uint64_t item_size,
                                 std::uint64_t bytes) = 0;

    // The case-list column: one entry per given case id, in the same order, zero for cases without
    // live shares. Read from per-case summary rows kept in step with every write (a few batched
    // queries, never one per case); cases whose row has partly lapsed are counted from `shares`.
    virtual std::vector<domain::CaseShareSummary> active_share_summary(
        const std::string& organisation_id, const std::vector<std::string>& case_ids) = 0;

    // Maintenance: recomputes up to `limit` case-list summary rows whose earliest share has
    // expired since they were written (the column stays exact without this, but reads those cases
    // from `shares`, which is slower). Returns how many rows were recomputed; fewer than `limit`
    // means none are left.
    virtual int refresh_lapsed_summaries(int limit) = 0;

    // Key rotation (app/secret_reseal.hpp). A share's sealed secrets as stored.
    struct SealedSecrets {
        std::string share_id;
        std::string token;
        std::optional<std::string> password;
    };
    // Up to `limit` shares, in id order after `after_id` ("" from the start), whose token or
    // password is sealed with another key than `key_id`.
    virtual std::vector<SealedSecrets> sealed_by_other_keys(const std::string& key_id,
                                                            const std::string& after_id,
                                                            int limit) = 0;
    // Stores `after`'s sealed values if the share still holds exactly `before`'s (one conditional
    // UPDATE: another instance re-sealing it, or an owner changing the password, wins). True when
    // stored.
    virtual bool reseal(const SealedSecrets& before, const SealedSecrets& after) = 0;
};

}  // namespace es::store
