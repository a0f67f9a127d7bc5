// Where composed e-mails go: SMTP or the spool directory, chosen by NotifySettings::mail.
//
// Threading: one worker thread uses a sender at a time; implementations need not be thread-safe.
// Errors: send() throws DeliveryError; nothing else escapes it.
#pragma once

#include "notify/outgoing_mail.hpp"

namespace es::notify {

class MailSender {
  public:
    virtual ~MailSender() = default;

    virtual void send(const OutgoingMail& mail) = 0;

    // The worker has nothing more to send for now: a connection kept open for the batch may close.
    virtual void end_batch() {}
};

}  // namespace es::notify
