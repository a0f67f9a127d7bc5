#include "plugins/host_service_table.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <optional>

#include <dm/cpp/dm.hpp>

#include "json/case_json.hpp"
#include "log/host_log.hpp"

// The opaque stream of dm.cases/1: an open descriptor on the attachment's file. Plain data, so it
// can be closed from any thread.
struct dm_attachment_stream {
    int fd;
    std::int64_t size;
};

namespace host {

namespace {

// Who asks, resolved against the store: the organisation always, the user when one is named.
struct Scope {
    std::int64_t organisation_id = 0;
    std::optional<User> user;
    std::string locale;
};

std::int64_t parse_id(std::string_view text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    return (ec == std::errc() && end == text.data() + text.size() && id > 0) ? id : 0;
}

Scope resolve(const dm_host* h, const dm_context* ctx) {
    auto c = dm::Context::from(ctx);  // throws on a missing or short context
    Scope scope;
    scope.locale = c.locale;
    scope.organisation_id = parse_id(c.organisation_id);
    auto& backend = *PluginSlot::of(h).backend;
    if (scope.organisation_id == 0 ||
        backend.users.organisation_name(scope.organisation_id).empty()) {
        throw dm::Error(DM_ERR_NOT_FOUND, "organisation not found");
    }
    if (!c.user_id.empty()) {
        auto user = backend.users.find(scope.organisation_id, parse_id(c.user_id));
        if (!user || !user->active) {
            throw dm::Error(DM_ERR_DENIED,
                            "the acting user is not an active user of the organisation");
        }
        scope.user = user;
    }
    return scope;
}

// Any active user of an organisation may see all of its cases in this sample host.
CaseRecord accessible_case(const dm_host* h, const Scope& scope, dm_str case_id) {
    auto found = PluginSlot::of(h).backend->cases.find(scope.organisation_id,
                                                       parse_id(dm::to_view(case_id)));
    if (!found) {
        throw dm::Error(DM_ERR_NOT_FOUND, "case not found");
    }
    return *found;
}

// A dm.cases 1.0 read of one part of a case the caller may see: `part(backend, scope, case)` gives
// its JSON.
template <class Part>
dm_status case_part(const dm_host* h, const dm_context* ctx, dm_str case_id, const dm_sink* result,
                    const dm_sink* error, Part part) {
    return dm::translate_exceptions(error, [&] {
        auto scope = resolve(h, ctx);
        auto c = accessible_case(h, scope, case_id);
        dm::write(result, CaseJson::text(part(*PluginSlot::of(h).backend, scope, c)));
    });
}

dm_status case_details(const dm_host* h, const dm_context* ctx, dm_str case_id,
                       const dm_sink* result, const dm_sink* error) {
    return case_part(h, ctx, case_id, result, error,
                     [](auto&, const Scope& scope, const CaseRecord& c) {
                         return CaseJson::details(c, scope.locale);
                     });
}

dm_status journal_entries(const dm_host* h, const dm_context* ctx, dm_str case_id,
                          const dm_sink* result, const dm_sink* error) {
    return case_part(
        h, ctx, case_id, result, error, [](auto& backend, const Scope& scope, const CaseRecord& c) {
            return CaseJson::journal(backend.cases.journal(scope.organisation_id, c.id));
        });
}

dm_status attachments(const dm_host* h, const dm_context* ctx, dm_str case_id,
                      const dm_sink* result, const dm_sink* error) {
    return case_part(
        h, ctx, case_id, result, error, [](auto& backend, const Scope& scope, const CaseRecord& c) {
            return CaseJson::attachments(backend.cases.attachments(scope.organisation_id, c.id));
        });
}

// dm.cases 1.1: the parts asked for, read in one snapshot, and the access checked once.
dm_status read_case(const dm_host* h, const dm_context* ctx, dm_str case_id, uint32_t parts,
                    const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        // Bits of a newer plugin are ignored (cases.h): their members are simply left out.
        parts &= DM_CASE_PARTS_V1_1;
        if (parts == 0) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "read_case: no known part asked for");
        }
        auto scope = resolve(h, ctx);
        auto file = PluginSlot::of(h).backend->cases.read(
            scope.organisation_id, parse_id(dm::to_view(case_id)),
            (parts & DM_CASE_PART_JOURNAL) != 0, (parts & DM_CASE_PART_ATTACHMENTS) != 0);
        if (!file) {
            throw dm::Error(DM_ERR_NOT_FOUND, "case not found");
        }
        Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
        if ((parts & DM_CASE_PART_DETAILS) != 0)
            out->set("details", CaseJson::details(file->record, scope.locale));
        if ((parts & DM_CASE_PART_JOURNAL) != 0)
            out->set("journal", CaseJson::journal(file->journal));
        if ((parts & DM_CASE_PART_ATTACHMENTS) != 0)
            out->set("attachments", CaseJson::attachments(file->attachments));
        dm::write(result, CaseJson::text(out));
    });
}

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF): the journal is shown in the web UI and served as JSON, so nothing else is stored.
bool is_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        unsigned char c = byte(i);
        std::size_t n = c < 0x80           ? 1
                        : (c >> 5) == 0x6  ? 2
                        : (c >> 4) == 0xE  ? 3
                        : (c >> 3) == 0x1E ? 4
                                           : 0;
        if (n == 0 || i + n > text.size())
            return false;
        std::uint32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (std::size_t k = 1; k < n; ++k) {
            if ((byte(i + k) & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (byte(i + k) & 0x3F);
        }
        static const std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

// The longest journal text a plugin may add; the host's own entries are far shorter.
constexpr std::size_t kMaxJournalText = 10000;

// dm.cases 1.1: a journal entry written by the acting user, or by the plugin itself.
dm_status add_journal_entry(const dm_host* h, const dm_context* ctx, dm_str case_id, dm_str text,
                            uint32_t flags, const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        // A flag this host does not know is refused rather than ignored (cases.h).
        if ((flags & ~DM_JOURNAL_INTERNAL) != 0) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "add_journal_entry: unknown flags");
        }
        std::string_view body = dm::to_view(text);
        if (body.empty() || body.size() > kMaxJournalText || !is_utf8(body)) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT,
                            "add_journal_entry: the text must be UTF-8, 1 to " +
                                std::to_string(kMaxJournalText) + " bytes");
        }
        auto scope = resolve(h, ctx);
        auto& slot = PluginSlot::of(h);
        auto entry = slot.backend->cases.add_journal_entry(
            scope.organisation_id, parse_id(dm::to_view(case_id)), scope.user ? scope.user->id : 0,
            slot.plugin_name, std::string(body), (flags & DM_JOURNAL_INTERNAL) != 0);
        if (!entry) {
            throw dm::Error(DM_ERR_NOT_FOUND, "case not found");
        }
        Poco::JSON::Array::Ptr one = CaseJson::journal({*entry});
        dm::write(result, CaseJson::text(one->getObject(0)));
    });
}

