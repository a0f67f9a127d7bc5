#include "fake_host.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dm/cpp/barrier.hpp>
#include <dm/cpp/context.hpp>
#include <dm/cpp/sink.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>

struct dm_attachment_stream {
    int fd = -1;
    std::int64_t size = 0;
};

namespace dm_check {

namespace {

constexpr const char* kAttachmentContent = "Fake attachment content for dm-plugin-check.\n";

// Title with a non-ASCII letter and quotes, so that plugins that forget to escape are caught.
const char* const kCaseDetails[] = {
    R"({"id":"case-1","number":"2026-0001","title":"Baugesuch Zürich \"Nord\"","status":"open",)"
    R"("case_type":{"id":"permit","name":"Building permit"},"owner_user_id":"user-1",)"
    R"("fields":[{"id":"parcel","label":"Parcel","value":"ZH-4711"}],)"
    R"("correspondent":{"name":"Erika Muster","email":"erika@example.org","phone":"+41790000000"}})",
    R"({"id":"case-2","number":"2026-0002","title":"Tax appeal","status":"closed",)"
    R"("case_type":{"id":"tax","name":"Tax"},"owner_user_id":"user-2","fields":[],)"
    R"("correspondent":{"name":"","email":"","phone":""}})",
    R"({"id":"case-secret","number":"2026-0003","title":"Secret","status":"open",)"
    R"("case_type":{"id":"tax","name":"Tax"},"owner_user_id":"user-2","fields":[],)"
    R"("correspondent":{"name":"","email":"","phone":""}})",
};

// The case an id names for this context, honouring the acting user's rights. Throws dm::Error.
int find_case(const dm::Context& c, std::string_view case_id) {
    if (c.organisation_id != kOrganisation) {
        throw dm::Error(DM_ERR_NOT_FOUND, "no such case");
    }
    if (case_id == kCase) {
        return 0;
    }
    if (case_id == kOtherCase) {
        return 1;
    }
    if (case_id == kSecretCase) {
        // Only the organisation itself (empty user id: the portal) may read the secret case.
        if (!c.user_id.empty()) {
            throw dm::Error(DM_ERR_DENIED, "access denied");
        }
        return 2;
    }
    throw dm::Error(DM_ERR_NOT_FOUND, "no such case");
}

dm_status case_details(const dm_host*, const dm_context* ctx, dm_str case_id, const dm_sink* result,
                       const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        dm::write(result, kCaseDetails[find_case(dm::Context::from(ctx), dm::to_view(case_id))]);
    });
}

std::string journal_json(int i) {
    return i != 0 ? "[]"
                  : R"([{"id":"j-1","date":"2026-01-05T09:00:00Z","author":"Anna Beispiel",)"
                    R"("text":"Application received","internal":false}])";
}

std::string attachments_json(int i) {
    return i != 0
               ? std::string("[]")
               : R"([{"id":"att-1","name":"plan.txt","size":)" +
                     std::to_string(std::strlen(kAttachmentContent)) +
                     R"(,"media_type":"text/plain","modified":"2026-01-05T09:00:00Z",)"
                     R"("sha256":"039c72e67563a8dd87983fc278ce6f120581f689a056ff82eeb943c1da575aec"}])";
}

dm_status journal_entries(const dm_host*, const dm_context* ctx, dm_str case_id,
                          const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        dm::write(result, journal_json(find_case(dm::Context::from(ctx), dm::to_view(case_id))));
    });
}

dm_status attachments(const dm_host*, const dm_context* ctx, dm_str case_id, const dm_sink* result,
                      const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        dm::write(result,
                  attachments_json(find_case(dm::Context::from(ctx), dm::to_view(case_id))));
    });
}

// dm.cases 1.1 (see cases.h).
dm_status read_case(const dm_host* host, const dm_context* ctx, dm_str case_id, std::uint32_t parts,
                    const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        fake_host_of(host).read_case_called();
        parts &= DM_CASE_PARTS_V1_1;
        if (parts == 0) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "read_case: no known part asked for");
        }
        int i = find_case(dm::Context::from(ctx), dm::to_view(case_id));
        std::string out;
        auto add = [&](const char* name, const std::string& json) {
            out += (out.empty() ? "{\"" : ",\"") + std::string(name) + "\":" + json;
        };
        if ((parts & DM_CASE_PART_DETAILS) != 0) {
            add("details", kCaseDetails[i]);
        }
        if ((parts & DM_CASE_PART_JOURNAL) != 0) {
            add("journal", journal_json(i));
        }
        if ((parts & DM_CASE_PART_ATTACHMENTS) != 0) {
            add("attachments", attachments_json(i));
        }
        dm::write(result, out + "}");
    });
}

