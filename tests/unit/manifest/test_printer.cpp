#include <doctest/doctest.h>

#include <sstream>

#include "wxphones/manifest/diagnostic_printer.h"

TEST_CASE("printer: location, field, message, the line and a caret") {
  wx::DiagnosticPrinter printer;
  printer.add_source("examples/acme/phones.yaml", "a: 1\n\n\n\n\n\n\n\n\n\n\n  mac: 00:1B:54\n");
  wx::Diagnostic d{wx::Severity::Error,
                   {"examples/acme/phones.yaml", 12, 8},
                   "spec.mac",
                   "\"00:1B:54\" is not a MAC address; expected 12 hex digits, e.g. 00:1B:54:AA:01:02"};
  CHECK(printer.render(d) ==
        "examples/acme/phones.yaml:12:8: error: spec.mac: \"00:1B:54\" is not a MAC address; expected 12 hex "
        "digits, e.g. 00:1B:54:AA:01:02\n"
        "   12 |   mac: 00:1B:54\n"
        "      |        ^\n");
}

TEST_CASE("printer: tabs and multi-byte characters keep the caret aligned") {
  wx::DiagnosticPrinter printer;
  printer.add_source("f.yaml", "\tname: caf\xC3\xA9 x\r\n");
  CHECK(printer.render({wx::Severity::Warning, {"f.yaml", 1, 13}, "", "here"}) ==
        "f.yaml:1:13: warning: here\n"
        "    1 | \tname: caf\xC3\xA9 x\n"
        "      | \t           ^\n");
}

TEST_CASE("printer: without a line, without a readable source, without a file") {
  wx::DiagnosticPrinter printer;
  CHECK(printer.render({wx::Severity::Error, {"dir", 0, 0}, "", "no manifests"}) ==
        "dir: error: no manifests\n");
  CHECK(printer.render({wx::Severity::Error, {"/nonexistent/f.yaml", 3, 1}, "kind", "bad"}) ==
        "/nonexistent/f.yaml:3:1: error: kind: bad\n");
  CHECK(printer.render({wx::Severity::Error, {}, "", "plan failed"}) == "error: plan failed\n");
  printer.add_source("short.yaml", "one line\n");
  CHECK(printer.render({wx::Severity::Error, {"short.yaml", 9, 1}, "", "past the end"}) ==
        "short.yaml:9:1: error: past the end\n");
}

TEST_CASE("printer: control characters in the source line are shown as '?'") {
  wx::DiagnosticPrinter printer;
  printer.add_source("b.yaml", std::string("kind: P\0\x01x\n", 11));
  CHECK(printer.render({wx::Severity::Error, {"b.yaml", 1, 8}, "", "binary"}) ==
        "b.yaml:1:8: error: binary\n    1 | kind: P??x\n      |        ^\n");
}

TEST_CASE("summary line") {
  using wx::Severity;
  CHECK(wx::diagnostics_summary({}) == "");
  CHECK(wx::diagnostics_summary({{Severity::Error, {"a", 1, 1}, "", ""}}) == "1 error in 1 file");
  CHECK(wx::diagnostics_summary({{Severity::Error, {"a", 1, 1}, "", ""},
                                 {Severity::Error, {"b", 1, 1}, "", ""},
                                 {Severity::Error, {"a", 2, 1}, "", ""}}) == "3 errors in 2 files");
  CHECK(wx::diagnostics_summary({{Severity::Error, {"a", 1, 1}, "", ""},
                                 {Severity::Warning, {"a", 1, 1}, "", ""},
                                 {Severity::Warning, {"a", 1, 1}, "", ""}}) ==
        "1 error and 2 warnings in 1 file");
  CHECK(wx::diagnostics_summary({{Severity::Error, {}, "", ""}}) == "1 error");
}
