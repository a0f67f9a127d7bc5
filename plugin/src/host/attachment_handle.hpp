// Inside the adapter only: what an AttachmentStream holds, the SDK's RAII stream.
#pragma once

#include <dm/cpp/host_services.hpp>

#include "host/attachment_stream.hpp"

namespace es::host {

struct AttachmentStream::Handle {
    dm::AttachmentStream stream;
};

}  // namespace es::host
