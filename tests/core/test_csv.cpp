#include <catch2/catch.hpp>

#include "core/csv.h"
#include "test_support.h"

using namespace kiosk;

namespace {
CsvTable parse(std::string_view text, Problems& problems) { return parseCsv(text, "t.csv", test::texts(), problems); }
}  // namespace

TEST_CASE("delimiter is detected from the header, outside quotes", "[csv]") {
    CHECK(detectDelimiter("a;b;c\n1;2;3") == ';');
    CHECK(detectDelimiter("a,b,c\n") == ',');
    CHECK(detectDelimiter("\"x,y\";b\n") == ';');
    CHECK(detectDelimiter("\xEF\xBB\xBF" "code;naam") == ';');
}

TEST_CASE("quoted fields keep delimiters, doubled quotes and line breaks", "[csv]") {
    Problems problems;
    const auto t = parse("a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\r\n\"two\r\nlines\";z\r\n", problems);
    REQUIRE(problems.empty());
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[1].fields == std::vector<std::string>{"x;y", "say \"hi\""});
    CHECK(t.records[2].fields == std::vector<std::string>{"two\r\nlines", "z"});  // kept as written
    CHECK(t.records[2].line == 3);
}

TEST_CASE("line numbers follow the file, blank lines skipped", "[csv]") {
    Problems problems;
    const auto t = parse("a,b\n\n1,2\n\"multi\nline\",3\n4,5", problems);
    REQUIRE(t.records.size() == 4);
    CHECK(t.records[1].line == 3);
    CHECK(t.records[2].line == 4);
    CHECK(t.records[3].line == 6);
}

TEST_CASE("an unclosed quote is reported with its line", "[csv]") {
    Problems problems;
    parse("a,b\n1,\"open\n2,3\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].format().rfind("t.csv:2: ", 0) == 0);
}

TEST_CASE("fields are quoted only when needed", "[csv]") {
    CHECK(csvField("plain", ';') == "plain");
    CHECK(csvField("a;b", ';') == "\"a;b\"");
    CHECK(csvField("a,b", ';') == "a,b");
    CHECK(csvField("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
}

TEST_CASE("rows of only delimiters (Excel's formatted empty rows) are blank lines", "[csv]") {
    Problems problems;
    const auto t = parse("a;b;c\r\n1;2;3\r\n;;\r\n;;\r\n", problems);
    CHECK(problems.empty());
    CHECK(t.records.size() == 2);
}
