// What an exception says, for a log line or the start-up error. Poco's exceptions answer what()
// with their class's name only ("I/O error"); the address, file or reason is in displayText().
#pragma once

#include <Poco/Exception.h>

#include <exception>
#include <string>

namespace host {

inline std::string error_text(const std::exception& e) {
    if (const auto* poco = dynamic_cast<const Poco::Exception*>(&e)) {
        return poco->displayText();
    }
    return e.what();
}

}  // namespace host
