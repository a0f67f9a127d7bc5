// What the portal reports when a share's recipient reaches its content — the case page after any
// password or code, or the start of a download — so that the module records the first time in the
// case's journal (app::CaseJournal). Never for the owner's preview or a HEAD request.
//
// Called on the recipient's request thread: implementations are thread-safe, never throw, and cost
// nothing once the share says its first opening was dealt with (Share::first_opening_recorded).
#pragma once

#include "domain/share.hpp"

namespace es::portal {

class FirstOpenings {
  public:
    virtual ~FirstOpenings() = default;
    virtual void opened(const domain::Share& share) noexcept = 0;
};

// For installations and tools that record nothing (benchmarks, tests of other things).
class NoFirstOpenings final : public FirstOpenings {
  public:
    void opened(const domain::Share&) noexcept override {}
};

}  // namespace es::portal
