// What the recipient of a share may see of its case right now: the host's current data filtered
// through the share's selection. Built per request and dropped with it; nothing is cached, so a
// hidden or deleted item is gone on the very next request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "text/unicode_text.hpp"

namespace es::portal {

struct VisibleField {
    std::string id;
    std::string label;
    std::string value;
};

struct VisibleEntry {
    std::string id;
    std::string date;
    std::string author;
    std::string text;
};

struct VisibleAttachment {
    std::string id;
    std::string name;  // as the host has it; pages show shown_name()
    std::string media_type;
    std::string modified;  // RFC 3339 UTC from the host
    std::string sha256;
    std::uint64_t size = 0;

    // The name as a page shows it: without the marks that draw nothing but change how the rest
    // reads ("Rechnung\u202Egpj.exe" would show as "Rechnungexe.jpg"), as the download's name.
    std::string shown_name() const { return text::without_hidden_marks(name); }
};

struct CaseView {
    std::string case_number;  // only when the details section is shared
    std::string case_title;
    bool details_shared = false;
    bool journal_shared = false;
    bool attachments_shared = false;
    std::vector<VisibleField> fields;
    std::vector<VisibleEntry> journal;
    std::vector<VisibleAttachment> attachments;

    const VisibleAttachment* attachment(const std::string& id) const {
        for (const auto& a : attachments) {
            if (a.id == id) {
                return &a;
            }
        }
        return nullptr;
    }
};

}  // namespace es::portal
