// The small closed vocabularies of a share. Each has a stable text form that the database stores
// and the view models carry; parse_* throws Error(InvalidInput) on anything else.
#pragma once

#include <string>
#include <string_view>

#include "domain/language.hpp"

namespace es::domain {

// How the recipient proves to be the recipient before seeing anything.
enum class Protection { None, Password, Code, PasswordAndCode };

// Where one-time codes go. None when the share has no code protection.
enum class CodeChannel { None, Sms, Email };

// How the link reaches the recipient; decides the default expiry (20 days vs 24 hours).
enum class Delivery { DirectLink, EmailedLink };

// Derived, never stored: see Share::status_at.
enum class ShareStatus { Active, Expired, Revoked };

std::string_view to_text(Protection p);
std::string_view to_text(CodeChannel c);
std::string_view to_text(Delivery d);
std::string_view to_text(ShareStatus s);

Protection parse_protection(std::string_view text);
CodeChannel parse_code_channel(std::string_view text);
Delivery parse_delivery(std::string_view text);

inline bool needs_password(Protection p) {
    return p == Protection::Password || p == Protection::PasswordAndCode;
}
inline bool needs_code(Protection p) {
    return p == Protection::Code || p == Protection::PasswordAndCode;
}
// The protection that results from adding or removing the password part.
Protection with_password(Protection p, bool password);

}  // namespace es::domain
