#include "app/host_case_access.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "domain/error.hpp"

namespace es::app {

namespace {

using domain::Error;

// Host answers are data from another component: malformed JSON is the host's bug, reported as
// such rather than as a crash.
Poco::Dynamic::Var parse(const std::string& json, const char* what) {
    try {
        return Poco::JSON::Parser().parse(json);
    } catch (const Poco::Exception&) {
        throw Error(Error::Kind::Internal,
                    std::string("the host answered ") + what + " with invalid JSON");
    }
}

std::vector<std::string> ids_of(const Poco::JSON::Array::Ptr& array) {
    std::vector<std::string> out;
    if (!array) {
        return out;
    }
    for (size_t i = 0; i < array->size(); ++i) {
        Poco::JSON::Object::Ptr item = array->getObject(static_cast<unsigned>(i));
        if (item && item->has("id")) {
            out.push_back(item->getValue<std::string>("id"));
        }
    }
    return out;
}

// Host errors become module errors; "not found" and "denied" both mean: not for this actor.
template <typename F>
auto ask_host(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const dm::Error& e) {
        switch (e.status()) {
            case DM_ERR_NOT_FOUND:
            case DM_ERR_DENIED:
                throw Error(Error::Kind::NotFound, "case not found");
            case DM_ERR_UNAVAILABLE:
                throw Error(Error::Kind::Unavailable, e.what());
            default:
                throw Error(Error::Kind::Internal, e.what());
        }
    }
}

}  // namespace

dm::Context HostCaseAccess::context_of(const domain::Actor& actor) {
    dm::Context ctx;
    ctx.organisation_id = actor.organisation_id;
    ctx.user_id = actor.user_id;
    ctx.locale = actor.locale == domain::Locale::De ? "de" : "en";
    return ctx;
}

std::optional<std::string> HostCaseAccess::case_type(const domain::Actor& actor,
                                                     const std::string& case_id) {
    try {
        std::string json = ask_host([&] { return host_.case_details(context_of(actor), case_id); });
        Poco::JSON::Object::Ptr details =
            parse(json, "case details").extract<Poco::JSON::Object::Ptr>();
        Poco::JSON::Object::Ptr type = details ? details->getObject("case_type") : nullptr;
        if (!type || !type->has("id")) {
            throw Error(Error::Kind::Internal, "the host's case details lack case_type.id");
        }
        return type->getValue<std::string>("id");
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::NotFound) {
            return std::nullopt;
        }
        throw;
    }
}

bool HostCaseAccess::may_access(const domain::Actor& actor, const std::string& case_id) {
    return ask_host([&] { return host_.may_access(context_of(actor), case_id); });
}

domain::CaseItems HostCaseAccess::items(const domain::Actor& actor, const std::string& case_id) {
    const dm::Context ctx = context_of(actor);
    domain::CaseItems out;
    auto details = parse(ask_host([&] { return host_.case_details(ctx, case_id); }), "case details")
                       .extract<Poco::JSON::Object::Ptr>();
    out.detail_fields = ids_of(details ? details->getArray("fields") : nullptr);
    out.journal_entries = ids_of(
        parse(ask_host([&] { return host_.journal_entries(ctx, case_id); }), "journal entries")
            .extract<Poco::JSON::Array::Ptr>());
    out.attachments =
        ids_of(parse(ask_host([&] { return host_.attachments(ctx, case_id); }), "attachments")
                   .extract<Poco::JSON::Array::Ptr>());
    return out;
}

}  // namespace es::app
