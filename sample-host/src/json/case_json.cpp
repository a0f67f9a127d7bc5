#include "json/case_json.hpp"

#include <sstream>

#include "json/object_array.hpp"

namespace host {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

bool german(const std::string& locale) {
    return locale.rfind("de", 0) == 0;
}

Object::Ptr field(const std::string& id, const std::string& label, const std::string& value) {
    Object::Ptr f = new Object;
    f->set("id", id);
    f->set("label", label);
    f->set("value", value);
    return f;
}

// The members a case is known by, the same in its details and in its row of the overview.
Object::Ptr case_object(const CaseRecord& c) {
    Object::Ptr o = new Object;
    o->set("id", std::to_string(c.id));
    o->set("number", c.number);
    o->set("title", c.title);
    o->set("status", c.status);
    return o;
}

}  // namespace

template <typename Ptr>
std::string CaseJson::text(const Ptr& json) {
    std::ostringstream out;
    json->stringify(out);
    return out.str();
}
template std::string CaseJson::text(const Object::Ptr&);
template std::string CaseJson::text(const Array::Ptr&);

Object::Ptr CaseJson::details(const CaseRecord& c, const std::string& locale) {
    bool de = german(locale);
    Object::Ptr o = case_object(c);
    Object::Ptr type = new Object;
    type->set("id", std::to_string(c.case_type.id));
    type->set("name", c.case_type.name(locale));
    o->set("case_type", type);
    o->set("owner_user_id", std::to_string(c.owner_user_id));
    Array::Ptr fields = new Array;
    fields->add(field("subject", de ? "Betreff" : "Subject", c.subject));
    fields->add(field("reference", de ? "Referenz" : "Reference", c.reference));
    fields->add(field("received_date", de ? "Eingangsdatum" : "Received", c.received_date));
    fields->add(field("case_type", de ? "Falltyp" : "Case type", c.case_type.name(locale)));
    fields->add(field("owner", de ? "Zuständig" : "Owner", c.owner_name));
    fields->add(field("correspondent_name", de ? "Korrespondenz: Name" : "Correspondent",
                      c.correspondent_name));
    fields->add(field("correspondent_email", de ? "Korrespondenz: E-Mail" : "Correspondent e-mail",
                      c.correspondent_email));
    fields->add(field("correspondent_phone", de ? "Korrespondenz: Telefon" : "Correspondent phone",
                      c.correspondent_phone));
    o->set("fields", fields);
    Object::Ptr corr = new Object;
    corr->set("name", c.correspondent_name);
    corr->set("email", c.correspondent_email);
    corr->set("phone", c.correspondent_phone);
    o->set("correspondent", corr);
    return o;
}

Object::Ptr CaseJson::summary(const CaseRecord& c, const std::string& locale) {
    Object::Ptr o = case_object(c);
    o->set("case_type", c.case_type.name(locale));
    o->set("owner", c.owner_name);
    o->set("correspondent", c.correspondent_name);
    o->set("received_date", c.received_date);
    o->set("updated_at", c.updated_at);
    return o;
}

Array::Ptr CaseJson::journal(const std::vector<JournalEntry>& entries) {
    return object_array(entries, [](Object& o, const JournalEntry& e) {
        o.set("id", std::to_string(e.id));
        o.set("date", e.date);
        o.set("author", e.author);
        o.set("text", e.text);
        o.set("internal", e.internal);
    });
}

Array::Ptr CaseJson::attachments(const std::vector<Attachment>& attachments) {
    return object_array(attachments, [](Object& o, const Attachment& at) {
        o.set("id", std::to_string(at.id));
        o.set("name", at.name);
        o.set("size", static_cast<Poco::Int64>(at.size));
        o.set("media_type", at.media_type);
        o.set("modified", at.modified);
        o.set("sha256", at.sha256);
    });
}

Array::Ptr CaseJson::case_types(const std::vector<CaseType>& types, const std::string& locale) {
    return object_array(types, [&locale](Object& o, const CaseType& t) {
        o.set("id", std::to_string(t.id));
        o.set("name", t.name(locale));
    });
}

Object::Ptr CaseJson::user(const User& u) {
    Object::Ptr o = new Object;
    o->set("id", std::to_string(u.id));
    o->set("display_name", u.display_name);
    o->set("email", u.email);
    o->set("active", u.active);
    Array::Ptr roles = new Array;
    roles->add(u.role);
    o->set("roles", roles);
    return o;
}

}  // namespace host
