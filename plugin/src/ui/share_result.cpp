#include "ui/share_result.hpp"

#include "text/time_text.hpp"

namespace es::ui {

Json share_result_dialog(const text::TimeReader& reader, const domain::CreatedShare& created,
                         bool send_email_chosen) {
    const Language lang = reader.language;
    const domain::Share& share = created.share;
    JsonArray body = array();
    body->add(notice("success", text(lang, "result.title")));
    Json link =
        element({{"type", "link"}, {"url", created.url}, {"label", text(lang, "result.link")}});
    link->set("copy", true);
    body->add(link);
    body->add(text_element(fill(text(lang, "result.valid_until"), "date",
                                text::date_time_text(share.expires_at, reader))));
    body->add(text_element(text(lang, "result.preview.help"), true));

    Json preview_payload = object();
    preview_payload->set("share_id", share.id);
    JsonArray buttons = array();
    buttons->add(
        button(text(lang, "common.preview"), "external-sharing.preview", preview_payload, "eye"));
    Json toolbar = element({{"type", "buttons"}});
    toolbar->set("items", buttons);
    body->add(toolbar);

    if (share.recipient.email) {
        // Sending is a second, deliberate step, after the preview (as in the source document).
        JsonArray fields = array();
        Json send = element(
            {{"type", "checkbox"},
             {"name", "send_email"},
             {"label", text(lang, "result.send_email") + " (" + *share.recipient.email + ")"},
             {"help", fill(text(lang, "result.send_email.help"), "date",
                           text::date_time_text(share.expires_at, reader))}});
        send->set("checked", send_email_chosen);
        fields->add(send);
        Json form = element({{"type", "form"}, {"action", "external-sharing.send-email"}});
        form->set("fields", fields);
        Json hidden = object();
        hidden->set("share_id", share.id);
        form->set("hidden", hidden);
        form->set("submit",
                  element({{"label", text(lang, "dialog.submit")}, {"style", "primary"}}));
        form->set("cancel", element({{"label", text(lang, "common.close")}}));
        body->add(form);
    } else {
        JsonArray close = array();
        close->add(
            button(text(lang, "common.close"), "external-sharing.close", nullptr, "", "primary"));
        Json bar = element({{"type", "buttons"}});
        bar->set("items", close);
        body->add(bar);
    }
    return dialog_element(text(lang, "result.title"), body);
}

}  // namespace es::ui
