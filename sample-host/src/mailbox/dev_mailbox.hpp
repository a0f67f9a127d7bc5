// The developer's mailbox: what the plugin's spool senders wrote instead of sending — e-mails as
// .eml files in <spool>/mail, text messages as .json files in <spool>/sms — newest first.
//
// One spool folder serves every organisation of the host, so each listing is for one organisation:
// a message shows only when the plugin marked it as that organisation's ("X-Spool-Organisation"
// header, "organisation_id" in the SMS file). Unmarked messages belong to nobody and never show.
#pragma once

#include <string>
#include <vector>

namespace host {

struct SpooledMail {
    std::string id;  // file name
    std::string from, to, subject, date, body;
    std::string organisation_id;  // empty when unmarked
};

struct SpooledSms {
    std::string id;
    std::string to, text, created_at;
    std::string organisation_id;
};

class DevMailbox {
  public:
    explicit DevMailbox(std::string spool_directory) : spool_(std::move(spool_directory)) {}

    // The newest `limit` messages of `organisation_id` (not empty).
    std::vector<SpooledMail> mails(const std::string& organisation_id,
                                   std::size_t limit = 200) const;
    std::vector<SpooledSms> sms(const std::string& organisation_id, std::size_t limit = 200) const;

    // Parses one message: headers (RFC 2047 words decoded) and its text/plain part.
    static SpooledMail parse_mail(const std::string& raw);

  private:
    std::string spool_;
};

}  // namespace host
