// The database chose this transaction as a deadlock victim and rolled it back. Nothing of it
// remains, so Database::transaction runs it again (see conflict_backoff.hpp) instead of failing
// the caller.
#pragma once

#include <string>

#include "domain/error.hpp"

namespace es::store::sql {

class Deadlock : public domain::Error {
  public:
    explicit Deadlock(const std::string& message) : Error(Kind::Unavailable, message) {}
};

}  // namespace es::store::sql
