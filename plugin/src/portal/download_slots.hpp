// The share's download limit, counted in SQL.
//
// With a limit, a slot is reserved atomically BEFORE any byte is sent (so 50 parallel requests on a
// limit of 1 serve exactly one) and given back when the transfer fails. Without a limit, a download
// is counted once it completed.
#pragma once

#include <exception>
#include <string>

#include "store/share_repository.hpp"

namespace es::portal {

class DownloadSlots {
  public:
    virtual ~DownloadSlots() = default;
    // True when granted (always for a live share without a limit).
    virtual bool reserve(const std::string& share_id) = 0;
    // Gives back a reserved slot after a failed transfer.
    virtual void release(const std::string& share_id) = 0;
};

// On ShareRepository::consume_download / release_download.
class StoreDownloadSlots : public DownloadSlots {
  public:
    explicit StoreDownloadSlots(store::ShareRepository& shares) : shares_(shares) {}
    bool reserve(const std::string& share_id) override {
        return shares_.consume_download(share_id);
    }
    // Called while handling a failed transfer: a database error here must not replace that
    // failure, so it is swallowed and the slot stays used (fail closed: the owner can raise the
    // limit).
    void release(const std::string& share_id) override {
        try {
            shares_.release_download(share_id);
        } catch (const std::exception&) {
        }
    }

  private:
    store::ShareRepository& shares_;
};

}  // namespace es::portal
