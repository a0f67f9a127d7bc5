// Key rotation's second half: re-sealing the shares' secrets (link token, password) with the
// newest sealing key, so that the old key can be retired.
//
// Rotation (docs/admin-guide.md): put the new key first in the key file on every instance, keep
// the old ones; from then on new secrets are sealed with the new key and old ones still open.
// The maintenance job then calls reseal_shares() every round on every instance. Each share is
// replaced by one conditional UPDATE that names the sealed values it read (ShareRepository::
// reseal), so instances doing it at once, or an owner changing the password meanwhile, never
// lose a secret and never re-seal one twice. Once a round finds nothing left under an old key,
// that key may be removed from the key file.
#pragma once

#include <string>

#include "crypto/secret_box.hpp"
#include "store/share_repository.hpp"

namespace es::app {

struct ResealReport {
    int resealed = 0;    // shares whose secrets now carry the newest key
    int unreadable = 0;  // sealed with a key the box does not hold, or damaged: left as they are
    int changed = 0;     // changed by someone else between reading and writing: left to them
};

// Re-seals every share whose secrets are sealed with another key than box.sealing_key_id(), in
// batches of `batch`. Store errors propagate (the maintenance job logs them and tries again).
ResealReport reseal_shares(store::ShareRepository& shares, const crypto::SecretBox& box,
                           int batch = 200);

// The associated data that binds a sealed secret to its field and share.
std::string token_purpose(const std::string& share_id);
std::string password_purpose(const std::string& share_id);

}  // namespace es::app
