// Host services for the checker: dm.cases/1, dm.directory/1 and dm.log/1 over a few fake cases of
// organisation "org-1", one attachment backed by a real file (with a descriptor for sendfile), and
// a log that the report can show. Every service is [any-thread].
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

class FakeHost {
  public:
    // Writes the attachment's file into `scratch_directory`; throws std::runtime_error on failure.
    explicit FakeHost(const std::string& scratch_directory);
    FakeHost(const FakeHost&) = delete;
    FakeHost& operator=(const FakeHost&) = delete;

    const dm_host* host() const noexcept { return &host_; }
    const std::string& attachment_path() const noexcept { return attachment_path_; }

    // Streams the plugin opened and has not closed.
    long open_streams() const noexcept { return open_streams_.load(); }
    // Calls that broke a rule on the plugin's side (bad log level, NULL out pointer), with the
    // last.
    long misuses() const noexcept { return misuses_.load(); }

    void stream_opened() noexcept { ++open_streams_; }
    void stream_closed() noexcept { --open_streams_; }
    void misuse(const char* what) noexcept;

  private:
    dm_host host_;
    std::string attachment_path_;
    std::atomic<long> open_streams_{0};
    std::atomic<long> misuses_{0};
};

// The host a service was called with, as the FakeHost behind it.
FakeHost& fake_host_of(const dm_host* host);

}  // namespace dm_check
