#pragma once

#include <QString>

namespace relayfleet {

// Installs the translation for `language` ("ja", "en"; empty: the system's) from the .qm
// files embedded under :/i18n. English needs none, so a missing file is not an error. A
// language asked for by name also becomes the default locale, so dates and numbers read as
// the words around them do (a Japanese window on an English system shows Japanese dates).
void installTranslations(const QString &language = {});

} // namespace relayfleet
