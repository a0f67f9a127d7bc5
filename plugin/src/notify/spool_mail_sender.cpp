#include "notify/spool_mail_sender.hpp"

#include "notify/spool_file.hpp"

namespace es::notify {

SpoolMailSender::SpoolMailSender(std::string spool_directory)
    : directory_(std::move(spool_directory) + "/mail") {}

void SpoolMailSender::send(const OutgoingMail& mail) {
    write_spool_file(directory_, spool_name(mail.message_id) + ".eml", mail.data);
}

}  // namespace es::notify
