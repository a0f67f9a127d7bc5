// The notification side of the module, assembled from config: template catalogue, composer, the
// configured mail and SMS senders (SMTP / HTTP gateway / spool), the outbox store and its worker.
#pragma once

#include <dm/cpp/host_services.hpp>

#include <memory>

#include "config/settings.hpp"
#include "crypto/secret_box.hpp"
#include "store/store.hpp"

namespace es::notify {
class TemplateCatalog;
class MessageComposer;
class MailSender;
class SmsSender;
class OutboxStore;
class OutboxWorker;
}  // namespace es::notify

namespace es::app {

class Notifications {
  public:
    // Loads the templates (ConfigError for a bad override) and builds the senders; sends nothing
    // until start().
    Notifications(const config::Settings& settings, store::Store& store,
                  const crypto::SecretBox& secret_box, const dm::HostServices& host);
    ~Notifications();

    void start();
    void stop();
    // A message was queued: deliver now instead of at the next poll. [any-thread]
    void wake();

  private:
    std::unique_ptr<notify::TemplateCatalog> templates_;
    std::unique_ptr<notify::MessageComposer> composer_;
    std::unique_ptr<notify::MailSender> mail_;
    std::unique_ptr<notify::SmsSender> sms_;
    std::unique_ptr<notify::OutboxStore> outbox_;
    std::unique_ptr<notify::OutboxWorker> worker_;
};

}  // namespace es::app
