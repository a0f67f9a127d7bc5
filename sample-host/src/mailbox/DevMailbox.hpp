// The developer's mailbox: what the plugin's spool senders wrote instead of sending — e-mails as
// .eml files in <spool>/mail, text messages as .json files in <spool>/sms — newest first.
#pragma once

#include <string>
#include <vector>

namespace host {

struct SpooledMail {
    std::string id;  // file name
    std::string from, to, subject, date, body;
};

struct SpooledSms {
    std::string id;
    std::string to, text, created_at;
};

class DevMailbox {
  public:
    explicit DevMailbox(std::string spool_directory) : spool_(std::move(spool_directory)) {}

    std::vector<SpooledMail> mails(std::size_t limit = 200) const;
    std::vector<SpooledSms> sms(std::size_t limit = 200) const;

    // Parses one message: headers (RFC 2047 words decoded) and its text/plain part.
    static SpooledMail parse_mail(const std::string& raw);

  private:
    std::string spool_;
};

}  // namespace host
