# The macOS bundle's install-time script and Info.plist, run here with stand-ins for
# macdeployqt and codesign that record their arguments (the real ones exist only on a Mac):
#   cmake -DSOURCE_DIR=... -DWORK_DIR=... -P MacBundleScriptsTest.cmake
# It checks that each tool gets every option as one clean argument (no literal quotes), that
# both binaries are signed after deployment, the CLI before the bundle, and that Qt's Japanese
# translation lands in Contents/Resources.
cmake_minimum_required(VERSION 3.25)

# expect(MESSAGE CONDITION...): fails the test with MESSAGE unless if(CONDITION) holds.
function(expect message)
    if(NOT (${ARGN}))
        message(FATAL_ERROR "FAIL: ${message}")
    endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
set(bundle "${prefix}/relayfleet.app")
file(MAKE_DIRECTORY "${bundle}/Contents/MacOS" "${bundle}/Contents/Resources" "${WORK_DIR}/qt/translations")
file(WRITE "${bundle}/Contents/MacOS/relayfleet" "app")
file(WRITE "${bundle}/Contents/MacOS/relayfleet-cli" "cli")
file(WRITE "${WORK_DIR}/qt/translations/qtbase_ja.qm" "qm")
set(log "${WORK_DIR}/calls.log")
foreach(tool macdeployqt codesign)
    file(WRITE "${WORK_DIR}/${tool}" "#!/bin/sh\n{ printf '${tool}'; for a in \"$@\"; do printf '|%s' \"$a\"; done; echo; } >> '${log}'\n")
    file(CHMOD "${WORK_DIR}/${tool}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
endforeach()

# As the generated cmake_install.cmake runs it: variables set by install(CODE), then the script.
execute_process(COMMAND "${CMAKE_COMMAND}" "-DCMAKE_INSTALL_PREFIX=${prefix}"
                        "-DRELAYFLEET_MACDEPLOYQT=${WORK_DIR}/macdeployqt" "-DRELAYFLEET_CODESIGN=${WORK_DIR}/codesign"
                        "-DRELAYFLEET_QT_TRANSLATIONS=${WORK_DIR}/qt/translations"
                        -P "${SOURCE_DIR}/installer/macos/deploy.cmake"
                RESULT_VARIABLE result)
expect("deploy.cmake failed (${result})" result EQUAL 0)
file(STRINGS "${log}" calls)
list(LENGTH calls count)
expect("three tool calls expected, got: ${calls}" count EQUAL 3)
list(GET calls 0 deploy)
list(GET calls 1 sign_cli)
list(GET calls 2 sign_bundle)
set(cli "${bundle}/Contents/MacOS/relayfleet-cli")
expect("macdeployqt got: ${deploy}" deploy STREQUAL "macdeployqt|${bundle}|-executable=${cli}|-always-overwrite")
string(FIND "${deploy}" "\"" quote)
expect("a literal quote reached macdeployqt: ${deploy}" quote EQUAL -1)
expect("the CLI is signed after deployment: ${sign_cli}" sign_cli STREQUAL "codesign|--force|--sign|-|${cli}")
expect("then the bundle: ${sign_bundle}" sign_bundle STREQUAL "codesign|--force|--deep|--sign|-|${bundle}")
expect("qtbase_ja.qm is in the bundle" EXISTS "${bundle}/Contents/Resources/translations/qtbase_ja.qm")

# A bundle without the CLI is refused before anything runs.
file(REMOVE "${cli}" "${log}")
execute_process(COMMAND "${CMAKE_COMMAND}" "-DCMAKE_INSTALL_PREFIX=${prefix}"
                        "-DRELAYFLEET_MACDEPLOYQT=${WORK_DIR}/macdeployqt" "-DRELAYFLEET_CODESIGN=${WORK_DIR}/codesign"
                        -P "${SOURCE_DIR}/installer/macos/deploy.cmake"
                RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
expect("deploy.cmake accepted a bundle without the CLI" NOT result EQUAL 0)
expect("a tool ran for a bundle without the CLI" NOT EXISTS "${log}")

# Info.plist: the minimum macOS comes from the build (CMAKE_OSX_DEPLOYMENT_TARGET or this Mac).
set(PROJECT_VERSION 9.8.7)
set(RELAYFLEET_MACOS_MINIMUM 14.0)
configure_file("${SOURCE_DIR}/installer/macos/Info.plist.in" "${WORK_DIR}/Info.plist" @ONLY)
file(READ "${WORK_DIR}/Info.plist" plist)
string(FIND "${plist}" "@" unreplaced)
expect("Info.plist keeps a placeholder" unreplaced EQUAL -1)
string(REGEX MATCH "<key>LSMinimumSystemVersion</key>[ \n]*<string>14.0</string>" minimum "${plist}")
expect("LSMinimumSystemVersion is not the deployment target" minimum)
string(REGEX MATCH "<key>CFBundleShortVersionString</key>[ \n]*<string>9.8.7</string>" version "${plist}")
expect("the bundle version is not the project's" version)
message(STATUS "macOS bundle scripts: 1 passed, 0 failed")
