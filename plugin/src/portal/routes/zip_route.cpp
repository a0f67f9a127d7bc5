#include "portal/routes/zip_route.hpp"

#include <algorithm>

#include "portal/download_ledger.hpp"
#include "portal/http/content_disposition.hpp"
#include "portal/http/delivery_meter.hpp"
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
    const bool german = ex.language == domain::Language::De;
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
    ex.response.set(
        "Content-Disposition",
        http::attachment_disposition(base + ".zip", http::fallback_stem(view.case_number, "zip")));
    ex.response.setContentLength64(
        static_cast<Poco::Int64>(zip::ZipStreamWriter::predicted_size(plan)));
    if (ex.is_head()) {
        http::send_head(ex);
        return;
    }

    const auto slot = take_transfer_slot(ctx_, ex, access, "download_all");
    if (!slot) {
        return;
    }
    // Paid like single files (DownloadLedger): the whole zip before its first byte; what the
    // client never received is paid back when the transfer breaks off.
    const bool limited = !access.preview && access.share.download_limit.has_value();
    const std::uint64_t zip_size = zip::ZipStreamWriter::predicted_size(plan);
    const std::string validator = std::to_string(zip_size);
    DownloadLedger ledger(ctx_.ports.store.shares());
    const std::string key = DownloadLedger::zip_key();
    if (limited && !ledger.pay(access.share.id, key, validator, zip_size, zip_size)) {
        http::clear_content_headers(ex);
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
            ledger.refund(access.share.id, key, validator, zip_size, zip_size);
        }
        throw;
    }
    report_opened(ctx_, ex, access, OwnerAlerts::Access::Download);
    http::DeliveryMeter meter(ex.socket);
    http::SocketBody body(ex.socket, false,
                          [this, &access] { return ctx_.gate.still_allowed(access); });
    std::size_t head_size = 0;
    try {
        head_size = http::send_head(ex);
        zip::ZipStreamWriter writer(body);
        const auto now = domain::to_epoch_ms(domain::now_utc()) / 1000;
        for (const auto& e : entries) {
            if (e.attachment == nullptr) {
                writer.begin_entry(e.name, e.size, now);
                writer.write(document.data(), document.size());
                writer.end_entry();
                continue;
            }
            auto stream = ctx_.ports.host.open_attachment(access.share.organisation_id,
                                                          access.share.case_id, e.attachment->id);
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
    } catch (const std::exception&) {
        ex.must_close = true;
        if (limited) {
            const std::uint64_t delivered = meter.cut_off_body(head_size, zip_size);
            ledger.refund(access.share.id, key, validator, zip_size, zip_size - delivered);
        }
        ctx_.access.record(access, ex, "download_all", "aborted");
        return;
    }
    if (!access.preview && !limited) {
        ledger.count_completed(access.share.id);
    }
}

}  // namespace es::portal::routes
