#include "portal/routes/file_route.hpp"

#include <algorithm>

#include "crypto/random_bytes.hpp"
#include "domain/error.hpp"
#include "portal/download_ledger.hpp"
#include "portal/http/byte_ranges.hpp"
#include "portal/http/content_disposition.hpp"
#include "portal/http/delivery_meter.hpp"
#include "portal/http/download_headers.hpp"
#include "portal/http/inline_view.hpp"
#include "portal/http/responder.hpp"
#include "portal/http/safe_filename.hpp"
#include "portal/http/served_media_type.hpp"
#include "portal/http/socket_body.hpp"
#include "portal/pages/texts.hpp"
#include "portal/routes/owner_alert_triggers.hpp"
#include "portal/routes/route_support.hpp"

namespace es::portal::routes {
namespace {

using Poco::Net::HTTPResponse;

std::string random_boundary() {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "es-";
    for (unsigned char b : crypto::random_bytes(12)) {
        out += kHex[b >> 4];
        out += kHex[b & 0x0F];
    }
    return out;
}

std::string content_range(const http::ByteRange& r, std::uint64_t size) {
    return "bytes " + std::to_string(r.first) + "-" + std::to_string(r.last) + "/" +
           std::to_string(size);
}

}  // namespace

void FileRoute::handle(Exchange& ex, const ShareAccess& access, const std::string& attachment_id,
                       Presentation how) {
    if (!access.authenticated()) {
        http::send_see_other(ex, access.base_path);
        return;
    }
    const auto& selection = access.selection;
    const CaseView view = ctx_.case_views.load_attachments(access.share, selection);
    const VisibleAttachment* att = view.attachment(attachment_id);
    if (att == nullptr) {
        send_dead_link(ex);  // hidden, unlisted, deleted and unknown ids look alike
        return;
    }
    host::AttachmentStream stream;
    try {
        stream = ctx_.ports.host.open_attachment(access.share.organisation_id, access.share.case_id,
                                                 att->id);
    } catch (const domain::Error&) {
        // The recipient may see this file (it is listed), so saying that it cannot be opened
        // tells nothing new, and the dead-link page would wrongly tell them the whole link is
        // gone. If it was deleted in the host meanwhile, the next page no longer lists it.
        ex.response.set("Retry-After", "60");
        send_message(ctx_, ex, access, HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                     pages::texts(ex.language).file_unavailable);
        return;
    }
    const auto size = static_cast<std::uint64_t>(stream.size());
    const std::string etag = http::entity_tag(att->sha256, att->id, size, att->modified);
    const auto last_modified = http::http_date(att->modified);
    const std::string media_type = http::served_media_type(att->name, att->media_type);
    const bool shown = how == Presentation::View && http::viewable_inline(media_type);
    const std::string action = shown ? "view" : "download";

    http::RangeRequest ranges;
    if (ex.request.has("Range") &&
        (!ex.request.has("If-Range") ||
         http::if_range_matches(ex.request.get("If-Range"), etag, last_modified))) {
        ranges = http::parse_range(ex.request.get("Range"), size, ctx_.settings.portal.max_ranges);
    }

    // The plain filename= names the file by its case and id when nothing readable is left of its
    // name in ASCII; only then is the case number read (it is shown only when details are shared).
    auto ascii_fallback = [&](const VisibleAttachment& a) {
        if (!http::needs_fallback_stem(http::safe_filename(a.name))) {
            return a.id;
        }
        const CaseView details = ctx_.case_views.load(access.share, selection, ex.language,
                                                      CaseViewLoader::Parts{true, false, false});
        return http::fallback_stem(details.case_number, a.id);
    };
    auto& rsp = ex.response;
    rsp.set("Accept-Ranges", "bytes");
    rsp.set("ETag", etag);
    if (last_modified) {
        rsp.set("Last-Modified", *last_modified);
    }
    if (shown) {
        rsp.set("Content-Disposition", http::inline_disposition(att->name, ascii_fallback(*att)));
        rsp.set("Content-Security-Policy", http::kInlineFilePolicy);
    } else {
        rsp.set("Content-Disposition",
                http::attachment_disposition(att->name, ascii_fallback(*att)));
    }

    if (ranges.outcome == http::RangeRequest::Outcome::Unsatisfiable) {
        rsp.set("Content-Range", "bytes */" + std::to_string(size));
        http::send_body(ex, HTTPResponse::HTTP_REQUESTED_RANGE_NOT_SATISFIABLE,
                        "text/plain; charset=utf-8", "");
        return;
    }

    // The parts to send: (head of the part, range); a single part has no part head.
    std::vector<std::pair<std::string, http::ByteRange>> parts;
    std::string closing;
    std::uint64_t length = 0;
    if (ranges.outcome == http::RangeRequest::Outcome::Full) {
        rsp.setStatusAndReason(HTTPResponse::HTTP_OK);
        rsp.setContentType(media_type);
        if (size > 0) {
            parts.push_back({"", {0, size - 1}});
        }
        length = size;
    } else if (ranges.ranges.size() == 1) {
        rsp.setStatusAndReason(HTTPResponse::HTTP_PARTIAL_CONTENT);
        rsp.setContentType(media_type);
        rsp.set("Content-Range", content_range(ranges.ranges.front(), size));
        parts.push_back({"", ranges.ranges.front()});
        length = ranges.ranges.front().length();
    } else {
        const std::string boundary = random_boundary();
        rsp.setStatusAndReason(HTTPResponse::HTTP_PARTIAL_CONTENT);
        rsp.setContentType("multipart/byteranges; boundary=" + boundary);
        for (const auto& r : ranges.ranges) {
            std::string head = "\r\n--" + boundary + "\r\nContent-Type: " + media_type +
                               "\r\nContent-Range: " + content_range(r, size) + "\r\n\r\n";
            length += head.size() + r.length();
            parts.push_back({std::move(head), r});
        }
        closing = "\r\n--" + boundary + "--\r\n";
        length += closing.size();
    }
    rsp.setContentLength64(static_cast<Poco::Int64>(length));

    if (ex.is_head()) {
        http::send_head(ex);  // HEAD never counts as a download
        return;
    }

    const auto slot = take_transfer_slot(ctx_, ex, access, action);
    if (!slot) {
        return;
    }
    // With a limit, every byte of the file this response carries is paid for before it goes out
    // (DownloadLedger): ranges cannot be used to take the file in pieces that never count.
    // Without one, a download that sent the file's last byte is counted for the panel.
    const bool completes = size == 0 || parts.back().second.last == size - 1;
    const bool limited = !access.preview && access.share.download_limit.has_value();
    std::uint64_t file_bytes = 0;
    for (const auto& part : parts) {
        file_bytes += part.second.length();
    }
    DownloadLedger ledger(ctx_.ports.store.shares());
    const std::string key = DownloadLedger::file_key(att->id);
    if (limited && !ledger.pay(access.share.id, key, etag, size, file_bytes)) {
        http::clear_content_headers(ex);
        ctx_.access.record(access, ex, action, "limit_reached", att->id);
        send_message(ctx_, ex, access, HTTPResponse::HTTP_FORBIDDEN,
                     pages::texts(ex.language).limit_reached);
        return;
    }
    try {
        // Logged before the first byte, so nothing leaves unlogged (portal.access_log_failure);
        // a transfer that then breaks off adds an "aborted" entry.
        ctx_.access.record(access, ex, action, completes ? "ok" : "partial", att->id);
    } catch (...) {
        if (limited) {
            ledger.refund(access.share.id, key, etag, size, file_bytes);
        }
        throw;
    }
    report_opened(ctx_, ex, access,
                  shown ? OwnerAlerts::Access::View : OwnerAlerts::Access::Download);
    http::DeliveryMeter meter(ex.socket);
    http::SocketBody body(ex.socket, !ex.tls,
                          [this, &access] { return ctx_.gate.still_allowed(access); });
    std::size_t head_size = 0;
    try {
        head_size = http::send_head(ex);
        for (const auto& [head, range] : parts) {
            body.write(head.data(), head.size());
            body.send_attachment(stream, range.first, range.length());
        }
        body.write(closing.data(), closing.size());
        body.flush();
    } catch (const std::exception&) {
        ex.must_close = true;  // the client got a cut body; the connection cannot be reused
        if (limited) {
            // Delivered: what the client's TCP acknowledged beyond the head (everything, when
            // that cannot be told). The rest is paid back, so the download can resume there.
            const std::uint64_t delivered = meter.cut_off_body(head_size, file_bytes);
            ledger.refund(access.share.id, key, etag, size, file_bytes - delivered);
        }
        ctx_.access.record(access, ex, action, "aborted", att->id);
        return;
    }
    if (completes && !access.preview && !limited) {
        ledger.count_completed(access.share.id);
    }
}

}  // namespace es::portal::routes
