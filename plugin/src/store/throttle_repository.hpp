// Rate limits kept in the database so several host processes share them. Keys are free text:
// "share:<id>:code_send", domain::client_throttle_key(ip) + ":password", ...
//
// Thread safety and errors as in share_repository.hpp. Every change is one atomic SQL statement
// sequence on the key's row; nothing is counted in memory.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace es::store {

class ThrottleRepository {
  public:
    virtual ~ThrottleRepository() = default;

    // Counts one hit in the key's fixed window (database clock); a window older than `window`
    // restarts at zero. True when this hit is within `limit`; a refused hit is not counted.
    virtual bool try_hit(const std::string& key, std::chrono::seconds window, int limit) = 0;

    // Refuses the key for `delay` from now (e.g. growing delays after wrong passwords).
    virtual void block_for(const std::string& key, std::chrono::seconds delay) = 0;

    // How long the key is still refused, or nothing when it is free.
    virtual std::optional<std::chrono::milliseconds> blocked_for(const std::string& key) = 0;

    virtual void reset(const std::string& key) = 0;

    // Deletes rows untouched for longer than `age`. Returns how many.
    virtual int purge_older_than(std::chrono::seconds age) = 0;
};

}  // namespace es::store
