# One INTERFACE target carries the compile settings every project target shares,
# so a new target cannot forget the warnings or the Qt safety defines.
add_library(relayfleet_common INTERFACE)
target_compile_features(relayfleet_common INTERFACE cxx_std_20)
target_compile_definitions(relayfleet_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(relayfleet_common INTERFACE -Wall -Wextra -pedantic -Wshadow)
    if(RELAYFLEET_WERROR)
        target_compile_options(relayfleet_common INTERFACE -Werror)
    endif()
    if(RELAYFLEET_FUZZ)
        target_compile_options(relayfleet_common INTERFACE
            -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(relayfleet_common INTERFACE -fsanitize=address,undefined)
    endif()
    if(RELAYFLEET_SANITIZE)
        target_compile_options(relayfleet_common INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(relayfleet_common INTERFACE -fsanitize=address,undefined)
    endif()
endif()
