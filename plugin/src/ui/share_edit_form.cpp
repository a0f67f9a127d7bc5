#include "ui/share_edit_form.hpp"

namespace es::ui {

Json share_edit_form(Language lang, const std::string& action, const std::string& share_id,
                     const JsonArray& fields) {
    Json form = element({{"type", "form"}, {"action", action}});
    form->set("fields", fields);
    Json hidden = object();
    hidden->set("share_id", share_id);
    form->set("hidden", hidden);
    form->set("submit", element({{"label", text(lang, "common.save")}, {"style", "primary"}}));
    form->set("cancel", element({{"label", text(lang, "dialog.cancel")}}));
    return form;
}

}  // namespace es::ui
