// A stand-in for the dossier manager: cases with fields, journal entries and attachments that are
// real files on disk (so the portal's sendfile path runs for real), and users (the owners the
// module alerts). Implements the C ABI host services "dm.cases/1" of ABI 1.1 (read_case composed
// from its own 1.0 answers; add_journal_entry kept as text, not added to the case),
// "dm.directory/1" (users only; everyone may access every case of their organisation) and
// "dm.log/1"; thread-safe like a real host must be.
#pragma once

#include <dm/host.h>
#include <dm/cpp/host_services.hpp>

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace es::portal::test {

struct FakeAttachment {
    std::string id;
    std::string name;
    std::string path;
    std::string media_type = "application/octet-stream";
    std::string modified = "2026-01-02T03:04:05Z";
    std::string sha256;  // empty: the host does not know it
};

struct FakeCase {
    std::string organisation_id;
    std::string number = "2026-17";
    std::string title = "Muster";
    std::string case_type = "default";
    std::vector<std::pair<std::string, std::pair<std::string, std::string>>> fields;  // id,(l,v)
    std::vector<std::pair<std::string, std::string>> journal;                         // id, text
    std::vector<FakeAttachment> attachments;
};

struct FakeUser {
    std::string organisation_id;
    std::string display_name;
    std::string email;  // may be empty
    bool active = true;
};

class FakeHost {
  public:
    FakeHost();
    const dm_host* host() const { return &host_; }
    dm::HostServices services() const { return dm::HostServices(&host_); }

    void put_case(const std::string& case_id, FakeCase c);
    void remove_attachment(const std::string& case_id, const std::string& attachment_id);
    void put_user(const std::string& user_id, FakeUser user);
    void remove_user(const std::string& user_id);
    // Streams without a file descriptor (the read_attachment fallback path).
    void set_offer_fd(bool offer) { offer_fd_ = offer; }
    // While true, every read of a case (details, journal, attachments, read_case, may_access)
    // answers DM_ERR_UNAVAILABLE, as a host whose database is down.
    void set_failing(bool failing) { failing_ = failing; }
    // Texts of the journal entries added, oldest first.
    std::vector<std::string> journal_texts() const;
    std::vector<std::string> log_lines() const;
    int open_streams() const { return open_streams_.load(); }

  private:
    static const void* get_extension(const dm_host* host, const char* id);
    static FakeHost& self(const dm_host* host) {
        return *static_cast<FakeHost*>(const_cast<void*>(host->host_data));
    }
    static dm_status case_details(const dm_host*, const dm_context*, dm_str, const dm_sink*,
                                  const dm_sink*);
    static dm_status journal_entries(const dm_host*, const dm_context*, dm_str, const dm_sink*,
                                     const dm_sink*);
    static dm_status attachments(const dm_host*, const dm_context*, dm_str, const dm_sink*,
                                 const dm_sink*);
    static dm_status case_types(const dm_host*, const dm_context*, const dm_sink*, const dm_sink*);
    static dm_status read_case(const dm_host*, const dm_context*, dm_str, uint32_t, const dm_sink*,
                               const dm_sink*);
    static dm_status add_journal_entry(const dm_host*, const dm_context*, dm_str, dm_str, uint32_t,
                                       const dm_sink*, const dm_sink*);
    static dm_status open_attachment(const dm_host*, const dm_context*, dm_str, dm_str,
                                     dm_attachment_stream**, const dm_sink*);
    static int64_t attachment_size(const dm_host*, dm_attachment_stream*);
    static int64_t read_attachment(const dm_host*, dm_attachment_stream*, uint64_t, void*,
                                   uint64_t);
    static int attachment_fd(const dm_host*, dm_attachment_stream*);
    static void close_attachment(const dm_host*, dm_attachment_stream*);
    static void log(const dm_host*, dm_log_level, dm_str);
    static dm_status user(const dm_host*, const dm_context*, dm_str, const dm_sink*,
                          const dm_sink*);
    static dm_status active_user_count(const dm_host*, const dm_context*, int64_t*, const dm_sink*);
    static dm_status may_access(const dm_host*, const dm_context*, dm_str, const dm_sink*);

    // Copies the case under the lock; nothing when it is not in the context's organisation.
    bool find_case(const dm_context* ctx, dm_str case_id, FakeCase& out) const;
    // A read of one part of a case (`part`: "details", "journal"): refused while the host is
    // failing, "no such case" for a case the caller's organisation lacks; else `render(case)`,
    // kept as rendered text.
    template <class Render>
    dm_status read_part(const char* part, const dm_context* ctx, dm_str case_id,
                        const dm_sink* result, const dm_sink* error, Render render);

    // Case details and journal answers are kept as rendered text until the next change, so the
    // portal benchmark measures the portal rather than this stand-in's JSON building.
    bool rendered(const std::string& key, const dm_sink* result) const;
    void keep_rendered(const std::string& key, std::uint64_t generation, const std::string& text);
    std::uint64_t generation() const {
        std::lock_guard lock(mutex_);
        return generation_;
    }

    dm_host host_{};
    dm_host_cases cases_{};
    dm_host_log log_{};
    dm_host_directory directory_{};
    mutable std::mutex mutex_;
    std::map<std::string, FakeCase> cases_by_id_;
    std::map<std::string, FakeUser> users_by_id_;
    std::vector<std::string> log_lines_;
    std::map<std::string, std::string> rendered_;
    std::uint64_t generation_ = 0;  // counts changes to the cases; guarded by mutex_
    std::vector<std::string> journal_texts_;
    std::atomic<bool> offer_fd_{true};
    std::atomic<bool> failing_{false};
    std::atomic<int> open_streams_{0};
};

}  // namespace es::portal::test