// dm.cases 1.1: the entry is counted and echoed, not kept.
dm_status add_journal_entry(const dm_host* host, const dm_context* ctx, dm_str case_id, dm_str text,
                            std::uint32_t flags, const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        dm::Context c = dm::Context::from(ctx);
        find_case(c, dm::to_view(case_id));
        if ((flags & ~DM_JOURNAL_INTERNAL) != 0) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "add_journal_entry: unknown flags");
        }
        if (text.len == 0 || text.data == nullptr) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "add_journal_entry: empty text");
        }
        fake_host_of(host).journal_entry_added();
        std::string escaped;
        for (char ch : dm::to_view(text)) {
            if (ch == '"' || ch == '\\') {
                escaped += '\\';
            }
            if (static_cast<unsigned char>(ch) < 0x20) {
                escaped += ' ';
                continue;
            }
            escaped += ch;
        }
        dm::write(result, R"({"id":"j-new","date":"2026-01-07T08:00:00Z","author":")" +
                              (c.user_id.empty() ? std::string("dm-plugin-check") : c.user_id) +
                              R"(","text":")" + escaped + R"(","internal":)" +
                              ((flags & DM_JOURNAL_INTERNAL) != 0 ? "true" : "false") + "}");
    });
}

// What a plugin calls when it reads the 1.0 table past its struct_size (see fake_host.hpp).
dm_status trap_read_case(const dm_host* host, const dm_context*, dm_str, std::uint32_t,
                         const dm_sink*, const dm_sink* error) {
    fake_host_of(host).misuse("read_case called, but the 1.0 host's dm.cases table ends before it");
    dm::write(error, "read_case is not offered by this host");
    return DM_ERR_INTERNAL;
}
dm_status trap_add_journal_entry(const dm_host* host, const dm_context*, dm_str, dm_str,
                                 std::uint32_t, const dm_sink*, const dm_sink* error) {
    fake_host_of(host).misuse(
        "add_journal_entry called, but the 1.0 host's dm.cases table ends before it");
    dm::write(error, "add_journal_entry is not offered by this host");
    return DM_ERR_INTERNAL;
}

dm_status case_types(const dm_host*, const dm_context* ctx, const dm_sink* result,
                     const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        if (dm::Context::from(ctx).organisation_id != kOrganisation) {
            throw dm::Error(DM_ERR_NOT_FOUND, "no such organisation");
        }
        dm::write(result,
                  R"([{"id":"permit","name":"Building permit"},{"id":"tax","name":"Tax"}])");
    });
}

dm_status open_attachment(const dm_host* host, const dm_context* ctx, dm_str case_id,
                          dm_str attachment_id, dm_attachment_stream** stream,
                          const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        FakeHost& fake = fake_host_of(host);
        int i = find_case(dm::Context::from(ctx), dm::to_view(case_id));
        if (stream == nullptr) {
            fake.misuse("open_attachment called without an out pointer");
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "stream out pointer is NULL");
        }
        if (i != 0 || dm::to_view(attachment_id) != kAttachment) {
            throw dm::Error(DM_ERR_NOT_FOUND, "no such attachment");
        }
        auto s = std::make_unique<dm_attachment_stream>();
        s->fd = ::open(fake.attachment_path().c_str(), O_RDONLY | O_CLOEXEC);
        struct stat info {};
        if (s->fd < 0 || ::fstat(s->fd, &info) != 0) {
            if (s->fd >= 0) {
                ::close(s->fd);
            }
            throw dm::Error(DM_ERR_UNAVAILABLE, "attachment file cannot be opened");
        }
        s->size = info.st_size;
        fake.stream_opened();
        *stream = s.release();
    });
}

std::int64_t attachment_size(const dm_host*, dm_attachment_stream* stream) {
    return stream == nullptr ? -1 : stream->size;
}

std::int64_t read_attachment(const dm_host*, dm_attachment_stream* stream, std::uint64_t offset,
                             void* buffer, std::uint64_t capacity) {
    if (stream == nullptr || buffer == nullptr) {
        return -1;
    }
    ssize_t n;
    do {
        n = ::pread(stream->fd, buffer, capacity, static_cast<off_t>(offset));
    } while (n < 0 && errno == EINTR);
    return n;
}

int attachment_fd(const dm_host*, dm_attachment_stream* stream) {
    return stream == nullptr ? -1 : stream->fd;
}

void close_attachment(const dm_host* host, dm_attachment_stream* stream) {
    FakeHost& fake = fake_host_of(host);
    if (stream == nullptr) {
        fake.misuse("close_attachment called with NULL");
        return;
    }
    ::close(stream->fd);
    delete stream;
    fake.stream_closed();
}

