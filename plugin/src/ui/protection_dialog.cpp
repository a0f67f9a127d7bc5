#include "ui/protection_dialog.hpp"

#include "ui/protection_field.hpp"
#include "ui/share_edit_form.hpp"

namespace es::ui {

Json protection_dialog(Language lang, const domain::Share& share, const domain::Policy& policy,
                       const std::string& selected, const std::string& typed_password,
                       const std::map<std::string, std::string>& errors) {
    JsonArray fields = array();
    ProtectionFieldInput in;
    in.language = lang;
    in.policy = &policy.settings();
    in.selected = selected.empty() ? protection_value(share.protection) : selected;
    in.code_phone = share.recipient.phone.value_or("");
    in.code_email = share.recipient.email.value_or("");
    in.typed_password = typed_password;
    add_protection_fields(fields, in);
    Json form = share_edit_form(lang, "external-sharing.save-protection", share.id, fields);
    form->set("errors", field_errors_object(errors));
    JsonArray body = array();
    body->add(text_element(text(lang, "panel.change_protection.help"), true));
    body->add(form);
    return dialog_element(text(lang, "panel.change_protection"), body);
}

Json remove_protection_confirmation(Language lang, const domain::Share& share) {
    Json form = element({{"type", "form"}, {"action", "external-sharing.save-protection"}});
    form->set("fields", array());
    Json hidden = object();
    hidden->set("share_id", share.id);
    hidden->set("protection", "none");
    hidden->set("confirmed", "yes");
    form->set("hidden", hidden);
    form->set("submit",
              element({{"label", text(lang, "panel.remove_protection")}, {"style", "danger"}}));
    form->set("cancel", element({{"label", text(lang, "dialog.cancel")}}));
    JsonArray body = array();
    body->add(notice("warning", text(lang, "panel.remove_protection.confirm")));
    body->add(form);
    return dialog_element(text(lang, "panel.remove_protection"), body);
}

}  // namespace es::ui
