// What licensing keeps in the database, behind a narrow port so the state machine and the service
// are tested against any backend with one contract suite (tests/licence/licence_store_contract).
//
// Thread safety: implementations are called from many threads at once. Errors: es::domain::Error
// (Kind::Unavailable when the database cannot be reached).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/organisation_licence.hpp"
#include "domain/timestamp.hpp"

namespace es::store {

class LicenceStore {
  public:
    virtual ~LicenceStore() = default;

    // The database's clock (UTC): trials and keys are measured on it, never on a host's clock.
    virtual domain::Timestamp database_now() = 0;

    // The organisation's record; a fresh one (revision 0, nothing started) when none is stored.
    virtual domain::OrganisationLicence load(const std::string& organisation_id) = 0;

    // Stores `next` with revision `next.revision + 1` and appends `audit`, provided the stored
    // revision is still `next.revision` (0: nothing stored). False, and nothing written, when
    // another writer came first.
    virtual bool save(const domain::OrganisationLicence& next, const domain::AuditEntry& audit) = 0;

    // The organisation's switch for one case type; nothing when it never set one.
    virtual std::optional<bool> case_type_enabled(const std::string& organisation_id,
                                                  const std::string& case_type_id) = 0;
    virtual void set_case_type_enabled(const std::string& organisation_id,
                                       const std::string& case_type_id, bool enabled,
                                       const domain::AuditEntry& audit) = 0;

    // For events that change no record (a refused key, revoking all links).
    virtual void append_audit(const domain::AuditEntry& audit) = 0;

    // Licensing and module entries of the organisation's audit trail, newest first.
    virtual std::vector<domain::AuditEntry> audit_trail(const std::string& organisation_id,
                                                        int limit) = 0;
};

}  // namespace es::store
