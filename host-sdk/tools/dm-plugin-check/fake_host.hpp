// Host services for the checker: dm.cases/1, dm.directory/1 and dm.log/1 over a few fake cases of
// organisation "org-1", one attachment backed by a real file (with a descriptor for sendfile), and
// a log that the report can show. Every service is [any-thread].
//
// It plays a host of ABI 1.1 (dm.cases with read_case and add_journal_entry) or, to check that a
// plugin runs in an older host, one of ABI 1.0: then dm_host says 1.0 and the dm.cases table's
// struct_size is 1.0's. The 1.1 slots behind that size are not NULL but traps, as whatever follows
// a real 1.0 host's shorter table in memory would be: a plugin that reads past struct_size calls
// one and is reported.
#pragma once

#include <dm/dm.h>

#include <atomic>
#include <string>

namespace dm_check {

inline constexpr const char* kOrganisation = "org-1";
inline constexpr const char* kUser = "user-1";
inline constexpr const char* kOtherUser = "user-2";
inline constexpr const char* kCase = "case-1";
inline constexpr const char* kOtherCase = "case-2";
inline constexpr const char* kSecretCase = "case-secret";  // exists; kUser may not access it
inline constexpr const char* kAttachment = "att-1";

// The ABI minor version the fake host plays.
enum class HostAbi { v1_0, v1_1 };

class FakeHost {
  public:
    // Writes the attachment's file into `scratch_directory`; throws std::runtime_error on failure.
    explicit FakeHost(const std::string& scratch_directory, HostAbi abi = HostAbi::v1_1);
    FakeHost(const FakeHost&) = delete;
    FakeHost& operator=(const FakeHost&) = delete;

    const dm_host* host() const noexcept { return &host_; }
    HostAbi abi() const noexcept { return abi_; }
    const std::string& attachment_path() const noexcept { return attachment_path_; }

    // Streams the plugin opened and has not closed.
    long open_streams() const noexcept { return open_streams_.load(); }
    // Calls that broke a rule on the plugin's side (bad log level, NULL out pointer), with the
    // last.
    long misuses() const noexcept { return misuses_.load(); }

    // Calls of the dm.cases 1.1 functions, and journal entries added.
    long read_case_calls() const noexcept { return read_case_calls_.load(); }
    long journal_entries_added() const noexcept { return journal_entries_added_.load(); }

    void stream_opened() noexcept { ++open_streams_; }
    void read_case_called() noexcept { ++read_case_calls_; }
    void journal_entry_added() noexcept { ++journal_entries_added_; }
    void stream_closed() noexcept { --open_streams_; }
    void misuse(const char* what) noexcept;

  private:
    HostAbi abi_;
    dm_host host_;
    std::string attachment_path_;
    std::atomic<long> read_case_calls_{0};
    std::atomic<long> journal_entries_added_{0};
    std::atomic<long> open_streams_{0};
    std::atomic<long> misuses_{0};
};

// The host a service was called with, as the FakeHost behind it.
FakeHost& fake_host_of(const dm_host* host);

}  // namespace dm_check
