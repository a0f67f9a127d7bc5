// The share's download limit as the portal applies it: counted by what is delivered, not by
// requests. Every byte of a file that leaves for a share with a limit is paid for before it is
// sent (ShareRepository::pay_download): one counted download buys one file's worth, and later
// requests for the same file (a resumed download, Range requests of any shape) are paid from
// what is left of it. What the client's TCP never acknowledged when a transfer broke off is paid
// back. Without a limit, a completed download is only counted, for the panel.
//
// Errors: pay() throws what the store throws (the request then fails before any byte); refund()
// and count_completed() swallow database errors, since they run after the transfer and must not
// replace its outcome — a refund lost that way leaves the download counted (fail closed).
#pragma once

#include <cstdint>
#include <exception>
#include <string>

#include "store/share_repository.hpp"

namespace es::portal {

class DownloadLedger {
  public:
    explicit DownloadLedger(store::ShareRepository& shares) : shares_(shares) {}

    // The ledger's key for one attachment, and for "download all".
    static std::string file_key(const std::string& attachment_id) {
        return "file:" + attachment_id;
    }
    static std::string zip_key() { return "zip"; }

    bool pay(const std::string& share_id, const std::string& item_key, const std::string& validator,
             std::uint64_t item_size, std::uint64_t bytes) {
        return shares_.pay_download(share_id, item_key, validator, item_size, bytes);
    }

    void refund(const std::string& share_id, const std::string& item_key,
                const std::string& validator, std::uint64_t item_size,
                std::uint64_t bytes) noexcept {
        if (bytes == 0) {
            return;
        }
        try {
            shares_.refund_download(share_id, item_key, validator, item_size, bytes);
        } catch (const std::exception&) {
        }
    }

    void count_completed(const std::string& share_id) noexcept {
        try {
            shares_.consume_download(share_id);
        } catch (const std::exception&) {
        }
    }

  private:
    store::ShareRepository& shares_;
};

}  // namespace es::portal
