#include "domain/share_options.hpp"

#include <string>

#include "domain/error.hpp"

namespace es::domain {

namespace {

[[noreturn]] void unknown(std::string_view what, std::string_view text) {
    throw Error(Error::Kind::InvalidInput,
                "unknown " + std::string(what) + " '" + std::string(text) + "'");
}

}  // namespace

std::string_view to_text(Protection p) {
    switch (p) {
        case Protection::None:
            return "none";
        case Protection::Password:
            return "password";
        case Protection::Code:
            return "code";
        case Protection::PasswordAndCode:
            return "password_and_code";
    }
    return "none";
}

std::string_view to_text(CodeChannel c) {
    switch (c) {
        case CodeChannel::None:
            return "none";
        case CodeChannel::Sms:
            return "sms";
        case CodeChannel::Email:
            return "email";
    }
    return "none";
}

std::string_view to_text(Delivery d) {
    return d == Delivery::EmailedLink ? "emailed_link" : "direct_link";
}

std::string_view to_text(ShareStatus s) {
    switch (s) {
        case ShareStatus::Active:
            return "active";
        case ShareStatus::Expired:
            return "expired";
        case ShareStatus::Revoked:
            return "revoked";
    }
    return "revoked";
}

Protection parse_protection(std::string_view text) {
    for (auto p :
         {Protection::None, Protection::Password, Protection::Code, Protection::PasswordAndCode}) {
        if (to_text(p) == text) {
            return p;
        }
    }
    unknown("protection", text);
}

CodeChannel parse_code_channel(std::string_view text) {
    for (auto c : {CodeChannel::None, CodeChannel::Sms, CodeChannel::Email}) {
        if (to_text(c) == text) {
            return c;
        }
    }
    unknown("code channel", text);
}

Delivery parse_delivery(std::string_view text) {
    for (auto d : {Delivery::DirectLink, Delivery::EmailedLink}) {
        if (to_text(d) == text) {
            return d;
        }
    }
    unknown("delivery", text);
}

Protection with_password(Protection p, bool password) {
    const bool code = needs_code(p);
    if (password) {
        return code ? Protection::PasswordAndCode : Protection::Password;
    }
    return code ? Protection::Code : Protection::None;
}

}  // namespace es::domain
