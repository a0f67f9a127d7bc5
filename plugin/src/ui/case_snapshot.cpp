#include "ui/case_snapshot.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdio>

#include "domain/error.hpp"

namespace es::ui {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string str(const Object::Ptr& o, const char* key) {
    if (!o || !o->has(key) || o->isNull(key)) {
        return {};
    }
    return o->getValue<std::string>(key);
}

template <typename T>
typename T::Ptr parse_as(const std::string& json, const char* what) {
    try {
        return Poco::JSON::Parser().parse(json).extract<typename T::Ptr>();
    } catch (const Poco::Exception&) {
        throw domain::Error(domain::Error::Kind::Internal,
                            std::string("the host sent malformed ") + what);
    }
}

}  // namespace

CaseSnapshot CaseSnapshot::parse(const std::string& details_json, const std::string& journal_json,
                                 const std::string& attachments_json) {
    CaseSnapshot c;
    auto details = parse_as<Object>(details_json, "case details");
    c.id = str(details, "id");
    c.number = str(details, "number");
    c.title = str(details, "title");
    if (auto type = details->getObject("case_type")) {
        c.case_type_id = str(type, "id");
    }
    if (auto who = details->getObject("correspondent")) {
        c.correspondent = {str(who, "name"), str(who, "email"), str(who, "phone")};
    }
    if (auto fields = details->getArray("fields")) {
        for (unsigned i = 0; i < fields->size(); ++i) {
            auto f = fields->getObject(i);
            c.fields.push_back({str(f, "id"), str(f, "label"), str(f, "value")});
        }
    }
    auto journal = parse_as<Array>(journal_json, "journal entries");
    for (unsigned i = 0; i < journal->size(); ++i) {
        auto j = journal->getObject(i);
        bool internal = j->has("internal") && j->getValue<bool>("internal");
        c.journal.push_back(
            {str(j, "id"), str(j, "date"), str(j, "author"), str(j, "text"), internal});
    }
    auto attachments = parse_as<Array>(attachments_json, "attachments");
    for (unsigned i = 0; i < attachments->size(); ++i) {
        auto a = attachments->getObject(i);
        std::int64_t size = a->has("size") ? a->getValue<std::int64_t>("size") : 0;
        c.attachments.push_back({str(a, "id"), str(a, "name"), str(a, "media_type"), size});
    }
    return c;
}

domain::CaseItems CaseSnapshot::items() const {
    domain::CaseItems out;
    for (const auto& f : fields) {
        out.detail_fields.push_back(f.id);
    }
    for (const auto& j : journal) {
        out.journal_entries.push_back(j.id);
    }
    for (const auto& a : attachments) {
        out.attachments.push_back(a.id);
    }
    return out;
}

std::string CaseSnapshot::item_label(const std::string& item_id) const {
    for (const auto& a : attachments) {
        if (a.id == item_id) {
            return a.name;
        }
    }
    for (const auto& j : journal) {
        if (j.id == item_id) {
            return j.date.substr(0, 10) + " " + j.author;
        }
    }
    for (const auto& f : fields) {
        if (f.id == item_id) {
            return f.label;
        }
    }
    return item_id;
}

std::string human_size(std::int64_t bytes) {
    const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    char out[32];
    std::snprintf(out, sizeof out, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return out;
}

}  // namespace es::ui
