#include "web/mailbox_api.hpp"

#include "json/object_array.hpp"
#include "mailbox/dev_mailbox.hpp"
#include "web/api_error.hpp"

namespace host {

using Poco::JSON::Object;

void MailboxApi::install(Router& router, DossierManager& dm) {
    router.add("GET", "/api/dev/mailbox", Access::user, [&dm](Exchange& ex) {
        if (dm.config.spool_directory.empty()) {
            throw ApiError(404, "mailbox_disabled",
                           "The dev mailbox is not enabled in the host config.");
        }
        DevMailbox box(dm.config.spool_directory);
        // Only the caller's organisation: its links and codes are its secrets.
        const std::string organisation = std::to_string(ex.user->organisation_id);
        Object::Ptr root = new Object;
        root->set("enabled", true);
        root->set("mails",
                  object_array(box.mails(organisation), [](Object& o, const SpooledMail& m) {
                      o.set("id", m.id);
                      o.set("from", m.from);
                      o.set("to", m.to);
                      o.set("subject", m.subject);
                      o.set("date", m.date);
                      o.set("body", m.body);
                  }));
        root->set("sms", object_array(box.sms(organisation), [](Object& o, const SpooledSms& s) {
                      o.set("id", s.id);
                      o.set("to", s.to);
                      o.set("text", s.text);
                      o.set("created_at", s.created_at);
                  }));
        ex.send_json(200, root);
    });
}

}  // namespace host
