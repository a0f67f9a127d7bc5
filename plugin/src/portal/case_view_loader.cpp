#include "portal/case_view_loader.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "domain/case_items.hpp"

namespace es::portal {
namespace {

std::string text_of(const Poco::JSON::Object::Ptr& o, const std::string& key) {
    if (!o || !o->has(key) || o->isNull(key)) {
        return {};
    }
    return o->get(key).convert<std::string>();
}

Poco::JSON::Array::Ptr array_of(const std::string& json) {
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Poco::JSON::Array::Ptr>();
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
        Poco::JSON::Parser parser;
        auto c =
            parser.parse(host_.case_details(ctx, share.case_id)).extract<Poco::JSON::Object::Ptr>();
        view.case_number = text_of(c, "number");
        view.case_title = text_of(c, "title");
        domain::CaseItems existing;
        std::vector<VisibleField> all;
        if (auto fields = c->getArray("fields")) {
            for (std::size_t i = 0; i < fields->size(); ++i) {
                auto f = fields->getObject(static_cast<unsigned>(i));
                VisibleField v{text_of(f, "id"), text_of(f, "label"), text_of(f, "value")};
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
        auto entries = array_of(host_.journal_entries(ctx, share.case_id));
        domain::CaseItems existing;
        std::vector<VisibleEntry> all;
        for (std::size_t i = 0; i < entries->size(); ++i) {
            auto e = entries->getObject(static_cast<unsigned>(i));
            VisibleEntry v{text_of(e, "id"), text_of(e, "date"), text_of(e, "author"),
                           text_of(e, "text")};
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
        auto list = array_of(host_.attachments(ctx, share.case_id));
        domain::CaseItems existing;
        std::vector<VisibleAttachment> all;
        for (std::size_t i = 0; i < list->size(); ++i) {
            auto a = list->getObject(static_cast<unsigned>(i));
            VisibleAttachment v;
            v.id = text_of(a, "id");
            v.name = text_of(a, "name");
            v.media_type = text_of(a, "media_type");
            v.modified = text_of(a, "modified");
            v.sha256 = text_of(a, "sha256");
            v.size = a->has("size") ? a->get("size").convert<std::uint64_t>() : 0;
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
