#include "portal/zip/zip_stream_writer.hpp"

#include <zlib.h>

#include <ctime>
#include <limits>
#include <stdexcept>

namespace es::portal::zip {
namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kDataDescriptor = 0x08074b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kZip64End = 0x06064b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kEnd = 0x06054b50;
constexpr std::uint16_t kFlags = (1u << 3) | (1u << 11);  // data descriptor, UTF-8 names
constexpr std::uint16_t kVersion20 = 20;
constexpr std::uint16_t kVersion45 = 45;  // zip64
constexpr std::uint16_t kMadeByUnix = (3u << 8) | 45;
constexpr std::uint32_t k32 = 0xFFFFFFFFu;
constexpr std::uint16_t k16 = 0xFFFFu;

void u16(std::string& s, std::uint64_t v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
void u32(std::string& s, std::uint64_t v) {
    u16(s, v & 0xFFFF);
    u16(s, (v >> 16) & 0xFFFF);
}
void u64(std::string& s, std::uint64_t v) {
    u32(s, v & 0xFFFFFFFFu);
    u32(s, v >> 32);
}

class CountingSink : public ByteSink {
  public:
    void write(const char*, std::size_t) override {}
};

}  // namespace

void ZipStreamWriter::emit(const std::string& bytes) {
    out_.write(bytes.data(), bytes.size());
    offset_ += bytes.size();
}

void ZipStreamWriter::begin_entry(const std::string& name, std::uint64_t size,
                                  std::int64_t unix_time) {
    if (in_entry_) {
        throw std::logic_error("zip entry not ended");
    }
    if (name.size() > 0xFFFF) {
        throw std::invalid_argument("zip entry name too long");
    }
    Entry e;
    e.name = name;
    e.size = size;
    e.offset = offset_;
    // Sizes are written as 0xFFFFFFFF with a zip64 extra field from 4 GiB - 1 on, as 7-Zip and
    // Info-ZIP expect.
    e.zip64 = size >= k32;
    std::time_t t = static_cast<std::time_t>(unix_time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    if (tm.tm_year < 80) {  // DOS time starts in 1980
        tm = std::tm{};
        tm.tm_year = 80;
        tm.tm_mday = 1;
    }
    e.dos_time =
        static_cast<std::uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    e.dos_date =
        static_cast<std::uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);

    std::string h;
    u32(h, kLocalHeader);
    u16(h, e.zip64 ? kVersion45 : kVersion20);
    u16(h, kFlags);
    u16(h, 0);  // stored
    u16(h, e.dos_time);
    u16(h, e.dos_date);
    u32(h, 0);  // CRC-32 follows in the data descriptor
    u32(h, e.zip64 ? k32 : 0);
    u32(h, e.zip64 ? k32 : 0);
    u16(h, name.size());
    u16(h, e.zip64 ? 20 : 0);
    h += name;
    if (e.zip64) {
        u16(h, 0x0001);
        u16(h, 16);
        u64(h, 0);  // sizes are in the data descriptor
        u64(h, 0);
    }
    entries_.push_back(std::move(e));
    emit(h);
    in_entry_ = true;
    written_in_entry_ = 0;
    crc_state_ = static_cast<std::uint32_t>(crc32(0L, Z_NULL, 0));
}

void ZipStreamWriter::write(const char* data, std::size_t size) {
    // zlib's crc32 takes a uInt length: feed it in pieces below 4 GiB.
    std::size_t done = 0;
    while (done < size) {
        const std::size_t n = std::min<std::size_t>(size - done, 1u << 30);
        crc_state_ = static_cast<std::uint32_t>(
            crc32(crc_state_, reinterpret_cast<const Bytef*>(data + done), static_cast<uInt>(n)));
        done += n;
    }
    out_.write(data, size);
    offset_ += size;
    written_in_entry_ += size;
}

void ZipStreamWriter::skip(std::uint64_t size) {
    offset_ += size;
    written_in_entry_ += size;
}

void ZipStreamWriter::end_entry() {
    Entry& e = entries_.back();
    if (written_in_entry_ != e.size) {
        throw std::runtime_error("zip entry size changed while streaming");
    }
    e.crc = crc_state_;
    std::string d;
    u32(d, kDataDescriptor);
    u32(d, e.crc);
    if (e.zip64) {
        u64(d, e.size);
        u64(d, e.size);
    } else {
        u32(d, e.size);
        u32(d, e.size);
    }
    emit(d);
    in_entry_ = false;
}

void ZipStreamWriter::finish() {
    if (in_entry_) {
        throw std::logic_error("zip entry not ended");
    }
    const std::uint64_t cd_start = offset_;
    for (const Entry& e : entries_) {
        const bool big_size = e.size >= k32;
        const bool big_offset = e.offset >= k32;
        std::string extra;
        if (big_size || big_offset) {
            std::string fields;
            if (big_size) {
                u64(fields, e.size);
                u64(fields, e.size);
            }
            if (big_offset) {
                u64(fields, e.offset);
            }
            u16(extra, 0x0001);
            u16(extra, fields.size());
            extra += fields;
        }
        std::string h;
        u32(h, kCentralHeader);
        u16(h, kMadeByUnix);
        u16(h, (e.zip64 || big_offset) ? kVersion45 : kVersion20);
        u16(h, kFlags);
        u16(h, 0);
        u16(h, e.dos_time);
        u16(h, e.dos_date);
        u32(h, e.crc);
        u32(h, big_size ? k32 : e.size);
        u32(h, big_size ? k32 : e.size);
        u16(h, e.name.size());
        u16(h, extra.size());
        u16(h, 0);                 // comment
        u16(h, 0);                 // disk
        u16(h, 0);                 // internal attributes
        u32(h, (0100644u) << 16);  // external: a regular file, rw-r--r--
        u32(h, big_offset ? k32 : e.offset);
        h += e.name;
        h += extra;
        emit(h);
    }
    const std::uint64_t cd_size = offset_ - cd_start;
    const std::uint64_t count = entries_.size();
    const bool zip64_end = count >= k16 || cd_start >= k32 || cd_size >= k32;
    std::string t;
    if (zip64_end) {
        const std::uint64_t zip64_end_offset = offset_;
        u32(t, kZip64End);
        u64(t, 44);  // size of the rest of this record
        u16(t, kMadeByUnix);
        u16(t, kVersion45);
        u32(t, 0);
        u32(t, 0);
        u64(t, count);
        u64(t, count);
        u64(t, cd_size);
        u64(t, cd_start);
        u32(t, kZip64Locator);
        u32(t, 0);
        u64(t, zip64_end_offset);
        u32(t, 1);
    }
    u32(t, kEnd);
    u16(t, 0);
    u16(t, 0);
    u16(t, zip64_end ? k16 : count);
    u16(t, zip64_end ? k16 : count);
    u32(t, zip64_end ? k32 : cd_size);
    u32(t, zip64_end ? k32 : cd_start);
    u16(t, 0);
    emit(t);
}

std::uint64_t ZipStreamWriter::predicted_size(const std::vector<Planned>& entries) {
    CountingSink sink;
    ZipStreamWriter dry(sink);
    for (const Planned& p : entries) {
        dry.begin_entry(p.name, p.size, 0);
        dry.skip(p.size);
        dry.end_entry();
    }
    dry.finish();
    return dry.bytes_written();
}

}  // namespace es::portal::zip
