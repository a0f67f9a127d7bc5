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
#include "versioned.hpp"

namespace dm {

// Copies the host extension `id` into `out` when the host offers it in ABI 1.0's size or larger
// (version.h). A host of an older minor version gives a shorter table: the functions it lacks are
// then NULL in `out`, meaning "not offered". False, with `out` zero-filled, when the host does not
// offer `id` at all, or `host` itself is smaller than ABI 1.0's dm_host.
template <typename Ext>
bool find_host_extension(const dm_host* host, const char* id, std::size_t v1_0_size, Ext& out) {
    if (host == nullptr || host->struct_size < DM_HOST_V1_0_SIZE ||
        host->get_extension == nullptr) {
        return read_versioned<Ext>(nullptr, v1_0_size, out);
    }
    return read_versioned(static_cast<const Ext*>(host->get_extension(host, id)), v1_0_size, out);
}

// A move-only handle on an open attachment; closes it exactly once. Keeps its own copies of the
// stream functions, so it does not depend on the HostServices that opened it.
class AttachmentStream {
  public:
    AttachmentStream() = default;
    AttachmentStream(const dm_host* host, const dm_host_cases& cases, dm_attachment_stream* s)
        : host_(host),
          size_(cases.attachment_size),
          read_(cases.read_attachment),
          fd_(cases.attachment_fd),
          close_(cases.close_attachment),
          stream_(s) {}
    AttachmentStream(AttachmentStream&& o) noexcept { *this = std::move(o); }
    AttachmentStream& operator=(AttachmentStream&& o) noexcept {
        if (this != &o) {
            reset();
            host_ = o.host_;
            size_ = o.size_;
            read_ = o.read_;
            fd_ = o.fd_;
            close_ = o.close_;
            stream_ = std::exchange(o.stream_, nullptr);
        }
        return *this;
    }
    AttachmentStream(const AttachmentStream&) = delete;
    AttachmentStream& operator=(const AttachmentStream&) = delete;
    ~AttachmentStream() { reset(); }

    explicit operator bool() const noexcept { return stream_ != nullptr; }
    std::int64_t size() const { return size_(host_, stream_); }
    // Bytes read, 0 at the end, -1 on error (like pread).
    std::int64_t read(std::uint64_t offset, void* buffer, std::uint64_t capacity) const {
        return read_(host_, stream_, offset, buffer, capacity);
    }
    // -1 when the host has no plain file behind the attachment. Owned by the stream.
    int fd() const { return fd_ != nullptr ? fd_(host_, stream_) : -1; }

    void reset() noexcept {
        if (stream_ != nullptr) {
            close_(host_, stream_);
            stream_ = nullptr;
        }
    }

  private:
    const dm_host* host_ = nullptr;
    decltype(dm_host_cases::attachment_size) size_ = nullptr;
    decltype(dm_host_cases::read_attachment) read_ = nullptr;
    decltype(dm_host_cases::attachment_fd) fd_ = nullptr;
    decltype(dm_host_cases::close_attachment) close_ = nullptr;
    dm_attachment_stream* stream_ = nullptr;
};

// The services a plugin uses, looked up once at init. Thread-safe: every call is [any-thread].
//
// Works with a host of any 1.x minor version. What a host older than this header lacks is "not
// offered": ask with the offers_* functions; the functions with a 1.0 fallback (read_case) use it.
class HostServices {
  public:
    HostServices() = default;
    explicit HostServices(const dm_host* host) : host_(host) {
        has_cases_ = find_host_extension(host, DM_EXT_CASES, DM_HOST_CASES_V1_0_SIZE, cases_);
        has_directory_ =
            find_host_extension(host, DM_EXT_DIRECTORY, DM_HOST_DIRECTORY_V1_0_SIZE, directory_);
        has_log_ = find_host_extension(host, DM_EXT_LOG, DM_HOST_LOG_V1_0_SIZE, log_);
    }

    bool has_cases() const noexcept { return has_cases_; }
    bool has_directory() const noexcept { return has_directory_; }
    const dm_host* host() const noexcept { return host_; }
    // The ABI version the host was built against ({0,0,0} without a host).
    dm_version host_abi() const noexcept {
        return host_ != nullptr ? host_->abi_version : dm_version{0, 0, 0};
    }

    // dm.cases 1.1: true when the host answers read_case in one call (else read_case below makes
    // the three 1.0 calls).
    bool offers_read_case() const noexcept { return has_cases_ && cases_.read_case != nullptr; }
    // dm.cases 1.1: true when the host lets the plugin add journal entries.
    bool offers_add_journal_entry() const noexcept {
        return has_cases_ && cases_.add_journal_entry != nullptr;
    }

    std::string case_details(const Context& ctx, std::string_view case_id) const {
        return call_json(cases_.case_details, ctx, case_id, "case details");
    }
    std::string journal_entries(const Context& ctx, std::string_view case_id) const {
        return call_json(cases_.journal_entries, ctx, case_id, "journal entries");
    }
    std::string attachments(const Context& ctx, std::string_view case_id) const {
        return call_json(cases_.attachments, ctx, case_id, "attachments");
    }

