#include "demo/demo_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <sstream>
#include <stdexcept>
#include <vector>

#include <Poco/Checksum.h>
#include <Poco/Crypto/DigestEngine.h>
#include <Poco/DeflatingStream.h>

namespace host {

namespace {

std::string be32(std::uint32_t v) {
    std::string s(4, '\0');
    s[0] = static_cast<char>(v >> 24);
    s[1] = static_cast<char>(v >> 16);
    s[2] = static_cast<char>(v >> 8);
    s[3] = static_cast<char>(v);
    return s;
}

std::string png_chunk(const std::string& type, const std::string& data) {
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(type);
    crc.update(data);
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc.checksum());
}

std::string pdf_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '(' || c == ')' || c == '\\')
            out += '\\';
        // Helvetica's standard encoding lacks UTF-8; keep the demo letter ASCII.
        out += (static_cast<unsigned char>(c) < 0x80) ? c : '?';
    }
    return out;
}

}  // namespace

std::string DemoFiles::pdf(const std::string& title, const std::string& line) {
    std::string content = "BT /F1 20 Tf 72 760 Td (" + pdf_escape(title) +
                          ") Tj ET\nBT /F1 12 Tf 72 730 Td (" + pdf_escape(line) + ") Tj ET\n";
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
        "/Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (auto off : offsets) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
        out += buf;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

std::string DemoFiles::png(int width, int height, std::uint32_t seed) {
    std::string raw;
    for (int y = 0; y < height; ++y) {
        raw += '\0';  // filter: none
        for (int x = 0; x < width; ++x) {
            raw += static_cast<char>((x * 255 / width + seed * 40) & 0xff);
            raw += static_cast<char>((y * 255 / height + seed * 90) & 0xff);
            raw += static_cast<char>(((x + y) * 3 + seed * 17) & 0xff);
        }
    }
    std::ostringstream compressed;
    {
        Poco::DeflatingOutputStream deflate(compressed, Poco::DeflatingStreamBuf::STREAM_ZLIB);
        deflate << raw;
        deflate.close();
    }
    std::string ihdr = be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5);
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) +
           png_chunk("IDAT", compressed.str()) + png_chunk("IEND", "");
}

std::string DemoFiles::csv(std::uint32_t seed) {
    std::string out = "Datum;Position;Betrag CHF\n";
    for (int i = 1; i <= 12; ++i) {
        out += "2024-" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "-15;Position " +
               std::to_string(i) + ";" + std::to_string((seed * 37 + i * 113) % 2000) + ".50\n";
    }
    return out;
}

std::string DemoFiles::text(const std::string& title, const std::string& body) {
    return title + "\n" + std::string(title.size(), '=') + "\n\n" + body + "\n";
}

std::string DemoFiles::write_large(const std::string& path, std::uint64_t bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot create " + path);
    constexpr std::size_t kChunk = 8 << 20;
    std::vector<unsigned char> chunk(kChunk);
    for (std::size_t i = 0; i < kChunk; ++i)
        chunk[i] = static_cast<unsigned char>((i * 31 + i / 4096) & 0xff);
    Poco::Crypto::DigestEngine sha("SHA256");
    std::uint64_t written = 0;
    std::uint64_t index = 0;
    while (written < bytes) {
        // The chunk number makes every chunk distinct, so a mix-up of offsets changes the digest.
        for (int b = 0; b < 8; ++b)
            chunk[b] = static_cast<unsigned char>(index >> (8 * b));
        std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, bytes - written));
        std::size_t done = 0;
        while (done < n) {
            ssize_t w = ::write(fd, chunk.data() + done, n - done);
            if (w < 0) {
                ::close(fd);
                throw std::runtime_error("cannot write " + path);
            }
            done += static_cast<std::size_t>(w);
        }
        sha.update(chunk.data(), static_cast<unsigned>(n));
        written += n;
        ++index;
    }
    ::close(fd);
    return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace host
