#include "text/unicode_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace es::text {
namespace {

icu::UnicodeString from_utf8(std::string_view text) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

bool hidden(UChar32 c) {
    switch (u_charType(c)) {
        case U_FORMAT_CHAR:
        case U_CONTROL_CHAR:
        case U_LINE_SEPARATOR:
        case U_PARAGRAPH_SEPARATOR:
            return true;
        default:
            return false;
    }
}

std::string normalised(std::string_view text, const icu::Normalizer2* (*instance)(UErrorCode&)) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* form = instance(status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU normaliser: ") + u_errorName(status));
    }
    const icu::UnicodeString out = form->normalize(from_utf8(text), status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU normalise: ") + u_errorName(status));
    }
    return to_utf8(out);
}

}  // namespace

std::string without_hidden_marks(std::string_view text) {
    const icu::UnicodeString in = from_utf8(text);
    icu::UnicodeString out;
    for (std::int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
        const UChar32 c = in.char32At(i);
        if (!hidden(c)) {
            out.append(c);
        }
    }
    return to_utf8(out);
}

bool has_hidden_marks(std::string_view text) {
    const icu::UnicodeString in = from_utf8(text);
    for (std::int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
        if (hidden(in.char32At(i))) {
            return true;
        }
    }
    return false;
}

std::string nfc(std::string_view text) {
    return normalised(text, &icu::Normalizer2::getNFCInstance);
}

std::string same_file_key(std::string_view text) {
    return normalised(text, &icu::Normalizer2::getNFKCCasefoldInstance);
}

}  // namespace es::text
