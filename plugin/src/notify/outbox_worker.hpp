// Delivers the outbox: claims due messages, composes them, hands them to the mail or SMS sender,
// and records the outcome — sent; retried later with exponential backoff and jitter; failed after
// NotifySettings::max_attempts (or a permanent refusal) with the last error, plus an alert to the
// share's owner in the same transaction; dropped when a one-time code outlived its lifetime.
//
// Nothing is lost: a message leaves the outbox only when a sender accepted it. A process killed
// mid-delivery leaves its claim behind; the claim lapses after `lease` and the message is sent
// again — at least once, with the same Message-ID (MessageComposer derives it from the row).
// Several workers (threads, processes, machines) may share one database: claims are atomic, each
// is renewed just before its message is sent, and outcomes are recorded only under the claim.
//
// Threading: start() spawns one thread; wake() and stop() may be called from any thread. The
// senders are used only by that thread. run_once() is for tests and benches and must not be
// mixed with start().
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "config/settings.hpp"
#include "notify/backoff.hpp"
#include "notify/mail_sender.hpp"
#include "notify/message_composer.hpp"
#include "notify/sms_sender.hpp"
#include "store/outbox_repository.hpp"

namespace es::notify {

class OutboxWorker {
  public:
    struct Options {
        std::chrono::milliseconds poll_interval{std::chrono::seconds(30)};
        // How long a claim holds, renewed as each message is sent. Longer than the slowest single
        // delivery (a dozen SMTP steps at worst, each bounded by the SMTP timeout), or another
        // worker may send the same message; shorter means a crashed worker's messages go out
        // sooner.
        std::chrono::seconds lease{std::chrono::minutes(5)};
        int batch_size = 50;
        // A periodic job run on the worker thread (the expiry reminders); none when empty.
        std::function<void(domain::Timestamp now)> periodic_job;
        std::chrono::milliseconds periodic_interval{std::chrono::minutes(15)};
    };
    enum class LogLevel { Info, Warning, Error };
    using Log = std::function<void(LogLevel, const std::string&)>;

    // All references must outlive the worker. Nothing starts until start().
    OutboxWorker(const config::NotifySettings& settings, store::OutboxRepository& store,
                 const MessageComposer& composer, MailSender& mail, SmsSender& sms, Options options,
                 Log log = {});
    OutboxWorker(const config::NotifySettings& settings, store::OutboxRepository& store,
                 const MessageComposer& composer, MailSender& mail, SmsSender& sms);
    ~OutboxWorker();
    OutboxWorker(const OutboxWorker&) = delete;
    OutboxWorker& operator=(const OutboxWorker&) = delete;

    void start();
    // Finishes the message in hand, gives back the rest of the batch untried, joins the thread.
    void stop();
    // Something was queued: deliver now instead of at the next poll.
    void wake();

    // Drops overdue codes, claims one batch and delivers it; returns how many were claimed.
    int run_once();

  private:
    void loop();
    void deliver(const domain::OutboxMessage& message);
    void record_failure(const domain::OutboxMessage& message, const std::string& error,
                        bool permanent);
    void warn_claim_lost(const domain::OutboxMessage& message, const std::string& outcome);
    // "outbox message <id> (<kind> by <channel>)": what the log names, never the recipient.
    static std::string described(const domain::OutboxMessage& message);
    void log(LogLevel level, const std::string& text) const;

    config::NotifySettings settings_;
    store::OutboxRepository& store_;
    const MessageComposer& composer_;
    MailSender& mail_;
    SmsSender& sms_;
    Options options_;
    Log log_;
    Backoff backoff_;
    std::mt19937_64 random_;

    std::mutex mutex_;
    std::condition_variable wakeup_;
    bool woken_ = false;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
    std::optional<domain::Timestamp> last_periodic_;
};

}  // namespace es::notify
