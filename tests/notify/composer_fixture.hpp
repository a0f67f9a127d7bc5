// The message composer as the notification tests use it: the built-in templates, mail from
// "External Sharing" <no-reply@amt.example>, links to https://p.example, secrets opened as
// test_seal sealed them.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "config/settings.hpp"
#include "notify/message_composer.hpp"
#include "notify/template_catalog.hpp"
#include "test_support.hpp"

class ComposerTest : public ::testing::Test {
  protected:
    ComposerTest() : templates_(es::notify::TemplateCatalog::load("")) {
        settings_.from_address = "no-reply@amt.example";
        settings_.from_name = "External Sharing";
        composer_ = std::make_unique<es::notify::MessageComposer>(settings_, "https://p.example",
                                                                  templates_, test_opener());
    }

    es::config::NotifySettings settings_;
    es::notify::TemplateCatalog templates_;
    std::unique_ptr<es::notify::MessageComposer> composer_;
};
