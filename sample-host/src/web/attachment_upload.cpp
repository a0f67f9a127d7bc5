#include "web/attachment_upload.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>

#include "auth/tokens.hpp"
#include "json/case_json.hpp"
#include "log/host_log.hpp"
#include "net/streamed_body.hpp"
#include "web/api_error.hpp"
#include "web/path_id.hpp"
#include "web/upload_media_type.hpp"
#include "web/upload_name.hpp"

namespace host {

namespace {

namespace fs = std::filesystem;

// What a multipart body carries besides the file: boundaries, part headers, a long UTF-8 name.
// A Content-Length beyond limit + this is refused before a byte is read.
constexpr std::int64_t kMultipartOverhead = 64 * 1024;

std::string random_hex(std::size_t bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : Tokens::random_bytes(bytes)) {
        out += kDigits[c >> 4];
        out += kDigits[c & 0x0f];
    }
    return out;
}

ApiError too_large(std::int64_t limit) {
    return ApiError(413, "file_too_large",
                    "The file is larger than the " + std::to_string(limit) +
                        " bytes an upload may have (attachments.max_upload_bytes).",
                    "file");
}

// A file being written; removed when destroyed unless it was moved into place.
class PartialFile {
  public:
    explicit PartialFile(const fs::path& directory)
        : path_(directory / ("upload-" + random_hex(16) + ".part")) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd_ < 0) {
            throw std::runtime_error("cannot create " + path_.string() + ": " +
                                     std::strerror(errno));
        }
    }
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;
    ~PartialFile() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        if (!placed_) {
            std::error_code ec;
            fs::remove(path_, ec);
        }
    }

    void write(const char* data, std::size_t size) {
        while (size > 0) {
            const ssize_t n = ::write(fd_, data, size);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                throw std::runtime_error("cannot write " + path_.string() + ": " +
                                         std::strerror(errno));
            }
            data += n;
            size -= static_cast<std::size_t>(n);
        }
    }

    // On disk before it gets its name, so a crash never leaves a recorded file half written.
    void place_as(const fs::path& target) {
        if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
            fd_ = -1;
            throw std::runtime_error("cannot write " + path_.string() + ": " +
                                     std::strerror(errno));
        }
        fd_ = -1;
        fs::rename(path_, target);
        placed_ = true;
    }

  private:
    fs::path path_;
    int fd_ = -1;
    bool placed_ = false;
};

// The one file part of the form: copied to the partial file as it arrives, with its size and
// checksum taken on the way.
class FilePart : public Poco::Net::PartHandler {
  public:
    FilePart(PartialFile& file, std::int64_t limit) : file_(file), limit_(limit) {}

    void handlePart(const Poco::Net::MessageHeader& header, std::istream& in) override {
        if (++parts_ > 1) {
            throw ApiError::bad_request("Send exactly one file.", "file");
        }
        std::string disposition;
        Poco::Net::NameValueCollection params;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""),
                                                  disposition, params);
        sent_name_ = params.get("filename", "");
        sent_type_ = header.get("Content-Type", "");
        static thread_local char buffer[64 * 1024];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            const auto n = static_cast<std::size_t>(in.gcount());
            size_ += static_cast<std::int64_t>(n);
            if (size_ > limit_) {
                throw too_large(limit_);
            }
            digest_.update(buffer, static_cast<unsigned>(n));
            file_.write(buffer, n);
        }
    }

    int parts() const { return parts_; }
    const std::string& sent_name() const { return sent_name_; }
    const std::string& sent_type() const { return sent_type_; }
    std::int64_t size() const { return size_; }
    std::string sha256() { return Poco::DigestEngine::digestToHex(digest_.digest()); }

  private:
    PartialFile& file_;
    std::int64_t limit_;
    int parts_ = 0;
    std::string sent_name_;
    std::string sent_type_;
    std::int64_t size_ = 0;
    Poco::Crypto::DigestEngine digest_{"SHA256"};
};

// Whether the client sent the whole body: a streamed one ends early when the client went away
// or stalled; one the front door read whole is always complete.
bool body_complete(std::istream& body) {
    const auto* streamed = dynamic_cast<const es::net::StreamedBody*>(&body);
    return streamed == nullptr || streamed->complete();
}

ApiError cut_off() {
    return ApiError(400, "upload_incomplete", "The upload ended before the whole file arrived.",
                    "file");
}

void upload(DossierManager& dm, Exchange& ex) {
    const std::int64_t org = ex.user->organisation_id;
    const std::int64_t case_id = path_id(ex, "id");
    const auto kase = dm.cases.find(org, case_id);
    if (!kase) {
        throw ApiError::not_found();
    }
    // A closed case is a finished record: what it holds stays as it was closed.
    if (kase->status == "closed") {
        throw ApiError(409, "case_closed", "The case is closed; no files can be added to it.");
    }
    auto& request = ex.request();
    if (request.getContentType().rfind("multipart/form-data", 0) != 0) {
        throw ApiError(415, "unsupported_media_type",
                       "The request body must be multipart/form-data.");
    }
    const std::int64_t limit = dm.config.attachments.max_upload_bytes;
    if (request.getContentLength64() > limit + kMultipartOverhead) {
        throw too_large(limit);
    }

    const std::string directory =
        "attachments/" + std::to_string(org) + "/" + std::to_string(case_id);
    const fs::path root(dm.config.data_directory);
    fs::create_directories(root / directory);
    PartialFile file(root / directory);
    FilePart part(file, limit);
    Poco::Net::HTMLForm form;
    form.setFieldLimit(20);
    form.setValueLengthLimit(4096);
    std::istream& body = request.stream();
    try {
        form.load(request, body, part);
    } catch (const ApiError&) {
        throw;
    } catch (const Poco::Exception&) {
        if (!body_complete(body)) {
            throw cut_off();
        }
        throw ApiError(400, "malformed_multipart",
                       "The request body is not valid multipart/form-data.");
    }
    if (!body_complete(body)) {
        throw cut_off();
    }
    if (part.parts() == 0) {
        throw ApiError::bad_request("Choose a file to upload.", "file");
    }
    const auto name = upload_display_name(part.sent_name());
    if (!name) {
        throw ApiError::bad_request(
            "The file needs a name of 1 to " + std::to_string(kMaxUploadNameChars) + " characters.",
            "file");
    }

    Attachment a;
    a.name = *name;
    a.media_type = upload_media_type(*name, part.sent_type());
    a.size = part.size();
    a.sha256 = part.sha256();
    a.storage_path = directory + "/" + random_hex(16) + ".bin";
    const fs::path target = root / a.storage_path;
    file.place_as(target);
    std::optional<Attachment> added;
    try {
        added = dm.cases.add_attachment(org, case_id, a);
    } catch (...) {
        std::error_code ec;
        fs::remove(target, ec);
        throw;
    }
    if (!added) {
        std::error_code ec;
        fs::remove(target, ec);
        throw ApiError::not_found();  // the case went away meanwhile
    }
    HostLog::info("user " + ex.user->login + " added attachment " + std::to_string(added->id) +
                  " (" + std::to_string(added->size) + " bytes) to case " +
                  std::to_string(case_id));
    auto json = CaseJson::attachments({*added})->getObject(0);
    ex.send_json(201, json);
}

}  // namespace

void AttachmentUpload::install(Router& router, DossierManager& dm) {
    router.add_streaming("POST", "/api/cases/{id}/attachments", Access::user,
                         [&dm](Exchange& ex) { upload(dm, ex); });
}

}  // namespace host