dm_status case_types(const dm_host* h, const dm_context* ctx, const dm_sink* result,
                     const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        auto scope = resolve(h, ctx);
        auto types = PluginSlot::of(h).backend->cases.case_types(scope.organisation_id);
        dm::write(result, CaseJson::text(CaseJson::case_types(types, scope.locale)));
    });
}

dm_status open_attachment(const dm_host* h, const dm_context* ctx, dm_str case_id,
                          dm_str attachment_id, dm_attachment_stream** stream,
                          const dm_sink* error) {
    return dm::translate_exceptions(error, [&]() -> dm_status {
        if (stream == nullptr) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "stream out-pointer is NULL");
        }
        *stream = nullptr;
        auto scope = resolve(h, ctx);
        auto c = accessible_case(h, scope, case_id);
        auto& backend = *PluginSlot::of(h).backend;
        auto a = backend.cases.attachment(scope.organisation_id, c.id,
                                          parse_id(dm::to_view(attachment_id)));
        if (!a) {
            throw dm::Error(DM_ERR_NOT_FOUND, "attachment not found");
        }
        auto path = std::filesystem::path(backend.data_directory) / a->storage_path;
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            throw dm::Error(DM_ERR_UNAVAILABLE, "the attachment's file cannot be opened");
        }
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            ::close(fd);
            throw dm::Error(DM_ERR_UNAVAILABLE, "the attachment's file cannot be read");
        }
        *stream = new dm_attachment_stream{fd, static_cast<std::int64_t>(st.st_size)};
        return DM_OK;
    });
}

int64_t attachment_size(const dm_host*, dm_attachment_stream* stream) {
    return stream == nullptr ? -1 : stream->size;
}

int64_t read_attachment(const dm_host*, dm_attachment_stream* stream, uint64_t offset, void* buffer,
                        uint64_t capacity) {
    if (stream == nullptr || buffer == nullptr)
        return -1;
    if (offset >= static_cast<uint64_t>(stream->size))
        return 0;
    size_t want = static_cast<size_t>(std::min<uint64_t>(capacity, 1u << 30));
    for (;;) {
        ssize_t n = ::pread(stream->fd, buffer, want, static_cast<off_t>(offset));
        if (n >= 0)
            return n;
        if (errno != EINTR)
            return -1;
    }
}

