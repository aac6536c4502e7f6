# Runs at install time on macOS (cmake --install, cpack): makes relayfleet.app self-contained
# and runnable. Also run by the test suite on Linux with stand-ins for the two tools, which
# record what they were asked (tests/package/MacDeployScriptTest.cmake).
#   RELAYFLEET_MACDEPLOYQT  macdeployqt of the Qt the app was built with
#   RELAYFLEET_CODESIGN     codesign
#   RELAYFLEET_QT_TRANSLATIONS  Qt's translations directory (qtbase_ja.qm is copied from it)
set(bundle "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/relayfleet.app")
set(cli "${bundle}/Contents/MacOS/relayfleet-cli")
if(NOT EXISTS "${cli}")
    message(FATAL_ERROR "relayfleet-cli is not in the bundle: ${cli}")
endif()

# Qt's own Japanese strings (the standard dialogs' buttons) travel with the app; Qt's
# translations directory is outside the bundle.
file(GLOB qt_translations "${RELAYFLEET_QT_TRANSLATIONS}/qtbase_ja.qm")
if(NOT qt_translations)
    message(WARNING "qtbase_ja.qm not found in ${RELAYFLEET_QT_TRANSLATIONS}: Qt's own dialogs stay English")
endif()
file(COPY ${qt_translations} DESTINATION "${bundle}/Contents/Resources/translations")

# Qt's frameworks and plugins into the bundle, for the app and for the CLI beside it. Each
# option is one argument: "-executable=PATH", no quotes inside.
execute_process(COMMAND "${RELAYFLEET_MACDEPLOYQT}" "${bundle}" "-executable=${cli}" -always-overwrite
                COMMAND_ERROR_IS_FATAL ANY)

# macdeployqt rewrites the binaries' library paths, which breaks their signatures, and Apple
# Silicon kills a binary whose signature is broken. Ad-hoc signatures again, the CLI first,
# then the bundle with everything inside it.
execute_process(COMMAND "${RELAYFLEET_CODESIGN}" --force --sign - "${cli}" COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${RELAYFLEET_CODESIGN}" --force --deep --sign - "${bundle}" COMMAND_ERROR_IS_FATAL ANY)