dm_status user(const dm_host*, const dm_context* ctx, dm_str user_id, const dm_sink* result,
               const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        if (dm::Context::from(ctx).organisation_id != kOrganisation) {
            throw dm::Error(DM_ERR_NOT_FOUND, "no such user");
        }
        std::string_view id = dm::to_view(user_id);
        if (id == kUser) {
            dm::write(result, R"({"id":"user-1","display_name":"Anna Beispiel",)"
                              R"("email":"anna@example.org","active":true,)"
                              R"("roles":["caseworker","organisation_admin"]})");
        } else if (id == kOtherUser) {
            dm::write(result,
                      R"({"id":"user-2","display_name":"Ben Test","email":"ben@example.org",)"
                      R"("active":true,"roles":["caseworker"]})");
        } else {
            throw dm::Error(DM_ERR_NOT_FOUND, "no such user");
        }
    });
}

dm_status active_user_count(const dm_host* host, const dm_context* ctx, std::int64_t* count,
                            const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        if (dm::Context::from(ctx).organisation_id != kOrganisation) {
            throw dm::Error(DM_ERR_NOT_FOUND, "no such organisation");
        }
        if (count == nullptr) {
            fake_host_of(host).misuse("active_user_count called without an out pointer");
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "count out pointer is NULL");
        }
        *count = 2;
    });
}

dm_status may_access(const dm_host*, const dm_context* ctx, dm_str case_id, const dm_sink* error) {
    return dm::translate_exceptions(
        error, [&] { find_case(dm::Context::from(ctx), dm::to_view(case_id)); });
}

void log_line(const dm_host* host, dm_log_level level, dm_str message) {
    static const char* const names[] = {"debug", "info", "warning", "error"};
    // ABI 1 has no other levels; a plugin that sends one has a bug (log.h: hosts write it as info).
    if (level < DM_LOG_DEBUG || level > DM_LOG_ERROR) {
        fake_host_of(host).misuse("log level out of range");
        return;
    }
    std::string_view text = dm::to_view(message);
    std::fprintf(stderr, "[plugin %s] %.*s\n", names[level], static_cast<int>(text.size()),
                 text.data());
}

const dm_host_cases kCases = {sizeof(dm_host_cases), case_details,    journal_entries,
                              attachments,           case_types,      open_attachment,
                              attachment_size,       read_attachment, attachment_fd,
                              close_attachment,      read_case,       add_journal_entry};
// A 1.0 host's table: 1.0's struct_size, traps where 1.1's functions would be.
const dm_host_cases kCasesV1_0 = {static_cast<std::uint32_t>(DM_HOST_CASES_V1_0_SIZE),
                                  case_details,
                                  journal_entries,
                                  attachments,
                                  case_types,
                                  open_attachment,
                                  attachment_size,
                                  read_attachment,
                                  attachment_fd,
                                  close_attachment,
                                  trap_read_case,
                                  trap_add_journal_entry};
const dm_host_directory kDirectory = {sizeof(dm_host_directory), user, active_user_count,
                                      may_access};
const dm_host_log kLog = {sizeof(dm_host_log), log_line};

const void* get_extension(const dm_host* host, const char* id) {
    if (id == nullptr) {
        return nullptr;
    }
    if (std::strcmp(id, DM_EXT_CASES) == 0) {
        return fake_host_of(host).abi() == HostAbi::v1_0 ? &kCasesV1_0 : &kCases;
    }
    if (std::strcmp(id, DM_EXT_DIRECTORY) == 0) {
        return &kDirectory;
    }
    if (std::strcmp(id, DM_EXT_LOG) == 0) {
        return &kLog;
    }
    return nullptr;
}

}  // namespace

FakeHost::FakeHost(const std::string& scratch_directory, HostAbi abi)
    : abi_(abi),
      host_{DM_ABI_VERSION_INIT, sizeof(dm_host), this,         "dm-plugin-check",
            "Example AG",        "1.1.0",         get_extension},
      attachment_path_(scratch_directory + "/attachment-1.txt") {
    if (abi_ == HostAbi::v1_0) {
        // dm_host itself did not change in 1.1; only the version it states does.
        host_.abi_version = dm_version{1, 0, 0};
        host_.struct_size = static_cast<std::uint32_t>(DM_HOST_V1_0_SIZE);
        host_.version = "1.0.0";
    }
    std::ofstream out(attachment_path_, std::ios::binary);
    out << kAttachmentContent;
    if (!out.flush()) {
        throw std::runtime_error("cannot write " + attachment_path_);
    }
}

void FakeHost::misuse(const char* what) noexcept {
    ++misuses_;
    std::fprintf(stderr, "dm-plugin-check: host service misused: %s\n", what);
}

FakeHost& fake_host_of(const dm_host* host) {
    return *static_cast<FakeHost*>(host->host_data);
}

}  // namespace dm_check
