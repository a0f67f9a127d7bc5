#include "app/secret_reseal.hpp"

#include "domain/error.hpp"

namespace es::app {

std::string token_purpose(const std::string& share_id) {
    return "token:" + share_id;
}
std::string password_purpose(const std::string& share_id) {
    return "password:" + share_id;
}

ResealReport reseal_shares(store::ShareRepository& shares, const crypto::SecretBox& box,
                           int batch) {
    ResealReport report;
    const std::string& key_id = box.sealing_key_id();
    std::string after;
    for (;;) {
        const auto rows = shares.sealed_by_other_keys(key_id, after, batch);
        for (const auto& before : rows) {
            store::ShareRepository::SealedSecrets renewed{before.share_id, {}, {}};
            try {
                renewed.token = box.seal(box.open(before.token, token_purpose(before.share_id)),
                                         token_purpose(before.share_id));
                if (before.password) {
                    renewed.password =
                        box.seal(box.open(*before.password, password_purpose(before.share_id)),
                                 password_purpose(before.share_id));
                }
            } catch (const domain::Error&) {
                ++report.unreadable;
                continue;
            }
            if (shares.reseal(before, renewed)) {
                ++report.resealed;
            } else {
                ++report.changed;
            }
        }
        if (static_cast<int>(rows.size()) < batch) {
            return report;
        }
        after = rows.back().share_id;
    }
}

}  // namespace es::app
