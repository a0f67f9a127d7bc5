// The development mail sender: each e-mail becomes "<spool_directory>/mail/<message id>.eml",
// written atomically, which the sample host's dev mailbox page lists. The file starts with one
// extra header, "X-Spool-Organisation: <organisation id>", so the mailbox can show each
// organisation only its own messages (a mail without it is shown to nobody).
#pragma once

#include <string>

#include "notify/mail_sender.hpp"

namespace es::notify {

class SpoolMailSender : public MailSender {
  public:
    explicit SpoolMailSender(std::string spool_directory);

    void send(const OutgoingMail& mail) override;

  private:
    std::string directory_;  // <spool>/mail
};

}  // namespace es::notify
