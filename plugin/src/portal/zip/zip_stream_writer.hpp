// A zip archive written front to back as its content arrives, so the first byte leaves at once
// whatever the total size.
//
// Entries are stored (no compression: attachments are mostly compressed formats already, and
// deflate would cost more CPU than the network saves) with a data descriptor (flag bit 3), since
// the CRC-32 is known only after the data went out. Names are UTF-8 (flag bit 11). Zip64 extra
// fields are used per entry when its size or offset does not fit 32 bits, and the zip64 end records
// when the archive has more than 65535 entries or its directory lies beyond 4 GiB.
//
// The writer keeps one small record per entry for the central directory and nothing else.
// Not thread-safe; one writer per response.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "portal/zip/byte_sink.hpp"

namespace es::portal::zip {

class ZipStreamWriter {
  public:
    explicit ZipStreamWriter(ByteSink& out) : out_(out) {}

    // Starts an entry of exactly `size` bytes. `name` must already be unique and safe;
    // `unix_time` is the modification time (seconds since 1970, UTC).
    void begin_entry(const std::string& name, std::uint64_t size, std::int64_t unix_time);
    // Entry data, in order; the CRC-32 is computed on the way.
    void write(const char* data, std::size_t size);
    // Counts `size` data bytes without writing them: for a dry run that predicts the length.
    void skip(std::uint64_t size);
    // Writes the data descriptor. Throws std::runtime_error when fewer or more bytes than announced
    // were written (the file changed underneath): the archive would be corrupt.
    void end_entry();
    // Writes the central directory and the end records.
    void finish();

    std::uint64_t bytes_written() const { return offset_; }

    // The exact archive length for the given entries (name, size), by a dry run.
    struct Planned {
        std::string name;
        std::uint64_t size = 0;
    };
    static std::uint64_t predicted_size(const std::vector<Planned>& entries);

  private:
    struct Entry {
        std::string name;
        std::uint64_t size = 0;
        std::uint64_t offset = 0;
        std::uint32_t crc = 0;
        std::uint16_t dos_time = 0;
        std::uint16_t dos_date = 0;
        bool zip64 = false;
    };

    void emit(const std::string& bytes);

    ByteSink& out_;
    std::vector<Entry> entries_;
    std::uint64_t offset_ = 0;
    std::uint64_t written_in_entry_ = 0;
    std::uint32_t crc_state_ = 0;
    bool in_entry_ = false;
};

}  // namespace es::portal::zip
