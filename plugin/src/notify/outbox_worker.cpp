#include "notify/outbox_worker.hpp"

#include "notify/delivery_error.hpp"
#include "notify/outbox_payload.hpp"
#include "notify/outbox_rows.hpp"
#include "text/error_text.hpp"

namespace es::notify {

namespace {

// What a finished row keeps: its facts, not its sealed link or code.
std::string scrubbed(const std::string& payload_json) {
    try {
        return OutboxPayload::from_json(payload_json).scrubbed().to_json();
    } catch (const std::exception&) {
        return "{}";
    }
}

}  // namespace

OutboxWorker::OutboxWorker(const config::NotifySettings& settings, store::OutboxRepository& store,
                           const MessageComposer& composer, MailSender& mail, SmsSender& sms,
                           Options options, Log log)
    : settings_(settings),
      store_(store),
      composer_(composer),
      mail_(mail),
      sms_(sms),
      options_(std::move(options)),
      log_(std::move(log)),
      backoff_(std::chrono::seconds(settings.backoff_initial_seconds),
               std::chrono::seconds(settings.backoff_max_seconds)),
      random_(std::random_device{}()) {}

OutboxWorker::OutboxWorker(const config::NotifySettings& settings, store::OutboxRepository& store,
                           const MessageComposer& composer, MailSender& mail, SmsSender& sms)
    : OutboxWorker(settings, store, composer, mail, sms, Options{}) {}

OutboxWorker::~OutboxWorker() {
    stop();
}

void OutboxWorker::start() {
    if (thread_.joinable()) {
        return;
    }
    stopping_ = false;
    thread_ = std::thread([this] { loop(); });
}

void OutboxWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wakeup_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void OutboxWorker::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wakeup_.notify_all();
}

void OutboxWorker::log(LogLevel level, const std::string& text) const {
    if (log_) {
        log_(level, text);
    }
}

void OutboxWorker::loop() {
    while (!stopping_) {
        int claimed = 0;
        try {
            const domain::Timestamp now = domain::now_utc();
            if (options_.periodic_job &&
                (!last_periodic_ || now - *last_periodic_ >= options_.periodic_interval)) {
                last_periodic_ = now;
                options_.periodic_job(now);
            }
            claimed = run_once();
        } catch (const std::exception& e) {
            // The database is away: nothing was lost, try again at the next poll.
            log(LogLevel::Error, "outbox: " + text::error_text(e));
        }
        if (claimed >= options_.batch_size) {
            continue;  // more may be due right now; keep the connection
        }
        mail_.end_batch();
        auto wait = options_.poll_interval;
        try {
            if (auto due = store_.next_due_in()) {
                wait = std::clamp(*due, std::chrono::milliseconds(10), options_.poll_interval);
            }
        } catch (const std::exception&) {
        }
        std::unique_lock lock(mutex_);
        wakeup_.wait_for(lock, wait, [this] { return woken_ || stopping_.load(); });
        woken_ = false;
    }
    mail_.end_batch();
}

int OutboxWorker::run_once() {
    if (int dropped = store_.expire_overdue(); dropped > 0) {
        log(LogLevel::Info,
            "outbox: dropped " + std::to_string(dropped) + " one-time code(s) past their lifetime");
    }
    const auto batch = store_.claim(options_.batch_size, options_.lease);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (stopping_) {
            for (std::size_t j = i; j < batch.size(); ++j) {
                if (!store_.release(batch[j].id, batch[j].attempts)) {
                    log(LogLevel::Warning, described(batch[j]) +
                                               ": claim lost before it was given back; another "
                                               "worker has it");
                }
            }
            break;
        }
        deliver(batch[i]);
    }
    return static_cast<int>(batch.size());
}

std::string OutboxWorker::described(const domain::OutboxMessage& message) {
    return "outbox message " + std::to_string(message.id) + " (" + message.kind + " by " +
           message.channel + ")";
}

void OutboxWorker::deliver(const domain::OutboxMessage& message) {
    // The lease starts again at each send, so it has to cover one delivery, not a whole batch.
    // A claim that lapsed meanwhile may be another worker's now: sending would duplicate.
    if (!store_.renew(message.id, message.attempts, options_.lease)) {
        log(LogLevel::Warning,
            described(message) + ": claim lost before sending (lease ran out); skipped");
        return;
    }
    ComposedMessage composed;
    const domain::Timestamp now = domain::now_utc();
    try {
        composed = composer_.compose(message, now);
    } catch (const std::exception& e) {
        // A row that cannot be rendered will not render tomorrow either.
        record_failure(message, std::string("cannot compose: ") + e.what(), true);
        return;
    }
    try {
        if (composed.channel == Channel::Sms) {
            sms_.send(composed.sms);
        } else {
            mail_.send(composed.mail);
        }
    } catch (const DeliveryError& e) {
        record_failure(message, e.what(), e.permanent());
        return;
    }
    if (!store_.mark_sent(message.id, message.attempts, scrubbed(message.payload_json))) {
        warn_claim_lost(message, "sent");
    }
}

void OutboxWorker::warn_claim_lost(const domain::OutboxMessage& message,
                                   const std::string& outcome) {
    // The delivery outlived the lease and the row is someone else's now (or was dropped): its
    // state is theirs to record. Sent mail may go out twice; the lease is too short.
    log(LogLevel::Warning, described(message) + " " + outcome +
                               ", but its claim was lost meanwhile (the lease is shorter than "
                               "this delivery took); not recorded");
}

void OutboxWorker::record_failure(const domain::OutboxMessage& message, const std::string& error,
                                  bool permanent) {
    const domain::Timestamp now = domain::now_utc();
    const std::string what = described(message);
    if (permanent || message.attempts >= settings_.max_attempts) {
        log(LogLevel::Error,
            what + " failed after " + std::to_string(message.attempts) + " attempt(s): " + error);
        if (!store_.mark_failed(message.id, message.attempts, error, scrubbed(message.payload_json),
                                delivery_failed_row(message, error, now))) {
            warn_claim_lost(message, "failed");
        }
        return;
    }
    const auto delay = backoff_.delay(message.attempts, random_);
    log(LogLevel::Warning, what + " attempt " + std::to_string(message.attempts) +
                               " failed, retry in " + std::to_string(delay.count() / 1000) +
                               " s: " + error);
    if (!store_.reschedule(message.id, message.attempts, error, delay)) {
        warn_claim_lost(message, "failed");
    }
}

}  // namespace es::notify
