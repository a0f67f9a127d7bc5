// One-time codes. Only a digest of the code is stored (crypto::code_digest), never the code.
//
// A code belongs to the browser that asked for it, named by `pre_session_hash` (a digest of the
// portal's pre-session cookie, never the cookie): only that browser's newest code counts for it,
// and its guesses spend only its own code's tries. So nobody can burn the code another browser
// asked for, nor replace it by asking for a new one.
//
// Thread safety and errors as in share_repository.hpp. Tries are counted in SQL
// (UPDATE … SET tries = tries + 1 WHERE tries < max), so parallel guesses cannot exceed the bound.
#pragma once

#include <chrono>
#include <string>

#include "domain/outbox_message.hpp"
#include "store/code_check.hpp"

namespace es::store {

class CodeRepository {
  public:
    virtual ~CodeRepository() = default;

    // Stores a new code for the share and browser, valid for `lifetime` from now (database clock).
    // Codes issued before for the same share and browser stop working: only the newest counts.
    // Other browsers' codes stay as they are.
    virtual void issue(const std::string& share_id, const std::string& pre_session_hash,
                       const std::string& code_digest, std::chrono::minutes lifetime) = 0;

    // issue() and the outbox row that delivers the code (pending, as OutboxRepository::enqueue
    // writes it) in ONE transaction: both or (on any error) neither, so no code is stored that
    // was never sent and no message carries a code that was never stored.
    virtual void issue_and_queue(const std::string& share_id, const std::string& pre_session_hash,
                                 const std::string& code_digest, std::chrono::minutes lifetime,
                                 const domain::OutboxMessage& message) = 0;

    // Spends one try of the newest code this browser was given for the share and compares (in
    // constant time). A right guess marks the code used, exactly once even under concurrent
    // guesses. Codes of other browsers are neither tried nor spent.
    virtual CodeCheck verify(const std::string& share_id, const std::string& pre_session_hash,
                             const std::string& code_digest, int max_tries) = 0;

    // Deletes codes that expired more than a day ago. Returns how many.
    virtual int purge_expired() = 0;
};

}  // namespace es::store
