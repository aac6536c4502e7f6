#pragma once

#include <QString>

namespace relayfleet {

// Installs the translation for `language` ("ja", "en"; empty: the system's) from the .qm
// files embedded under :/i18n. English needs none, so a missing file is not an error.
void installTranslations(const QString &language = {});

} // namespace relayfleet
