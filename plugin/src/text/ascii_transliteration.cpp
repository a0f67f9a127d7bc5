#include "text/ascii_transliteration.hpp"

#include <memory>
#include <mutex>
#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace es::text {
namespace {

constexpr const char* kTransform = "de-ASCII; Any-Latin; Latin-ASCII";

// Building the compound transform parses rule sets (milliseconds); cloning the built one is cheap.
// A Transliterator is not meant to be shared between threads while it works, hence one per thread.
const icu::Transliterator& prototype() {
    static std::unique_ptr<icu::Transliterator> built;
    static std::once_flag once;
    std::call_once(once, [] {
        UErrorCode status = U_ZERO_ERROR;
        built.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(kTransform),
                                                        UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !built) {
            throw std::runtime_error(std::string("ICU transform \"") + kTransform +
                                     "\" is not available: " + u_errorName(status));
        }
    });
    return *built;
}

}  // namespace

std::string ascii_transliteration(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) {
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    }
    if (ascii) {
        return std::string(utf8);  // most names: no ICU on the download path
    }
    thread_local std::unique_ptr<icu::Transliterator> mine(prototype().clone());
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    mine->transliterate(s);
    std::string out;
    s.toUTF8String(out);
    return out;
}

}  // namespace es::text
