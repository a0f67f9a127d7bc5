#include "domain/share.hpp"

namespace es::domain {

CodeChannel choose_code_channel(Protection protection, const Recipient& recipient,
                                bool force_email) {
    if (!needs_code(protection)) {
        return CodeChannel::None;
    }
    if (recipient.phone && !force_email) {
        return CodeChannel::Sms;
    }
    if (recipient.email) {
        return CodeChannel::Email;
    }
    return CodeChannel::None;
}

}  // namespace es::domain
