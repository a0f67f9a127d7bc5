#include "domain/contact.hpp"

#include <cstring>

namespace es::domain {

namespace {

bool is_atext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return c != '\0' && std::strchr("!#$%&'*+/=?^_`{|}~-", c) != nullptr;
}

bool is_valid_local_part(std::string_view local) {
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') {
        return false;
    }
    char previous = 0;
    for (char c : local) {
        if (c == '.' ? previous == '.' : !is_atext(c)) {
            return false;
        }
        previous = c;
    }
    return true;
}

bool is_valid_label(std::string_view label) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
        return false;
    }
    for (char c : label) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool is_valid_domain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) {
        return false;
    }
    int labels = 0;
    std::string_view last;
    while (true) {
        const auto dot = domain.find('.');
        last = domain.substr(0, dot);
        if (!is_valid_label(last)) {
            return false;
        }
        ++labels;
        if (dot == std::string_view::npos) {
            break;
        }
        domain.remove_prefix(dot + 1);
    }
    // A top-level domain is never all digits; this rejects bare IPv4 addresses.
    bool digits_only = true;
    for (char c : last) {
        digits_only = digits_only && c >= '0' && c <= '9';
    }
    return labels >= 2 && !digits_only;
}

}  // namespace

bool is_valid_email(std::string_view address) {
    if (address.size() > 254) {
        return false;
    }
    const auto at = address.find('@');
    if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    return is_valid_local_part(address.substr(0, at)) && is_valid_domain(address.substr(at + 1));
}

std::optional<std::string> normalise_phone(std::string_view number) {
    if (number.empty() || number.front() != '+') {
        return std::nullopt;
    }
    std::string out = "+";
    bool previous_was_separator = false;
    for (std::size_t i = 1; i < number.size(); ++i) {
        const char c = number[i];
        if (c >= '0' && c <= '9') {
            out += c;
            previous_was_separator = false;
        } else if ((c == ' ' || c == '-') && out.size() > 1 && !previous_was_separator) {
            previous_was_separator = true;
        } else {
            return std::nullopt;
        }
    }
    const std::size_t digits = out.size() - 1;
    if (previous_was_separator || digits < 8 || digits > 15 || out[1] == '0') {
        return std::nullopt;
    }
    return out;
}

}  // namespace es::domain
