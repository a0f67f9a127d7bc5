// The exception barrier: every function the C ABI exposes runs its body through it.
#pragma once

#include <exception>
#include <new>
#include <type_traits>

#include "../version.h"
#include "error.hpp"
#include "sink.hpp"

namespace dm {

// Runs `body`; turns any exception into a status code and a one-sentence message in `error`.
// `body` returns dm_status (or void, meaning DM_OK).
template <typename Body>
dm_status translate_exceptions(const dm_sink* error, Body&& body) noexcept {
    try {
        if constexpr (std::is_void_v<decltype(body())>) {
            body();
            return DM_OK;
        } else {
            return body();
        }
    } catch (const Error& e) {
        write(error, e.what());
        return e.status() == DM_OK ? DM_ERR_INTERNAL : e.status();
    } catch (const std::bad_alloc&) {
        write(error, "out of memory");
        return DM_ERR_INTERNAL;
    } catch (const std::exception& e) {
        write(error, e.what());
        return DM_ERR_INTERNAL;
    } catch (...) {
        write(error, "unknown exception");
        return DM_ERR_INTERNAL;
    }
}

// The other direction: a C call's status and message become a dm::Error. A code this header does
// not know (a newer peer's) is still a failure, reported as DM_ERR_INTERNAL with the peer's
// message and the number it sent, so callers only ever switch over codes they know.
inline void check(dm_status status, const StringSink& error, const char* what) {
    if (status != DM_OK) {
        std::string message = error.str().empty() ? std::string(status_name(status)) : error.str();
        const dm_status known = dm_status_known(status);
        if (known != status) {
            message += " (status " + std::to_string(status) + ", unknown to ABI " +
                       std::to_string(DM_ABI_VERSION_MAJOR) + "." +
                       std::to_string(DM_ABI_VERSION_MINOR) + ")";
        }
        throw Error(known, std::string(what) + ": " + message);
    }
}

}  // namespace dm
