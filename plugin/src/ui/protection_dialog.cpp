#include "ui/protection_dialog.hpp"

#include "ui/protection_field.hpp"

namespace es::ui {
namespace {

Json errors_object(const std::map<std::string, std::string>& errors) {
    Json e = object();
    for (const auto& [k, v] : errors) {
        e->set(k, v);
    }
    return e;
}

}  // namespace

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
    Json form = element({{"type", "form"}, {"action", "external-sharing.save-protection"}});
    form->set("fields", fields);
    Json hidden = object();
    hidden->set("share_id", share.id);
    form->set("hidden", hidden);
    form->set("submit", element({{"label", text(lang, "common.save")}, {"style", "primary"}}));
    form->set("cancel", element({{"label", text(lang, "dialog.cancel")}}));
    form->set("errors", errors_object(errors));
    JsonArray body = array();
    body->add(text_element(text(lang, "panel.change_protection.help"), true));
    body->add(form);
    Json dialog = element({{"type", "dialog"}, {"title", text(lang, "panel.change_protection")}});
    dialog->set("body", body);
    return dialog;
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
    Json dialog = element({{"type", "dialog"}, {"title", text(lang, "panel.remove_protection")}});
    dialog->set("body", body);
    return dialog;
}

}  // namespace es::ui
