// The one place where External Sharing meets its host: the host's services (dm.cases,
// dm.directory and dm.log, through host-sdk's dm::HostServices) in, the plugin's own values and
// errors out. Everything above it — app/, licence/, portal/ — speaks domain::CaseSnapshot,
// domain::HostUser, domain::Actor and domain::Error, never the SDK's types, and the JSON the host
// answers is parsed here (host/case_json, host/user_json) and nowhere else.
//
// A case is read with dm.cases 1.1 `read_case`: one call for the parts a request needs. A 1.0 host
// lacks it; then the SDK makes the 1.0 calls for those parts and composes the same answer, so
// callers have one code path either way.
//
// Thread safety: immutable after construction; every call may come from any thread at once (the
// host's services are [any-thread]).
// Errors, as domain::Error: NotFound — no such case or user in the organisation, or the acting user
// may not see it (never told apart, so nothing leaks about other organisations); Unavailable — the
// host cannot answer now; Internal — the host broke its contract (malformed JSON, a missing
// member) or lacks a service the caller did not check for.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/case_parts.hpp"
#include "domain/case_snapshot.hpp"
#include "domain/case_type.hpp"
#include "domain/host_user.hpp"
#include "host/attachment_stream.hpp"
#include "host/log_level.hpp"

struct dm_host;
namespace dm {
class HostServices;
}

namespace es::host {

class HostAdapter {
  public:
    // `host` must stay valid until the adapter is destroyed; its services are looked up here, once.
    explicit HostAdapter(const dm_host* host);
    ~HostAdapter();
    HostAdapter(const HostAdapter&) = delete;
    HostAdapter& operator=(const HostAdapter&) = delete;

    // dm.cases and dm.directory: External Sharing cannot run without them.
    bool offers_required_services() const noexcept;
    // dm.cases 1.1: a case is read in one call; the plugin may add journal entries.
    bool reads_case_in_one_call() const noexcept;
    bool writes_journal_entries() const noexcept;
    // The ABI version the host was built against, "1.0.0".
    std::string host_abi() const;

    // The parts of the case that `actor` may see. The host reads them in the actor's context, so
    // with a user id a successful read also proves that the user may access the case.
    domain::CaseSnapshot read_case(const domain::Actor& actor, const std::string& case_id,
                                   domain::CaseParts parts) const;
    // For checks that need nothing of the case. False when denied or not found.
    bool may_access(const domain::Actor& actor, const std::string& case_id) const;

    // A user of the actor's organisation; nothing when the host does not know them (removed).
    std::optional<domain::HostUser> user(const domain::Actor& actor,
                                         const std::string& user_id) const;
    // Active users of the organisation, for licence seats; asked on behalf of the organisation.
    std::int64_t active_user_count(const std::string& organisation_id) const;
    std::vector<domain::CaseType> case_types(const domain::Actor& actor) const;

    // dm.cases 1.1: adds `text` to the case's journal as written by the actor's user (the plugin
    // itself when the actor has none); `internal`: for the organisation's own staff only
    // (DM_JOURNAL_INTERNAL). Callers check writes_journal_entries() first; without it this throws
    // Internal. Not idempotent: never retried here.
    void add_journal_entry(const domain::Actor& actor, const std::string& case_id,
                           const std::string& text, bool internal) const;

    // Opens an attachment on behalf of the organisation (the portal acts for no user). NotFound
    // when the case or the attachment is gone.
    AttachmentStream open_attachment(const std::string& organisation_id, const std::string& case_id,
                                     const std::string& attachment_id) const;

    void log(LogLevel level, const std::string& message) const noexcept;

  private:
    std::unique_ptr<const dm::HostServices> services_;
};

}  // namespace es::host
