#include "web/mailbox_api.hpp"

#include "mailbox/dev_mailbox.hpp"
#include "web/api_error.hpp"

namespace host {

using Poco::JSON::Array;
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
        Array::Ptr mails = new Array;
        for (const auto& m : box.mails(organisation)) {
            Object::Ptr o = new Object;
            o->set("id", m.id);
            o->set("from", m.from);
            o->set("to", m.to);
            o->set("subject", m.subject);
            o->set("date", m.date);
            o->set("body", m.body);
            mails->add(o);
        }
        Array::Ptr sms = new Array;
        for (const auto& s : box.sms(organisation)) {
            Object::Ptr o = new Object;
            o->set("id", s.id);
            o->set("to", s.to);
            o->set("text", s.text);
            o->set("created_at", s.created_at);
            sms->add(o);
        }
        Object::Ptr root = new Object;
        root->set("enabled", true);
        root->set("mails", mails);
        root->set("sms", sms);
        ex.send_json(200, root);
    });
}

}  // namespace host
