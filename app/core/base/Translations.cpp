#include "base/Translations.h"

#include "base/AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace relayfleet {

void installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty()) {
        QLocale::setDefault(locale);
    }
    // An installed .qm file wins over the built-in one, so a corrected translation needs no
    // rebuild. Qt's own come from Qt's translations directory, or from the installation's
    // (a Mac bundle carries qtbase_ja.qm in Contents/Resources/translations).
    const QString installed =
        AppPaths::installedDataDir(hostPlatform(), QCoreApplication::applicationDirPath()) +
        QStringLiteral("/translations");
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const QStringList ours{installed, QStringLiteral(":/i18n")};
    const QStringList qts{qtTranslations, installed};
    for (const QString &name : {QStringLiteral("relayfleet"), QStringLiteral("qtbase")}) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        bool loaded = false;
        for (const QString &directory : name == QLatin1String("qtbase") ? qts : ours) {
            if (translator->load(locale, name, QStringLiteral("_"), directory)) {
                loaded = true;
                break;
            }
        }
        // Any language we have no translation for reads English, whose file carries the
        // plural forms ("1 file", "2 files") the source text leaves open.
        for (const QString &directory : name == QLatin1String("qtbase") ? QStringList() : ours) {
            if (!loaded) {
                loaded = translator->load(QLocale(QLocale::English), name, QStringLiteral("_"),
                                          directory);
            }
        }
        if (loaded) {
            QCoreApplication::installTranslator(translator);
        } else {
            delete translator;
        }
    }
}

} // namespace relayfleet