    // The parts of a case named in `parts` (DM_CASE_PART_*) as one JSON object
    // {"details":…, "journal":[…], "attachments":[…]} with exactly the members asked for. With a
    // 1.1 host this is one call, and the parts describe one moment of the case; with a 1.0 host it
    // is one 1.0 call per part, composed into the same object (the parts are then read one after
    // the other). Either way the answer has the same shape, so callers need no second code path.
    std::string read_case(const Context& ctx, std::string_view case_id, std::uint32_t parts) const {
        if ((parts & DM_CASE_PARTS_V1_1) == 0) {
            throw Error(DM_ERR_INVALID_ARGUMENT, "read case: no part asked for");
        }
        if (offers_read_case()) {
            StringSink result, error;
            dm_context c = ctx.view();
            check(cases_.read_case(host_, &c, to_dm(case_id), parts, result.get(), error.get()),
                  error, "read case");
            return result.take();
        }
        std::string out = "{";
        auto add = [&](const char* name, const std::string& json) {
            out += (out.size() > 1 ? ",\"" : "\"") + std::string(name) + "\":" + json;
        };
        if ((parts & DM_CASE_PART_DETAILS) != 0) {
            add("details", case_details(ctx, case_id));
        }
        if ((parts & DM_CASE_PART_JOURNAL) != 0) {
            add("journal", journal_entries(ctx, case_id));
        }
        if ((parts & DM_CASE_PART_ATTACHMENTS) != 0) {
            add("attachments", attachments(ctx, case_id));
        }
        return out + "}";
    }

    // dm.cases 1.1: adds a journal entry to the case and returns it as JSON
    // {"id","date","author","text","internal"}. Throws DM_ERR_UNSUPPORTED when the host does not
    // offer it (a 1.0 host): check offers_add_journal_entry() first when that is not an error.
    std::string add_journal_entry(const Context& ctx, std::string_view case_id,
                                  std::string_view text, std::uint32_t flags = 0) const {
        need(offers_add_journal_entry(), "dm.cases 1.1 add_journal_entry");
        StringSink result, error;
        dm_context c = ctx.view();
        check(cases_.add_journal_entry(host_, &c, to_dm(case_id), to_dm(text), flags, result.get(),
                                       error.get()),
              error, "add journal entry");
        return result.take();
    }

    std::string case_types(const Context& ctx) const {
        need(has_cases_ && cases_.case_types != nullptr, "dm.cases case_types");
        StringSink result, error;
        dm_context c = ctx.view();
        check(cases_.case_types(host_, &c, result.get(), error.get()), error, "case types");
        return result.take();
    }

    AttachmentStream open_attachment(const Context& ctx, std::string_view case_id,
                                     std::string_view attachment_id) const {
        need(has_cases_ && cases_.open_attachment != nullptr && cases_.attachment_size != nullptr &&
                 cases_.read_attachment != nullptr && cases_.close_attachment != nullptr,
             "dm.cases attachment streams");
        StringSink error;
        dm_context c = ctx.view();
        dm_attachment_stream* s = nullptr;
        check(cases_.open_attachment(host_, &c, to_dm(case_id), to_dm(attachment_id), &s,
                                     error.get()),
              error, "open attachment");
        return AttachmentStream(host_, cases_, s);
    }

    std::string user(const Context& ctx, std::string_view user_id) const {
        need(has_directory_ && directory_.user != nullptr, "dm.directory user");
        StringSink result, error;
        dm_context c = ctx.view();
        check(directory_.user(host_, &c, to_dm(user_id), result.get(), error.get()), error, "user");
        return result.take();
    }
    std::int64_t active_user_count(const Context& ctx) const {
        need(has_directory_ && directory_.active_user_count != nullptr,
             "dm.directory active_user_count");
        StringSink error;
        dm_context c = ctx.view();
        std::int64_t n = 0;
        check(directory_.active_user_count(host_, &c, &n, error.get()), error, "active user count");
        return n;
    }
    // False when denied or not found; throws only when the host cannot answer.
    bool may_access(const Context& ctx, std::string_view case_id) const {
        need(has_directory_ && directory_.may_access != nullptr, "dm.directory may_access");
        StringSink error;
        dm_context c = ctx.view();
        dm_status s = directory_.may_access(host_, &c, to_dm(case_id), error.get());
        if (s == DM_ERR_DENIED || s == DM_ERR_NOT_FOUND) {
            return false;
        }
        check(s, error, "may access");
        return true;
    }

    void log(dm_log_level level, std::string_view message) const noexcept {
        if (has_log_ && log_.log != nullptr) {
            log_.log(host_, level, to_dm(message));
        }
    }

  private:
    using JsonCall = dm_status (*)(const dm_host*, const dm_context*, dm_str, const dm_sink*,
                                   const dm_sink*);

    static void need(bool offered, const char* name) {
        if (!offered) {
            throw Error(DM_ERR_UNSUPPORTED, std::string("host does not provide ") + name);
        }
    }

    std::string call_json(JsonCall fn, const Context& ctx, std::string_view case_id,
                          const char* what) const {
        need(has_cases_ && fn != nullptr, "dm.cases");
        StringSink result, error;
        dm_context c = ctx.view();
        check(fn(host_, &c, to_dm(case_id), result.get(), error.get()), error, what);
        return result.take();
    }

    const dm_host* host_ = nullptr;
    // Our own zero-filled copies of the host's tables (version.h): a field the host's version
    // lacks is NULL here instead of whatever follows the host's shorter struct in memory.
    dm_host_cases cases_{};
    dm_host_directory directory_{};
    dm_host_log log_{};
    bool has_cases_ = false;
    bool has_directory_ = false;
    bool has_log_ = false;
};

}  // namespace dm
