#include "store/sql/case_id_index.hpp"

namespace es::store::sql {

namespace {

// FNV-1a: case ids are short, and it needs no setup per call.
std::size_t hash_of(std::string_view id) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const unsigned char c : id) {
        h = (h ^ c) * 1099511628211ULL;
    }
    return static_cast<std::size_t>(h ^ (h >> 29));
}

}  // namespace

CaseIdIndex::CaseIdIndex(const std::vector<std::string>& ids) : ids_(ids) {
    std::size_t capacity = 16;
    while (capacity < ids.size() * 2) {  // at most half full keeps probe runs short
        capacity *= 2;
    }
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        for (std::size_t at = hash_of(ids[i]) & mask_;; at = (at + 1) & mask_) {
            if (slots_[at] == 0) {
                slots_[at] = static_cast<std::uint32_t>(i + 1);
                break;
            }
            if (ids_[slots_[at] - 1] == ids[i]) {
                duplicates_ = true;  // the first position stays
                break;
            }
        }
    }
}

std::size_t CaseIdIndex::find(std::string_view id) const {
    for (std::size_t at = hash_of(id) & mask_;; at = (at + 1) & mask_) {
        const std::uint32_t slot = slots_[at];
        if (slot == 0) {
            return npos;
        }
        if (ids_[slot - 1] == id) {
            return slot - 1;
        }
    }
}

}  // namespace es::store::sql
