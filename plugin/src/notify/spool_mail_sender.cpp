#include "notify/spool_mail_sender.hpp"

#include "notify/spool_file.hpp"

namespace es::notify {
namespace {

// An id that could end the header line early is left out: the mail is then nobody's.
bool fits_a_header(const std::string& value) {
    for (unsigned char c : value) {
        if (c < 0x21 || c > 0x7e) {
            return false;
        }
    }
    return !value.empty();
}

}  // namespace

SpoolMailSender::SpoolMailSender(std::string spool_directory)
    : directory_(std::move(spool_directory) + "/mail") {}

void SpoolMailSender::send(const OutgoingMail& mail) {
    const std::string owner = fits_a_header(mail.organisation_id)
                                  ? "X-Spool-Organisation: " + mail.organisation_id + "\r\n"
                                  : std::string();
    write_spool_file(directory_, spool_name(mail.message_id) + ".eml", owner + mail.data);
}

}  // namespace es::notify
