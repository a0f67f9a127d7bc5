#include "notify/outbox_payload.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>
#include <stdexcept>

namespace es::notify {

namespace {

void set_text(Poco::JSON::Object& o, const char* key, const std::string& value) {
    if (!value.empty()) {
        o.set(key, value);
    }
}

std::string text_of(const Poco::JSON::Object& o, const char* key) {
    return o.has(key) ? o.getValue<std::string>(key) : std::string();
}

std::optional<domain::Timestamp> time_of(const Poco::JSON::Object& o, const char* key) {
    if (!o.has(key) || o.isNull(key)) {
        return std::nullopt;
    }
    return domain::from_epoch_ms(o.getValue<Poco::Int64>(key));
}

}  // namespace

std::string OutboxPayload::to_json() const {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("locale", std::string(domain::to_text(locale)));
    set_text(o, "organisation", organisation);
    set_text(o, "recipient_name", recipient_name);
    set_text(o, "sender_name", sender_name);
    set_text(o, "sender_email", sender_email);
    set_text(o, "case_reference", case_reference);
    if (expires_at) {
        o.set("expires_at", static_cast<Poco::Int64>(domain::to_epoch_ms(*expires_at)));
    }
    set_text(o, "sealed_token", sealed_token);
    set_text(o, "protection", protection);
    set_text(o, "code_channel", code_channel);
    set_text(o, "sealed_code", sealed_code);
    if (valid_minutes != 0) {
        o.set("valid_minutes", valid_minutes);
    }
    if (at) {
        o.set("at", static_cast<Poco::Int64>(domain::to_epoch_ms(*at)));
    }
    set_text(o, "access", access);
    if (attempts != 0) {
        o.set("attempts", attempts);
    }
    set_text(o, "credential", credential);
    if (throttled) {
        o.set("throttled", true);
    }
    set_text(o, "failed_kind", failed_kind);
    set_text(o, "failed_address", failed_address);
    set_text(o, "error", error);
    if (days_left != 0) {
        o.set("days_left", days_left);
    }
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

OutboxPayload OutboxPayload::from_json(const std::string& json) {
    try {
        Poco::JSON::Object::Ptr o =
            Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
        OutboxPayload p;
        p.locale = domain::parse_language(text_of(*o, "locale"));
        p.organisation = text_of(*o, "organisation");
        p.recipient_name = text_of(*o, "recipient_name");
        p.sender_name = text_of(*o, "sender_name");
        p.sender_email = text_of(*o, "sender_email");
        p.case_reference = text_of(*o, "case_reference");
        p.expires_at = time_of(*o, "expires_at");
        p.sealed_token = text_of(*o, "sealed_token");
        p.protection = text_of(*o, "protection");
        p.code_channel = text_of(*o, "code_channel");
        p.sealed_code = text_of(*o, "sealed_code");
        p.valid_minutes = o->has("valid_minutes") ? o->getValue<int>("valid_minutes") : 0;
        p.at = time_of(*o, "at");
        p.access = text_of(*o, "access");
        p.attempts = o->has("attempts") ? o->getValue<int>("attempts") : 0;
        p.credential = text_of(*o, "credential");
        p.throttled = o->has("throttled") && o->getValue<bool>("throttled");
        p.failed_kind = text_of(*o, "failed_kind");
        p.failed_address = text_of(*o, "failed_address");
        p.error = text_of(*o, "error");
        p.days_left = o->has("days_left") ? o->getValue<int>("days_left") : 0;
        return p;
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("unreadable outbox payload: " + e.displayText());
    }
}

OutboxPayload OutboxPayload::scrubbed() const {
    OutboxPayload p = *this;
    p.sealed_token.clear();
    p.sealed_code.clear();
    return p;
}

}  // namespace es::notify
