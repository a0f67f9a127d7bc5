// Contents of demo attachments: small but real files of the kinds a dossier holds (a PDF letter, a
// PNG photo, a CSV sheet, a text note), and one very large file to exercise streaming.
#pragma once

#include <cstdint>
#include <string>

namespace host {

class DemoFiles {
  public:
    static std::string pdf(const std::string& title, const std::string& line);
    static std::string png(int width, int height, std::uint32_t seed);
    static std::string csv(std::uint32_t seed);
    static std::string text(const std::string& title, const std::string& body);

    // Writes `bytes` of a deterministic pattern with large writes and returns its SHA-256 (hex).
    static std::string write_large(const std::string& path, std::uint64_t bytes);
};

}  // namespace host
