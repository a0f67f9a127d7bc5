// The plugin's exception barrier: the SDK's dm::translate_exceptions, plus the mapping of the
// module's own error kinds onto dm_status, so the host can react without parsing messages.
#pragma once

#include <dm/cpp/barrier.hpp>

#include <Poco/Exception.h>

#include "config/config_error.hpp"
#include "domain/error.hpp"
#include "text/error_text.hpp"

namespace es::abi {

inline dm_status status_of(domain::Error::Kind kind) noexcept {
    switch (kind) {
        case domain::Error::Kind::InvalidInput:
            return DM_ERR_INVALID_ARGUMENT;
        case domain::Error::Kind::NotFound:
            return DM_ERR_NOT_FOUND;
        case domain::Error::Kind::Denied:
            return DM_ERR_DENIED;
        case domain::Error::Kind::Unavailable:
            return DM_ERR_UNAVAILABLE;
        case domain::Error::Kind::Conflict:
            return DM_ERR_CONFLICT;
        case domain::Error::Kind::Internal:
            return DM_ERR_INTERNAL;
    }
    return DM_ERR_INTERNAL;
}

template <typename Body>
dm_status guard(const dm_sink* error, Body&& body) noexcept {
    return dm::translate_exceptions(error, [&]() -> dm_status {
        try {
            body();
            return DM_OK;
        } catch (const domain::Error& e) {
            throw dm::Error(status_of(e.kind()), e.what());
        } catch (const config::ConfigError& e) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, e.what());
        } catch (const Poco::Exception& e) {
            // Its what() is only the class's name ("I/O error"): the host would learn nothing of
            // which address or file failed.
            throw dm::Error(DM_ERR_INTERNAL, text::error_text(e));
        }
    });
}

}  // namespace es::abi
