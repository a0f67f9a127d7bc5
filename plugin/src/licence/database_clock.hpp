// The production clock: the database's time, asked on every call (one cheap query), never cached.
#pragma once

#include "licence/clock.hpp"
#include "store/licence_store.hpp"

namespace es::licence {

class DatabaseClock final : public Clock {
  public:
    // `store` must outlive the clock.
    explicit DatabaseClock(store::LicenceStore& store) : store_(store) {}
    domain::Timestamp now() override { return store_.database_now(); }

  private:
    store::LicenceStore& store_;
};

}  // namespace es::licence
