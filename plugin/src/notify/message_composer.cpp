#include "notify/message_composer.hpp"

#include "domain/contact.hpp"
#include "notify/invalid_address.hpp"
#include "notify/mime_mail.hpp"
#include "notify/outbox_payload.hpp"
#include "text/html_escape.hpp"
#include "text/time_text.hpp"

namespace es::notify {

namespace {

using domain::Language;

std::string html_escape(std::string_view text) {
    return text::html_escape(text);
}

std::string as_is(std::string_view text) {
    return std::string(text);
}

// SMS and subjects are one line: a value cannot add lines (or headers) to them.
std::string one_line(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            c = ' ';
        }
    }
    return out;
}

std::string access_text(const std::string& access, Language l) {
    if (access == "download") {
        return l == Language::De ? "eine Datei heruntergeladen" : "downloaded a file";
    }
    return l == Language::De ? "den Link geöffnet" : "opened the link";
}

std::string reason_text(const OutboxPayload& p, Language l) {
    std::string out;
    if (p.credential == "password") {
        out = l == Language::De ? "Es wurden falsche Passwörter eingegeben."
                                : "Wrong passwords were entered.";
    } else {
        out =
            l == Language::De ? "Es wurden falsche Codes eingegeben." : "Wrong codes were entered.";
    }
    if (p.throttled) {
        out += l == Language::De ? " Der Zugang ist vorübergehend gesperrt."
                                 : " Access is paused for a while.";
    }
    return out;
}

// The salutation: by name, or a neutral one when there is none. Never by address: an address is
// not how anyone is greeted, and a name that is one (typed into the name field) is no name.
std::string greeting(const std::string& name, Language l) {
    if (name.empty() || domain::is_valid_email(name)) {
        return l == Language::De ? "Guten Tag" : "Hello,";
    }
    return l == Language::De ? "Guten Tag " + name : "Hello " + name + ",";
}

// What the recipient of a link will be asked for, so that a password prompt or a code message
// does not come as a surprise. Names the protection, never the password.
std::string protection_note(const OutboxPayload& p, Language l) {
    const bool de = l == Language::De;
    const std::string sender =
        p.sender_name.empty() ? (de ? "die absendende Person" : "the sender") : p.sender_name;
    const bool password = p.protection == "password" || p.protection == "both";
    const bool code = p.protection == "code" || p.protection == "both";
    const bool sms = p.code_channel == "sms";
    if (!password && !code) {
        return de ? "Zum Öffnen brauchen Sie weder ein Passwort noch einen Code."
                  : "You need no password or code to open it.";
    }
    std::string out;
    if (password) {
        out = de ? "Zum Öffnen brauchen Sie ein Passwort. " + sender +
                       " teilt es Ihnen auf einem anderen Weg mit, nicht in dieser E-Mail."
                 : "To open it you need a password. " + sender +
                       " tells you the password another way, not in this e-mail.";
    }
    if (code) {
        if (!out.empty()) {
            out += " ";
        }
        if (de) {
            out += std::string(password ? "Danach" : "Beim Öffnen") +
                   " erhalten Sie einen einmaligen Sicherheitscode " +
                   (sms ? "per SMS an Ihre Mobilnummer." : "per E-Mail an diese Adresse.");
        } else {
            out += std::string(password ? "After that" : "When you open it") +
                   " you receive a one-time security code " +
                   (sms ? "by SMS to your mobile phone." : "by e-mail to this address.");
        }
    }
    return out;
}

std::string failed_message_text(const std::string& kind, Language l) {
    if (kind == "one_time_code") {
        return l == Language::De ? "Der Sicherheitscode" : "The security code";
    }
    return l == Language::De ? "Die E-Mail mit dem Link" : "The e-mail with the link";
}

// Used when an organisation overrides the text part only: the HTML says exactly the same.
std::string html_from_text(const std::string& text) {
    std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n<body>\n<p>";
    for (char c : html_escape(text)) {
        out += c == '\n' ? std::string("<br>\n") : std::string(1, c);
    }
    return out + "</p>\n</body></html>\n";
}

}  // namespace

