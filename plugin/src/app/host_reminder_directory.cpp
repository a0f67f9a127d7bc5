#include "app/host_reminder_directory.hpp"

#include <Poco/JSON/Parser.h>

namespace es::app {

namespace {

using Object = Poco::JSON::Object::Ptr;

dm::Context organisation_context(const std::string& organisation_id) {
    dm::Context ctx;
    ctx.organisation_id = organisation_id;
    return ctx;
}

Object parse_object(const std::string& json) {
    return Poco::JSON::Parser().parse(json).extract<Object>();
}

std::string text_of(const Object& o, const char* key) {
    return o->has(key) && o->get(key).isString() ? o->getValue<std::string>(key) : std::string();
}

}  // namespace

std::optional<ExpiryReminderJob::Owner> HostReminderDirectory::owner(
    const std::string& organisation_id, const std::string& user_id) {
    std::string json;
    try {
        json = host_.user(organisation_context(organisation_id), user_id);
    } catch (const dm::Error& e) {
        if (e.status() == DM_ERR_NOT_FOUND) {
            return std::nullopt;
        }
        throw;
    }
    const Object user = parse_object(json);
    // An inactive user can no longer sign in to extend the link: treated like a removed one.
    if (user->has("active") && user->get("active").isBoolean() && !user->getValue<bool>("active")) {
        return std::nullopt;
    }
    return ExpiryReminderJob::Owner{text_of(user, "display_name"), text_of(user, "email")};
}

std::string HostReminderDirectory::organisation_name(const std::string& organisation_id) {
    return settings_.value(organisation_id, "display_name").value_or(organisation_id);
}

std::string HostReminderDirectory::case_reference(const std::string& organisation_id,
                                                  const std::string& case_id) {
    try {
        const Object details =
            parse_object(host_.case_details(organisation_context(organisation_id), case_id));
        const std::string number = text_of(details, "number");
        const std::string title = text_of(details, "title");
        if (!number.empty() && !title.empty()) {
            return number + " " + title;
        }
        if (!number.empty() || !title.empty()) {
            return number + title;
        }
    } catch (const std::exception&) {
        // The reminder still helps without the case's name; the owner knows the recipient.
    }
    return case_id;
}

}  // namespace es::app
