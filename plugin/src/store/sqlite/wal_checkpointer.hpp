// Copies the WAL back into the database files on a thread of its own, so that no request waits
// for it.
//
// SQLite's automatic checkpoint runs inside the COMMIT that crosses 1000 WAL pages, in the
// committing thread, and with synchronous=NORMAL it is the one step that calls fdatasync (twice).
// On the portal that thread holds the store's writer gate (see sqlite_connection.hpp), so every
// request's access-log write queued behind the fsyncs: measured on the bench, a 7 ms page p99
// at a 0.4 ms median. Here the store's connections only report their WAL's size after each commit
// (watch()); past kCheckpointPages the checkpointer thread runs a PASSIVE checkpoint on a
// connection of its own, which neither waits for nor blocks readers and writers.
//
// A PASSIVE checkpoint may leave frames behind while a reader still needs them; the WAL restarts
// once a checkpoint has copied everything. Should the checkpointer fall far behind anyway (a
// reader pinning an old snapshot, a slow disk), the committing connection checkpoints itself past
// kInlinePages, as SQLite would have, so the WAL cannot grow without bound.
//
// Thread safety: watch() and the hook may be called from any thread.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

struct sqlite3;

namespace es::store::sqlite {

class WalCheckpointer {
  public:
    static constexpr int kCheckpointPages = 1000;  // SQLite's own default threshold
    static constexpr int kInlinePages = 16000;     // 64 MiB of 4 KiB pages

    // `database_path` is the main database; the access log beside it is attached as
    // "access_log" (sqlite_schema.hpp). Throws Error(Unavailable) when it cannot be opened.
    explicit WalCheckpointer(const std::string& database_path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Replaces `db`'s automatic checkpoint with a report to this checkpointer. The checkpointer
    // must outlive `db` (connections hold it by shared_ptr).
    void watch(sqlite3* db);

    // Checkpoints run so far (for tests).
    long checkpoints() const;

  private:
    static int on_commit(void* self, sqlite3* db, const char* schema, int pages);
    void run();

    sqlite3* db_ = nullptr;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::set<std::string> due_;  // schema names ("main", "access_log") waiting for a checkpoint
    bool stopping_ = false;
    long checkpoints_ = 0;
    std::thread thread_;
};

}  // namespace es::store::sqlite
