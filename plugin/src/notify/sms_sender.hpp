// Where composed SMS go: an HTTP gateway or the spool directory, chosen by NotifySettings::sms.
//
// Threading: one worker thread uses a sender at a time. Errors: send() throws DeliveryError.
#pragma once

#include "notify/outgoing_sms.hpp"

namespace es::notify {

class SmsSender {
  public:
    virtual ~SmsSender() = default;

    virtual void send(const OutgoingSms& sms) = 0;
};

}  // namespace es::notify
