#include "view_model.hpp"

#include <Poco/JSON/Parser.h>

#include <stdexcept>

#include "text/time_text.hpp"

namespace es::ui::test {

using namespace std::chrono;

domain::Timestamp test_now() {
    return time_point_cast<milliseconds>(sys_days{year{2026} / 12 / 6} + hours{9} + minutes{30});
}

domain::Timestamp days_after_now(int days) {
    return test_now() + hours{24 * days};
}

domain::Policy zurich_policy(domain::PolicySettings settings) {
    domain::Policy policy(std::move(settings));
    policy.use_clock(kZone, [](domain::Timestamp at) { return text::end_of_day(at, kZone); });
    return policy;
}

domain::CaseSnapshot sample_case() {
    domain::CaseSnapshot c;
    c.id = "case-1";
    c.parts = domain::CaseParts::all();
    c.number = "2026-17";
    c.title = "Muster";
    c.case_type_id = "social";
    c.correspondent = {"Eva Extern", "eva@example.org", "+41791234567"};
    c.fields = {{"parcel", "Parcel", "Nr. 12"}};
    c.journal = {{"j1", "2026-11-02T08:00:00Z", "Anna Beispiel", "Phoned the recipient.", false},
                 {"j2", "2026-11-03T09:00:00Z", "Anna Beispiel", std::string(200, 'x'), true}};
    domain::CaseSnapshot::Attachment a;
    a.id = "a1";
    a.name = "Plan.pdf";
    a.media_type = "application/pdf";
    a.size = 1536;
    c.attachments = {a};
    return c;
}

Json reparsed(const Json& view) {
    return Poco::JSON::Parser().parse(stringify(view)).extract<Json>();
}

Json element_of_type(const Json& view, const std::string& type) {
    const JsonArray body = view->getArray("body");
    for (unsigned i = 0; body && i < body->size(); ++i) {
        Json e = body->getObject(i);
        if (e && e->optValue<std::string>("type", "") == type) {
            return e;
        }
    }
    throw std::runtime_error("no element of type " + type + " in " + stringify(view));
}

Json field_named(const Json& form, const std::string& name) {
    const JsonArray fields = form->getArray("fields");
    for (unsigned i = 0; fields && i < fields->size(); ++i) {
        Json f = fields->getObject(i);
        if (f && f->optValue<std::string>("name", "") == name) {
            return f;
        }
    }
    throw std::runtime_error("no field " + name + " in " + stringify(form));
}

std::vector<std::string> option_values(const Json& radio) {
    return strings_of(radio->getArray("options"), "value");
}

std::vector<std::string> strings_of(const JsonArray& array, const std::string& key) {
    std::vector<std::string> out;
    for (unsigned i = 0; array && i < array->size(); ++i) {
        out.push_back(array->getObject(i)->getValue<std::string>(key));
    }
    return out;
}

}  // namespace es::ui::test
