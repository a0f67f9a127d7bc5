// Authenticated encryption for secrets the owner must be able to see again (the link token, the
// password) and for secrets in transit through the outbox (codes).
//
// AES-256-GCM, a fresh random 96-bit nonce per seal, associated data binding the ciphertext to its
// purpose and share ("token:<share id>"), so a sealed value cannot be moved to another row or
// field. Format: "v1.<key id>.<base64url(nonce ‖ ciphertext ‖ 16-byte tag)>".
//
// Keys: lines "key-id:base64(32 bytes)"; the first line seals, every line opens (rotation: put the
// new key first, keep the old ones until nothing sealed with them remains). Blank lines and lines
// starting with '#' are ignored.
//
// Thread safety: immutable after construction; seal/open may be called from any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/settings.hpp"

namespace es::crypto {

class SecretBox {
  public:
    // Throws es::domain::Error(InvalidInput) for malformed lines, a key of the wrong size, a
    // duplicate key id, or no key at all.
    static SecretBox from_key_lines(std::string_view text);

    // From CryptoSettings::key_file or ::key_env (the variable's value holds the lines; ';' may
    // separate them where newlines are awkward). Throws es::domain::Error(InvalidInput) when the
    // file or variable is missing or malformed.
    static SecretBox from_settings(const config::CryptoSettings& settings);

    std::string seal(std::string_view plaintext, std::string_view associated_data) const;

    // Throws es::domain::Error(Internal) when the format is wrong, the key id unknown, or the
    // authentication fails (tampering, wrong associated data, wrong key). Never returns a guess.
    std::string open(std::string_view sealed, std::string_view associated_data) const;

    const std::string& sealing_key_id() const { return keys_.front().first; }

  private:
    explicit SecretBox(std::vector<std::pair<std::string, std::string>> keys)
        : keys_(std::move(keys)) {}

    std::vector<std::pair<std::string, std::string>> keys_;  // (key id, 32 raw bytes), sealer first
};

// Development only: writes a key file with one fresh random key (mode 0600) when `path` does not
// exist; does nothing when it does. Returns whether it wrote one. The plugin calls this explicitly
// in dev mode; production never generates keys on its own (a lost key makes every link unusable).
bool ensure_dev_key_file(const std::string& path);

}  // namespace es::crypto
