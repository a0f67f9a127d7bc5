#include "host/attachment_stream.hpp"

#include "host/attachment_handle.hpp"

namespace es::host {

AttachmentStream::AttachmentStream() = default;
AttachmentStream::AttachmentStream(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
AttachmentStream::AttachmentStream(AttachmentStream&&) noexcept = default;
AttachmentStream& AttachmentStream::operator=(AttachmentStream&&) noexcept = default;
AttachmentStream::~AttachmentStream() = default;

std::int64_t AttachmentStream::size() const {
    return handle_->stream.size();
}

std::int64_t AttachmentStream::read(std::uint64_t offset, void* buffer,
                                    std::uint64_t capacity) const {
    return handle_->stream.read(offset, buffer, capacity);
}

int AttachmentStream::fd() const {
    return handle_->stream.fd();
}

}  // namespace es::host
