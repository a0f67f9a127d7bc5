// An attachment the host opened for the portal to send: move-only, closed exactly once when the
// last owner lets go. Its calls are [same-thread] in the ABI: use one stream on one thread.
#pragma once

#include <cstdint>
#include <memory>

namespace es::host {

class AttachmentStream {
  public:
    struct Handle;  // the SDK's stream; known to the adapter only

    AttachmentStream();
    explicit AttachmentStream(std::unique_ptr<Handle> handle);
    AttachmentStream(AttachmentStream&&) noexcept;
    AttachmentStream& operator=(AttachmentStream&&) noexcept;
    ~AttachmentStream();

    explicit operator bool() const noexcept { return handle_ != nullptr; }
    // The size in bytes, fixed while the stream is open.
    std::int64_t size() const;
    // Bytes read at `offset`, 0 at the end, -1 on error (like pread); may be fewer than asked.
    std::int64_t read(std::uint64_t offset, void* buffer, std::uint64_t capacity) const;
    // A descriptor for pread/sendfile, owned by the stream (never close it); -1 when the host has
    // no plain file behind the attachment.
    int fd() const;

  private:
    std::unique_ptr<Handle> handle_;
};

}  // namespace es::host
