// Notification throughput: the outbox worker delivering link e-mails to a real local SMTP server
// (aiosmtpd) over one connection reused across each batch, and the cost of building an outbox row
// (what a share's transaction does besides the INSERT).
//
//   notify_bench [messages]          (default 1000)
//
// The outbox here is in memory (tests/notify/memory_outbox_store.hpp): this measures composing,
// MIME and SMTP, not the database; the INSERT itself is measured by store_bench.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "memory_outbox_store.hpp"
#include "notify/outbox_rows.hpp"
#include "notify/outbox_worker.hpp"
#include "notify/smtp_mail_sender.hpp"
#include "notify/spool_sms_sender.hpp"
#include "notify/template_catalog.hpp"
#include "sink_process.hpp"
#include "test_support.hpp"

using namespace es::notify;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const int messages = argc > 1 ? std::atoi(argv[1]) : 1000;
    SinkProcess sink("smtp_sink.py", {});

    es::config::NotifySettings settings;
    settings.from_address = "no-reply@amt.example";
    const TemplateCatalog templates = TemplateCatalog::load("");
    MessageComposer composer(settings, "https://portal.example", templates, test_opener());
    MemoryOutboxStore store;
    const ShareFacts facts = sample_share_facts();
    const std::string sealed = test_seal("TOKEN0123456789", "token:" + facts.share_id);

    // Row building: what queueing adds to a share's transaction besides the INSERT.
    const auto build_start = Clock::now();
    for (int i = 0; i < messages; ++i) {
        const auto now = es::domain::now_utc();
        store.enqueue(share_link_row(facts, "anna" + std::to_string(i) + "@example.org", sealed,
                                     now + std::chrono::hours(24), now));
    }
    const double build_us =
        std::chrono::duration<double, std::micro>(Clock::now() - build_start).count() / messages;

    es::config::SmtpSettings smtp;
    smtp.host = "127.0.0.1";
    smtp.port = sink.port();
    smtp.security = es::config::SmtpSettings::Security::None;
    SmtpMailSender mail(smtp);
    TempDirectory spool;
    SpoolSmsSender sms(spool.path().string());
    OutboxWorker::Options options;
    options.batch_size = 100;
    OutboxWorker worker(settings, store, composer, mail, sms, options);

    const auto start = Clock::now();
    int claimed = 0;
    while (claimed < messages) {
        claimed += worker.run_once();
    }
    mail.end_batch();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const auto received = sink.wait_for(static_cast<std::size_t>(messages)).size();
    std::printf("messages: %d, received by the SMTP server: %zu\n", messages, received);
    std::printf("delivery: %.2f s, %.1f messages/s (batches of %d over one connection each)\n",
                seconds, messages / seconds, options.batch_size);
    std::printf("building one outbox row (validation, payload JSON): %.1f us\n", build_us);
    return received == static_cast<std::size_t>(messages) ? 0 : 1;
}
