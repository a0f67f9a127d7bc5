// Positions of case ids in the list a case-list column call was given, for matching result rows
// back to it. An open-addressing table of positions beside the caller's strings: on a scan of
// 10,000 summary rows, std::unordered_map's node lookups were a quarter of the client's time.
//
// The index refers to `ids`, which must outlive it unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace es::store::sql {

class CaseIdIndex {
  public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    explicit CaseIdIndex(const std::vector<std::string>& ids);

    // Where `id` first occurs in the list, or npos.
    std::size_t find(std::string_view id) const;
    // True when some id occurs more than once.
    bool has_duplicates() const { return duplicates_; }

  private:
    const std::vector<std::string>& ids_;
    std::vector<std::uint32_t> slots_;  // position + 1; 0 is an empty slot
    std::size_t mask_ = 0;
    bool duplicates_ = false;
};

}  // namespace es::store::sql
