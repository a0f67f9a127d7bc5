#include "portal/case_view_loader.hpp"

#include "domain/case_items.hpp"
#include "text/json_reader.hpp"

namespace es::portal {
namespace {

// The host's answers are parsed with the small reader (text/json_reader.hpp), not Poco::JSON: three
// answers per page, and building Poco's Dynamic::Var trees was 12 % of a page's CPU.
text::JsonValue array_of(const std::string& json) {
    text::JsonValue v = text::parse_json(json);
    if (!v.is_array()) {
        throw text::JsonError("expected a JSON array from the host");
    }
    return v;
}

}  // namespace

CaseView CaseViewLoader::load(const domain::Share& share, const domain::Selection& selection,
                              Language language, Parts parts) const {
    // The portal acts for the organisation, not for a user: the host applies no user rights.
    dm::Context ctx{share.organisation_id, "", std::string(language_tag(language))};
    CaseView view;
    view.details_shared = selection.includes_section(domain::Section::Details);
    view.journal_shared = selection.includes_section(domain::Section::Journal);
    view.attachments_shared = selection.includes_section(domain::Section::Attachments);

    if (parts.details && view.details_shared) {
        const text::JsonValue c = text::parse_json(host_.case_details(ctx, share.case_id));
        if (!c.is_object()) {
            throw text::JsonError("expected a JSON object for the case details");
        }
        view.case_number = c.text_of("number");
        view.case_title = c.text_of("title");
        domain::CaseItems existing;
        std::vector<VisibleField> all;
        if (const text::JsonValue* fields = c.member("fields")) {
            for (const auto& f : fields->items()) {
                VisibleField v{f.text_of("id"), f.text_of("label"), f.text_of("value")};
                existing.detail_fields.push_back(v.id);
                all.push_back(std::move(v));
            }
        }
        for (auto& f : all) {
            if (selection.is_visible(domain::Section::Details, f.id, existing)) {
                view.fields.push_back(std::move(f));
            }
        }
    }
    if (parts.journal && view.journal_shared) {
        const text::JsonValue entries = array_of(host_.journal_entries(ctx, share.case_id));
        domain::CaseItems existing;
        std::vector<VisibleEntry> all;
        for (const auto& e : entries.items()) {
            VisibleEntry v{e.text_of("id"), e.text_of("date"), e.text_of("author"),
                           e.text_of("text")};
            existing.journal_entries.push_back(v.id);
            all.push_back(std::move(v));
        }
        for (auto& e : all) {
            if (selection.is_visible(domain::Section::Journal, e.id, existing)) {
                view.journal.push_back(std::move(e));
            }
        }
    }
    if (parts.attachments && view.attachments_shared) {
        const text::JsonValue list = array_of(host_.attachments(ctx, share.case_id));
        domain::CaseItems existing;
        std::vector<VisibleAttachment> all;
        for (const auto& a : list.items()) {
            VisibleAttachment v;
            v.id = a.text_of("id");
            v.name = a.text_of("name");
            v.media_type = a.text_of("media_type");
            v.modified = a.text_of("modified");
            v.sha256 = a.text_of("sha256");
            const text::JsonValue* size = a.member("size");
            v.size =
                size && size->kind() != text::JsonValue::Kind::Null ? size->unsigned_integer() : 0;
            existing.attachments.push_back(v.id);
            all.push_back(std::move(v));
        }
        for (auto& a : all) {
            if (selection.is_visible(domain::Section::Attachments, a.id, existing)) {
                view.attachments.push_back(std::move(a));
            }
        }
    }
    return view;
}

}  // namespace es::portal
