#include "portal/routes/zip_route.hpp"

#include "portal/download_slots.hpp"
#include "portal/http/content_disposition.hpp"
#include "portal/http/download_headers.hpp"
#include "portal/http/responder.hpp"
#include "portal/http/safe_filename.hpp"
#include "portal/http/socket_body.hpp"
#include "portal/pages/case_document.hpp"
#include "portal/pages/texts.hpp"
#include "portal/routes/owner_alert_triggers.hpp"
#include "portal/routes/route_support.hpp"
#include "portal/zip/unique_names.hpp"
#include "portal/zip/zip_stream_writer.hpp"

namespace es::portal::routes {
namespace {

using Poco::Net::HTTPResponse;

struct PlannedEntry {
    std::string name;
    const VisibleAttachment* attachment = nullptr;  // null: the summary document
    std::uint64_t size = 0;
};

}  // namespace

void ZipRoute::handle(Exchange& ex, const ShareAccess& access) {
    if (!access.authenticated()) {
        http::send_see_other(ex, access.base_path);
        return;
    }
    const auto& selection = access.selection;
    const CaseView view =
        ctx_.case_views.load(access.share, selection, ex.language, CaseViewLoader::Parts{});
    if (!access.preview && access.share.downloads_exhausted()) {
        ctx_.access.record(access, ex, "download_all", "limit_reached");
        send_message(ctx_, ex, access, HTTPResponse::HTTP_FORBIDDEN,
                     pages::texts(ex.language).limit_reached);
        return;
    }
    auto frame = frame_for(ctx_, ex, access, false);
    const std::string document = pages::case_document(frame, view);
    const bool german = ex.language == Language::De;
    const std::string base = http::safe_filename(
        view.case_number.empty() ? (german ? "Freigabe" : "share")
                                 : (german ? "Fall " : "case ") + view.case_number);

    zip::UniqueNames names;
    std::vector<PlannedEntry> entries;
    entries.push_back({names.claim(base + (german ? " – Übersicht.html" : " – summary.html")),
                       nullptr, document.size()});
    for (const auto& a : view.attachments) {
        entries.push_back({names.claim(http::safe_filename(a.name)), &a, a.size});
    }
    std::vector<zip::ZipStreamWriter::Planned> plan;
    for (const auto& e : entries) {
        plan.push_back({e.name, e.size});
    }
    ex.response.setStatusAndReason(HTTPResponse::HTTP_OK);
    ex.response.setContentType("application/zip");
    ex.response.set("Content-Disposition", http::attachment_disposition(base + ".zip"));
    ex.response.setContentLength64(
        static_cast<Poco::Int64>(zip::ZipStreamWriter::predicted_size(plan)));
    if (ex.is_head()) {
        http::send_head(ex);
        return;
    }

    const bool counted = !access.preview;
    const bool limited = counted && access.share.download_limit.has_value();
    StoreDownloadSlots slots(ctx_.ports.store.shares());
    if (limited && !slots.reserve(access.share.id)) {
        ex.response.erase("Content-Disposition");
        ctx_.access.record(access, ex, "download_all", "limit_reached");
        send_message(ctx_, ex, access, HTTPResponse::HTTP_FORBIDDEN,
                     pages::texts(ex.language).limit_reached);
        return;
    }
    try {
        // Before the first byte, as for single files (portal.access_log_failure).
        ctx_.access.record(access, ex, "download_all", "ok");
    } catch (...) {
        if (limited) {
            slots.release(access.share.id);
        }
        throw;
    }
    report_opened(ctx_, ex, access, OwnerAlerts::Access::Download);
    const dm::Context host_ctx{access.share.organisation_id, "", "en"};
    try {
        http::send_head(ex);
        http::SocketBody body(ex.socket, false,
                              [this, &access] { return ctx_.gate.still_allowed(access); });
        zip::ZipStreamWriter writer(body);
        const auto now = domain::to_epoch_ms(domain::now_utc()) / 1000;
        for (const auto& e : entries) {
            if (e.attachment == nullptr) {
                writer.begin_entry(e.name, e.size, now);
                writer.write(document.data(), document.size());
                writer.end_entry();
                continue;
            }
            auto stream =
                ctx_.ports.host.open_attachment(host_ctx, access.share.case_id, e.attachment->id);
            if (static_cast<std::uint64_t>(stream.size()) != e.size) {
                throw http::TransferAborted("attachment changed size");
            }
            writer.begin_entry(e.name, e.size, http::unix_time(e.attachment->modified));
            body.read_attachment(stream, 0, e.size,
                                 [&writer](const char* d, std::size_t n) { writer.write(d, n); });
            writer.end_entry();
        }
        writer.finish();
        body.flush();
    } catch (const std::exception& e) {
        ex.must_close = true;
        if (limited) {
            slots.release(access.share.id);
        }
        ctx_.access.record(access, ex, "download_all", "aborted");
        return;
    }
    if (counted && !limited) {
        slots.reserve(access.share.id);
    }
}

}  // namespace es::portal::routes
