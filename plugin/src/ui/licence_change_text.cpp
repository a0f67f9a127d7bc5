#include "ui/licence_change_text.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "domain/timestamp.hpp"
#include "ui/licence_admin_texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {
namespace {

Poco::JSON::Object::Ptr facts_of(const std::string& json) {
    try {
        auto value = Poco::JSON::Parser().parse(json);
        if (auto o = value.extract<Poco::JSON::Object::Ptr>()) {
            return o;
        }
    } catch (const std::exception&) {
        // An entry whose facts cannot be read still says what happened.
    }
    return new Poco::JSON::Object;
}

std::string text_of(const Poco::JSON::Object::Ptr& facts, const std::string& name) {
    return facts->has(name) && facts->get(name).isString() ? facts->getValue<std::string>(name)
                                                           : std::string();
}

long long number_of(const Poco::JSON::Object::Ptr& facts, const std::string& name) {
    try {
        return facts->has(name) ? facts->getValue<Poco::Int64>(name) : 0;
    } catch (const std::exception&) {
        return 0;
    }
}

// "Plan PRO, 25 seats, valid until 06.01.2027" for the licence an entry records, if any.
std::string licence_terms(const text::TimeReader& reader, const Poco::JSON::Object::Ptr& facts) {
    const Language lang = reader.language;
    const std::string plan = text_of(facts, "plan");
    if (plan.empty()) {
        return "";
    }
    std::string out =
        fill(admin_text(lang, "change.terms.plan"), "plan", admin_text(lang, "plan." + plan));
    if (facts->has("seats")) {
        out += ", " + admin_count_text(lang, "change.terms.seats", number_of(facts, "seats"));
    }
    if (const long long until = number_of(facts, "valid_until"); until > 0) {
        out += ", " + fill(admin_text(lang, "change.terms.until"), "date",
                           text::date_text(domain::from_epoch_ms(until), reader));
    }
    return out;
}

// "Not activated → Free trial" when the entry records a change of state.
std::string state_change(Language lang, const Poco::JSON::Object::Ptr& facts) {
    const std::string from = text_of(facts, "from");
    const std::string to = text_of(facts, "to");
    if (from.empty() || to.empty() || from == to) {
        return "";
    }
    return admin_text(lang, "state." + from) + " → " + admin_text(lang, "state." + to);
}

std::string joined(const std::string& a, const std::string& b) {
    return a.empty() ? b : b.empty() ? a : a + "; " + b;
}

}  // namespace

ChangeWords licence_change_words(
    const text::TimeReader& reader, const std::string& action, const std::string& details_json,
    const std::function<std::string(const std::string&)>& case_type_name) {
    const Language lang = reader.language;
    const auto facts = facts_of(details_json);
    ChangeWords out;
    const std::string key = "change." + action;
    out.what = admin_text(lang, key);
    if (out.what == key) {  // an action this build does not know (a newer instance wrote it)
        out.what = admin_text(lang, "change.other");
        return out;
    }
    if (action == "module.case_type_enabled" || action == "module.case_type_disabled") {
        const std::string id = text_of(facts, "case_type_id");
        const std::string name = id.empty() ? "" : case_type_name(id);
        out.details = name.empty() ? admin_text(lang, "change.case_type.gone") : name;
    } else if (action == "module.journal_language") {
        const std::string language = text_of(facts, "language");
        out.details = language.empty() ? "" : admin_text(lang, "change.language." + language);
    } else if (action == "module.time_zone") {
        // "Europe/Zurich → America/New_York"
        const std::string from = text_of(facts, "from");
        const std::string to = text_of(facts, "to");
        out.details = from.empty() ? to : from + " → " + to;
    } else if (action == "module.journal_entries_on" || action == "module.journal_entries_off") {
        out.details = "";
    } else if (action == "module.all_links_revoked") {
        out.details = admin_count_text(lang, "change.revoked", number_of(facts, "revoked"));
    } else if (action == "licence.seats_exceeded" || action == "licence.seats_fit") {
        out.details = fill(admin_count_text(lang, "change.seats", number_of(facts, "seats")),
                           "active", std::to_string(number_of(facts, "active_users")));
    } else if (action == "licence.key_refused") {
        const std::string reason = text_of(facts, "reason_id");
        out.details = reason.empty() ? "" : admin_text(lang, "refused." + reason);
        out.details = fill(out.details, "detail", text_of(facts, "reason_detail"));
    } else {
        out.details = joined(state_change(lang, facts), licence_terms(reader, facts));
    }
    return out;
}

}  // namespace es::ui
