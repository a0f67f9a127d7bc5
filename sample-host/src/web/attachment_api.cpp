#include "web/attachment_api.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>

#include "log/host_log.hpp"
#include "web/api_error.hpp"
#include "web/content_disposition.hpp"
#include "web/path_id.hpp"
#include "web/plugin_gateway.hpp"

namespace host {

namespace {

class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const { return fd_; }

  private:
    int fd_;
};

void download(DossierManager& dm, Exchange& ex) {
    auto a = dm.cases.attachment(ex.user->organisation_id, path_id(ex, "id"), path_id(ex, "aid"));
    if (!a)
        throw ApiError::not_found();
    auto path = std::filesystem::path(dm.config.data_directory) / a->storage_path;
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (file.get() < 0 || ::fstat(file.get(), &st) != 0) {
        throw ApiError(410, "gone", "The attachment's file is missing on the server.");
    }
    const auto slot = dm.downloads.try_take();
    if (!slot) {
        ex.response().set("Retry-After", "5");
        throw ApiError(503, "busy",
                       "Too many downloads are running. Please try again in a moment.");
    }
    auto& r = ex.response();
    r.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    r.setContentType(a->media_type.empty() ? "application/octet-stream" : a->media_type);
    r.setContentLength64(st.st_size);
    r.set("Content-Disposition", ContentDisposition::attachment(a->name));
    r.set("Cache-Control", "private, no-store");
    Exchange::security_headers(r);
    // The body goes past the response stream with sendfile; a client that went away only ends
    // its own connection.
    ex.send_file_body(file.get(), static_cast<std::uint64_t>(st.st_size));
}

void remove(DossierManager& dm, Exchange& ex) {
    auto case_id = path_id(ex, "id");
    auto removed =
        dm.cases.remove_attachment(ex.user->organisation_id, case_id, path_id(ex, "aid"));
    if (!removed)
        throw ApiError::not_found();
    std::error_code ec;
    std::filesystem::remove(std::filesystem::path(dm.config.data_directory) / removed->storage_path,
                            ec);
    HostLog::info("user " + ex.user->login + " deleted attachment " + std::to_string(removed->id));
    dm.plugins.notify(PluginGateway::context(ex), DM_EVENT_ATTACHMENT_DELETED,
                      std::to_string(case_id), std::to_string(removed->id));
    ex.send_no_content();
}

}  // namespace

void AttachmentApi::install(Router& router, DossierManager& dm) {
    router.add("GET", "/api/cases/{id}/attachments/{aid}/content", Access::user,
               [&dm](Exchange& ex) { download(dm, ex); });
    router.add("DELETE", "/api/cases/{id}/attachments/{aid}", Access::user,
               [&dm](Exchange& ex) { remove(dm, ex); });
}

}  // namespace host
