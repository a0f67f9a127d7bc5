// The API's way into plugins: builds the call context from the signed-in user, calls a plugin's UI
// extension, and turns whatever comes back — an error status, an exception's message, or an answer
// that is not the promised JSON — into an ApiError, so a faulty plugin costs one request, never the
// host.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <dm/cpp/dm.hpp>

#include "app/dossier_manager.hpp"
#include "web/exchange.hpp"

namespace host {

class PluginGateway {
  public:
    explicit PluginGateway(DossierManager& dm) : dm_(dm) {}

    static dm::Context context(const Exchange& ex);
    // The name to show for a plugin: the "name" its contributions give in the user's language,
    // else the fixed name of its entry.
    static std::string display_name(const LoadedPlugin& p,
                                    const Poco::JSON::Object::Ptr& contributions);
    // 404 when no plugin with this id is loaded or it has no UI.
    const LoadedPlugin& plugin_with_ui(const std::string& id) const;

    // Runs `call` and parses its answer as a JSON object.
    Poco::JSON::Object::Ptr object_call(const LoadedPlugin& p, const std::string& what,
                                        const std::function<std::string()>& call) const;
    // One batched column_values call: exactly `case_ids.size()` cells.
    Poco::JSON::Array::Ptr column_cells(const LoadedPlugin& p, const dm::Context& ctx,
                                        const std::string& column_id,
                                        const std::vector<std::string>& case_ids) const;

  private:
    DossierManager& dm_;
};

}  // namespace host
