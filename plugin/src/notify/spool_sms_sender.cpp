#include "notify/spool_sms_sender.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include <sstream>

#include "notify/spool_file.hpp"

namespace es::notify {

SpoolSmsSender::SpoolSmsSender(std::string spool_directory)
    : directory_(std::move(spool_directory) + "/sms") {}

void SpoolSmsSender::send(const OutgoingSms& sms) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("to", sms.to);
    o.set("text", sms.text);
    const Poco::Timestamp created(domain::to_epoch_ms(sms.created_at) * 1000);
    o.set("created_at",
          Poco::DateTimeFormatter::format(created, Poco::DateTimeFormat::ISO8601_FRAC_FORMAT));
    o.set("message_id", sms.message_id);
    o.set("organisation_id", sms.organisation_id);
    std::ostringstream out;
    o.stringify(out);
    write_spool_file(directory_, spool_name(sms.message_id) + ".json", out.str());
}

}  // namespace es::notify
