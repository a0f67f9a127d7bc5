#include "licence/host_directory.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "domain/error.hpp"

namespace es::licence {

bool HostDirectory::is_organisation_admin(const dm::Context& ctx) {
    if (ctx.user_id.empty()) {
        return false;
    }
    try {
        const auto user = Poco::JSON::Parser()
                              .parse(host_.user(ctx, ctx.user_id))
                              .extract<Poco::JSON::Object::Ptr>();
        const auto roles = user->getArray("roles");
        if (!roles || !user->optValue<bool>("active", true)) {
            return false;
        }
        for (std::size_t i = 0; i < roles->size(); ++i) {
            if (roles->getElement<std::string>(static_cast<unsigned>(i)) == "organisation_admin") {
                return true;
            }
        }
        return false;
    } catch (const dm::Error& e) {
        if (e.status() == DM_ERR_NOT_FOUND) {
            return false;  // a removed user is nobody's admin
        }
        throw;
    } catch (const Poco::Exception&) {
        throw domain::Error(domain::Error::Kind::Internal, "the host's user JSON is malformed");
    }
}

std::vector<CaseTypeInfo> HostDirectory::case_types(const dm::Context& ctx) {
    std::vector<CaseTypeInfo> out;
    try {
        const auto list =
            Poco::JSON::Parser().parse(host_.case_types(ctx)).extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto item = list->getObject(static_cast<unsigned>(i));
            out.push_back(
                {item->getValue<std::string>("id"), item->optValue<std::string>("name", "")});
        }
    } catch (const Poco::Exception&) {
        throw domain::Error(domain::Error::Kind::Internal,
                            "the host's case type JSON is malformed");
    }
    return out;
}

std::int64_t HostDirectory::active_user_count(const std::string& organisation_id) const {
    dm::Context ctx;
    ctx.organisation_id = organisation_id;
    return host_.active_user_count(ctx);
}

}  // namespace es::licence
