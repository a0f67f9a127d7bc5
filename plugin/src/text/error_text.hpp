// What an exception says, for a log line or an error passed on. Poco's exceptions answer what()
// with their class's name only ("I/O error"); the address, file or reason is in displayText().
// A port already in use at start-up read "dm-sample-host: I/O error" and nothing else.
#pragma once

#include <Poco/Exception.h>

#include <exception>
#include <string>

namespace es::text {

inline std::string error_text(const std::exception& e) {
    if (const auto* poco = dynamic_cast<const Poco::Exception*>(&e)) {
        return poco->displayText();
    }
    return e.what();
}

}  // namespace es::text
