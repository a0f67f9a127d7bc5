// The development SMS sender: each SMS becomes "<spool_directory>/sms/<message id>.json" holding
// {"to","text","created_at","message_id","organisation_id"}, written atomically, for the sample
// host's dev mailbox (which shows each organisation only its own messages).
#pragma once

#include <string>

#include "notify/sms_sender.hpp"

namespace es::notify {

class SpoolSmsSender : public SmsSender {
  public:
    explicit SpoolSmsSender(std::string spool_directory);

    void send(const OutgoingSms& sms) override;

  private:
    std::string directory_;  // <spool>/sms
};

}  // namespace es::notify
