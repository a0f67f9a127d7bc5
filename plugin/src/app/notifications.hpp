// The notification side of the module, assembled from config: template catalogue, composer, the
// configured mail and SMS senders (SMTP / HTTP gateway / spool), the store's outbox and its worker,
// and the expiry reminders the worker runs every quarter of an hour.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "crypto/secret_box.hpp"
#include "domain/outbox_message.hpp"
#include "host/host_adapter.hpp"
#include "store/store.hpp"

namespace es::notify {
class TemplateCatalog;
class MessageComposer;
class MailSender;
class SmsSender;
class OutboxWorker;
}  // namespace es::notify

namespace es::app {

class ExpiryReminderJob;
class HostReminderDirectory;

class Notifications {
  public:
    // Loads the templates (ConfigError for a bad override) and builds the senders; sends nothing
    // until start().
    // `organisation_active`: whether an organisation's module is active (its licence); expiry
    // reminders are not sent for the others.
    Notifications(const config::Settings& settings, store::Store& store,
                  const crypto::SecretBox& secret_box, const host::HostAdapter& host,
                  std::function<bool(const std::string& organisation_id)> organisation_active);
    ~Notifications();

    void start();
    void stop();
    // A message was queued: deliver now instead of at the next poll. [any-thread]
    void wake();
    // The organisation's messages given up on, newest first, for the admin page. [any-thread]
    std::vector<domain::OutboxMessage> failed_messages(const std::string& organisation_id,
                                                       int limit);

  private:
    std::unique_ptr<notify::TemplateCatalog> templates_;
    std::unique_ptr<notify::MessageComposer> composer_;
    std::unique_ptr<notify::MailSender> mail_;
    std::unique_ptr<notify::SmsSender> sms_;
    store::OutboxRepository& outbox_;
    std::unique_ptr<HostReminderDirectory> directory_;
    std::unique_ptr<ExpiryReminderJob> expiry_reminders_;
    std::unique_ptr<notify::OutboxWorker> worker_;
};

}  // namespace es::app
