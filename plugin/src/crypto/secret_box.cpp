#include "crypto/secret_box.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "crypto/base64url.hpp"
#include "crypto/random_bytes.hpp"
#include "domain/error.hpp"

namespace es::crypto {

namespace {

constexpr std::size_t kKeySize = 32;
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;
constexpr std::string_view kVersion = "v1";

using Kind = domain::Error::Kind;

struct CipherContextFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

[[noreturn]] void bad_keys(const std::string& why) {
    throw domain::Error(Kind::InvalidInput, "sealing keys: " + why);
}

[[noreturn]] void cannot_open(const std::string& why) {
    throw domain::Error(Kind::Internal, "cannot open sealed value: " + why);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

SecretBox SecretBox::from_key_lines(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> keys;
    int line_number = 0;
    while (!text.empty()) {
        const auto end = text.find_first_of("\n;");
        const std::string_view line = trim(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ++line_number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto colon = line.find(':');
        const std::string where = "line " + std::to_string(line_number);
        if (colon == std::string_view::npos || colon == 0) {
            bad_keys(where + ": expected \"key-id:base64(32 bytes)\"");
        }
        const std::string id(trim(line.substr(0, colon)));
        for (char c : id) {
            if (c == '.' || c == ' ') {
                bad_keys(where + ": a key id must not contain '.' or spaces");
            }
        }
        auto key = base64_decode(trim(line.substr(colon + 1)));
        if (!key || key->size() != kKeySize) {
            bad_keys(where + ": key '" + id + "' is not base64 of exactly 32 bytes");
        }
        for (const auto& k : keys) {
            if (k.first == id) {
                bad_keys(where + ": duplicate key id '" + id + "'");
            }
        }
        keys.emplace_back(id, std::move(*key));
    }
    if (keys.empty()) {
        bad_keys("no key given");
    }
    return SecretBox(std::move(keys));
}

SecretBox SecretBox::from_settings(const config::CryptoSettings& settings) {
    if (!settings.key_env.empty()) {
        const char* value = std::getenv(settings.key_env.c_str());
        if (value == nullptr) {
            bad_keys("environment variable " + settings.key_env + " is not set");
        }
        return from_key_lines(value);
    }
    std::ifstream in(settings.key_file);
    if (!in) {
        bad_keys("cannot read key file " + settings.key_file);
    }
    std::stringstream content;
    content << in.rdbuf();
    return from_key_lines(content.str());
}

std::string SecretBox::seal(std::string_view plaintext, std::string_view associated_data) const {
    const auto& [key_id, key] = keys_.front();
    const std::string nonce = random_bytes(kNonceSize);
    std::string body(kNonceSize + plaintext.size() + kTagSize, '\0');
    std::memcpy(body.data(), nonce.data(), kNonceSize);
    auto* ct = reinterpret_cast<unsigned char*>(body.data() + kNonceSize);

    CipherContext ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    int total = 0;
    const bool ok =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associated_data),
                          static_cast<int>(associated_data.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), ct, &len, bytes(plaintext),
                          static_cast<int>(plaintext.size())) == 1 &&
        (total = len, EVP_EncryptFinal_ex(ctx.get(), ct + total, &len) == 1) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, ct + plaintext.size()) == 1;
    if (!ok) {
        throw domain::Error(Kind::Internal, "AES-256-GCM sealing failed");
    }
    std::string out(kVersion);
    out += '.';
    out += key_id;
    out += '.';
    out += base64url_encode(body);
    return out;
}

std::string SecretBox::open(std::string_view sealed, std::string_view associated_data) const {
    const auto first = sealed.find('.');
    const auto second = first == std::string_view::npos ? first : sealed.find('.', first + 1);
    if (second == std::string_view::npos || sealed.substr(0, first) != kVersion) {
        cannot_open("not a v1 sealed value");
    }
    const std::string_view key_id = sealed.substr(first + 1, second - first - 1);
    const std::string* key = nullptr;
    for (const auto& k : keys_) {
        if (k.first == key_id) {
            key = &k.second;
        }
    }
    if (key == nullptr) {
        cannot_open("unknown key id '" + std::string(key_id) + "'");
    }
    auto body = base64url_decode(sealed.substr(second + 1));
    if (!body || body->size() < kNonceSize + kTagSize) {
        cannot_open("malformed body");
    }
    const std::size_t ct_size = body->size() - kNonceSize - kTagSize;
    const auto* nonce = bytes(*body);
    const auto* ct = nonce + kNonceSize;
    std::string tag = body->substr(kNonceSize + ct_size);
    std::string plain(ct_size, '\0');
    auto* out = reinterpret_cast<unsigned char*>(plain.data());

    CipherContext ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(*key), nonce) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associated_data),
                          static_cast<int>(associated_data.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), out, &len, ct, static_cast<int>(ct_size)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), out + len, &len) == 1;
    if (!ok) {
        // Wipe what was decrypted before the tag check failed; it must not escape.
        OPENSSL_cleanse(plain.data(), plain.size());
        cannot_open("authentication failed (tampered, wrong key or wrong purpose)");
    }
    return plain;
}

bool ensure_dev_key_file(const std::string& path) {
    const std::string line =
        "# Development sealing key, generated on first start. Not for production.\n"
        "dev-" +
        std::to_string(::time(nullptr)) + ":" + base64_encode(random_bytes(kKeySize)) + "\n";
    const std::filesystem::path p(path);
    if (p.has_parent_path()) {
        std::filesystem::create_directories(p.parent_path());
    }
    // O_EXCL: two processes starting at once must not overwrite each other's fresh key.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            return false;
        }
        throw domain::Error(Kind::Internal,
                            "cannot create key file " + path + ": " + std::strerror(errno));
    }
    const ssize_t written = ::write(fd, line.data(), line.size());
    ::close(fd);
    if (written != static_cast<ssize_t>(line.size())) {
        throw domain::Error(Kind::Internal, "cannot write key file " + path);
    }
    return true;
}

}  // namespace es::crypto