MessageComposer::MessageComposer(const config::NotifySettings& settings, std::string public_url,
                                 const TemplateCatalog& templates, OpenSecret open_secret,
                                 config::OrganisationSettings organisations)
    : from_name_(settings.from_name),
      from_address_(settings.from_address),
      id_domain_(settings.from_address.substr(settings.from_address.find('@') + 1)),
      public_url_(std::move(public_url)),
      templates_(templates),
      open_secret_(std::move(open_secret)),
      organisations_(std::move(organisations)) {
    if (!domain::is_valid_email(from_address_)) {
        throw InvalidAddress("notify.from_address is not a valid e-mail address");
    }
}

std::string MessageComposer::message_id(const domain::OutboxMessage& message) const {
    // The creation time keeps ids unique when a database is recreated and ids start over.
    return "<es." + std::to_string(message.id) + "." +
           std::to_string(domain::to_epoch_ms(message.created_at)) + "@" + id_domain_ + ">";
}

ComposedMessage MessageComposer::compose(const domain::OutboxMessage& message,
                                         domain::Timestamp now) const {
    const MessageKind kind = parse_message_kind(message.kind);
    const Channel channel = parse_channel(message.channel);
    const OutboxPayload p = OutboxPayload::from_json(message.payload_json);
    const Language l = p.locale;

    TemplateValues values;
    values["organisation"] = p.organisation;
    values["recipient_name"] = p.recipient_name;
    values["sender_name"] = p.sender_name;
    values["case_reference"] = p.case_reference;
    const bool to_recipient = kind == MessageKind::ShareLink || kind == MessageKind::AccessCode;
    if (to_recipient) {
        // Speaking to the recipient: by name, or neutrally; never by address.
        values["greeting"] = greeting(p.recipient_name, l);
        if (domain::is_valid_email(p.recipient_name)) {
            values["recipient_name"].clear();
        }
    } else {
        values["greeting"] = greeting(p.sender_name, l);
        if (values["recipient_name"].empty()) {
            values["recipient_name"] =
                l == Language::De ? "die empfangende Person" : "the recipient";
        }
    }
    if (kind == MessageKind::ShareLink) {
        values["protection_note"] = protection_note(p, l);
    }
    const text::TimeReader reader{l, organisations_.time_zone_of(message.organisation_id)};
    if (p.expires_at) {
        values["expires"] = text::zoned_date_time_text(*p.expires_at, reader);
    }
    if (p.at) {
        values["at"] = text::zoned_date_time_text(*p.at, reader);
    }
    if (kind == MessageKind::ShareLink) {
        values["link"] =
            public_url_ + "/s/" + open_secret_(p.sealed_token, "token:" + message.share_id);
    }
    if (kind == MessageKind::AccessCode) {
        values["code"] = open_secret_(p.sealed_code, "code:" + message.share_id);
        values["valid_minutes"] = std::to_string(p.valid_minutes);
    }
    values["access"] = access_text(p.access, l);
    values["attempts"] = std::to_string(p.attempts);
    values["reason"] = reason_text(p, l);
    values["failed_message"] = failed_message_text(p.failed_kind, l);
    values["address"] = p.failed_address;
    values["error"] = p.error;
    values["days_left"] = std::to_string(p.days_left);

    ComposedMessage out;
    out.channel = channel;
    const std::string id = message_id(message);
    if (channel == Channel::Sms) {
        const auto phone = domain::normalise_phone(message.recipient_address);
        if (!phone || *phone != message.recipient_address) {
            throw InvalidAddress("not a valid phone number");
        }
        out.sms.to = *phone;
        out.sms.text =
            one_line(templates_.sms(message.organisation_id, kind, l).render(values, one_line));
        out.sms.message_id = id;
        out.sms.created_at = message.created_at;
        out.sms.organisation_id = message.organisation_id;
        return out;
    }
    const MailTemplate& t = templates_.mail(message.organisation_id, kind, l);
    MimeMail mail;
    mail.from_name = p.organisation.empty() ? from_name_ : p.organisation + " – " + from_name_;
    mail.from_address = from_address_;
    mail.to_name = to_recipient ? values["recipient_name"] : p.sender_name;
    mail.to_address = message.recipient_address;
    mail.subject = t.subject.render(values, one_line);
    mail.message_id = id;
    mail.date = now;
    mail.text = t.text.render(values, as_is);
    mail.html = t.html ? t.html->render(values, html_escape) : html_from_text(mail.text);
    out.mail.envelope_from = from_address_;
    out.mail.envelope_to = message.recipient_address;
    out.mail.message_id = id;
    out.mail.data = mail.serialize();
    out.mail.organisation_id = message.organisation_id;
    return out;
}

}  // namespace es::notify
