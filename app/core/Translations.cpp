#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace relayfleet {

void installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    // An installed .qm file (share/relayfleet/translations) wins over the built-in one, so a
    // corrected translation needs no rebuild; Qt's own come from Qt's translations directory.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral("../share/relayfleet/translations"));
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString &name : {QStringLiteral("relayfleet"), QStringLiteral("qtbase")}) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        const QString external = name == QLatin1String("qtbase") ? qtTranslations : installed;
        if (translator->load(locale, name, QStringLiteral("_"), external) ||
            translator->load(locale, name, QStringLiteral("_"), QStringLiteral(":/i18n"))) {
            QCoreApplication::installTranslator(translator);
        } else {
            delete translator;
        }
    }
}

} // namespace relayfleet
