// The access log: append-only events per share, read by the owner's panel, purged after the
// configured retention (StorageSettings::access_log_retention_days).
//
// Thread safety and errors as in share_repository.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/access_event.hpp"
#include "domain/page.hpp"

namespace es::store {

class AccessLogRepository {
  public:
    virtual ~AccessLogRepository() = default;

    // Stores the event (id is assigned; user agent cut to 512 bytes, texts to their column size).
    virtual void append(const domain::AccessEvent& event) = 0;
    // Stores all events in one transaction: all or none.
    virtual void append_all(const std::vector<domain::AccessEvent>& events) = 0;

    // Newest first (ties by id, newest first).
    virtual std::vector<domain::AccessEvent> for_share(const std::string& organisation_id,
                                                       const std::string& share_id,
                                                       domain::Page page) = 0;
    virtual std::vector<domain::AccessEvent> for_case(const std::string& organisation_id,
                                                      const std::string& case_id,
                                                      domain::Page page) = 0;

    // Deletes the oldest events older than `retention_days` by the database clock, at most
    // `max_events` of them (plus any sharing the last one's time), in one transaction; call again
    // while it returns `max_events` or more. Bounded so that a first purge of years of events is
    // many short transactions, not one long one. Returns how many were deleted. max_events >= 1.
    virtual std::int64_t purge_older_than(int retention_days, std::int64_t max_events) = 0;
};

}  // namespace es::store
