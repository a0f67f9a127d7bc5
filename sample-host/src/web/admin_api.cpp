#include "web/admin_api.hpp"

#include "web/api_error.hpp"
#include "web/plugin_gateway.hpp"

namespace host {

using Poco::JSON::Array;
using Poco::JSON::Object;

void AdminApi::install(Router& router, DossierManager& dm) {
    router.add("GET", "/api/admin/modules", Access::admin, [&dm](Exchange& ex) {
        PluginGateway gateway(dm);
        auto ctx = PluginGateway::context(ex);
        Array::Ptr modules = new Array;
        for (const auto& p : dm.plugins.plugins()) {
            Object::Ptr m = new Object;
            m->set("id", p->id);
            m->set("name", p->name);
            m->set("vendor", p->vendor);
            m->set("version", p->version);
            m->set("abi", std::to_string(p->started->entry().abi_version.major) + "." +
                              std::to_string(p->started->entry().abi_version.minor));
            Array::Ptr panels = new Array;
            if (p->ui()) {
                try {
                    auto c = gateway.object_call(*p, "contributions",
                                                 [&] { return p->ui().contributions(ctx, ""); });
                    m->set("name", PluginGateway::display_name(*p, c));
                    if (c->has("panels")) {
                        auto all = c->getArray("panels");
                        for (std::size_t i = 0; all && i < all->size(); ++i) {
                            auto panel = all->getObject(static_cast<unsigned>(i));
                            if (panel &&
                                panel->optValue<std::string>("scope", "") == "organisation") {
                                panels->add(panel);
                            }
                        }
                    }
                } catch (const ApiError& e) {
                    m->set("error", std::string(e.what()));
                } catch (const std::exception&) {
                    m->set("error", p->name + " returned an invalid answer.");
                }
            }
            m->set("panels", panels);
            modules->add(m);
        }
        Object::Ptr root = new Object;
        root->set("modules", modules);
        root->set("active_users",
                  static_cast<Poco::Int64>(dm.users.active_count(ex.user->organisation_id)));
        ex.send_json(200, root);
    });
}

}  // namespace host
