#include "notify/spool_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "notify/delivery_error.hpp"

namespace es::notify {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
    throw DeliveryError(what + " " + path + ": " + std::strerror(errno), false);
}

}  // namespace

void write_spool_file(const std::string& directory, const std::string& file_name,
                      std::string_view content) {
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec) {
        throw DeliveryError("cannot create " + directory + ": " + ec.message(), false);
    }
    const std::string final_path = directory + "/" + file_name;
    // The temporary name must not end in .eml/.json: readers pick files by extension and would
    // otherwise read a message half-written.
    const std::string temp_path =
        directory + "/.tmp-" + std::to_string(::getpid()) + "-" + file_name + ".part";
    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) {
        fail("cannot create", temp_path);
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            ::close(fd);
            ::unlink(temp_path.c_str());
            fail("cannot write", temp_path);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(temp_path.c_str());
        fail("cannot flush", temp_path);
    }
    if (::rename(temp_path.c_str(), final_path.c_str()) != 0) {
        ::unlink(temp_path.c_str());
        fail("cannot rename to", final_path);
    }
}

std::string spool_name(std::string_view message_id) {
    std::string out;
    for (char c : message_id) {
        if (c == '<' || c == '>') {
            continue;
        }
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '.' || c == '@' || c == '_' || c == '-';
        out += keep ? c : '_';
    }
    return out;
}

}  // namespace es::notify
