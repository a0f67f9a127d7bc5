#include "records.hpp"

#include <unistd.h>

#include <cerrno>

namespace dm_check {

std::string encode_record(const Record& record) {
    std::string line = record.kind;
    for (const auto& field : record.fields) {
        line += '\t';
        for (char c : field) {
            switch (c) {
                case '\t':
                    line += "\\t";
                    break;
                case '\n':
                    line += "\\n";
                    break;
                case '\\':
                    line += "\\\\";
                    break;
                default:
                    line += c;
            }
        }
    }
    return line + '\n';
}

Record decode_record(const std::string& line) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\t') {
            parts.emplace_back();
        } else if (c == '\\' && i + 1 < line.size()) {
            char e = line[++i];
            parts.back() += e == 't' ? '\t' : e == 'n' ? '\n' : e;
        } else {
            parts.back() += c;
        }
    }
    Record record;
    record.kind = parts.front();
    record.fields.assign(parts.begin() + 1, parts.end());
    return record;
}

void RecordWriter::begin_step(int index, const std::string& name) {
    step_ = index;
    send(Record{"step", {std::to_string(index), name}});
}

void RecordWriter::info(const std::string& key, const std::string& value) {
    send(Record{"info", {key, value}});
}

void RecordWriter::pass(const std::string& rule, const std::string& detail) {
    send(Record{"pass", {rule, detail}});
}

void RecordWriter::fail(const std::string& rule, const std::string& detail) {
    send(Record{"fail", {rule, detail}});
}

void RecordWriter::done() {
    step_ = report_from_;  // always delivered
    send(Record{"done", {}});
}

void RecordWriter::send(const Record& record) {
    if (quiet() && record.kind != "step") {
        return;
    }
    std::string line = encode_record(record);
    const char* p = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;  // the parent is gone; nothing left to report to
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

}  // namespace dm_check
