#include "crypto/random_bytes.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstring>

#include "domain/error.hpp"

namespace es::crypto {

void fill_random(unsigned char* out, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = getrandom(out + done, size - done, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw domain::Error(domain::Error::Kind::Internal,
                                std::string("getrandom failed: ") + std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
}

std::string random_bytes(std::size_t size) {
    std::string out(size, '\0');
    fill_random(reinterpret_cast<unsigned char*>(out.data()), size);
    return out;
}

}  // namespace es::crypto
