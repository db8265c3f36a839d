// Catch2's main and runner, compiled once for every test program (tests/CMakeLists.txt: catch_main).
// Compiling CATCH_CONFIG_MAIN costs about 40 s at -O2; once instead of eight times, at -O0, keeps CI short.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
