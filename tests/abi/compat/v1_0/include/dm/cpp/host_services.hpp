// Plugin side: the host's services as C++ objects that throw dm::Error on failure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "../ext/cases.h"
#include "../ext/directory.h"
#include "../ext/log.h"
#include "../host.h"
#include "barrier.hpp"
#include "context.hpp"

namespace dm {

// Returns the host extension `id` if the host offers it with at least `min_size` bytes of struct.
template <typename Ext>
const Ext* find_host_extension(const dm_host* host, const char* id) {
    if (host == nullptr || host->get_extension == nullptr) {
        return nullptr;
    }
    auto* ext = static_cast<const Ext*>(host->get_extension(host, id));
    if (ext == nullptr || ext->struct_size < sizeof(Ext)) {
        return nullptr;
    }
    return ext;
}

// A move-only handle on an open attachment; closes it exactly once.
class AttachmentStream {
public:
    AttachmentStream() = default;
    AttachmentStream(const dm_host* host, const dm_host_cases* cases, dm_attachment_stream* s)
        : host_(host), cases_(cases), stream_(s) {}
    AttachmentStream(AttachmentStream&& o) noexcept
        : host_(o.host_), cases_(o.cases_), stream_(std::exchange(o.stream_, nullptr)) {}
    AttachmentStream& operator=(AttachmentStream&& o) noexcept {
        if (this != &o) {
            reset();
            host_ = o.host_;
            cases_ = o.cases_;
            stream_ = std::exchange(o.stream_, nullptr);
        }
        return *this;
    }
    AttachmentStream(const AttachmentStream&) = delete;
    AttachmentStream& operator=(const AttachmentStream&) = delete;
    ~AttachmentStream() { reset(); }

    explicit operator bool() const noexcept { return stream_ != nullptr; }
    std::int64_t size() const { return cases_->attachment_size(host_, stream_); }
    // Bytes read, 0 at the end, -1 on error (like pread).
    std::int64_t read(std::uint64_t offset, void* buffer, std::uint64_t capacity) const {
        return cases_->read_attachment(host_, stream_, offset, buffer, capacity);
    }
    // -1 when the host has no plain file behind the attachment. Owned by the stream.
    int fd() const { return cases_->attachment_fd ? cases_->attachment_fd(host_, stream_) : -1; }

    void reset() noexcept {
        if (stream_ != nullptr) {
            cases_->close_attachment(host_, stream_);
            stream_ = nullptr;
        }
    }

private:
    const dm_host* host_ = nullptr;
    const dm_host_cases* cases_ = nullptr;
    dm_attachment_stream* stream_ = nullptr;
};

// The services a plugin uses, looked up once at init. Thread-safe: every call is [any-thread].
class HostServices {
public:
    HostServices() = default;
    explicit HostServices(const dm_host* host)
        : host_(host),
          cases_(find_host_extension<dm_host_cases>(host, DM_EXT_CASES)),
          directory_(find_host_extension<dm_host_directory>(host, DM_EXT_DIRECTORY)),
          log_(find_host_extension<dm_host_log>(host, DM_EXT_LOG)) {}

    bool has_cases() const noexcept { return cases_ != nullptr; }
    bool has_directory() const noexcept { return directory_ != nullptr; }
    const dm_host* host() const noexcept { return host_; }

    std::string case_details(const Context& ctx, std::string_view case_id) const {
        return call_json(&dm_host_cases::case_details, ctx, case_id, "case details");
    }
    std::string journal_entries(const Context& ctx, std::string_view case_id) const {
        return call_json(&dm_host_cases::journal_entries, ctx, case_id, "journal entries");
    }
    std::string attachments(const Context& ctx, std::string_view case_id) const {
        return call_json(&dm_host_cases::attachments, ctx, case_id, "attachments");
    }
    std::string case_types(const Context& ctx) const {
        need(cases_, "dm.cases");
        StringSink result, error;
        dm_context c = ctx.view();
        check(cases_->case_types(host_, &c, result.get(), error.get()), error, "case types");
        return result.take();
    }

    AttachmentStream open_attachment(const Context& ctx, std::string_view case_id,
                                     std::string_view attachment_id) const {
        need(cases_, "dm.cases");
        StringSink error;
        dm_context c = ctx.view();
        dm_attachment_stream* s = nullptr;
        check(cases_->open_attachment(host_, &c, to_dm(case_id), to_dm(attachment_id), &s,
                                      error.get()),
              error, "open attachment");
        return AttachmentStream(host_, cases_, s);
    }

    std::string user(const Context& ctx, std::string_view user_id) const {
        need(directory_, "dm.directory");
        StringSink result, error;
        dm_context c = ctx.view();
        check(directory_->user(host_, &c, to_dm(user_id), result.get(), error.get()), error,
              "user");
        return result.take();
    }
    std::int64_t active_user_count(const Context& ctx) const {
        need(directory_, "dm.directory");
        StringSink error;
        dm_context c = ctx.view();
        std::int64_t n = 0;
        check(directory_->active_user_count(host_, &c, &n, error.get()), error,
              "active user count");
        return n;
    }
    // False when denied or not found; throws only when the host cannot answer.
    bool may_access(const Context& ctx, std::string_view case_id) const {
        need(directory_, "dm.directory");
        StringSink error;
        dm_context c = ctx.view();
        dm_status s = directory_->may_access(host_, &c, to_dm(case_id), error.get());
        if (s == DM_ERR_DENIED || s == DM_ERR_NOT_FOUND) {
            return false;
        }
        check(s, error, "may access");
        return true;
    }

    void log(dm_log_level level, std::string_view message) const noexcept {
        if (log_ != nullptr) {
            log_->log(host_, level, to_dm(message));
        }
    }

private:
    using JsonCall = dm_status (*dm_host_cases::*)(const dm_host*, const dm_context*, dm_str,
                                                    const dm_sink*, const dm_sink*);

    static void need(const void* ext, const char* name) {
        if (ext == nullptr) {
            throw Error(DM_ERR_UNSUPPORTED, std::string("host does not provide ") + name);
        }
    }

    std::string call_json(JsonCall fn, const Context& ctx, std::string_view case_id,
                          const char* what) const {
        need(cases_, "dm.cases");
        StringSink result, error;
        dm_context c = ctx.view();
        check((cases_->*fn)(host_, &c, to_dm(case_id), result.get(), error.get()), error, what);
        return result.take();
    }

    const dm_host* host_ = nullptr;
    const dm_host_cases* cases_ = nullptr;
    const dm_host_directory* directory_ = nullptr;
    const dm_host_log* log_ = nullptr;
};

}  // namespace dm
