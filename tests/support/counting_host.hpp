// A host in front of another host: every service call of a plugin is counted, by function name,
// and passed on unchanged. It measures what a plugin costs its host (how many calls a share, a
// panel or a portal page makes) without changing the host behind it.
//
// It can also play a host of ABI 1.0 in front of a 1.1 host: then its dm_host says 1.0 and its
// dm.cases table has 1.0's struct_size, with read_case and add_journal_entry NULL, so the plugin
// must fall back to the 1.0 calls. The texts of journal entries added and the lines logged are
// kept for the test to read. Thread-safe, like the host behind it must be.
#pragma once

#include <dm/dm.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace es::test {

class CountingHost {
  public:
    enum class Abi { v1_0, v1_1 };

    // `inner` must outlive this object; it is asked for its services once, here.
    explicit CountingHost(const dm_host* inner, Abi abi = Abi::v1_1);
    CountingHost(const CountingHost&) = delete;
    CountingHost& operator=(const CountingHost&) = delete;

    const dm_host* host() const noexcept { return &host_; }

    // Calls of one function ("case_details", "read_case", "user", ...) since the last reset.
    int calls(const std::string& function) const;
    // Every call of dm.cases and dm.directory since the last reset, journal writes (which a
    // plugin makes on purpose, to record what it did) counted apart in journal_writes().
    int reads() const;
    int journal_writes() const { return calls("add_journal_entry"); }
    // "case_details=2 user=1", for failure messages.
    std::string summary() const;
    void reset();

    // The texts of the journal entries the host behind accepted, oldest first, and their flags.
    std::vector<std::string> journal_texts() const;
    std::vector<std::uint32_t> journal_flags() const;
    // Every line logged through dm.log/1 (also passed on).
    std::vector<std::string> log_lines() const;

    // The host behind answers no read of a case until `fail` is false again: case_details,
    // journal_entries, attachments, read_case and may_access answer DM_ERR_UNAVAILABLE.
    void fail_case_reads(bool fail);

  private:
    // The C functions of the tables handed out (counting_host.cpp).
    struct Services;

    static CountingHost& self(const dm_host* host);
    static const void* get_extension(const dm_host* host, const char* id);
    void count(const char* function);
    bool failing() const;

    const dm_host* inner_;
    dm_host_cases inner_cases_{};
    dm_host_directory inner_directory_{};
    dm_host_log inner_log_{};
    dm_host host_{};
    dm_host_cases cases_{};
    dm_host_directory directory_{};
    dm_host_log log_{};

    mutable std::mutex mutex_;
    std::map<std::string, int> calls_;
    std::vector<std::string> journal_texts_;
    std::vector<std::uint32_t> journal_flags_;
    std::vector<std::string> log_lines_;
    bool fail_case_reads_ = false;
};

}  // namespace es::test
