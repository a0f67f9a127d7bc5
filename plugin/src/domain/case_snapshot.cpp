#include "domain/case_snapshot.hpp"

namespace es::domain {

CaseItems CaseSnapshot::items() const {
    CaseItems out;
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

std::string CaseSnapshot::item_label(const std::string& item_id, const DateText& date_text) const {
    for (const auto& a : attachments) {
        if (a.id == item_id) {
            return a.name;
        }
    }
    for (const auto& j : journal) {
        if (j.id == item_id) {
            return (date_text ? date_text(j.date) : j.date.substr(0, 10)) + " " + j.author;
        }
    }
    for (const auto& f : fields) {
        if (f.id == item_id) {
            return f.label;
        }
    }
    return item_id;
}

std::string CaseSnapshot::reference() const {
    if (!number.empty() && !title.empty()) {
        return number + " " + title;
    }
    if (!number.empty() || !title.empty()) {
        return number + title;
    }
    return id;
}

}  // namespace es::domain