int attachment_fd(const dm_host*, dm_attachment_stream* stream) {
    return stream == nullptr ? -1 : stream->fd;
}

void close_attachment(const dm_host*, dm_attachment_stream* stream) {
    if (stream != nullptr) {
        ::close(stream->fd);
        delete stream;
    }
}

dm_status user(const dm_host* h, const dm_context* ctx, dm_str user_id, const dm_sink* result,
               const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        auto c = dm::Context::from(ctx);
        std::int64_t org = parse_id(c.organisation_id);
        auto u = PluginSlot::of(h).backend->users.find(org, parse_id(dm::to_view(user_id)));
        if (!u) {
            throw dm::Error(DM_ERR_NOT_FOUND, "user not found");
        }
        auto json = CaseJson::user(*u);
        // Optional in dm.directory/1: lets the plugin name the organisation to external recipients.
        json->set("organisation_name", PluginSlot::of(h).backend->users.organisation_name(org));
        dm::write(result, CaseJson::text(json));
    });
}

dm_status active_user_count(const dm_host* h, const dm_context* ctx, int64_t* count,
                            const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        if (count == nullptr)
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "count is NULL");
        auto c = dm::Context::from(ctx);
        std::int64_t org = parse_id(c.organisation_id);
        if (org == 0 || PluginSlot::of(h).backend->users.organisation_name(org).empty()) {
            throw dm::Error(DM_ERR_NOT_FOUND, "organisation not found");
        }
        *count = PluginSlot::of(h).backend->users.active_count(org);
    });
}

dm_status may_access(const dm_host* h, const dm_context* ctx, dm_str case_id,
                     const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        auto c = dm::Context::from(ctx);
        std::int64_t org = parse_id(c.organisation_id);
        auto& backend = *PluginSlot::of(h).backend;
        if (!backend.cases.find(org, parse_id(dm::to_view(case_id)))) {
            throw dm::Error(DM_ERR_NOT_FOUND, "case not found");
        }
        if (!c.user_id.empty()) {
            auto u = backend.users.find(org, parse_id(c.user_id));
            if (!u || !u->active) {
                throw dm::Error(DM_ERR_DENIED, "the user may not access this case");
            }
        }
    });
}

void log(const dm_host* h, dm_log_level level, dm_str message) {
    try {
        // A level this host does not know (a newer plugin's) is written as info (log.h).
        LogLevel l = level == DM_LOG_DEBUG     ? LogLevel::debug
                     : level == DM_LOG_WARNING ? LogLevel::warning
                     : level == DM_LOG_ERROR   ? LogLevel::error
                                               : LogLevel::info;
        HostLog::write(l, "plugin " + PluginSlot::of(h).plugin_id, dm::to_view(message));
    } catch (...) {
        // Logging must never fail the caller.
    }
}

// ABI 1.1's table: the 1.0 functions, then read_case and add_journal_entry.
const dm_host_cases kCases = {sizeof(dm_host_cases), case_details,    journal_entries,
                              attachments,           case_types,      open_attachment,
                              attachment_size,       read_attachment, attachment_fd,
                              close_attachment,      read_case,       add_journal_entry};
const dm_host_directory kDirectory = {sizeof(dm_host_directory), user, active_user_count,
                                      may_access};
const dm_host_log kLog = {sizeof(dm_host_log), log};

}  // namespace

const void* HostServiceTable::get_extension(const dm_host*, const char* extension_id) {
    if (extension_id == nullptr)
        return nullptr;
    std::string_view id(extension_id);
    if (id == DM_EXT_CASES)
        return &kCases;
    if (id == DM_EXT_DIRECTORY)
        return &kDirectory;
    if (id == DM_EXT_LOG)
        return &kLog;
    return nullptr;
}

void HostServiceTable::attach(PluginSlot& slot, const std::string& plugin_id, HostBackend& backend,
                              const std::string& plugin_name) {
    slot.plugin_id = plugin_id;
    slot.plugin_name = plugin_name.empty() ? plugin_id : plugin_name;
    slot.backend = &backend;
    slot.host.abi_version = DM_ABI_VERSION_INIT;
    slot.host.struct_size = sizeof(dm_host);
    slot.host.host_data = &slot;
    slot.host.name = "Sample Dossier Manager";
    slot.host.vendor = "Example AG";
    slot.host.version = "1.0.0";
    slot.host.get_extension = &HostServiceTable::get_extension;
}

}  // namespace host
