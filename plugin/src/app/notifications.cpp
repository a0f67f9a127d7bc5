#include "app/notifications.hpp"

#include "app/expiry_reminder_job.hpp"
#include "app/host_reminder_directory.hpp"

#include "notify/http_sms_sender.hpp"
#include "notify/message_composer.hpp"
#include "notify/outbox_worker.hpp"
#include "notify/smtp_mail_sender.hpp"
#include "notify/spool_mail_sender.hpp"
#include "notify/spool_sms_sender.hpp"
#include "notify/template_catalog.hpp"

namespace es::app {

namespace {

std::unique_ptr<notify::MailSender> mail_sender(const config::NotifySettings& n) {
    if (n.mail == config::NotifySettings::MailSender::Smtp) {
        return std::make_unique<notify::SmtpMailSender>(n.smtp);
    }
    return std::make_unique<notify::SpoolMailSender>(n.spool_directory);
}

std::unique_ptr<notify::SmsSender> sms_sender(const config::NotifySettings& n) {
    if (n.sms == config::NotifySettings::SmsSender::Http) {
        return std::make_unique<notify::HttpSmsSender>(n.sms_gateway);
    }
    return std::make_unique<notify::SpoolSmsSender>(n.spool_directory);
}

}  // namespace

Notifications::Notifications(const config::Settings& settings, store::Store& store,
                             const crypto::SecretBox& secret_box, const host::HostAdapter& host,
                             std::function<bool(const std::string&)> organisation_active)
    : templates_(std::make_unique<notify::TemplateCatalog>(
          notify::TemplateCatalog::load(settings.notify.templates_directory))),
      composer_(std::make_unique<notify::MessageComposer>(
          settings.notify, settings.portal.public_url, *templates_,
          [&secret_box](std::string_view sealed, std::string_view associated_data) {
              return secret_box.open(sealed, associated_data);
          },
          settings.organisation)),
      mail_(mail_sender(settings.notify)),
      sms_(sms_sender(settings.notify)),
      outbox_(store.outbox()),
      directory_(std::make_unique<HostReminderDirectory>(host, store.organisation_settings())) {
    expiry_reminders_ = std::make_unique<ExpiryReminderJob>(
        store.reminders(), *directory_, settings.policy.defaults.expiry_reminder_days,
        std::move(organisation_active),
        [&host](ExpiryReminderJob::LogLevel level, const std::string& text) {
            host.log(level == ExpiryReminderJob::LogLevel::Warning ? host::LogLevel::Warning
                                                                   : host::LogLevel::Info,
                     text);
        });
    notify::OutboxWorker::Options options;
    // The portal queues one-time codes without a way to wake this worker, and a recipient waits
    // for the code on screen: poll often. The poll is one indexed query.
    options.poll_interval = std::chrono::seconds(2);
    // Reminders are days ahead: a quarter of an hour late is nothing, and the scan is one query
    // over the index of live, unreminded shares. Always run, even when the default is 0: an
    // organisation may have switched them on.
    options.periodic_job = [this](domain::Timestamp now) { expiry_reminders_->run(now); };
    options.periodic_interval = std::chrono::minutes(15);
    worker_ = std::make_unique<notify::OutboxWorker>(
        settings.notify, outbox_, *composer_, *mail_, *sms_, options,
        [&host](notify::OutboxWorker::LogLevel level, const std::string& text) {
            host.log(level == notify::OutboxWorker::LogLevel::Error     ? host::LogLevel::Error
                     : level == notify::OutboxWorker::LogLevel::Warning ? host::LogLevel::Warning
                                                                        : host::LogLevel::Info,
                     text);
        });
}

Notifications::~Notifications() {
    stop();
}

void Notifications::start() {
    worker_->start();
}

void Notifications::stop() {
    if (worker_) {
        worker_->stop();
    }
}

void Notifications::wake() {
    worker_->wake();
}

std::vector<domain::OutboxMessage> Notifications::failed_messages(
    const std::string& organisation_id, int limit) {
    return outbox_.list_failed(organisation_id, limit);
}

}  // namespace es::app
