// The line protocol between the forked child that talks to the plugin and the parent that writes
// the report. The child streams what it learns as it goes, so that when the plugin kills it the
// parent still has everything up to the crash and knows which step was running.
#pragma once

#include <string>
#include <vector>

namespace dm_check {

// One record: a kind ("step", "info", "pass", "fail", "done") and its fields.
struct Record {
    std::string kind;
    std::vector<std::string> fields;
};

// Encodes a record as one line: fields separated by tabs, with \t, \n and \\ escaped.
std::string encode_record(const Record& record);
// Decodes one line (without its newline).
Record decode_record(const std::string& line);

// Child side: writes records to a pipe. Steps below `report_from` run quietly (already reported by
// an earlier child), so a restarted child does not report anything twice.
class RecordWriter {
  public:
    RecordWriter(int fd, int report_from) : fd_(fd), report_from_(report_from) {}

    void begin_step(int index, const std::string& name);
    void info(const std::string& key, const std::string& value);
    void pass(const std::string& rule, const std::string& detail);
    void fail(const std::string& rule, const std::string& detail);
    void done();

  private:
    bool quiet() const noexcept { return step_ < report_from_; }
    void send(const Record& record);

    int fd_;
    int report_from_;
    int step_ = 0;
};

}  // namespace dm_check
