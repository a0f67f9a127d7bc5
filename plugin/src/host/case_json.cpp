#include "host/case_json.hpp"

#include "text/json_reader.hpp"

namespace es::host {

namespace {

using text::JsonError;
using text::JsonValue;

const JsonValue& part(const JsonValue& answer, const char* name, JsonValue::Kind kind) {
    const JsonValue* v = answer.member(name);
    if (v == nullptr || v->kind() != kind) {
        throw JsonError(std::string("the answer lacks \"") + name + "\" of the right type");
    }
    return *v;
}

bool flag(const JsonValue& object, const char* name) {
    const JsonValue* v = object.member(name);
    return v != nullptr && v->kind() == JsonValue::Kind::Bool && v->text() == "true";
}

void read_details(const JsonValue& d, domain::CaseSnapshot& c) {
    c.number = d.text_of("number");
    c.title = d.text_of("title");
    if (const JsonValue* type = d.member("case_type")) {
        c.case_type_id = type->text_of("id");
    }
    if (c.case_type_id.empty()) {
        throw JsonError("the case details lack case_type.id");
    }
    if (const JsonValue* who = d.member("correspondent")) {
        c.correspondent = {who->text_of("name"), who->text_of("email"), who->text_of("phone")};
    }
    if (const JsonValue* fields = d.member("fields")) {
        for (const auto& f : fields->items()) {
            c.fields.push_back({f.text_of("id"), f.text_of("label"), f.text_of("value")});
        }
    }
}

void read_journal(const JsonValue& entries, domain::CaseSnapshot& c) {
    for (const auto& e : entries.items()) {
        c.journal.push_back({e.text_of("id"), e.text_of("date"), e.text_of("author"),
                             e.text_of("text"), flag(e, "internal")});
    }
}

void read_attachments(const JsonValue& list, domain::CaseSnapshot& c) {
    for (const auto& a : list.items()) {
        domain::CaseSnapshot::Attachment v;
        v.id = a.text_of("id");
        v.name = a.text_of("name");
        v.media_type = a.text_of("media_type");
        v.modified = a.text_of("modified");
        v.sha256 = a.text_of("sha256");
        const JsonValue* size = a.member("size");
        v.size =
            size != nullptr && size->kind() != JsonValue::Kind::Null ? size->unsigned_integer() : 0;
        c.attachments.push_back(std::move(v));
    }
}

}  // namespace

domain::CaseSnapshot case_from_json(std::string_view answer, const std::string& case_id,
                                    domain::CaseParts asked) {
    const JsonValue v = text::parse_json(answer);
    if (!v.is_object()) {
        throw JsonError("the answer is not a JSON object");
    }
    domain::CaseSnapshot c;
    c.id = case_id;
    c.parts = asked;
    if (asked.details) {
        read_details(part(v, "details", JsonValue::Kind::Object), c);
    }
    if (asked.journal) {
        read_journal(part(v, "journal", JsonValue::Kind::Array), c);
    }
    if (asked.attachments) {
        read_attachments(part(v, "attachments", JsonValue::Kind::Array), c);
    }
    return c;
}

std::vector<domain::CaseType> case_types_from_json(std::string_view answer) {
    const JsonValue v = text::parse_json(answer);
    if (!v.is_array()) {
        throw JsonError("the case types are not a JSON array");
    }
    std::vector<domain::CaseType> out;
    for (const auto& t : v.items()) {
        if (t.text_of("id").empty()) {
            throw JsonError("a case type lacks its id");
        }
        out.push_back({t.text_of("id"), t.text_of("name")});
    }
    return out;
}

}  // namespace es::host
