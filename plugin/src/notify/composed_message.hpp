// What MessageComposer makes of one outbox row: an e-mail or an SMS, ready for its sender.
#pragma once

#include "notify/message_kind.hpp"
#include "notify/outgoing_mail.hpp"
#include "notify/outgoing_sms.hpp"

namespace es::notify {

struct ComposedMessage {
    Channel channel = Channel::Email;
    OutgoingMail mail;  // when channel is Email
    OutgoingSms sms;    // when channel is Sms
};

}  // namespace es::notify
