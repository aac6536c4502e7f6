# add_relayfleet_test(NAME SOURCES... [LABELS ...] [LIBS ...] [TIMEOUT s] [LAB] [LIBRARY lib])
# One executable per tested class. LAB tests share the fixture that removes abandoned labs.
# LIBRARY is the part of the app under test (default the core; relayfleet_terminal for the
# terminal, which is tested alone).
function(add_relayfleet_test name)
    cmake_parse_arguments(ARG "LAB" "TIMEOUT;LIBRARY" "SOURCES;LABELS;LIBS" ${ARGN})
    if(NOT ARG_LIBRARY)
        set(ARG_LIBRARY relayfleet_core)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE ${ARG_LIBRARY} relayfleet_common Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;RELAYFLEET_CLI=$<TARGET_FILE:relayfleet-cli>")
    if(ARG_LAB)
        set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED natlab)
    endif()
endfunction()


# add_relayfleet_keyring_test(NAME SOURCES... [LIBS ...]): a test that needs a real keychain,
# run inside tests/support/with-test-keyring (a private D-Bus session and GNOME Keyring).
function(add_relayfleet_keyring_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE relayfleet_core relayfleet_common Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name}
             COMMAND ${PROJECT_SOURCE_DIR}/tests/support/with-test-keyring $<TARGET_FILE:${name}>)
    set_tests_properties(${name} PROPERTIES
        LABELS "keychain;lab" TIMEOUT 300 FIXTURES_REQUIRED natlab
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;RELAYFLEET_CLI=$<TARGET_FILE:relayfleet-cli>")
endfunction()
