// Adding a file to a case: POST /api/cases/{id}/attachments, multipart/form-data with one file
// part. The body streams from the connection into a temporary file beside the case's other files
// (never into memory), is held to attachments.max_upload_bytes as it comes, and only when whole is
// it renamed into place under a generated name and recorded. An upload that is refused, too large
// or cut off leaves neither a file nor a row.
#pragma once

#include "app/dossier_manager.hpp"
#include "web/router.hpp"

namespace host {

class AttachmentUpload {
  public:
    static void install(Router& router, DossierManager& dm);
};

}  // namespace host
