// A window into a newest-first list. Offsets are enough for an owner's panel (tens of pages at
// most).
#pragma once

namespace es::domain {

struct Page {
    int offset = 0;
    int limit = 50;  // the store caps this at 1000
};

}  // namespace es::domain
